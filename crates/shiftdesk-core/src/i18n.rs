//! The words of the domain's labels (categories, severities, phases, means…), and every
//! other word, from `shiftdesk-words`.

pub use shiftdesk_words::*;

use crate::Category;
use crate::Severity;
use crate::incident::AttemptOutcome;
use crate::playbook::Phase;
use crate::roster::Means;
use crate::timeline::EntryKind;

pub fn category(lang: Lang, c: Category) -> &'static str {
    let (en, ja) = match c {
        Category::OutOfScope => ("Out-of-scope request", "対応範囲外の依頼"),
        Category::OperationMistake => ("Operation mistake", "操作ミス"),
        Category::DocError => ("Error in a manual or document", "マニュアル・資料の誤記"),
        Category::SystemOutage => ("System outage", "システム障害"),
        Category::Security => (
            "Security (ID card, misdirected mail)",
            "セキュリティ(IDカード紛失・誤送信)",
        ),
        Category::ToolDamage => ("Damage to manuals or tools", "マニュアル・ツールの破損"),
        Category::EquipmentLoss => ("Lost or damaged lent equipment", "貸与機器の紛失・破損"),
        Category::Other => ("Other", "その他"),
    };
    pick(lang, en, ja)
}

/// A label short enough for a table column.
pub fn category_short(lang: Lang, c: Category) -> &'static str {
    let (en, ja) = match c {
        Category::OutOfScope => ("Out of scope", "範囲外"),
        Category::OperationMistake => ("Op. mistake", "操作ミス"),
        Category::DocError => ("Doc error", "資料誤記"),
        Category::SystemOutage => ("Outage", "障害"),
        Category::Security => ("Security", "セキュリティ"),
        Category::ToolDamage => ("Tool damage", "ツール破損"),
        Category::EquipmentLoss => ("Equip. loss", "機器紛失"),
        Category::Other => ("Other", "その他"),
    };
    pick(lang, en, ja)
}

/// The class of the source document a category belongs to.
pub fn category_class(lang: Lang, c: Category) -> &'static str {
    use crate::category::CategoryClass;
    let (en, ja) = match c.class() {
        CategoryClass::Operational => ("Operational", "業務上のインシデント"),
        CategoryClass::TeamOperations => ("Team operations", "チーム運営に関するインシデント"),
        CategoryClass::Other => ("Other", "その他"),
    };
    pick(lang, en, ja)
}

pub fn severity(lang: Lang, s: Severity) -> &'static str {
    let (en, ja) = match s.number() {
        1 => ("1 Critical", "1 重大"),
        2 => ("2 High", "2 高"),
        3 => ("3 Medium", "3 中"),
        _ => ("4 Minor", "4 軽微"),
    };
    pick(lang, en, ja)
}

pub fn phase(lang: Lang, p: Phase) -> &'static str {
    let (en, ja) = match p {
        Phase::Report => ("Report", "報告"),
        Phase::AssessScope => ("Assess scope", "影響範囲の確認"),
        Phase::InterimFix => ("Interim fix", "暫定対処"),
        Phase::Review => ("Review", "振り返り"),
    };
    pick(lang, en, ja)
}

/// A phase label for a narrow column.
pub fn phase_short(lang: Lang, p: Option<Phase>) -> &'static str {
    let (en, ja) = match p {
        Some(Phase::Report) => ("Report", "報告"),
        Some(Phase::AssessScope) => ("Scope", "影響範囲"),
        Some(Phase::InterimFix) => ("Fix", "暫定対処"),
        Some(Phase::Review) => ("Review", "振り返り"),
        None => ("Done", "完了"),
    };
    pick(lang, en, ja)
}

pub fn means(lang: Lang, m: Means) -> &'static str {
    let (en, ja) = match m {
        Means::Phone => ("call", "電話"),
        Means::Email => ("email", "メール"),
        Means::Chat => ("message", "チャット"),
    };
    pick(lang, en, ja)
}

pub fn outcome(lang: Lang, o: AttemptOutcome) -> &'static str {
    let (en, ja) = match o {
        AttemptOutcome::Reached => ("reached", "報告済み"),
        AttemptOutcome::NoAnswer => ("no answer", "不通"),
        AttemptOutcome::LeftMessage => ("left a message", "伝言"),
    };
    pick(lang, en, ja)
}

pub fn effect(lang: Lang, e: crate::record::Effect) -> &'static str {
    use crate::record::Effect;
    let (en, ja) = match e {
        Effect::Worked => ("worked", "効果あり"),
        Effect::Partly => ("partly worked", "一部効果あり"),
        Effect::DidNot => ("did not work", "効果なし"),
    };
    pick(lang, en, ja)
}

pub fn answer(lang: Lang, a: crate::drill::Answer) -> &'static str {
    use crate::drill::Answer;
    let (en, ja) = match a {
        Answer::Yes => ("yes", "はい"),
        Answer::No => ("NO", "いいえ"),
        Answer::NotChecked => ("not checked", "未確認"),
    };
    pick(lang, en, ja)
}

pub fn entry_kind(lang: Lang, k: EntryKind) -> &'static str {
    let (en, ja) = match k {
        EntryKind::Opened => ("opened", "記録"),
        EntryKind::StepChecked => ("checked", "チェック"),
        EntryKind::StepUnchecked => ("unchecked", "チェック解除"),
        EntryKind::StepNote => ("step note", "手順メモ"),
        EntryKind::Note => ("note", "メモ"),
        EntryKind::RouteResolved => ("route", "報告ルート"),
        EntryKind::Attempt => ("call", "連絡"),
        EntryKind::Escalated => ("escalated", "エスカレーション"),
        EntryKind::UpdateSent => ("status update given", "経過報告"),
        EntryKind::SeverityChanged => ("severity", "重大度変更"),
        EntryKind::CategoryChanged => ("category", "分類変更"),
        EntryKind::Closed => ("closed", "クローズ"),
        EntryKind::Reopened => ("reopened", "再オープン"),
        EntryKind::ClosedWithoutReview => ("closed without review", "振り返りなしでクローズ"),
        EntryKind::ScopeUpdated => ("scope", "影響範囲"),
        EntryKind::Consulted => ("consulted", "相談"),
        EntryKind::InterimAction => ("interim action", "暫定対処"),
        EntryKind::ReviewSaved => ("review", "振り返り"),
        EntryKind::MeasureDone => ("measure done", "対策完了"),
        EntryKind::MeasureReopened => ("measure reopened", "対策を未完了に戻す"),
        EntryKind::DrillStarted => ("drill started", "訓練開始"),
        EntryKind::Inject => ("inject", "状況付与"),
        EntryKind::DrillJump => ("drill clock jumped", "訓練時計を早送り"),
        EntryKind::ReadinessCheck => ("readiness check", "準備確認"),
        EntryKind::DrillEnded => ("drill ended", "訓練終了"),
    };
    pick(lang, en, ja)
}

fn pick(lang: Lang, en: &'static str, ja: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}
