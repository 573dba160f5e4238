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
    GuideNone: "(the guide says nothing of it)", "(ガイドに記載なし)";
    GuideExamples: "Examples:", "例:";
    GuideBoundaries: "Not this, but:", "境界の例:";
    GuideSeverity: "Severity by impact:", "影響度による重大度:";
    GuideHandles: "What we handle:", "対応範囲:";
    GuideNotHandled: "What we do not handle, and where it goes:", "対応範囲外の依頼と引き継ぎ先:";
    GuideForwardTo: "forward to: {to}", "引き継ぎ先: {to}";
    GuideRule: "rule: {rule}", "根拠: {rule}";
    GuideObligations: "Obligations with their own deadlines:", "期限のある義務:";
    GuideObligationLine:
        "{what} — to {to}, within {days} days of {from}",
        "{what}({to}へ、{from}から {days} 日以内)";
    GuideFromDetected: "detection", "検知";
    GuideFromLearned: "learning of it", "把握";
    GuideWhen: "when: {question}", "条件: {question}";
    GuideExampleOnly:
        "(an example: check it against your own rules and the current law)",
        "(例です。自社の規程と最新の法令で確認してください)";
    GuideKnownRisks: "Known risks outside the regulations", "規程にないリスクと合意した対応";
    GuideAgreed: "agreed by {who} on {date}", "{date} {who} 合意";
    GuideNoRisks: "no known risk mentions that", "該当するリスクはありません";
    GuideBadFileBundledUsed:
        "the team's guide cannot be used ({problem}); the bundled guide is shown",
        "チームのガイドを使えません({problem})。同梱のガイドを表示します";
    GuideNoFile:
        "{path}: no such file (the bundled guide is in use; copy it with `shiftdesk guide --json` to start your own)",
        "{path}: ファイルがありません(同梱のガイドを使用中。`shiftdesk guide --json` で書き出して編集できます)";
    GuideCheckOk: "{path}: the guide is good", "{path}: ガイドに問題はありません";
    ErrUnknownKind:
        "--kind {kind}: the category {category} has the kinds {kinds}",
        "--kind {kind}: 分類 {category} の種別は {kinds} です";
    ErrNoKinds:
        "--kind: the category {category} has no kinds",
        "--kind: 分類 {category} には種別がありません";
    GuideTitle: "Guide · {category}", "ガイド · {category}";
    GuideHint:
        "↑/↓: scroll  Esc, F1, Ctrl-G: back to the form",
        "↑/↓: スクロール  Esc・F1・Ctrl-G: フォームに戻る";
    GuideKinds: "Kinds, each with steps of its own:", "種別(それぞれ固有の手順あり):";
    GuideKindLine: "{name} ({id})", "{name}({id})";
    GuideSeverityFor:
        "{category}: severity by impact",
        "{category}: 影響度による重大度";
    GuideKindsOf: "Kinds of {category}:", "{category} の種別:";
}}
