//! The one command table: every command a key, the `:` command line or the help overlay can name,
//! with the keymap section ([`Mode`]) it is bound in. Help, which-key, `:` completion and keymap
//! validation all read [`COMMANDS`]; the default keys are data, in `assets/keymap.toml`.
//!
//! This file is plain data (no terminal types) so that `check-config` can validate keymaps too.

use std::fmt;
use std::str::FromStr;

use crate::annotate::{ClaimType, QuoteType, SourceType, Stance, VerificationStatus};

/// A command without arguments, as bound to keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    CommandLine,
    CycleBidi,
    Redraw,
    ScrollDown,
    ScrollUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextWord,
    PrevWord,
    WordLeft,
    WordRight,
    /// To the last word of the sentence (again: of the next one).
    NextSentence,
    /// To the first word of the sentence (again: of the previous one).
    PrevSentence,
    /// To the last word before the next closing quotation mark or bracket.
    NextClosing,
    /// To the first word after the previous opening quotation mark or bracket.
    PrevOpening,
    /// Select the sentence around the cursor (with a selection open: extend it over it).
    SelectSentence,
    /// Select the clause around the cursor (up to `،` `؛` or the sentence end).
    SelectClause,
    /// Select the inside of the quotation around the cursor.
    SelectQuotation,
    Cancel,
    Suspend,
    Select,
    TagSource,
    TagClaim,
    Undo,
    Redo,
    Save,
    Search,
    SearchNext,
    SearchPrev,
    Open,
    LibraryBack,
    LibrarySort,
    TagEntity,
    ReviewNext,
    ReviewPrev,
    Accept,
    Reject,
    AcceptAll,
    Relabel,
    StartEarlier,
    StartLater,
    EndLeft,
    EndRight,
    Legend,
    TogglePanel,
    Link,
    SetType,
    Verify,
    Cue,
    Delete,
    NoteInEditor,
    /// Add an intermediary to the chain of the attribution under the cursor.
    AddIntermediary,
    /// Open the chain editor (reorder and remove intermediaries).
    EditChain,
    SetStance,
    SetQuoteType,
    /// Mark the source under the cursor as the same as another.
    SameAs,
    NextMention,
    PrevMention,
    /// The article's isnad tree, on its own screen.
    IsnadView,
    /// The claims table, on its own screen.
    ClaimsTable,
    /// The sources table, on its own screen.
    SourcesTable,
    PickerDown,
    PickerUp,
    PickerChoose,
    /// Choose the n-th entry of a picker (1 to 9).
    Pick(u8),
    PanelDown,
    PanelUp,
    PanelJump,
    PanelLeave,
    PanelClaims,
    PanelSources,
    PanelEntities,
    PanelNextView,
    PanelPrevView,
    PanelClose,
    PromptSubmit,
    PromptCancel,
    PromptComplete,
    PromptCompleteBack,
    /// Give the entity this label (the label picker after `e` or `r`; in the legend, hide or
    /// show the label).
    Label(&'static str),
    /// Set the claim type (the picker after `t` on a claim).
    ClaimType(ClaimType),
    /// Set the source type (the picker after `t` on a source).
    SourceType(SourceType),
    /// Set the verification status (the picker after `V`).
    Verdict(VerificationStatus),
    LegendSuggestions,
    LegendRejected,
    LegendClaims,
    LegendSources,
    LegendClose,
    /// Set the stance of an attribution (the picker after `S`).
    Stance(Stance),
    /// Set the quote type of an attribution (the picker after `Q`).
    QuoteType(QuoteType),
    ChainAdd,
    ChainOutward,
    ChainInward,
    ChainRemove,
    ChainClose,
    IsnadDown,
    IsnadUp,
    IsnadPageDown,
    IsnadPageUp,
    IsnadTop,
    IsnadBottom,
    IsnadJump,
    IsnadBack,
    /// Show the compare view again (after `e` or hiding it), or the open file's merge conflicts.
    CompareShow,
    CompareNext,
    ComparePrev,
    CompareTakeA,
    CompareTakeB,
    CompareTakeBoth,
    CompareDropBoth,
    CompareEdit,
    CompareUndo,
    CompareHide,
    /// A key of the claims table (`[claims]`).
    Claims(TableKey),
    /// A key of the sources table (`[sources]`).
    Sources(TableKey),
}

/// What a key does in the claims or the sources table: the two tables share these, each in
/// its own keymap section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKey {
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Jump to the row's place in the reader.
    Jump,
    /// Sort by the next column.
    Sort,
    /// Flip the order of the sort.
    Reverse,
    /// The next filter.
    Filter,
    /// The previous filter.
    FilterBack,
    /// Set the type of the row's claim or source (a picker).
    SetType,
    /// Set the verdict of the row's claim (a picker; claims only).
    Verdict,
    Back,
}

impl TableKey {
    /// Every key of a table, the verdict last (the sources table has none).
    pub const ALL: [TableKey; 14] = [
        TableKey::Down,
        TableKey::Up,
        TableKey::PageDown,
        TableKey::PageUp,
        TableKey::Top,
        TableKey::Bottom,
        TableKey::Jump,
        TableKey::Sort,
        TableKey::Reverse,
        TableKey::Filter,
        TableKey::FilterBack,
        TableKey::SetType,
        TableKey::Back,
        TableKey::Verdict,
    ];
}

/// A section of `keymap.toml`: where a key is looked up depends on what has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// Reading and annotating.
    Reader,
    /// While a selection is open: looked up before `[reader]`.
    Select,
    /// The link picker (`l`).
    Picker,
    /// The side panel while it has the keys.
    Panel,
    /// The command line, the search prompt and the note editor.
    Prompt,
    /// The library list: looked up before `[reader]`.
    Library,
    /// The entity label picker (`e`, `r`); the legend reads its keys too.
    Label,
    /// The claim type picker (`t` on a claim).
    ClaimType,
    /// The source type picker (`t` on a source).
    SourceType,
    /// The verification picker (`V`).
    Verdict,
    /// The legend (`L`): its layers' keys; labels use `[label]`'s.
    Legend,
    /// The stance picker (`S`).
    Stance,
    /// The quote type picker (`Q`).
    QuoteType,
    /// The chain editor (`I`): its own keys; moving uses `[picker]`'s.
    Chain,
    /// The isnad view (`T`, `:isnad`).
    Isnad,
    /// The claims table (`g c`, `:claims`).
    Claims,
    /// The sources table (`g s`, `:sources`).
    Sources,
    /// The compare view (`:compare`): looked up before `[reader]`.
    Compare,
}

impl Mode {
    pub const ALL: [Mode; 18] = [
        Mode::Reader,
        Mode::Select,
        Mode::Picker,
        Mode::Panel,
        Mode::Prompt,
        Mode::Library,
        Mode::Label,
        Mode::ClaimType,
        Mode::SourceType,
        Mode::Verdict,
        Mode::Legend,
        Mode::Stance,
        Mode::QuoteType,
        Mode::Chain,
        Mode::Isnad,
        Mode::Compare,
        Mode::Claims,
        Mode::Sources,
    ];

    /// The section's name in `keymap.toml`.
    pub fn section(self) -> &'static str {
        match self {
            Mode::Reader => "reader",
            Mode::Select => "select",
            Mode::Picker => "picker",
            Mode::Panel => "panel",
            Mode::Prompt => "prompt",
            Mode::Library => "library",
            Mode::Label => "label",
            Mode::ClaimType => "claim_type",
            Mode::SourceType => "source_type",
            Mode::Verdict => "verdict",
            Mode::Legend => "legend",
            Mode::Stance => "stance",
            Mode::QuoteType => "quote_type",
            Mode::Chain => "chain",
            Mode::Isnad => "isnad",
            Mode::Compare => "compare",
            Mode::Claims => "claims",
            Mode::Sources => "sources",
        }
    }

    /// The section named `name` (`normal` is the old name of `reader`, still read).
    pub fn from_section(name: &str) -> Option<Self> {
        match name {
            "normal" => Some(Mode::Reader),
            _ => Self::ALL.into_iter().find(|m| m.section() == name),
        }
    }

    /// Where this section's keys work, for "works in … only".
    pub fn place(self) -> &'static str {
        match self {
            Mode::Reader => "the reader",
            Mode::Select => "a selection",
            Mode::Picker => "a picker",
            Mode::Panel => "the side panel",
            Mode::Prompt => "the command line and the search prompt",
            Mode::Library => "the library",
            Mode::Label => "the label picker and the legend",
            Mode::ClaimType => "the claim type picker",
            Mode::SourceType => "the source type picker",
            Mode::Verdict => "the verification picker",
            Mode::Legend => "the legend",
            Mode::Stance => "the stance picker",
            Mode::QuoteType => "the quote type picker",
            Mode::Chain => "the chain editor",
            Mode::Isnad => "the isnad view (:isnad)",
            Mode::Claims => "the claims table (:claims)",
            Mode::Sources => "the sources table (:sources)",
            Mode::Compare => "the compare view (:compare FILE)",
        }
    }

    /// Whether `command` can be bound in this section: the select and library sections refine
    /// the reader's keys, the others have commands of their own.
    pub fn accepts(self, command: Command) -> bool {
        let home = command.info().mode;
        home == self || (home == Mode::Reader && matches!(self, Mode::Select | Mode::Library))
    }
}

/// One row of the command table.
#[derive(Debug, Clone, Copy)]
pub struct CommandInfo {
    pub command: Command,
    /// Dotted name used in `keymap.toml` and on the `:` command line.
    pub name: &'static str,
    /// One line for the help overlay, which-key and completion.
    pub description: &'static str,
    /// Heading the help overlay groups it under.
    pub group: &'static str,
    /// The keymap section it belongs to.
    pub mode: Mode,
}

macro_rules! table {
    ($($mode:ident $cmd:expr, $name:literal, $group:literal, $desc:literal;)*) => {
        /// Every command, in the order the help overlay lists them.
        pub const COMMANDS: &[CommandInfo] = &[
            $(CommandInfo {
                command: { use Command::*; $cmd },
                name: $name,
                description: $desc,
                group: $group,
                mode: Mode::$mode,
            },)*
        ];
    };
}

table! {
    Reader ScrollDown, "view.scroll_down", "Scroll", "Scroll down one line";
    Reader ScrollUp, "view.scroll_up", "Scroll", "Scroll up one line";
    Reader HalfPageDown, "view.half_page_down", "Scroll", "Scroll down half a screen";
    Reader HalfPageUp, "view.half_page_up", "Scroll", "Scroll up half a screen";
    Reader PageDown, "view.page_down", "Scroll", "Scroll down one screen";
    Reader PageUp, "view.page_up", "Scroll", "Scroll up one screen";
    Reader Top, "view.top", "Scroll", "Go to the start of the article";
    Reader Bottom, "view.bottom", "Scroll", "Go to the end of the article";
    Reader Search, "search.start", "Search", "Search forward (ignores harakat, tatweel and letter variants)";
    Reader SearchNext, "search.next", "Search", "Next match";
    Reader SearchPrev, "search.prev", "Search", "Previous match";
    Reader NextWord, "cursor.next_word", "Cursor", "Next word in reading order";
    Reader PrevWord, "cursor.prev_word", "Cursor", "Previous word in reading order";
    Reader WordLeft, "cursor.left", "Cursor", "Word to the left on screen (forward in right-to-left text)";
    Reader WordRight, "cursor.right", "Cursor", "Word to the right on screen (backward in right-to-left text)";
    Reader NextSentence, "cursor.next_sentence", "Cursor", "To the sentence's last word (before . ؟ ! ۔ … or the line end); again: the next sentence's";
    Reader PrevSentence, "cursor.prev_sentence", "Cursor", "To the sentence's first word; again: the previous sentence's";
    Reader NextClosing, "cursor.next_closing", "Cursor", "To the last word before the next closing quotation mark or bracket (» ” \" ) ])";
    Reader PrevOpening, "cursor.prev_opening", "Cursor", "To the first word after the previous opening quotation mark or bracket (« “ \" ( [)";
    Reader SelectSentence, "select.sentence", "Annotate", "Select the sentence around the cursor (with a selection open: extend it over the sentence)";
    Reader SelectClause, "select.clause", "Annotate", "Select the clause around the cursor (up to ، ؛ or the sentence end)";
    Reader SelectQuotation, "select.quotation", "Annotate", "Select the inside of the quotation around the cursor («…», “…”, \"…\")";
    Reader Select, "select.toggle", "Annotate", "Start a selection at the word cursor (motions and mouse drag extend it; Esc cancels)";
    Reader TagSource, "tag.source", "Annotate", "Tag the selection (or the word) as a source";
    Reader TagClaim, "tag.claim", "Annotate", "Tag the selection (or the word) as a claim";
    Reader TagEntity, "tag.entity", "Annotate", "Tag the selection (or the word) as an entity (then a label key)";
    Reader ReviewNext, "review.next", "Review", "Next pending suggestion";
    Reader ReviewPrev, "review.prev", "Review", "Previous pending suggestion";
    Reader Accept, "review.accept", "Review", "Accept the suggestion under the cursor (and go to the next)";
    Reader Reject, "review.reject", "Review", "Reject the suggestion under the cursor (and go to the next)";
    Reader AcceptAll, "review.accept_all", "Review", "Accept every pending suggestion with the same text and label";
    Reader Relabel, "review.relabel", "Review", "Change the label of the entity under the cursor (then a label key)";
    Reader StartEarlier, "review.start_earlier", "Review", "Move the start of the annotation under the cursor one word earlier (reading order)";
    Reader StartLater, "review.start_later", "Review", "Move the start of the annotation under the cursor one word later (reading order)";
    Reader EndLeft, "review.end_left", "Review", "Move the end of the annotation under the cursor one word left on screen (longer in right-to-left text)";
    Reader EndRight, "review.end_right", "Review", "Move the end of the annotation under the cursor one word right on screen (shorter in right-to-left text)";
    Reader Legend, "view.legend", "Review", "Show the legend: labels and layers with counts; their keys hide or show them";
    Reader Link, "claim.link", "Claims", "Link the claim under the cursor to a source (or a source to a claim): a picker, same sentence first, then the sentence before, then nearest; Enter links or unlinks";
    Reader Cue, "claim.cue", "Claims", "Attach the selection (or the word) as the cue of the current claim's attribution";
    Reader SetType, "claim.type", "Claims", "Set the type of the claim or source under the cursor (then a key)";
    Reader Verify, "claim.verify", "Claims", "Set the verification status of the claim under the cursor (then a key)";
    Reader AddIntermediary, "isnad.add_intermediary", "Isnad", "Add an intermediary to the chain of the claim's attribution: a picker of sources, nearest first (with a selection: the selection becomes a new source)";
    Reader EditChain, "isnad.edit_chain", "Isnad", "Edit the chain of the attribution under the cursor: move or remove its intermediaries";
    Reader SetStance, "isnad.stance", "Isnad", "Set the stance of the attribution under the cursor: asserts, denies, doubts, confirms, retracts (then a key)";
    Reader SetQuoteType, "isnad.quote_type", "Isnad", "Set the quote type of the attribution under the cursor: direct, indirect, mixed… (then a key)";
    Reader SameAs, "isnad.same_as", "Isnad", "Mark the source under the cursor as the same as another (a picker, earlier mentions first); again on the same one unmarks";
    Reader NextMention, "isnad.next_mention", "Isnad", "Next mention of the source (after same as) or entity under the cursor";
    Reader PrevMention, "isnad.prev_mention", "Isnad", "Previous mention of the source or entity under the cursor";
    Reader IsnadView, "view.isnad", "Isnad", "The article's isnad: outlet, intermediaries and speakers as a tree with their claims (also :isnad)";
    Reader ClaimsTable, "view.claims", "Claims", "Table of the claims, to sort, filter and judge (also :claims)";
    Reader SourcesTable, "view.sources", "Claims", "Table of the sources and their claims (also :sources)";
    Reader Open, "annotate.open", "Annotate", "Edit the note of the annotation under the cursor (Enter keeps it, Esc drops the edit); in the library, open the chosen article (or fetch a failed address again)";
    Reader NoteInEditor, "annotate.note_editor", "Annotate", "Edit the note of the annotation under the cursor in $VISUAL or $EDITOR";
    Reader Delete, "annotate.delete", "Annotate", "Delete the annotation under the cursor with its links (u undoes)";
    Reader Undo, "edit.undo", "Annotate", "Undo the last change";
    Reader Redo, "edit.redo", "Annotate", "Redo the last undone change";
    Reader Save, "file.save", "Annotate", "Save the annotations now (they are also saved within a second of every change)";
    Reader LibraryBack, "library.back", "Library", "Back from the article to the library";
    Reader LibrarySort, "library.sort", "Library", "Sort the library by name, size or pending suggestions";
    Reader TogglePanel, "view.panel", "View", "Side panel of claims, sources and entities (Tab again: keys to the reader, then close)";
    Reader CycleBidi, "view.cycle_bidi", "View", "Cycle the right-to-left rendering mode: app, terminal, off";
    Reader Redraw, "view.redraw", "View", "Redraw the screen";
    Reader Help, "app.help", "App", "Show or hide this help";
    Reader CommandLine, "app.command_line", "App", "Open the command line (:w, :q, :e FILE, :theme NAME, …)";
    Reader Cancel, "app.cancel", "App", "Close the open popup or prompt, cancel the selection, clear the message; stop a page being fetched";
    Reader Suspend, "app.suspend", "App", "Suspend to the shell (fg resumes)";
    Reader Quit, "app.quit", "App", "Quit";
    Picker PickerDown, "picker.down", "Pickers", "Next entry of the picker";
    Picker PickerUp, "picker.up", "Pickers", "Previous entry of the picker";
    Picker PickerChoose, "picker.choose", "Pickers", "Choose the highlighted entry (link, unlink, accept)";
    Picker Pick(1), "picker.choose_1", "Pickers", "Choose entry 1";
    Picker Pick(2), "picker.choose_2", "Pickers", "Choose entry 2";
    Picker Pick(3), "picker.choose_3", "Pickers", "Choose entry 3";
    Picker Pick(4), "picker.choose_4", "Pickers", "Choose entry 4";
    Picker Pick(5), "picker.choose_5", "Pickers", "Choose entry 5";
    Picker Pick(6), "picker.choose_6", "Pickers", "Choose entry 6";
    Picker Pick(7), "picker.choose_7", "Pickers", "Choose entry 7";
    Picker Pick(8), "picker.choose_8", "Pickers", "Choose entry 8";
    Picker Pick(9), "picker.choose_9", "Pickers", "Choose entry 9";
    Panel PanelDown, "panel.down", "Side panel", "Next line (the reader follows)";
    Panel PanelUp, "panel.up", "Side panel", "Previous line (the reader follows)";
    Panel PanelJump, "panel.jump", "Side panel", "Jump to the line's place and give the keys back to the reader";
    Panel PanelLeave, "panel.leave", "Side panel", "Give the keys back to the reader (the panel stays open)";
    Panel PanelClaims, "panel.claims", "Side panel", "Show claims with their sources";
    Panel PanelSources, "panel.sources", "Side panel", "Show sources with their claims";
    Panel PanelEntities, "panel.entities", "Side panel", "Show entities by label";
    Panel PanelNextView, "panel.next_view", "Side panel", "Next view (claims, sources, entities)";
    Panel PanelPrevView, "panel.prev_view", "Side panel", "Previous view";
    Panel PanelClose, "panel.close", "Side panel", "Close the panel";
    Prompt PromptSubmit, "prompt.submit", "Prompt", "Run the command line, search, keep the note";
    Prompt PromptCancel, "prompt.cancel", "Prompt", "Close the prompt (a note edit is dropped)";
    Prompt PromptComplete, "prompt.complete", "Prompt", "Next completion of the command line";
    Prompt PromptCompleteBack, "prompt.complete_back", "Prompt", "Previous completion of the command line";
    Label Label("PERSON"), "label.person", "Entity labels", "PERSON";
    Label Label("ORG"), "label.org", "Entity labels", "ORG";
    Label Label("GPE"), "label.gpe", "Entity labels", "GPE";
    Label Label("LOC"), "label.loc", "Entity labels", "LOC";
    Label Label("FAC"), "label.fac", "Entity labels", "FAC";
    Label Label("NORP"), "label.norp", "Entity labels", "NORP";
    Label Label("EVENT"), "label.event", "Entity labels", "EVENT";
    Label Label("DATE"), "label.date", "Entity labels", "DATE";
    Label Label("TIME"), "label.time", "Entity labels", "TIME";
    Label Label("NUMBER"), "label.number", "Entity labels", "NUMBER";
    Label Label("MONEY"), "label.money", "Entity labels", "MONEY";
    Label Label("MISC"), "label.misc", "Entity labels", "MISC";
    ClaimType ClaimType(crate::annotate::ClaimType::Statement), "claim_type.statement", "Claim types", "statement";
    ClaimType ClaimType(crate::annotate::ClaimType::Quantity), "claim_type.quantity", "Claim types", "quantity";
    ClaimType ClaimType(crate::annotate::ClaimType::Event), "claim_type.event", "Claim types", "event";
    ClaimType ClaimType(crate::annotate::ClaimType::Causal), "claim_type.causal", "Claim types", "causal";
    ClaimType ClaimType(crate::annotate::ClaimType::Prediction), "claim_type.prediction", "Claim types", "prediction";
    ClaimType ClaimType(crate::annotate::ClaimType::Quote), "claim_type.quote", "Claim types", "quote";
    ClaimType ClaimType(crate::annotate::ClaimType::Opinion), "claim_type.opinion", "Claim types", "opinion";
    ClaimType ClaimType(crate::annotate::ClaimType::Other), "claim_type.other", "Claim types", "other";
    Verdict Verdict(crate::annotate::VerificationStatus::Unverified), "verdict.unverified", "Verification", "unverified";
    Verdict Verdict(crate::annotate::VerificationStatus::InProgress), "verdict.in_progress", "Verification", "in_progress";
    Verdict Verdict(crate::annotate::VerificationStatus::True), "verdict.true", "Verification", "true";
    Verdict Verdict(crate::annotate::VerificationStatus::MostlyTrue), "verdict.mostly_true", "Verification", "mostly_true";
    Verdict Verdict(crate::annotate::VerificationStatus::Mixed), "verdict.mixed", "Verification", "mixed";
    Verdict Verdict(crate::annotate::VerificationStatus::MostlyFalse), "verdict.mostly_false", "Verification", "mostly_false";
    Verdict Verdict(crate::annotate::VerificationStatus::False), "verdict.false", "Verification", "false";
    Verdict Verdict(crate::annotate::VerificationStatus::Misleading), "verdict.misleading", "Verification", "misleading";
    Verdict Verdict(crate::annotate::VerificationStatus::Unproven), "verdict.unproven", "Verification", "unproven";
    Verdict Verdict(crate::annotate::VerificationStatus::NotCheckable), "verdict.not_checkable", "Verification", "not_checkable";
    SourceType SourceType(crate::annotate::SourceType::Official), "source_type.official", "Source types", "official";
    SourceType SourceType(crate::annotate::SourceType::AnonymousOfficial), "source_type.anonymous_official", "Source types", "anonymous_official";
    SourceType SourceType(crate::annotate::SourceType::Anonymous), "source_type.anonymous", "Source types", "anonymous";
    SourceType SourceType(crate::annotate::SourceType::Eyewitness), "source_type.eyewitness", "Source types", "eyewitness";
    SourceType SourceType(crate::annotate::SourceType::AffectedPerson), "source_type.affected_person", "Source types", "affected_person";
    SourceType SourceType(crate::annotate::SourceType::Expert), "source_type.expert", "Source types", "expert";
    SourceType SourceType(crate::annotate::SourceType::Organization), "source_type.organization", "Source types", "organization";
    SourceType SourceType(crate::annotate::SourceType::MediaOutlet), "source_type.media_outlet", "Source types", "media_outlet";
    SourceType SourceType(crate::annotate::SourceType::SocialMedia), "source_type.social_media", "Source types", "social_media";
    SourceType SourceType(crate::annotate::SourceType::Document), "source_type.document", "Source types", "document";
    SourceType SourceType(crate::annotate::SourceType::Journalist), "source_type.journalist", "Source types", "journalist";
    SourceType SourceType(crate::annotate::SourceType::Unknown), "source_type.unknown", "Source types", "unknown";
    SourceType SourceType(crate::annotate::SourceType::Statement), "source_type.statement", "Source types", "statement";
    SourceType SourceType(crate::annotate::SourceType::Agency), "source_type.agency", "Source types", "agency";
    SourceType SourceType(crate::annotate::SourceType::Outlet), "source_type.outlet", "Source types", "outlet";
    SourceType SourceType(crate::annotate::SourceType::Interview), "source_type.interview", "Source types", "interview";
    SourceType SourceType(crate::annotate::SourceType::SocialAccount), "source_type.social_account", "Source types", "social_account";
    Legend LegendSuggestions, "legend.suggestions", "Legend", "Hide or show the pending suggestions";
    Legend LegendRejected, "legend.rejected", "Legend", "Hide or show the rejected suggestions";
    Legend LegendClaims, "legend.claims", "Legend", "Hide or show the claims";
    Legend LegendSources, "legend.sources", "Legend", "Hide or show the sources";
    Legend LegendClose, "legend.close", "Legend", "Close the legend";
    Stance Stance(crate::annotate::Stance::Asserts), "stance.asserts", "Stance", "asserts";
    Stance Stance(crate::annotate::Stance::Denies), "stance.denies", "Stance", "denies";
    Stance Stance(crate::annotate::Stance::Doubts), "stance.doubts", "Stance", "doubts";
    Stance Stance(crate::annotate::Stance::Confirms), "stance.confirms", "Stance", "confirms";
    Stance Stance(crate::annotate::Stance::Retracts), "stance.retracts", "Stance", "retracts";
    QuoteType QuoteType(crate::annotate::QuoteType::Direct), "quote_type.direct", "Quote types", "direct";
    QuoteType QuoteType(crate::annotate::QuoteType::Indirect), "quote_type.indirect", "Quote types", "indirect";
    QuoteType QuoteType(crate::annotate::QuoteType::Mixed), "quote_type.mixed", "Quote types", "mixed";
    QuoteType QuoteType(crate::annotate::QuoteType::Paraphrase), "quote_type.paraphrase", "Quote types", "paraphrase";
    QuoteType QuoteType(crate::annotate::QuoteType::Unknown), "quote_type.unknown", "Quote types", "unknown";
    Chain ChainAdd, "chain.add", "Chain editor", "Add an intermediary (a picker of sources, nearest first)";
    Chain ChainOutward, "chain.outward", "Chain editor", "Move the chosen intermediary one hand outward (towards the article)";
    Chain ChainInward, "chain.inward", "Chain editor", "Move the chosen intermediary one hand inward (towards the speaker)";
    Chain ChainRemove, "chain.remove", "Chain editor", "Remove the chosen intermediary from the chain";
    Chain ChainClose, "chain.close", "Chain editor", "Close the chain editor";
    Isnad IsnadDown, "isnad.down", "Isnad view", "Next line";
    Isnad IsnadUp, "isnad.up", "Isnad view", "Previous line";
    Isnad IsnadPageDown, "isnad.page_down", "Isnad view", "One screen down";
    Isnad IsnadPageUp, "isnad.page_up", "Isnad view", "One screen up";
    Isnad IsnadTop, "isnad.top", "Isnad view", "First line";
    Isnad IsnadBottom, "isnad.bottom", "Isnad view", "Last line";
    Isnad IsnadJump, "isnad.jump", "Isnad view", "Jump to the line's span in the reader";
    Isnad IsnadBack, "isnad.back", "Isnad view", "Back to the reader";
    Reader CompareShow, "compare.show", "Compare", "Show the compare view again (:compare FILE opens it), or settle this file's merge conflicts";
    Compare CompareNext, "compare.next", "Compare", "Next difference not yet settled";
    Compare ComparePrev, "compare.prev", "Compare", "Previous difference not yet settled";
    Compare CompareTakeA, "compare.take_a", "Compare", "Take A's side (the open file): B's item is left out";
    Compare CompareTakeB, "compare.take_b", "Compare", "Take B's side: its item replaces A's (or is added; A's is dropped)";
    Compare CompareTakeBoth, "compare.take_both", "Compare", "Keep both items";
    Compare CompareDropBoth, "compare.drop_both", "Compare", "Drop both items (with their links)";
    Compare CompareEdit, "compare.edit", "Compare", "Edit the item in the reader (compare.show comes back)";
    Compare CompareUndo, "compare.undo", "Compare", "Undo the last decision";
    Compare CompareHide, "compare.hide", "Compare", "Hide the compare view (decisions are kept and saved)";
    Claims Claims(TableKey::Down), "claims.down", "Claims table", "Next row";
    Claims Claims(TableKey::Up), "claims.up", "Claims table", "Previous row";
    Claims Claims(TableKey::PageDown), "claims.page_down", "Claims table", "One screen down";
    Claims Claims(TableKey::PageUp), "claims.page_up", "Claims table", "One screen up";
    Claims Claims(TableKey::Top), "claims.top", "Claims table", "First row";
    Claims Claims(TableKey::Bottom), "claims.bottom", "Claims table", "Last row";
    Claims Claims(TableKey::Jump), "claims.jump", "Claims table", "Jump to the row's claim in the reader";
    Claims Claims(TableKey::Sort), "claims.sort", "Claims table", "Sort by the next column (the header marks it)";
    Claims Claims(TableKey::Reverse), "claims.reverse", "Claims table", "Flip the order of the sort";
    Claims Claims(TableKey::Filter), "claims.filter", "Claims table", "Next filter: unsourced, unverified, suggested, by verdict, by type";
    Claims Claims(TableKey::FilterBack), "claims.filter_back", "Claims table", "Previous filter";
    Claims Claims(TableKey::SetType), "claims.type", "Claims table", "Set the type of the row's claim (then a key)";
    Claims Claims(TableKey::Verdict), "claims.verdict", "Claims table", "Set the verdict of the row's claim (then a key)";
    Claims Claims(TableKey::Back), "claims.back", "Claims table", "Back to the reader";
    Sources Sources(TableKey::Down), "sources.down", "Sources table", "Next row";
    Sources Sources(TableKey::Up), "sources.up", "Sources table", "Previous row";
    Sources Sources(TableKey::PageDown), "sources.page_down", "Sources table", "One screen down";
    Sources Sources(TableKey::PageUp), "sources.page_up", "Sources table", "One screen up";
    Sources Sources(TableKey::Top), "sources.top", "Sources table", "First row";
    Sources Sources(TableKey::Bottom), "sources.bottom", "Sources table", "Last row";
    Sources Sources(TableKey::Jump), "sources.jump", "Sources table", "Jump to the row's first mention in the reader";
    Sources Sources(TableKey::Sort), "sources.sort", "Sources table", "Sort by the next column (the header marks it)";
    Sources Sources(TableKey::Reverse), "sources.reverse", "Sources table", "Flip the order of the sort";
    Sources Sources(TableKey::Filter), "sources.filter", "Sources table", "Next filter: without claims, speakers, hands, suggested, by type";
    Sources Sources(TableKey::FilterBack), "sources.filter_back", "Sources table", "Previous filter";
    Sources Sources(TableKey::SetType), "sources.type", "Sources table", "Set the type of the row's source (then a key)";
    Sources Sources(TableKey::Back), "sources.back", "Sources table", "Back to the reader";
}

impl Command {
    /// The table row of this command.
    pub fn info(self) -> &'static CommandInfo {
        // Every variant has a row (checked by a test), so the fallback is never taken.
        COMMANDS
            .iter()
            .find(|c| c.command == self)
            .unwrap_or(&COMMANDS[0])
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Whether a count typed before the command's key (`5w`, `3u`) repeats it: the motions, the
    /// steps through matches, suggestions and mentions, undo and redo. Others run once (and the
    /// status bar says the count was ignored).
    pub fn takes_count(self) -> bool {
        use Command::*;
        matches!(
            self,
            ScrollDown
                | ScrollUp
                | HalfPageDown
                | HalfPageUp
                | PageDown
                | PageUp
                | NextWord
                | PrevWord
                | WordLeft
                | WordRight
                | NextSentence
                | PrevSentence
                | NextClosing
                | PrevOpening
                | SearchNext
                | SearchPrev
                | ReviewNext
                | ReviewPrev
                | NextMention
                | PrevMention
                | Undo
                | Redo
        )
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown command name, with the closest known name when one is near.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCommand {
    pub name: String,
    pub suggestion: Option<&'static str>,
}

impl fmt::Display for UnknownCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown command `{}`", self.name)?;
        if let Some(s) = self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl FromStr for Command {
    type Err = UnknownCommand;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        COMMANDS
            .iter()
            .find(|c| c.name == s)
            .map(|c| c.command)
            .ok_or_else(|| UnknownCommand {
                name: s.to_owned(),
                suggestion: closest(s, COMMANDS.iter().map(|c| c.name)),
            })
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_one_row_with_a_description_and_a_dotted_name() {
        let mut names = std::collections::HashSet::new();
        for info in COMMANDS {
            assert!(!info.description.is_empty(), "{}", info.name);
            assert!(info.name.contains('.'), "{}", info.name);
            assert!(names.insert(info.name), "duplicate {}", info.name);
            assert_eq!(info.command.info().name, info.name);
            assert_eq!(info.name.parse::<Command>(), Ok(info.command));
        }
    }

    /// Every variant, listed by an exhaustive match so adding a command without updating this
    /// test (and so without checking it has a table row) does not compile.
    fn all_commands() -> Vec<Command> {
        let all = vec![
            Command::Quit,
            Command::Help,
            Command::CommandLine,
            Command::CycleBidi,
            Command::Redraw,
            Command::ScrollDown,
            Command::ScrollUp,
            Command::HalfPageDown,
            Command::HalfPageUp,
            Command::PageDown,
            Command::PageUp,
            Command::Top,
            Command::Bottom,
            Command::NextWord,
            Command::PrevWord,
            Command::WordLeft,
            Command::WordRight,
            Command::NextSentence,
            Command::PrevSentence,
            Command::NextClosing,
            Command::PrevOpening,
            Command::SelectSentence,
            Command::SelectClause,
            Command::SelectQuotation,
            Command::Cancel,
            Command::Suspend,
            Command::Select,
            Command::TagSource,
            Command::TagClaim,
            Command::Undo,
            Command::Redo,
            Command::Save,
            Command::Search,
            Command::SearchNext,
            Command::SearchPrev,
            Command::Open,
            Command::LibraryBack,
            Command::LibrarySort,
            Command::TagEntity,
            Command::ReviewNext,
            Command::ReviewPrev,
            Command::Accept,
            Command::Reject,
            Command::AcceptAll,
            Command::Relabel,
            Command::StartEarlier,
            Command::StartLater,
            Command::EndLeft,
            Command::EndRight,
            Command::Legend,
            Command::TogglePanel,
            Command::Link,
            Command::SetType,
            Command::Verify,
            Command::Cue,
            Command::Delete,
            Command::NoteInEditor,
            Command::AddIntermediary,
            Command::EditChain,
            Command::SetStance,
            Command::SetQuoteType,
            Command::SameAs,
            Command::NextMention,
            Command::PrevMention,
            Command::IsnadView,
            Command::ClaimsTable,
            Command::SourcesTable,
            Command::PickerDown,
            Command::PickerUp,
            Command::PickerChoose,
            Command::Pick(1),
            Command::PanelDown,
            Command::PanelUp,
            Command::PanelJump,
            Command::PanelLeave,
            Command::PanelClaims,
            Command::PanelSources,
            Command::PanelEntities,
            Command::PanelNextView,
            Command::PanelPrevView,
            Command::PanelClose,
            Command::PromptSubmit,
            Command::PromptCancel,
            Command::PromptComplete,
            Command::PromptCompleteBack,
            Command::Label("PERSON"),
            Command::ClaimType(ClaimType::Statement),
            Command::SourceType(SourceType::Unknown),
            Command::Verdict(VerificationStatus::Unverified),
            Command::LegendSuggestions,
            Command::LegendRejected,
            Command::LegendClaims,
            Command::LegendSources,
            Command::LegendClose,
            Command::Stance(Stance::Asserts),
            Command::QuoteType(QuoteType::Unknown),
            Command::ChainAdd,
            Command::ChainOutward,
            Command::ChainInward,
            Command::ChainRemove,
            Command::ChainClose,
            Command::IsnadDown,
            Command::IsnadUp,
            Command::IsnadPageDown,
            Command::IsnadPageUp,
            Command::IsnadTop,
            Command::IsnadBottom,
            Command::IsnadJump,
            Command::IsnadBack,
            Command::CompareShow,
            Command::CompareNext,
            Command::ComparePrev,
            Command::CompareTakeA,
            Command::CompareTakeB,
            Command::CompareTakeBoth,
            Command::CompareDropBoth,
            Command::CompareEdit,
            Command::CompareUndo,
            Command::CompareHide,
            Command::Claims(TableKey::Down),
            Command::Sources(TableKey::Down),
        ];
        let labels = [
            "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE", "TIME", "NUMBER",
            "MONEY", "MISC",
        ];
        let all: Vec<Command> = all
            .into_iter()
            .flat_map(|c| match c {
                Command::Pick(_) => (1..=9).map(Command::Pick).collect(),
                Command::Label(_) => labels.into_iter().map(Command::Label).collect(),
                Command::ClaimType(_) => ClaimType::ALL
                    .iter()
                    .copied()
                    .map(Command::ClaimType)
                    .collect(),
                Command::SourceType(_) => SourceType::ALL
                    .iter()
                    .copied()
                    .map(Command::SourceType)
                    .collect(),
                Command::Stance(_) => Stance::ALL.iter().copied().map(Command::Stance).collect(),
                Command::QuoteType(_) => QuoteType::ALL
                    .iter()
                    .copied()
                    .map(Command::QuoteType)
                    .collect(),
                Command::Verdict(_) => VerificationStatus::ALL
                    .iter()
                    .copied()
                    .map(Command::Verdict)
                    .collect(),
                Command::Claims(_) => TableKey::ALL.into_iter().map(Command::Claims).collect(),
                // the sources table sets no verdict
                Command::Sources(_) => TableKey::ALL
                    .into_iter()
                    .filter(|k| *k != TableKey::Verdict)
                    .map(Command::Sources)
                    .collect(),
                c => vec![c],
            })
            .collect();
        for c in &all {
            match c {
                Command::Quit => {}
                Command::Help => {}
                Command::CommandLine => {}
                Command::CycleBidi => {}
                Command::Redraw => {}
                Command::ScrollDown => {}
                Command::ScrollUp => {}
                Command::HalfPageDown => {}
                Command::HalfPageUp => {}
                Command::PageDown => {}
                Command::PageUp => {}
                Command::Top => {}
                Command::Bottom => {}
                Command::NextWord => {}
                Command::PrevWord => {}
                Command::WordLeft => {}
                Command::WordRight => {}
                Command::NextSentence => {}
                Command::PrevSentence => {}
                Command::NextClosing => {}
                Command::PrevOpening => {}
                Command::SelectSentence => {}
                Command::SelectClause => {}
                Command::SelectQuotation => {}
                Command::Cancel => {}
                Command::Suspend => {}
                Command::Select => {}
                Command::TagSource => {}
                Command::TagClaim => {}
                Command::Undo => {}
                Command::Redo => {}
                Command::Save => {}
                Command::Search => {}
                Command::SearchNext => {}
                Command::SearchPrev => {}
                Command::Open => {}
                Command::LibraryBack => {}
                Command::LibrarySort => {}
                Command::TagEntity => {}
                Command::ReviewNext => {}
                Command::ReviewPrev => {}
                Command::Accept => {}
                Command::Reject => {}
                Command::AcceptAll => {}
                Command::Relabel => {}
                Command::StartEarlier => {}
                Command::StartLater => {}
                Command::EndLeft => {}
                Command::EndRight => {}
                Command::Legend => {}
                Command::TogglePanel => {}
                Command::Link => {}
                Command::SetType => {}
                Command::Verify => {}
                Command::Cue => {}
                Command::Delete => {}
                Command::NoteInEditor => {}
                Command::AddIntermediary => {}
                Command::EditChain => {}
                Command::SetStance => {}
                Command::SetQuoteType => {}
                Command::SameAs => {}
                Command::NextMention => {}
                Command::PrevMention => {}
                Command::IsnadView => {}
                Command::ClaimsTable => {}
                Command::SourcesTable => {}
                Command::PickerDown => {}
                Command::PickerUp => {}
                Command::PickerChoose => {}
                Command::Pick(_) => {}
                Command::PanelDown => {}
                Command::PanelUp => {}
                Command::PanelJump => {}
                Command::PanelLeave => {}
                Command::PanelClaims => {}
                Command::PanelSources => {}
                Command::PanelEntities => {}
                Command::PanelNextView => {}
                Command::PanelPrevView => {}
                Command::PanelClose => {}
                Command::PromptSubmit => {}
                Command::PromptCancel => {}
                Command::PromptComplete => {}
                Command::PromptCompleteBack => {}
                Command::Label(_) => {}
                Command::ClaimType(_) => {}
                Command::SourceType(_) => {}
                Command::Verdict(_) => {}
                Command::LegendSuggestions => {}
                Command::LegendRejected => {}
                Command::LegendClaims => {}
                Command::LegendSources => {}
                Command::LegendClose => {}
                Command::Stance(_) => {}
                Command::QuoteType(_) => {}
                Command::ChainAdd => {}
                Command::ChainOutward => {}
                Command::ChainInward => {}
                Command::ChainRemove => {}
                Command::ChainClose => {}
                Command::IsnadDown => {}
                Command::IsnadUp => {}
                Command::IsnadPageDown => {}
                Command::IsnadPageUp => {}
                Command::IsnadTop => {}
                Command::IsnadBottom => {}
                Command::IsnadJump => {}
                Command::IsnadBack => {}
                Command::CompareShow => {}
                Command::CompareNext => {}
                Command::ComparePrev => {}
                Command::CompareTakeA => {}
                Command::CompareTakeB => {}
                Command::CompareTakeBoth => {}
                Command::CompareDropBoth => {}
                Command::CompareEdit => {}
                Command::CompareUndo => {}
                Command::CompareHide => {}
                Command::Claims(_) => {}
                Command::Sources(_) => {}
            }
        }
        all
    }

    #[test]
    fn every_variant_has_a_table_row() {
        let all = all_commands();
        assert_eq!(all.len(), COMMANDS.len());
        for c in all {
            assert!(COMMANDS.iter().any(|i| i.command == c), "{c:?} has no row");
        }
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let err = "view.scrol_down".parse::<Command>().expect_err("an error");
        assert_eq!(err.suggestion, Some("view.scroll_down"));
        assert_eq!(
            err.to_string(),
            "unknown command `view.scrol_down`; did you mean `view.scroll_down`?"
        );
        assert_eq!(
            "zzz".parse::<Command>().expect_err("an error").suggestion,
            None
        );
    }
}
