//! The id index of an [`super::AnnotationSet`]: where each item sits in its list, found by a
//! hash lookup and a binary search instead of a scan, so adding or finding one item among
//! 100,000 costs microseconds, not a pass over the list.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::attribution::Attribution;
use super::claim::Claim;
use super::entity::Entity;
use super::source::Source;
use super::span::Span;

/// The order key of an item in its list: spanless items (pro-drop sources, cue-less
/// attributions) go last, then by id.
pub(super) type OrderKey<'a> = (usize, usize, &'a str);

/// What the set needs of the items of one list: an id and a span to order by.
pub(super) trait Listed {
    fn id(&self) -> &str;
    fn order_span(&self) -> Option<Span>;
    fn order_key(&self) -> OrderKey<'_> {
        key_of(self.order_span(), self.id())
    }
}

pub(super) fn key_of(span: Option<Span>, id: &str) -> OrderKey<'_> {
    match span {
        Some(s) => (s.start, s.end, id),
        None => (usize::MAX, usize::MAX, id),
    }
}

macro_rules! listed {
    ($t:ty, $span:expr) => {
        impl Listed for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn order_span(&self) -> Option<Span> {
                $span(self)
            }
        }
    };
}
listed!(Entity, |x: &Entity| Some(x.span));
listed!(Source, |x: &Source| x.span);
listed!(Claim, |x: &Claim| Some(x.span));
listed!(Attribution, |x: &Attribution| x.cue);

/// Every id of the set with the span its item is ordered by, and the list lengths it was built
/// for. The lists are public, so a list whose length no longer matches was changed behind the
/// set's back: the index is then not used (lookups scan) until the next change through the set
/// rebuilds it. A hit is always checked against the list, so a span changed in place costs a
/// scan, never a wrong answer.
#[derive(Clone, Debug, Default)]
pub(super) struct IdIndex {
    /// FxHash, not SipHash: ids are the set's own (no untrusted keys to defend against), and
    /// the isnad rules look ids up thousands of times per article.
    spans: FxHashMap<String, Option<Span>>,
    pub(super) lens: [usize; 4],
}

impl IdIndex {
    pub(super) fn build<'a>(
        items: impl Iterator<Item = (&'a str, Option<Span>)>,
        lens: [usize; 4],
    ) -> Self {
        let mut spans = FxHashMap::with_capacity_and_hasher(lens.iter().sum(), Default::default());
        for (id, span) in items {
            spans.insert(id.to_owned(), span);
        }
        Self { spans, lens }
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        self.spans.contains_key(id)
    }

    pub(super) fn insert(&mut self, id: &str, span: Option<Span>, list: usize, added: bool) {
        self.spans.insert(id.to_owned(), span);
        if added {
            self.lens[list] += 1;
        }
    }

    pub(super) fn remove(&mut self, id: &str, list: usize) {
        if self.spans.remove(id).is_some() {
            self.lens[list] -= 1;
        }
    }

    /// The position of `id` in `list` (kept in order), `None` when the index does not hold it.
    /// `Err(())` when the index holds it but the list disagrees (changed in place): scan.
    pub(super) fn position<T: Listed>(&self, list: &[T], id: &str) -> Result<Option<usize>, ()> {
        let Some(&span) = self.spans.get(id) else {
            return Ok(None);
        };
        let key = key_of(span, id);
        let at = list.partition_point(|y| y.order_key() < key);
        match list.get(at) {
            Some(y) if y.id() == id => Ok(Some(at)),
            _ => Err(()),
        }
    }
}

/// The position of `id` in `list` by a scan.
pub(super) fn scan<T: Listed>(list: &[T], id: &str) -> Option<usize> {
    list.iter().position(|y| y.id() == id)
}

/// Where a set keeps its [`IdIndex`]: built on first need, boxed (a set is often a field or an
/// enum variant, and the index is rarely built for those). A public field of the set so that
/// `AnnotationSet { entities, ..Default::default() }` works; there is nothing in it to set.
#[derive(Clone, Debug, Default)]
pub struct IndexCell(pub(super) OnceLock<Box<IdIndex>>);
