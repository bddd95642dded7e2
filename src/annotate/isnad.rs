//! The isnad of an article: who said each claim, through whose hands it reached the article, and
//! how each source stands towards it. Built from the format's `via`, `stance` and `same_as`
//! (version 2) for the reader's isnad view and chain line, the report and the exports:
//!
//! - [`Isnad::canonical`] and [`Isnad::name`]: one source however many times it is mentioned
//!   ("المصدر" → "مصدر مسؤول بوزارة الخارجية");
//! - [`Isnad::chain`] and [`Isnad::chain_text`]: one attribution's chain, speaker outward to the
//!   article's outlet (`مصدر أمني ← الأناضول`);
//! - [`Isnad::claim`]: per claim its paths, the number of independent original speakers behind
//!   it, and the intermediary every path goes through, if there is one;
//! - [`Isnad::tree`] and [`tree_rows`]: the article's tree, outlet at the root, intermediaries
//!   below, original speakers at the leaves with their claims, drawn with box characters.
//!
//! Rejected attributions and rejected sources are not part of any chain.

use std::collections::{HashMap, HashSet};

use crate::article::Article;

use super::model::{AnnotationSet, Attribution, ReviewStatus, Source, Stance};

/// Between two hands of a chain in its one-line form, speaker first: in right-to-left text the
/// arrow points from the speaker towards the outlet.
pub const CHAIN_SEPARATOR: &str = " ← ";

/// The article's isnad, indexed once; cheap to query per claim or per frame.
pub struct Isnad<'a> {
    set: &'a AnnotationSet,
    article: &'a Article,
    outlet: Option<&'a str>,
    sources: HashMap<&'a str, &'a Source>,
}

/// One claim's transmission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimIsnad {
    pub claim_id: String,
    /// Each attribution of the claim as a path: canonical source ids, speaker first.
    pub paths: Vec<ClaimPath>,
    /// Distinct original speakers (after `same_as`) that assert or confirm the claim.
    pub independent: usize,
    /// The intermediary (canonical source id) every supporting path goes through, when there
    /// is one: however many speakers, the claim reached the article through one hand.
    pub single_intermediary: Option<String>,
}

/// One attribution of a claim, its chain resolved to canonical sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimPath {
    pub attribution_id: String,
    pub speaker: String,
    /// Intermediaries from the speaker outward (the article's outlet not included).
    pub via: Vec<String>,
    pub stance: Stance,
}

/// What a node of the tree stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// The root: the article, named by its outlet when known.
    Article,
    /// A hand the claims passed through (canonical source id).
    Intermediary(String),
    /// An original speaker (canonical source id); holds the claims it made.
    Speaker(String),
}

/// A claim at a speaker: which claim, by which attribution, with which stance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimLink {
    pub claim_id: String,
    pub attribution_id: String,
    pub stance: Stance,
}

/// A node of the article's isnad tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IsnadNode {
    pub kind: NodeKind,
    /// The outlet's or the source's canonical name ("" for an article without an outlet).
    pub name: String,
    /// Claims said by this node's source reaching it directly (speaker nodes only).
    pub claims: Vec<ClaimLink>,
    /// Distinct claims in this node's subtree.
    pub count: usize,
    /// In order of first mention in the text.
    pub children: Vec<IsnadNode>,
}

/// A row of the tree drawn as text: the box-drawing prefix (`├─ `, `│  └─ `…) and the node.
/// The prefix is left-to-right box art; the caller lays out the name (Arabic) after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeRow<'t> {
    pub depth: usize,
    pub prefix: String,
    pub node: &'t IsnadNode,
}

/// Whether a link of `stance` stands behind the claim (denials and doubts do not).
pub fn supports(stance: Stance) -> bool {
    matches!(stance, Stance::Asserts | Stance::Confirms)
}

/// Text with every run of whitespace (line breaks included) turned into one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl<'a> Isnad<'a> {
    /// `outlet` is the article's own outlet (`document.outlet`), the last hand of every chain.
    pub fn new(set: &'a AnnotationSet, article: &'a Article, outlet: Option<&'a str>) -> Self {
        let sources = set.sources.iter().map(|s| (s.id.as_str(), s)).collect();
        Self {
            set,
            article,
            outlet: outlet.filter(|o| !o.trim().is_empty()),
            sources,
        }
    }

    pub fn source(&self, id: &str) -> Option<&'a Source> {
        self.sources.get(id).copied()
    }

    /// The mention a source refers back to through `same_as`, followed to its end (the mention
    /// that names the source). A link to a missing source ends there; a circle ends at the
    /// smallest id on it, so every mention on it agrees.
    pub fn canonical<'s>(&self, id: &'s str) -> &'s str
    where
        'a: 's,
    {
        let mut current = id;
        let mut seen: Vec<&str> = vec![id];
        loop {
            let next = self
                .source(current)
                .and_then(|s| s.same_as.as_deref())
                .filter(|n| self.sources.contains_key(n));
            match next {
                None => return current,
                Some(n) if seen.contains(&n) => {
                    return seen.into_iter().min().unwrap_or(current);
                }
                Some(n) => {
                    seen.push(n);
                    current = n;
                }
            }
        }
    }

    /// Every mention of the source `id` stands for (itself included), in text order (mentions
    /// without a span last): the reader's `*` jumps between them.
    pub fn mentions(&self, id: &str) -> Vec<&'a Source> {
        let root = self.canonical(id);
        let mut out: Vec<&Source> = self
            .set
            .sources
            .iter()
            .filter(|s| self.canonical(&s.id) == root)
            .collect();
        out.sort_by_key(|s| (s.span.map_or(usize::MAX, |x| x.start), s.id.as_str()));
        out
    }

    /// What one mention is called: its name, else the words it spans (whitespace collapsed).
    fn own_name(&self, s: &Source) -> String {
        let name = collapse(&s.name);
        if !name.is_empty() {
            return name;
        }
        s.span
            .map(|x| collapse(x.text(self.article)))
            .unwrap_or_default()
    }

    /// The canonical name of a source: the name of the mention it refers back to (the user can
    /// set it), else the first mention's words; the id when nothing names it.
    pub fn name(&self, id: &str) -> String {
        let root = self.canonical(id);
        if let Some(s) = self.source(root) {
            let name = self.own_name(s);
            if !name.is_empty() {
                return name;
            }
        }
        self.mentions(root)
            .into_iter()
            .map(|s| self.own_name(s))
            .find(|n| !n.is_empty())
            .unwrap_or_else(|| root.to_owned())
    }

    /// Whether an attribution is part of the isnad: neither it nor its source rejected.
    fn counts(&self, a: &Attribution) -> bool {
        a.review.status != ReviewStatus::Rejected
            && self
                .source(&a.source_id)
                .is_some_and(|s| s.review.status != ReviewStatus::Rejected)
    }

    /// The attributions of a claim that are part of the isnad, in file order.
    pub fn links<'s>(&'s self, claim_id: &'s str) -> impl Iterator<Item = &'a Attribution> + 's {
        self.set
            .attributions
            .iter()
            .filter(move |a| a.claim_id == claim_id && self.counts(a))
    }

    fn path(&self, a: &Attribution) -> ClaimPath {
        let speaker = self.canonical(&a.source_id).to_owned();
        let outlet = self.outlet.map(collapse);
        let mut via: Vec<String> = Vec::new();
        for v in &a.via {
            let v = self.canonical(v).to_owned();
            // a hand that is the speaker again, or named twice, is one hand; the article's own
            // outlet tagged as a hand ("لـ"الشرق"" in an article of الشرق) is the root, not a hand
            if v != speaker && !via.contains(&v) && outlet.as_deref() != Some(&self.name(&v)) {
                via.push(v);
            }
        }
        ClaimPath {
            attribution_id: a.id.clone(),
            speaker,
            via,
            stance: a.stance,
        }
    }

    /// The names along one attribution's chain: speaker, intermediaries outward, then the
    /// article's outlet when known.
    pub fn chain(&self, a: &Attribution) -> Vec<String> {
        let path = self.path(a);
        let mut names = vec![self.name(&path.speaker)];
        names.extend(path.via.iter().map(|v| self.name(v)));
        if let Some(outlet) = self.outlet {
            let outlet = collapse(outlet);
            if names.last() != Some(&outlet) {
                names.push(outlet);
            }
        }
        names
    }

    /// The chain in one line, speaker first: `مصدر أمني ← الأناضول`.
    pub fn chain_text(&self, a: &Attribution) -> String {
        self.chain(a).join(CHAIN_SEPARATOR)
    }

    /// A claim's paths, independent speakers and single intermediary.
    pub fn claim(&self, claim_id: &str) -> ClaimIsnad {
        let paths: Vec<ClaimPath> = self.links(claim_id).map(|a| self.path(a)).collect();
        let supporting: Vec<&ClaimPath> = paths.iter().filter(|p| supports(p.stance)).collect();
        let independent = supporting
            .iter()
            .map(|p| p.speaker.as_str())
            .collect::<HashSet<_>>()
            .len();
        let single_intermediary = supporting.first().and_then(|first| {
            first
                .via
                .iter()
                .find(|v| supporting.iter().all(|p| p.via.contains(v)))
                .cloned()
        });
        ClaimIsnad {
            claim_id: claim_id.to_owned(),
            paths,
            independent,
            single_intermediary,
        }
    }

    /// Where a source is first mentioned, for ordering siblings as the text does.
    fn first_position(&self, id: &str) -> usize {
        self.mentions(id)
            .first()
            .and_then(|s| s.span)
            .map_or(usize::MAX, |s| s.start)
    }

    /// The article's isnad tree: every attribution that is part of the isnad, claims in file
    /// order, walked from the outlet inward (the outermost intermediary first) to its speaker.
    pub fn tree(&self) -> IsnadNode {
        let mut root = IsnadNode {
            kind: NodeKind::Article,
            name: self.outlet.map(collapse).unwrap_or_default(),
            claims: Vec::new(),
            count: 0,
            children: Vec::new(),
        };
        for claim in &self.set.claims {
            for a in self.links(&claim.id) {
                let path = self.path(a);
                let mut node = &mut root;
                let steps = path
                    .via
                    .iter()
                    .rev()
                    .map(|v| NodeKind::Intermediary(v.clone()))
                    .chain([NodeKind::Speaker(path.speaker.clone())]);
                for kind in steps {
                    let at = match node.children.iter().position(|c| c.kind == kind) {
                        Some(i) => i,
                        None => {
                            let id = match &kind {
                                NodeKind::Intermediary(id) | NodeKind::Speaker(id) => id,
                                NodeKind::Article => "",
                            };
                            let name = self.name(id);
                            node.children.push(IsnadNode {
                                kind,
                                name,
                                claims: Vec::new(),
                                count: 0,
                                children: Vec::new(),
                            });
                            node.children.len() - 1
                        }
                    };
                    node = &mut node.children[at];
                }
                node.claims.push(ClaimLink {
                    claim_id: claim.id.clone(),
                    attribution_id: a.id.clone(),
                    stance: a.stance,
                });
            }
        }
        self.finish(&mut root);
        root
    }

    /// Orders children by first mention and fills in the counts; returns the subtree's claims.
    fn finish(&self, node: &mut IsnadNode) -> HashSet<String> {
        node.children.sort_by_cached_key(|c| match &c.kind {
            NodeKind::Intermediary(id) | NodeKind::Speaker(id) => {
                (self.first_position(id), id.clone())
            }
            NodeKind::Article => (0, String::new()),
        });
        let mut claims: HashSet<String> = node.claims.iter().map(|c| c.claim_id.clone()).collect();
        for child in &mut node.children {
            claims.extend(self.finish(child));
        }
        node.count = claims.len();
        claims
    }
}

/// The tree as rows, depth first, each with its box-drawing prefix (the root has none).
pub fn tree_rows(root: &IsnadNode) -> Vec<TreeRow<'_>> {
    fn walk<'t>(node: &'t IsnadNode, depth: usize, indent: &str, out: &mut Vec<TreeRow<'t>>) {
        let last = node.children.len().saturating_sub(1);
        for (i, child) in node.children.iter().enumerate() {
            let (branch, rest) = if i == last {
                ("└─ ", "   ")
            } else {
                ("├─ ", "│  ")
            };
            out.push(TreeRow {
                depth: depth + 1,
                prefix: format!("{indent}{branch}"),
                node: child,
            });
            walk(child, depth + 1, &format!("{indent}{rest}"), out);
        }
    }
    let mut out = vec![TreeRow {
        depth: 0,
        prefix: String::new(),
        node: root,
    }];
    walk(root, 0, "", &mut out);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::{Claim, Item, SourceRole, SourceType};

    const TEXT: &str = "قال مصدر أمني لوكالة الأناضول إن الهجوم أسفر عن قتيلين. \
        وأكد المصدر للوكالة أن المهاجمين فروا. \
        ونقلت رويترز عن شهود عيان أن الهجوم وقع فجراً. \
        ونفت وزارة الداخلية أن يكون الهجوم وقع.";

    struct Fixture {
        article: Article,
        set: AnnotationSet,
    }

    impl Fixture {
        fn new() -> Self {
            Self {
                article: Article::from_text("t", TEXT.to_owned()),
                set: AnnotationSet::default(),
            }
        }

        fn at(&self, quote: &str, nth: usize) -> std::ops::Range<usize> {
            let (start, _) = self.article.text.match_indices(quote).nth(nth).unwrap();
            start..start + quote.len()
        }

        fn source(&mut self, quote: &str, nth: usize, same_as: Option<&str>) -> String {
            let mut s = Source::by_human(&self.article, self.at(quote, nth), "me").unwrap();
            s.same_as = same_as.map(str::to_owned);
            let id = s.id.clone();
            self.set.upsert(Item::Source(s));
            id
        }

        fn claim(&mut self, quote: &str) -> String {
            let c = Claim::by_human(&self.article, self.at(quote, 0), "me").unwrap();
            let id = c.id.clone();
            self.set.upsert(Item::Claim(c));
            id
        }

        fn link(&mut self, claim: &str, source: &str, via: &[&str], stance: Stance) -> String {
            let mut a = Attribution::by_human(claim, source, None, "me");
            a.via = via.iter().map(|v| (*v).to_owned()).collect();
            a.stance = stance;
            let id = a.id.clone();
            self.set.upsert(Item::Attribution(a));
            id
        }
    }

    #[test]
    fn same_as_resolves_to_the_named_mention_and_lists_every_mention() {
        let mut f = Fixture::new();
        let named = f.source("مصدر أمني", 0, None);
        let later = f.source("المصدر", 0, Some(&named));
        let pronoun = {
            let mut s = Source::by_human(&f.article, f.at("وأكد", 0), "me").unwrap();
            s.span = None;
            s.name = String::new();
            s.same_as = Some(later.clone());
            let id = s.id.clone();
            f.set.upsert(Item::Source(s));
            id
        };
        let isnad = Isnad::new(&f.set, &f.article, None);
        assert_eq!(isnad.canonical(&pronoun), named);
        assert_eq!(isnad.name(&later), "مصدر أمني");
        assert_eq!(isnad.name(&pronoun), "مصدر أمني");
        let mentions: Vec<&str> = isnad
            .mentions(&later)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(mentions, [named.as_str(), later.as_str(), pronoun.as_str()]);
    }

    #[test]
    fn a_same_as_circle_ends_at_one_mention_for_all() {
        let mut f = Fixture::new();
        let a = f.source("مصدر أمني", 0, None);
        let b = f.source("المصدر", 0, Some(&a));
        f.set
            .sources
            .iter_mut()
            .find(|s| s.id == a)
            .unwrap()
            .same_as = Some(b.clone());
        let isnad = Isnad::new(&f.set, &f.article, None);
        assert_eq!(isnad.canonical(&a), isnad.canonical(&b));
        assert_eq!(isnad.mentions(&a).len(), 2);
    }

    #[test]
    fn an_unnamed_referent_takes_the_first_mentions_words() {
        let mut f = Fixture::new();
        let referent = f.source("مصدر أمني", 0, None);
        f.set.sources[0].name = String::new();
        f.set.sources[0].span = None;
        f.source("المصدر", 0, Some(&referent));
        let isnad = Isnad::new(&f.set, &f.article, None);
        assert_eq!(isnad.name(&referent), "المصدر");
    }

    /// Two claims from one security source through Anadolu (one by a later mention), one from
    /// eyewitnesses through Reuters, a denial by the ministry.
    fn article_isnad() -> (Fixture, [String; 4], [String; 3]) {
        let mut f = Fixture::new();
        let security = f.source("مصدر أمني", 0, None);
        let anadolu = f.source("الأناضول", 0, None);
        f.set.sources[1].source_type = SourceType::Agency;
        f.set.sources[1].role = SourceRole::Intermediary;
        let again = f.source("المصدر", 0, Some(&security));
        let agency = f.source("للوكالة", 0, Some(&anadolu));
        let reuters = f.source("رويترز", 0, None);
        let witnesses = f.source("شهود عيان", 0, None);
        let ministry = f.source("وزارة الداخلية", 0, None);
        let killed = f.claim("الهجوم أسفر عن قتيلين");
        let fled = f.claim("المهاجمين فروا");
        let dawn = f.claim("الهجوم وقع فجراً");
        f.link(&killed, &security, &[&anadolu], Stance::Asserts);
        f.link(&fled, &again, &[&agency], Stance::Asserts);
        f.link(&dawn, &witnesses, &[&reuters], Stance::Asserts);
        f.link(&dawn, &ministry, &[], Stance::Denies);
        (
            f,
            [security, anadolu, reuters, ministry],
            [killed, fled, dawn],
        )
    }

    #[test]
    fn chains_read_speaker_first_and_end_at_the_outlet() {
        let (f, _, [_, fled, _]) = article_isnad();
        let with_outlet = Isnad::new(&f.set, &f.article, Some("الشرق"));
        let a = f
            .set
            .attributions
            .iter()
            .find(|a| a.claim_id == fled)
            .unwrap();
        assert_eq!(with_outlet.chain_text(a), "مصدر أمني ← الأناضول ← الشرق");
        let without = Isnad::new(&f.set, &f.article, None);
        assert_eq!(without.chain(a), ["مصدر أمني", "الأناضول"]);
    }

    #[test]
    fn the_articles_own_outlet_tagged_as_a_hand_is_the_root() {
        let (f, [_, anadolu, _, _], [killed, _, _]) = article_isnad();
        let isnad = Isnad::new(&f.set, &f.article, Some("الأناضول"));
        let a = f
            .set
            .attributions
            .iter()
            .find(|a| a.claim_id == killed)
            .unwrap();
        assert_eq!(isnad.chain_text(a), "مصدر أمني ← الأناضول");
        assert_eq!(isnad.claim(&killed).single_intermediary, None);
        let tree = isnad.tree();
        assert!(
            tree.children
                .iter()
                .all(|c| c.kind != NodeKind::Intermediary(anadolu.clone()))
        );
    }

    #[test]
    fn independent_speakers_and_the_single_intermediary() {
        let (mut f, [security, anadolu, reuters, _], [killed, _, dawn]) = article_isnad();
        let isnad = Isnad::new(&f.set, &f.article, None);
        let k = isnad.claim(&killed);
        assert_eq!(
            (k.independent, k.single_intermediary.as_deref()),
            (1, Some(anadolu.as_str()))
        );
        // the denial is a path but not a supporting speaker: what stands behind the claim came
        // through Reuters alone
        let d = isnad.claim(&dawn);
        assert_eq!(
            (
                d.paths.len(),
                d.independent,
                d.single_intermediary.as_deref()
            ),
            (2, 1, Some(reuters.as_str()))
        );
        // a second speaker through Anadolu, and the first again under another mention: two
        // independent speakers, both through one agency
        let second = f.source("شهود عيان", 0, None);
        let again = f
            .set
            .sources
            .iter()
            .find(|s| s.same_as.as_deref() == Some(&security))
            .unwrap()
            .id
            .clone();
        f.link(&killed, &second, &[&anadolu], Stance::Confirms);
        f.link(&killed, &again, &[&anadolu], Stance::Asserts);
        let isnad = Isnad::new(&f.set, &f.article, None);
        let k = isnad.claim(&killed);
        assert_eq!(k.paths.len(), 3);
        assert_eq!(
            (k.independent, k.single_intermediary.as_deref()),
            (2, Some(anadolu.as_str()))
        );
        // a rejected link is not part of the isnad
        for a in f
            .set
            .attributions
            .iter_mut()
            .filter(|a| a.claim_id == killed)
        {
            a.review.status = ReviewStatus::Rejected;
        }
        let isnad = Isnad::new(&f.set, &f.article, None);
        assert_eq!(isnad.claim(&killed).paths.len(), 0);
    }

    #[test]
    fn the_tree_has_the_outlet_at_the_root_and_speakers_at_the_leaves() {
        let (f, [security, anadolu, reuters, ministry], [killed, fled, dawn]) = article_isnad();
        let isnad = Isnad::new(&f.set, &f.article, Some("الشرق"));
        let tree = isnad.tree();
        assert_eq!(
            (tree.kind.clone(), tree.name.as_str(), tree.count),
            (NodeKind::Article, "الشرق", 3)
        );
        let kinds: Vec<&NodeKind> = tree.children.iter().map(|c| &c.kind).collect();
        assert_eq!(
            kinds,
            [
                &NodeKind::Intermediary(anadolu.clone()),
                &NodeKind::Intermediary(reuters.clone()),
                &NodeKind::Speaker(ministry.clone()),
            ]
        );
        let through_anadolu = &tree.children[0];
        assert_eq!(through_anadolu.count, 2);
        assert_eq!(
            through_anadolu.children.len(),
            1,
            "one speaker under two mentions"
        );
        let speaker = &through_anadolu.children[0];
        assert_eq!(speaker.kind, NodeKind::Speaker(security));
        let said: Vec<&str> = speaker.claims.iter().map(|c| c.claim_id.as_str()).collect();
        assert_eq!(said, [killed.as_str(), fled.as_str()]);
        let denial = &tree.children[2];
        assert_eq!(
            (denial.claims[0].claim_id.as_str(), denial.claims[0].stance),
            (dawn.as_str(), Stance::Denies)
        );

        let rows: Vec<String> = tree_rows(&tree)
            .iter()
            .map(|r| format!("{}{} ({})", r.prefix, r.node.name, r.node.count))
            .collect();
        assert_eq!(
            rows,
            [
                "الشرق (3)",
                "├─ الأناضول (2)",
                "│  └─ مصدر أمني (2)",
                "├─ رويترز (1)",
                "│  └─ شهود عيان (1)",
                "└─ وزارة الداخلية (1)",
            ]
        );
    }
}
