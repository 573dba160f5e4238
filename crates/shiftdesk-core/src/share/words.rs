//! Every word of the shared documents (the Markdown report and the handover), in English and
//! Japanese. One exhaustive match: a missing word is a compile error.
//!
//! Templates carry `{name}` placeholders, filled with [`fill_word`]. Labels that `crate::i18n`
//! already has (categories, severities, phases, outcomes, …) are taken from there.

use crate::i18n::Lang;
use chrono::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    // The report: heading and summary
    DrillHeading,
    DrillNote,
    StatusOpenLine,
    StatusClosedLine,
    Classification,
    Class,
    ByAt,
    // Times
    TimesHeading,
    FirstReport,
    Mitigated,
    Closed,
    TimeAfter,
    // Scope
    ScopeHeading,
    Services,
    Affected,
    EstimatedCount,
    ImpactSince,
    ScopeNone,
    // Contacts
    AttemptsHeading,
    AttemptsNone,
    LevelN,
    EscalationsHeading,
    EscalationLine,
    // Tables
    ColTime,
    ColLevel,
    ColContact,
    ColMeans,
    ColOutcome,
    ColBy,
    ColWho,
    ColAdvice,
    ColAction,
    ColEffect,
    ColKind,
    ColDetails,
    ColMeasure,
    ColOwner,
    ColDue,
    ColDone,
    // Records
    ConsultHeading,
    InterimHeading,
    NoneRecorded,
    PhaseCount,
    // Review
    Cause,
    WentWell,
    WentBadly,
    SharedWith,
    MeasuresHeading,
    DoneOn,
    NotDone,
    ReviewNotYet,
    ReviewNone,
    ClosedWithoutReview,
    ExportedAt,
    // Handover
    HandoverHeading,
    OpenHeading,
    ClosedHeading,
    FollowUpsHeading,
    None,
    DetectedAgo,
    ReportDue,
    UpdateDue,
    CallbackPending,
    ClosedLine,
    ClosedNoReviewLine,
    FollowUpLine,
    OwnerUnset,
    DueWithMark,
    Overdue,
    Today,
    Tomorrow,
    // Durations
    DurUnderMinute,
    DurMinutes,
    DurHours,
    DurHoursMinutes,
    DurDays,
    DurDaysHours,
}

/// The text of a word in a language.
pub fn word(lang: Lang, w: Word) -> &'static str {
    use Word::*;
    let (en, ja) = match w {
        DrillHeading => ("DRILL — {id} {title}", "【訓練】{id} {title}"),
        DrillNote => (
            "This was a drill, not a live incident.",
            "これは訓練の記録です(実際のインシデントではありません)。",
        ),
        StatusOpenLine => (
            "Status: open — current phase: {phase}.",
            "状態: 対応中(現在のフェーズ: {phase})",
        ),
        StatusClosedLine => (
            "Status: closed {when}, {dur} after detection.",
            "状態: {when} にクローズ(検知から{dur})",
        ),
        Classification => ("Classification", "分類と重大度"),
        Class => ("Class", "区分"),
        ByAt => ("{by}, {when}", "{by}({when})"),
        TimesHeading => ("Times ({zone})", "時刻({zone})"),
        FirstReport => ("First report", "初報"),
        Mitigated => ("Mitigated", "暫定復旧"),
        Closed => ("Closed", "クローズ"),
        TimeAfter => ("{when} ({dur} after detection)", "{when}(検知から{dur})"),
        ScopeHeading => ("Scope of impact", "影響範囲"),
        Services => ("Services", "対象サービス"),
        Affected => ("Affected", "影響対象"),
        EstimatedCount => ("Estimated count", "推定件数"),
        ImpactSince => ("Impact since", "影響開始"),
        ScopeNone => (
            "No scope of impact was recorded.",
            "影響範囲は記録されていません。",
        ),
        AttemptsHeading => ("Contact attempts", "連絡記録"),
        AttemptsNone => (
            "No contact attempts were recorded.",
            "連絡記録はありません。",
        ),
        LevelN => ("L{n}", "第{n}段"),
        EscalationsHeading => ("Escalated by hand", "手動エスカレーション"),
        EscalationLine => (
            "{when} {by}: up to level {level} — {reason}",
            "{when} {by}: 第{level}段へ — {reason}",
        ),
        ColTime => ("Time", "日時"),
        ColLevel => ("Level", "段"),
        ColContact => ("Contact", "連絡先"),
        ColMeans => ("Means", "手段"),
        ColOutcome => ("Outcome", "結果"),
        ColBy => ("By", "担当者"),
        ColWho => ("Who", "相談先"),
        ColAdvice => ("Advice", "助言"),
        ColAction => ("Action", "対処内容"),
        ColEffect => ("Effect", "効果"),
        ColKind => ("Event", "種別"),
        ColDetails => ("Details", "内容"),
        ColMeasure => ("Measure", "対策"),
        ColOwner => ("Owner", "担当"),
        ColDue => ("Due", "期限"),
        ColDone => ("Done", "完了"),
        ConsultHeading => ("Consultations", "相談"),
        InterimHeading => ("Interim actions", "暫定対処"),
        NoneRecorded => ("None recorded.", "記録はありません。"),
        PhaseCount => (
            "{phase}: {done} of {total} done",
            "{phase}: {total}件中{done}件完了",
        ),
        Cause => ("Cause", "原因"),
        WentWell => ("What went well", "良かった点"),
        WentBadly => ("What went badly", "改善すべき点"),
        SharedWith => ("Shared with", "共有先"),
        MeasuresHeading => ("Measures against recurrence", "再発防止策"),
        DoneOn => ("✓ {date}", "✓ {date}"),
        NotDone => ("not done", "未完了"),
        ReviewNotYet => ("Not reviewed yet.", "振り返りはまだ行われていません。"),
        ReviewNone => ("No review was recorded.", "振り返りは記録されていません。"),
        ClosedWithoutReview => (
            "Closed without review {when} by {by}. Reason: {reason}",
            "{when} に {by} が振り返りなしでクローズしました。理由: {reason}",
        ),
        ExportedAt => (
            "Exported from shiftdesk {when} ({zone}).",
            "shiftdesk から出力: {when}({zone})",
        ),
        HandoverHeading => (
            "Shift handover — {from} → {to} ({zone})",
            "シフト引き継ぎ — {from} → {to}({zone})",
        ),
        OpenHeading => ("Open incidents ({n})", "対応中のインシデント({n}件)"),
        ClosedHeading => (
            "Closed during the shift ({n})",
            "このシフト中にクローズ({n}件)",
        ),
        FollowUpsHeading => (
            "Follow-ups due by {date} ({n})",
            "期限が {date} までの再発防止策({n}件)",
        ),
        None => ("none", "なし"),
        DetectedAgo => ("detected {age} ago ({when})", "{age}前に検知({when})"),
        ReportDue => ("Report due: {due}", "報告期限: {due}"),
        UpdateDue => ("Next status update: {due}", "次の経過報告: {due}"),
        CallbackPending => (
            "Waiting for a call back from {name} (message left {when})",
            "{name} からの折り返し待ち({when} に伝言)",
        ),
        ClosedLine => (
            "{id} {title} — closed {when}",
            "{id} {title} — {when} クローズ",
        ),
        ClosedNoReviewLine => (
            "{id} {title} — closed {when} without review (reason: {reason})",
            "{id} {title} — {when} 振り返りなしでクローズ(理由: {reason})",
        ),
        FollowUpLine => (
            "{id} #{n} {text} — owner: {owner}, due {due}",
            "{id} #{n} {text} — 担当: {owner}、期限 {due}",
        ),
        OwnerUnset => ("not set", "未定"),
        DueWithMark => ("{date} ({mark})", "{date}({mark})"),
        Overdue => ("OVERDUE", "期限超過"),
        Today => ("today", "本日"),
        Tomorrow => ("tomorrow", "明日"),
        DurUnderMinute => ("under 1 min", "1分未満"),
        DurMinutes => ("{m} min", "{m}分"),
        DurHours => ("{h} h", "{h}時間"),
        DurHoursMinutes => ("{h} h {mm} min", "{h}時間{m}分"),
        DurDays => ("{d} d", "{d}日"),
        DurDaysHours => ("{d} d {h} h", "{d}日{h}時間"),
    };
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

/// Fills the `{key}` placeholders of a word, as `crate::i18n::fill` does for messages.
pub fn fill_word(lang: Lang, w: Word, args: &[(&str, &str)]) -> String {
    let mut out = word(lang, w).to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// A duration in words: `under 1 min`, `12 min`, `3 h 05 min`, `2 d 4 h` (`12分`,
/// `3時間5分`, `2日4時間`). Whole minutes, rounded down; a negative one counts as zero.
pub fn duration_words(lang: Lang, d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let (m, mm, h, dd) = (
        mins.to_string(),
        format!("{mins:02}"),
        hours.to_string(),
        days.to_string(),
    );
    let args = [("m", m.as_str()), ("mm", &mm), ("h", &h), ("d", &dd)];
    let w = match (days, hours, mins) {
        (0, 0, 0) => Word::DurUnderMinute,
        (0, 0, _) => Word::DurMinutes,
        (0, _, 0) => Word::DurHours,
        (0, _, _) => Word::DurHoursMinutes,
        (_, 0, _) => Word::DurDays,
        _ => Word::DurDaysHours,
    };
    fill_word(lang, w, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(d: Duration) -> (String, String) {
        (duration_words(Lang::En, d), duration_words(Lang::Ja, d))
    }

    #[test]
    fn durations_read_naturally_in_both_languages() {
        let s = |n| both(Duration::seconds(n));
        assert_eq!(s(40), ("under 1 min".into(), "1分未満".into()));
        assert_eq!(s(12 * 60 + 59), ("12 min".into(), "12分".into()));
        assert_eq!(s(185 * 60), ("3 h 05 min".into(), "3時間5分".into()));
        assert_eq!(s(2 * 3600), ("2 h".into(), "2時間".into()));
        assert_eq!(s(52 * 3600 + 300), ("2 d 4 h".into(), "2日4時間".into()));
        assert_eq!(s(48 * 3600 + 300), ("2 d".into(), "2日".into()));
        assert_eq!(s(-90), ("under 1 min".into(), "1分未満".into()));
    }

    #[test]
    fn templates_are_filled_and_every_word_exists_in_both_languages() {
        assert_eq!(
            fill_word(Lang::Ja, Word::LevelN, &[("n", "2")]),
            "第2段".to_string()
        );
        for lang in [Lang::En, Lang::Ja] {
            assert!(!word(lang, Word::ReportDue).is_empty());
        }
    }
}
