//! The team's incident guide: `shiftdesk guide`, `guide check`, and the guide beside the
//! pickers.

area! { guide_words {
    GuideCategoryMissing:
        "no guide for the category {category}",
        "分類 {category} のガイドがありません";
    GuideIdTwice: "the id \"{id}\" is used twice", "ID「{id}」が重複しています";
    GuideIdBadForm:
        "the id \"{id}\" must be lower-case letters, digits and hyphens",
        "ID「{id}」は英小文字・数字・ハイフンで書きます";
    GuideNoSuchContact:
        "no contact \"{id}\" in the roster",
        "名簿に連絡先「{id}」がありません";
    GuideNoSuchKind:
        "the category {category} has no kind \"{kind}\"",
        "分類 {category} に種別「{kind}」はありません";
    GuideDaysOutOfRange:
        "within_days must be 1 to 366, not {n}",
        "within_days は 1〜366 で指定します({n} は不可)";
    GuideAgreedByMissing:
        "say who agreed the handling",
        "対応を合意した人を書きます";
}}
