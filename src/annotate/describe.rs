//! A change in words, for the status bar: what was done to which text (`claim «…» added`,
//! `ORG → TIME on «…»`, `link «…» → «…» accepted`), never an internal id. A burst of keys
//! typed by accident must show what it changed, and `u` what it undid.

use crate::annotate::history::{Applied, EditError};
use crate::annotate::{AnnotationSet, Attribution, Item, ReviewStatus};

/// Characters of annotated text quoted in a message; longer text is cut at a word with `…`
/// inside the quotes, so the closing `»` is never lost (the status bar cuts the whole line
/// after bidi layout, but a 40-word claim would leave room for nothing else).
const QUOTE_CHARS: usize = 32;

/// What `applied` did, in words. `set` is the set after the change (or after its undo): it
/// names the ends of links; `text` is the article.
pub fn describe_change(applied: &Applied, set: &AnnotationSet, text: &str) -> String {
    let mut changed = Vec::new();
    collect_items(applied, &mut changed);
    Words { set, text, changed }.change(applied)
}

/// An item named by its kind and text (`claim «…»`, `ORG «…»`, `link «…» → «…»`).
pub fn name_item(item: &Item, set: &AnnotationSet, text: &str) -> String {
    Words {
        set,
        text,
        changed: Vec::new(),
    }
    .name(item)
}

/// Why an edit was refused, in words: the items it names by their kind and text (`source «…» is
/// already linked to claim «…»`), never by id. `set` is the set the edit was refused by.
pub fn describe_refusal(refused: &EditError, set: &AnnotationSet, text: &str) -> String {
    let words = Words {
        set,
        text,
        changed: Vec::new(),
    };
    let named = |id: &str| set.get(id).map(|item| words.name(&item));
    match refused {
        EditError::DuplicateId(id) => match named(id) {
            Some(item) => format!("{item} is already in the annotations"),
            None => "the item is already in the annotations".to_owned(),
        },
        EditError::NoSuchItem(_) => {
            "the item is no longer in the annotations (deleted or undone)".to_owned()
        }
        EditError::BadId(_) => {
            "the item's id is not of the annotation file's format (see isnad validate)".to_owned()
        }
        EditError::EmptyBatch => "nothing to change".to_owned(),
        EditError::AlreadyLinked {
            claim_id,
            source_id,
        } => {
            let unknown = || "an item no longer there".to_owned();
            format!(
                "{} is already linked to {}",
                named(source_id).unwrap_or_else(unknown),
                named(claim_id).unwrap_or_else(unknown)
            )
        }
    }
}

fn collect_items<'a>(applied: &'a Applied, out: &mut Vec<&'a Item>) {
    match applied {
        Applied::Added(item) | Applied::Removed(item) => out.push(item),
        Applied::Updated { after, .. } => out.push(after),
        Applied::Batch(changes) => changes.iter().for_each(|c| collect_items(c, out)),
    }
}

/// What a message may name: the set, the article, and the items of the change itself (an
/// undone claim is no longer in the set, but its links are named by it).
struct Words<'a> {
    set: &'a AnnotationSet,
    text: &'a str,
    changed: Vec<&'a Item>,
}

impl Words<'_> {
    fn change(&self, applied: &Applied) -> String {
        match applied {
            Applied::Added(item) => format!("{} added", self.name(item)),
            Applied::Removed(item) => format!("{} deleted", self.name(item)),
            Applied::Updated { before, after } => self.updated(before, after),
            Applied::Batch(changes) => match changes.as_slice() {
                [] => "nothing changed".to_owned(),
                [one] => self.change(one),
                [first, rest @ ..] => {
                    let others = if rest.len() == 1 {
                        "1 linked change".to_owned()
                    } else {
                        format!("{} linked changes", rest.len())
                    };
                    format!("{} (and {others})", self.change(first))
                }
            },
        }
    }

    fn span(&self, range: std::ops::Range<usize>) -> String {
        quote(self.text.get(range).unwrap_or(""))
    }

    /// An item named by its kind and text: `ORG «…»`, `claim «…»`, `source «…»`,
    /// `link «source» → «claim»`.
    fn name(&self, item: &Item) -> String {
        match item {
            Item::Entity(e) => format!("{} {}", e.label.as_str(), self.span(e.span.range())),
            Item::Claim(c) => format!("claim {}", self.span(c.span.range())),
            Item::Source(s) => format!("source {}", self.source(s)),
            Item::Attribution(a) => format!("link {}", self.link_ends(a)),
        }
    }

    /// A source's words in the text, or its name when it has no span (a pro-drop speaker).
    fn source(&self, s: &crate::annotate::Source) -> String {
        match s.span {
            Some(span) => self.span(span.range()),
            None if s.name.is_empty() => "(unnamed)".to_owned(),
            None => quote(&s.name),
        }
    }

    /// `«source» → «claim»`.
    fn link_ends(&self, a: &Attribution) -> String {
        let end = |id: &str| {
            self.set.get(id).or_else(|| {
                self.changed
                    .iter()
                    .find(|i| i.id() == id)
                    .map(|i| (*i).clone())
            })
        };
        let words = |item: Option<Item>| match item {
            Some(Item::Source(s)) => self.source(&s),
            Some(Item::Claim(c)) => self.span(c.span.range()),
            _ => "(deleted)".to_owned(),
        };
        format!("{} → {}", words(end(&a.source_id)), words(end(&a.claim_id)))
    }

    /// The first thing that differs between `before` and `after`, in the order a reader would
    /// look for it: the label, the span, the review, the types and verdicts, the note.
    fn updated(&self, before: &Item, after: &Item) -> String {
        if let (Item::Entity(b), Item::Entity(a)) = (before, after)
            && b.label != a.label
        {
            return format!(
                "{} → {} on {}",
                b.label.as_str(),
                a.label.as_str(),
                self.span(a.span.range())
            );
        }
        let named = self.name(after);
        if before.span() != after.span() {
            let old = before
                .span()
                .map_or_else(String::new, |s| self.span(s.range()));
            return format!("{named}: was {old}");
        }
        if before.review().status != after.review().status {
            return format!("{named} {}", status_word(after.review().status));
        }
        if let Some(detail) = field_change(before, after) {
            return format!("{named}: {detail}");
        }
        if before.note() != after.note() {
            return if after.note().is_empty() {
                format!("{named}: note removed")
            } else {
                format!("{named}: note set")
            };
        }
        format!("{named} changed")
    }
}

fn status_word(status: ReviewStatus) -> &'static str {
    match status {
        ReviewStatus::Suggested => "back to suggested",
        ReviewStatus::Accepted => "accepted",
        ReviewStatus::Rejected => "rejected",
        ReviewStatus::Corrected => "corrected",
    }
}

/// A changed type, verdict, stance, quote type, cue, chain or same-as, as `what from → to`.
fn field_change(before: &Item, after: &Item) -> Option<String> {
    // in words, as the screens name them (`type media outlet → agency`)
    let from_to = |what: &str, from: &str, to: &str| {
        Some(format!(
            "{what} {} → {}",
            super::in_words(from),
            super::in_words(to)
        ))
    };
    match (before, after) {
        (Item::Claim(b), Item::Claim(a)) if b.claim_type != a.claim_type => {
            from_to("type", b.claim_type.as_str(), a.claim_type.as_str())
        }
        (Item::Claim(b), Item::Claim(a)) if b.verification.status != a.verification.status => {
            from_to(
                "verdict",
                b.verification.status.as_str(),
                a.verification.status.as_str(),
            )
        }
        (Item::Source(b), Item::Source(a)) if b.source_type != a.source_type => {
            from_to("type", b.source_type.as_str(), a.source_type.as_str())
        }
        (Item::Source(b), Item::Source(a)) if b.same_as != a.same_as => {
            Some("same-as changed".to_owned())
        }
        (Item::Attribution(b), Item::Attribution(a)) if b.cue != a.cue => Some(match a.cue {
            Some(_) => "cue set".to_owned(),
            None => "cue removed".to_owned(),
        }),
        (Item::Attribution(b), Item::Attribution(a)) if b.stance != a.stance => {
            from_to("stance", b.stance.as_str(), a.stance.as_str())
        }
        (Item::Attribution(b), Item::Attribution(a)) if b.quote_type != a.quote_type => {
            from_to("quote type", b.quote_type.as_str(), a.quote_type.as_str())
        }
        (Item::Attribution(b), Item::Attribution(a)) if b.via != a.via => {
            Some("chain changed".to_owned())
        }
        _ => None,
    }
}

/// `text` in «», shortened at a word boundary when long.
pub fn quote(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= QUOTE_CHARS {
        return format!("«{text}»");
    }
    let cut: String = text.chars().take(QUOTE_CHARS).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i > QUOTE_CHARS / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("«{}…»", at_word.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Claim, Entity, Label, Span};
    use crate::article::Article;

    fn article() -> Article {
        Article::from_text(
            "t.txt",
            "قال المتحدث إن الجيش وصل إلى بين التشادية".to_owned(),
        )
    }

    #[test]
    fn refusals_name_items_by_their_text_never_their_ids() {
        use crate::annotate::{Edit, Source};
        let a = article();
        let mut set = AnnotationSet::default();
        let speaker = a.text.find("المتحدث").expect("in the text");
        let source = Source::by_human(&a, speaker..speaker + "المتحدث".len(), "me").expect("s");
        let at = a.text.find("الجيش").expect("in the text");
        let claim = Claim::by_human(&a, at..a.text.len(), "me").expect("claim");
        for item in [Item::Source(source.clone()), Item::Claim(claim.clone())] {
            crate::annotate::history::apply_edit(&mut set, Edit::Add(item)).expect("added");
        }
        let link = Edit::link(&set, &claim.id, &source.id, None, "me").expect("link");
        crate::annotate::history::apply_edit(&mut set, link).expect("linked");
        let mut malformed = claim.clone();
        malformed.id = "s-0123456789abcdef".to_owned();
        let refusals = [
            Edit::link(&set, &claim.id, &source.id, None, "me").expect_err("linked twice"),
            crate::annotate::history::apply_edit(&mut set, Edit::Add(Item::Claim(claim.clone())))
                .expect_err("added twice"),
            crate::annotate::history::apply_edit(
                &mut set,
                Edit::Remove("c-0123456789abcdef".into()),
            )
            .expect_err("not there"),
            crate::annotate::history::apply_edit(&mut set, Edit::Add(Item::Claim(malformed)))
                .expect_err("malformed"),
            crate::annotate::history::apply_edit(&mut set, Edit::Batch(Vec::new()))
                .expect_err("empty"),
        ];
        let said: Vec<String> = refusals
            .iter()
            .map(|e| describe_refusal(e, &set, &a.text))
            .collect();
        assert_eq!(
            said,
            [
                "source «المتحدث» is already linked to claim «الجيش وصل إلى بين التشادية»",
                "claim «الجيش وصل إلى بين التشادية» is already in the annotations",
                "the item is no longer in the annotations (deleted or undone)",
                "the item's id is not of the annotation file's format (see isnad validate)",
                "nothing to change",
            ]
        );
        // the plain display, kept for logs and the command line, does name ids
        assert!(refusals[0].to_string().contains(&claim.id));
        for words in &said {
            assert!(!words.contains("c-") && !words.contains("s-"), "{words}");
        }
    }

    #[test]
    fn added_removed_and_relabelled_items_are_named_by_their_text() {
        let a = article();
        let set = AnnotationSet::default();
        let at = a.text.find("الجيش").expect("in the text");
        let claim = Claim::by_human(&a, at..a.text.len(), "me").expect("claim");
        let added = Applied::Added(Item::Claim(claim.clone()));
        assert_eq!(
            describe_change(&added, &set, &a.text),
            "claim «الجيش وصل إلى بين التشادية» added"
        );
        let removed = Applied::Removed(Item::Claim(claim));
        assert!(describe_change(&removed, &set, &a.text).ends_with("» deleted"));
        let at = a.text.find("بين").expect("in the text");
        let span = Span::checked(&a, at..at + "بين".len()).expect("span");
        let org = Entity::by_human(&a, span.range(), Label::parse("ORG").expect("label"), "me")
            .expect("entity");
        let mut time = org.clone();
        time.label = Label::parse("TIME").expect("label");
        let relabelled = Applied::Updated {
            before: Box::new(Item::Entity(org)),
            after: Box::new(Item::Entity(time)),
        };
        let words = describe_change(&relabelled, &set, &a.text);
        assert!(words.starts_with("ORG → TIME on «"), "{words}");
        assert!(!words.contains("e-"), "no id in {words}");
    }

    #[test]
    fn review_and_type_changes_say_what_changed() {
        let a = article();
        let set = AnnotationSet::default();
        let claim = Claim::by_human(&a, 0.."قال".len(), "me").expect("claim");
        let mut accepted = claim.clone();
        accepted.review.set_status(ReviewStatus::Rejected, "me");
        let change = Applied::Updated {
            before: Box::new(Item::Claim(claim.clone())),
            after: Box::new(Item::Claim(accepted)),
        };
        assert_eq!(
            describe_change(&change, &set, &a.text),
            "claim «قال» rejected"
        );
        let mut quoted = claim.clone();
        quoted.claim_type = crate::annotate::ClaimType::Quote;
        let change = Applied::Updated {
            before: Box::new(Item::Claim(claim.clone())),
            after: Box::new(Item::Claim(quoted)),
        };
        assert_eq!(
            describe_change(&change, &set, &a.text),
            format!("claim «قال»: type {} → quote", claim.claim_type.as_str())
        );
        let batch = Applied::Batch(vec![
            change.clone(),
            change.clone(),
            Applied::Added(Item::Claim(claim)),
        ]);
        assert!(describe_change(&batch, &set, &a.text).ends_with("(and 2 linked changes)"));
    }

    #[test]
    fn long_text_is_quoted_whole_words_with_the_closing_mark() {
        let long = "وأضاف المتحدث أن العملية تضمنت مصادرة أسلحة وعبوات ناسفة وملابس";
        let q = quote(long);
        assert!(q.starts_with('«') && q.ends_with("…»"), "{q}");
        assert!(q.chars().count() <= QUOTE_CHARS + 3, "{q}");
        assert!(long.starts_with(q.trim_start_matches('«').trim_end_matches("…»")));
    }
}
