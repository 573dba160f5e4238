//! The layers over the desk: help, texts, questions, lists and forms, in the manner of
//! helix's compositor. Each is a value that handles the actions meant for it and says what
//! came of them, draws itself, and gives the draft of what was typed in it. The desk keeps
//! them in a stack; the top one takes the keys, and only it is drawn.

use super::App;
use super::action::Action;
use super::key_table::When;
use super::ui_state::NoticeLevel;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::Draft;
use shiftdesk_core::history::HistoryFilter;
use shiftdesk_core::i18n::Msg;
use shiftdesk_core::roster::change::RosterChange;
use std::any::Any;

pub trait Layer: Any {
    /// Where this layer's keys are in the key table, the most particular first.
    fn keys(&self) -> &'static [When];

    /// What an action comes to here. `app` is the desk as it stands, this layer taken off
    /// it while it answers. Esc never comes here: it closes any layer, by the Esc rule
    /// ([`Layers::esc_rule`]).
    fn handle(&mut self, action: &Action, app: &App) -> Outcome;

    /// Draws the layer over the screen.
    fn draw(&self, frame: &mut Frame, area: Rect, app: &App);

    /// Whether text was typed that Esc would lose: then the first Esc only warns. A form
    /// with a draft has.
    fn unsaved(&self) -> bool {
        self.draft(DateTime::<Utc>::MIN_UTC).is_some()
    }

    /// What was typed, to keep on disk in case the desk goes away or Ctrl-C quits it;
    /// None when nothing was typed.
    fn draft(&self, _now: DateTime<Utc>) -> Option<Draft> {
        None
    }

    /// Drawn alone over all but the status line: the panes beneath are not drawn at all.
    fn covers_desk(&self) -> bool {
        false
    }

    /// Brought up to date after every action (the search's results).
    fn refresh(&mut self, _app: &App) {}
}

/// What came of an action given to a layer.
pub enum Outcome {
    /// Handled: whatever changed, changed in the layer.
    Consumed,
    /// Not this layer's: the desk beneath acts on it.
    PassDown,
    /// The layer is done; the one beneath, if any, is shown again.
    Close,
    /// In place of every layer open, this one (as opening one from the desk does).
    Open(Box<dyn Layer>),
    /// On top of this layer, which waits beneath (a card over the search it came from).
    Push(Box<dyn Layer>),
    /// Work for the desk, in order. A change the store refuses stops the rest there, so a
    /// form that submits its change first stays open for another try.
    Submit(Vec<Work>),
}

/// Work a layer hands to the desk: `update` carries it out.
pub enum Work {
    /// A change to the incidents, through the one submit path.
    Change(Change),
    /// A change to the roster.
    Roster(RosterChange),
    /// The layer that asked closes.
    Close,
    /// In place of every layer open, this one.
    Open(Box<dyn Layer>),
    /// On top of the layers open (a restored draft's form over the roll-out waiting
    /// beneath the question that offered it).
    Push(Box<dyn Layer>),
    /// The card of the contact the last roster change was about, in place of every layer.
    OpenChangedContact,
    /// A line of feedback.
    Say(NoticeLevel, String),
    /// The incident the last change opened: said (the message's `{id}` filled, and these
    /// too), listed among the open ones and selected, the list with focus.
    ShowOpened(Msg, Vec<(&'static str, String)>),
    /// This incident among the open ones, selected.
    ShowIncident(IncidentId),
    /// Focus on the route, the cursor on whom to call now.
    FollowRoute,
    /// Closed incidents listed by this filter.
    Filter(HistoryFilter),
    /// Put this text on the clipboard.
    Copy(String),
    /// Let the kept draft go.
    DropDraft,
    /// The operator acknowledges the flow in use (the roll-out).
    AcknowledgeFlow,
    Quit,
}

/// The stack of layers, and whether an Esc has been pressed once on the top one.
#[derive(Default)]
pub struct Layers {
    stack: Vec<Box<dyn Layer>>,
    /// Esc was pressed once over typed text: a second Esc discards it.
    discard_armed: bool,
}

impl Layers {
    pub fn top(&self) -> Option<&dyn Layer> {
        self.stack.last().map(|l| &**l)
    }

    /// The top layer, when it is a `T`.
    pub fn top_as<T: Layer>(&self) -> Option<&T> {
        let top: &dyn Any = self.stack.last()?.as_ref();
        top.downcast_ref::<T>()
    }

    pub fn is_empty(&self) -> bool {
        self.stack.is_empty()
    }

    /// Every layer, the top one first.
    pub fn from_top(&self) -> impl Iterator<Item = &dyn Layer> {
        self.stack.iter().rev().map(|l| &**l)
    }

    /// In place of every layer open, this one.
    pub fn open(&mut self, layer: Box<dyn Layer>) {
        self.stack.clear();
        self.push(layer);
    }

    pub fn push(&mut self, layer: Box<dyn Layer>) {
        self.discard_armed = false;
        self.stack.push(layer);
    }

    /// Takes the top layer off, to hand it an action.
    pub(super) fn pop(&mut self) -> Option<Box<dyn Layer>> {
        self.stack.pop()
    }

    /// Puts back the layer taken off with [`Layers::pop`], as it was.
    pub(super) fn put_back(&mut self, layer: Box<dyn Layer>) {
        self.stack.push(layer);
    }

    pub(super) fn close_top(&mut self) {
        self.discard_armed = false;
        self.stack.pop();
    }

    /// Whether the next Esc discards what the top layer holds (its hint says so).
    pub fn discard_armed(&self) -> bool {
        self.discard_armed
    }

    /// Esc, for every layer alike: it closes the layer, but over
    /// typed text the first Esc only warns and the second in a row goes through; any other
    /// key keeps the text. False when the action is the first such Esc.
    pub(super) fn esc_rule(&mut self, action: &Action, layer: &dyn Layer) -> bool {
        if *action != Action::Dismiss {
            self.discard_armed = false;
            return true;
        }
        if layer.unsaved() && !self.discard_armed {
            self.discard_armed = true;
            return false;
        }
        true
    }
}
