//! The domain's labels: categories, severities, phases, means of contact, outcomes,
//! effects, answers and kinds of timeline entry.

area! { labels_words {
    // Categories
    CategoryOutOfScope: "Out-of-scope request", "対応範囲外の依頼";
    CategoryOperationMistake: "Operation mistake", "操作ミス";
    CategoryDocError: "Error in a manual or document", "マニュアル・資料の誤記";
    CategorySystemOutage: "System outage", "システム障害";
    CategorySecurity: "Security (ID card, misdirected mail)", "セキュリティ(IDカード紛失・誤送信)";
    CategoryToolDamage: "Damage to manuals or tools", "マニュアル・ツールの破損";
    CategoryEquipmentLoss: "Lost or damaged lent equipment", "貸与機器の紛失・破損";
    CategoryOther: "Other", "その他";
    // Categories, short enough for a table column
    CategoryShortOutOfScope: "Out of scope", "範囲外";
    CategoryShortOperationMistake: "Op. mistake", "操作ミス";
    CategoryShortDocError: "Doc error", "資料誤記";
    CategoryShortSystemOutage: "Outage", "障害";
    CategoryShortSecurity: "Security", "セキュリティ";
    CategoryShortToolDamage: "Tool damage", "ツール破損";
    CategoryShortEquipmentLoss: "Equip. loss", "機器紛失";
    CategoryShortOther: "Other", "その他";
    // The class of the source document a category belongs to
    CategoryClassOperational: "Operational", "業務上のインシデント";
    CategoryClassTeamOperations: "Team operations", "チーム運営に関するインシデント";
    CategoryClassOther: "Other", "その他";
    // Severities
    SeverityCritical: "1 Critical", "1 重大";
    SeverityHigh: "2 High", "2 高";
    SeverityMedium: "3 Medium", "3 中";
    SeverityMinor: "4 Minor", "4 軽微";
    // Phases of the checklist
    PhaseReport: "Report", "報告";
    PhaseAssessScope: "Assess scope", "影響範囲の確認";
    PhaseInterimFix: "Interim fix", "暫定対処";
    PhaseReview: "Review", "振り返り";
    // Phases, for a narrow column
    PhaseShortReport: "Report", "報告";
    PhaseShortAssessScope: "Scope", "影響範囲";
    PhaseShortInterimFix: "Fix", "暫定対処";
    PhaseShortReview: "Review", "振り返り";
    PhaseShortDone: "Done", "完了";
    // Means of contact
    MeansPhone: "call", "電話";
    MeansEmail: "email", "メール";
    MeansChat: "message", "チャット";
    // Outcomes of a contact attempt
    OutcomeReached: "reached", "報告済み";
    OutcomeNoAnswer: "no answer", "不通";
    OutcomeLeftMessage: "left a message", "伝言";
    // Effects of an interim action
    EffectWorked: "worked", "効果あり";
    EffectPartly: "partly worked", "一部効果あり";
    EffectDidNot: "did not work", "効果なし";
    // Answers to a readiness check
    AnswerYes: "yes", "はい";
    AnswerNo: "NO", "いいえ";
    AnswerNotChecked: "not checked", "未確認";
    // Kinds of timeline entry
    EntryOpened: "opened", "記録";
    EntryStepChecked: "checked", "チェック";
    EntryStepUnchecked: "unchecked", "チェック解除";
    EntryStepNote: "step note", "手順メモ";
    EntryNote: "note", "メモ";
    EntryRouteResolved: "route", "報告ルート";
    EntryAttempt: "call", "連絡";
    EntryEscalated: "escalated", "エスカレーション";
    EntryUpdateSent: "status update given", "経過報告";
    EntrySeverityChanged: "severity", "重大度変更";
    EntryCategoryChanged: "category", "分類変更";
    EntryClosed: "closed", "クローズ";
    EntryReopened: "reopened", "再オープン";
    EntryClosedWithoutReview: "closed without review", "振り返りなしでクローズ";
    EntryScopeUpdated: "scope", "影響範囲";
    EntryConsulted: "consulted", "相談";
    EntryInterimAction: "interim action", "暫定対処";
    EntryReviewSaved: "review", "振り返り";
    EntryMeasureDone: "measure done", "対策完了";
    EntryMeasureReopened: "measure reopened", "対策を未完了に戻す";
    EntryDrillStarted: "drill started", "訓練開始";
    EntryInject: "inject", "状況付与";
    EntryDrillJump: "drill clock jumped", "訓練時計を早送り";
    EntryReadinessCheck: "readiness check", "準備確認";
    EntryDrillEnded: "drill ended", "訓練終了";
    // Phone labels the roster writes as ids
    PhoneMobile: "Mobile", "携帯";
    PhoneOffice: "Office", "会社";
    PhoneHome: "Home", "自宅";
    EntryMovedUpByTime: "went up by time", "時間切れで上位へ";
    EntryMeasureAdded: "follow-up measure", "フォローアップの対策";
    EntryStepNotApplicable: "not applicable", "対象外";
    EntryStepApplicable: "applicable again", "対象外を取り消し";
    // How a step was checked by an action
    ViaReaching: "by reaching {name}", "{name} への報告により";
    ViaScope: "by saving the scope", "影響範囲の記録により";
    ViaInterimAction: "by logging an interim action", "暫定対処の記録により";
    ViaReview: "by saving the review", "振り返りの保存により";
    // Kinds of timeline entry: conditions, obligations, out-of-scope decisions
    EntryConditionAnswered: "condition answered", "条件の回答";
    EntryObligationArose: "obligation arose", "義務が発生";
    EntryObligationDone: "obligation done", "義務を完了";
    EntryObligationReopened: "obligation reopened", "義務を未完了に戻す";
    EntryObligationWithdrawn: "obligation withdrawn", "義務を取り下げ";
    EntryObligationReinstated: "obligation stands again", "義務が再び有効に";
    EntryScopeDecided: "out-of-scope decision", "対応範囲外の判断";
    ViaDecision: "by recording the decision", "判断の記録により";
    EntryKindChanged: "kind", "種別変更";
} }
