//! Which code runs a command. [`App::dispatch`] names every command of the table in one match,
//! so a command added without a handler does not compile; a command run where it means nothing
//! (`:picker.down` with no picker open, a table's key outside the table) says where it works
//! instead of doing nothing. The library screen takes its own commands first.

use crate::app::command_line::LineEditor;
use crate::app::{App, Effect, Overlay, Screen, annotations, motion, review, tables};
use crate::config::commands::Command;

/// Whether the library screen took a command (with what the loop must do then) or passed it on
/// to the reader's handling (quit, help, the command line…).
enum LibraryOutcome {
    Took(Option<Effect>),
    Passed,
}

impl App {
    pub(super) fn run_command(&mut self, command: Command) -> Option<Effect> {
        if command == Command::Cancel && self.fetching.is_some() {
            return self.cancel_fetch();
        }
        if self.screen == Screen::Library
            && let LibraryOutcome::Took(effect) = self.library_command(command)
        {
            return effect;
        }
        self.dispatch(command)
    }

    /// Every command, to what runs it (see the file's comment).
    fn dispatch(&mut self, command: Command) -> Option<Effect> {
        use Command::*;
        match command {
            ScrollDown | ScrollUp | HalfPageDown | HalfPageUp | PageDown | PageUp => {
                self.motion(command)
            }
            Top | Bottom | NextWord | PrevWord | WordLeft | WordRight => self.motion(command),
            NextSentence | PrevSentence | NextClosing | PrevOpening => self.motion(command),
            SearchNext | SearchPrev => self.motion(command),
            SelectSentence => self.select_object(motion::TextObject::Sentence),
            SelectClause => self.select_object(motion::TextObject::Clause),
            SelectQuotation => self.select_object(motion::TextObject::Quotation),
            Quit | Save | CycleBidi | Redraw | Suspend => self.shell_command(command),
            Help | Legend | CommandLine | Search | Cancel | TogglePanel => {
                self.shell_command(command)
            }
            LibraryBack | LibrarySort | IsnadView | ClaimsTable | SourcesTable => {
                self.shell_command(command)
            }
            Select | TagSource | TagClaim | TagEntity | Relabel => self.annotate_command(command),
            ReviewNext | ReviewPrev | Accept | Reject | AcceptAll => self.annotate_command(command),
            StartEarlier | StartLater | EndLeft | EndRight => self.annotate_command(command),
            Undo | Redo | Open | NoteInEditor | Delete => self.annotate_command(command),
            Link | SetType | Verify | Cue | AddIntermediary => self.annotate_command(command),
            EditChain | SetStance | SetQuoteType | SameAs => self.annotate_command(command),
            NextMention | PrevMention => self.annotate_command(command),
            CompareShow | CompareNext | ComparePrev | CompareTakeA | CompareTakeB => {
                self.in_compare(command)
            }
            CompareTakeBoth | CompareDropBoth | CompareEdit | CompareUndo | CompareHide => {
                self.in_compare(command)
            }
            PanelDown | PanelUp | PanelJump | PanelLeave | PanelClose => self.in_panel(command),
            PanelClaims | PanelSources | PanelEntities | PanelNextView | PanelPrevView => {
                self.in_panel(command)
            }
            IsnadDown | IsnadUp | IsnadPageDown | IsnadPageUp => self.in_isnad_view(command),
            IsnadTop | IsnadBottom | IsnadJump | IsnadBack => self.in_isnad_view(command),
            Claims(key) => self.in_table(tables::Which::Claims, command, key),
            Sources(key) => self.in_table(tables::Which::Sources, command, key),
            // the pickers', the prompt's, the legend's and the chain editor's keys reach them
            // through their `handle` while they are open; anywhere else they mean nothing
            PickerDown | PickerUp | PickerChoose | Pick(_) => self.not_here(command),
            PromptSubmit | PromptCancel | PromptComplete | PromptCompleteBack => {
                self.not_here(command)
            }
            Label(_) | ClaimType(_) | SourceType(_) | Verdict(_) => self.not_here(command),
            Stance(_) | QuoteType(_) => self.not_here(command),
            LegendSuggestions | LegendRejected | LegendClaims | LegendSources | LegendClose => {
                self.not_here(command)
            }
            ChainAdd | ChainOutward | ChainInward | ChainRemove | ChainClose => {
                self.not_here(command)
            }
        }
    }

    /// A command of a view or popup that is not open: says where it works.
    fn not_here(&mut self, command: Command) -> Option<Effect> {
        let info = command.info();
        self.info(format!("{} works in {} only", info.name, info.mode.place()));
        None
    }

    /// A command [`App::dispatch`] sent to a handler that has no arm for it: a bug, said
    /// rather than swallowed (`tests/app_dispatch.rs` runs every command and looks for it).
    pub(super) fn unrouted(&mut self, command: Command) {
        self.error(format!(
            "{} has no handler here (a bug: please report it)",
            command.name()
        ));
    }

    /// Moving the cursor or the view; what the reader says (the match number, the last word).
    fn motion(&mut self, command: Command) -> Option<Effect> {
        let note = self.reader.motion(self.page(), command);
        self.say(note);
        None
    }

    fn select_object(&mut self, object: motion::TextObject) -> Option<Effect> {
        let note = self.reader.select_object(self.page(), object);
        self.say(note);
        None
    }

    fn in_compare(&mut self, command: Command) -> Option<Effect> {
        self.compare_command(command);
        None
    }

    fn in_panel(&mut self, command: Command) -> Option<Effect> {
        if self.panel.is_none() {
            return self.not_here(command);
        }
        self.panel_command(command);
        None
    }

    fn in_isnad_view(&mut self, command: Command) -> Option<Effect> {
        match command {
            _ if self.screen != Screen::Isnad => return self.not_here(command),
            Command::IsnadBack => {
                self.screen = Screen::Reader;
                self.info("back to the article");
            }
            _ => self.isnad_command(command),
        }
        None
    }

    fn in_table(
        &mut self,
        which: tables::Which,
        command: Command,
        key: crate::config::commands::TableKey,
    ) -> Option<Effect> {
        if self.table_shown() != Some(which) {
            return self.not_here(command);
        }
        self.table_command(which, key);
        None
    }

    /// Commands while the library is shown: movement picks an article, `/` filters.
    fn library_command(&mut self, command: Command) -> LibraryOutcome {
        let page = self.text_height().saturating_sub(2).max(1) as isize;
        let Some(lib) = self.library.as_mut() else {
            return LibraryOutcome::Passed;
        };
        match command {
            Command::ScrollDown | Command::NextWord | Command::WordRight => lib.move_by(1),
            Command::ScrollUp | Command::PrevWord | Command::WordLeft => lib.move_by(-1),
            Command::HalfPageDown | Command::PageDown => lib.move_by(page),
            Command::HalfPageUp | Command::PageUp => lib.move_by(-page),
            Command::Top => lib.selected = 0,
            Command::Bottom => lib.move_by(isize::MAX),
            Command::LibrarySort => {
                lib.cycle_sort();
                let by = lib.sort.name();
                self.info(format!("sorted by {by}"));
            }
            Command::Open => match lib.selected_target() {
                Some(Ok(target)) if lib.pending_address(&target).is_some() => {
                    self.open_pending(&target);
                }
                Some(Ok(target)) => return LibraryOutcome::Took(Some(Effect::OpenArticle(target))),
                Some(Err(why)) => self.error(why),
                None => self.info("no article to open here"),
            },
            Command::LibraryBack => self.info("this is the library (Enter opens an article)"),
            Command::Search => self.overlay = Overlay::Search(LineEditor::plain("")),
            Command::Cancel => {
                lib.set_filter("");
                return LibraryOutcome::Passed;
            }
            Command::Quit
            | Command::Help
            | Command::CommandLine
            | Command::CycleBidi
            | Command::Redraw
            | Command::Suspend => return LibraryOutcome::Passed,
            _ => self.info("open an article first (Enter)"),
        }
        LibraryOutcome::Took(None)
    }

    /// The shell's commands: quitting, saving, the overlays and screens, the terminal.
    fn shell_command(&mut self, command: Command) -> Option<Effect> {
        match command {
            Command::Quit => {
                self.shell.quit = true;
                return Some(Effect::Quit);
            }
            Command::Save => return Some(Effect::Save { explicit: true }),
            Command::CycleBidi => return Some(self.set_mode(self.reader.mode.next())),
            Command::Redraw => return Some(Effect::Redraw),
            Command::Suspend => return Some(Effect::Suspend),
            Command::Help => {
                self.overlay = match self.overlay {
                    Overlay::Help { .. } => Overlay::None,
                    _ => Overlay::Help { scroll: 0 },
                };
            }
            Command::Legend => {
                self.overlay = match self.overlay {
                    Overlay::Legend => Overlay::None,
                    _ => Overlay::Legend,
                };
            }
            Command::CommandLine => {
                self.overlay = Overlay::CommandLine(LineEditor::new(self.shell.themes.clone()));
            }
            Command::Search => self.overlay = Overlay::Search(LineEditor::plain("")),
            Command::Cancel => self.cancel(),
            Command::TogglePanel => self.toggle_panel(),
            Command::LibraryBack if self.library.is_some() => {
                self.screen = Screen::Library;
                return Some(Effect::RescanLibrary);
            }
            Command::LibraryBack | Command::LibrarySort => {
                self.info("no library: start isnad with a folder (isnad DIR)");
            }
            Command::IsnadView if self.screen == Screen::Isnad => self.screen = Screen::Reader,
            Command::IsnadView => self.open_isnad_view(),
            Command::ClaimsTable => self.open_table(tables::Which::Claims),
            Command::SourcesTable => self.open_table(tables::Which::Sources),
            other => self.unrouted(other),
        }
        None
    }

    /// `Esc`: closes what is open and clears the selection, the search and the message.
    fn cancel(&mut self) {
        self.reader.selection_anchor = None;
        self.reader.search = None;
        self.overlay = Overlay::None;
        self.shell.pending.clear();
        self.shell.message = None;
        self.shell.hint = None;
    }

    /// `v`: starts a selection at the cursor (or drops it), and says so: one selected word
    /// looks like the cursor, so the status bar tells what the next keys do.
    fn toggle_selection(&mut self) {
        self.reader.toggle_selection();
        if self.reader.selection_anchor.is_none() {
            self.info("selection dropped");
            return;
        }
        let key = |c| {
            let keys = self.settings.keymap.keys_for(c);
            keys.first().map(ToString::to_string).unwrap_or_default()
        };
        let text = format!(
            "selecting: motions extend it, {} source, {} claim, {} entity tag it, Esc cancels",
            key(Command::TagSource),
            key(Command::TagClaim),
            key(Command::TagEntity)
        );
        self.info(text);
    }

    /// Tagging, reviewing and editing: the commands that act on the selection or on the
    /// annotation at the cursor.
    fn annotate_command(&mut self, command: Command) -> Option<Effect> {
        match command {
            Command::Select => self.toggle_selection(),
            Command::TagSource => self.tag(annotations::TagKind::Source),
            Command::TagClaim => self.tag(annotations::TagKind::Claim),
            Command::TagEntity | Command::Relabel => {
                if let Some(purpose) = self.pick_label(command == Command::Relabel) {
                    self.overlay = Overlay::LabelPicker(purpose);
                }
            }
            Command::ReviewNext => self.step_suggestion(true),
            Command::ReviewPrev => self.step_suggestion(false),
            Command::Accept => self.review_item(true),
            Command::Reject => self.review_item(false),
            Command::AcceptAll => self.accept_all_same(),
            Command::StartEarlier => self.move_edge(review::Edge::StartEarlier),
            Command::StartLater => self.move_edge(review::Edge::StartLater),
            Command::EndLeft => self.move_edge(review::Edge::EndLeft),
            Command::EndRight => self.move_edge(review::Edge::EndRight),
            Command::Undo | Command::Redo => {
                let note = (self.session).undo_redo(command == Command::Redo, self.shell.now);
                self.say(note);
            }
            // Enter in the reader: the note of the annotation under the cursor
            Command::Open => self.open_note_editor(),
            Command::NoteInEditor => return self.external_note(),
            Command::Link => self.open_link_picker(),
            Command::SetType => self.open_choice(false),
            Command::Verify => self.open_choice(true),
            Command::Cue => self.attach_cue(),
            Command::Delete => self.delete_current(),
            Command::AddIntermediary => self.add_intermediary(),
            Command::EditChain => self.open_chain_editor(),
            Command::SetStance => self.open_attribution_choice(false),
            Command::SetQuoteType => self.open_attribution_choice(true),
            Command::SameAs => self.open_same_as(),
            Command::NextMention => self.step_mention(true),
            Command::PrevMention => self.step_mention(false),
            other => self.unrouted(other),
        }
        None
    }
}
