//! brat round trip of the isnad: chains (`Via` relations in order), stances (`A Stance` on the
//! cue or the claim) and `same_as` (`R Same_as`) written by the export come back from the
//! import as they were, compared by span since the import makes new ids.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::ops::Range;

use isnad::annotate::formats::brat::{parse_ann, to_ann};
use isnad::annotate::model::*;
use isnad::article::Article;

const TEXT: &str = "نقلت وكالة الأناضول عن بيان لوزارة الداخلية أن الهجوم أسفر عن قتيلين.\n\
وقال المصدر للوكالة إن المهاجمين فروا.\n\
ونفى مسؤول محلي أن يكون الهجوم وقع.";

fn range(article: &Article, quote: &str) -> Range<usize> {
    let start = article.text.find(quote).unwrap();
    start..start + quote.len()
}

fn source(article: &Article, quote: &str) -> Source {
    Source::by_human(article, range(article, quote), "t").unwrap()
}

fn claim(article: &Article, quote: &str) -> Claim {
    Claim::by_human(article, range(article, quote), "t").unwrap()
}

/// An attribution's chain, stance and cue as spans (ids differ after an import).
type Shape = (
    Range<usize>,
    Range<usize>,
    Vec<Range<usize>>,
    Stance,
    Option<Range<usize>>,
);

fn shapes(set: &AnnotationSet) -> Vec<Shape> {
    let spans: HashMap<&str, Range<usize>> = set
        .sources
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.span?.range())))
        .chain(set.claims.iter().map(|c| (c.id.as_str(), c.span.range())))
        .collect();
    let mut out: Vec<Shape> = set
        .attributions
        .iter()
        .map(|a| {
            (
                spans[a.claim_id.as_str()].clone(),
                spans[a.source_id.as_str()].clone(),
                a.via.iter().map(|v| spans[v.as_str()].clone()).collect(),
                a.stance,
                a.cue.map(|c| c.range()),
            )
        })
        .collect();
    out.sort_by_key(|s| (s.0.start, s.1.start));
    out
}

#[test]
fn chains_stances_and_same_as_survive_export_and_import() {
    let article = Article::from_text("attack.txt", TEXT.to_owned());
    let agency = source(&article, "وكالة الأناضول");
    let statement = source(&article, "بيان");
    let ministry = source(&article, "وزارة الداخلية");
    let mut later = source(&article, "المصدر");
    later.same_as = Some(ministry.id.clone());
    let official = source(&article, "مسؤول محلي");
    let toll = claim(&article, "الهجوم أسفر عن قتيلين");
    let fled = claim(&article, "المهاجمين فروا");
    let happened = claim(&article, "يكون الهجوم وقع");

    // the ministry, through its statement, then the agency (two hands, in order)
    let mut a1 = Attribution::by_human(&toll.id, &ministry.id, None, "t");
    a1.via = vec![statement.id.clone(), agency.id.clone()];
    // the later mention doubts, through the agency, with a cue
    let mut a2 = Attribution::by_human(
        &fled.id,
        &later.id,
        Some(Span::checked(&article, range(&article, "قال")).unwrap()),
        "t",
    );
    a2.via = vec![agency.id.clone()];
    a2.stance = Stance::Doubts;
    // a denial without a cue: the stance goes on the claim
    let mut a3 = Attribution::by_human(&happened.id, &official.id, None, "t");
    a3.stance = Stance::Denies;

    let mut set = AnnotationSet {
        sources: vec![agency, statement, ministry, later, official],
        claims: vec![toll, fled, happened],
        attributions: vec![a1, a2, a3],
        ..Default::default()
    };
    set.sort();

    let ann = to_ann(&set, &article);
    assert!(ann.contains("\tVia Arg1:"), "{ann}");
    assert!(ann.contains("\tStance "), "{ann}");
    assert!(ann.contains("\tSame_as Arg1:"), "{ann}");
    let back = parse_ann(&ann, "attack.ann", &article).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(shapes(&back.set), shapes(&set), "{ann}");

    // same_as comes back pointing at the ministry's mention; hands are intermediaries
    let by_span = |quote: &str| {
        let r = range(&article, quote);
        back.set
            .sources
            .iter()
            .find(|s| s.span.map(|x| x.range()) == Some(r.clone()))
            .unwrap()
            .clone()
    };
    assert_eq!(
        by_span("المصدر").same_as.as_deref(),
        Some(by_span("وزارة الداخلية").id.as_str())
    );
    assert_eq!(by_span("وكالة الأناضول").role, SourceRole::Intermediary);
    assert_eq!(by_span("بيان").role, SourceRole::Intermediary);
    assert_eq!(by_span("وزارة الداخلية").role, SourceRole::Speaker);
}

#[test]
fn a_via_belongs_to_the_attributed_to_before_it() {
    // two links of one claim, each with its own hand: the R numbers say which is whose
    let article = Article::from_text("attack.txt", TEXT.to_owned());
    let ann = "T1\tSource 5 19\tوكالة الأناضول\n\
               T2\tSource 29 43\tوزارة الداخلية\n\
               T3\tSource 23 27\tبيان\n\
               T4\tClaim 47 68\tالهجوم أسفر عن قتيلين\n\
               R1\tAttributed_to Arg1:T4 Arg2:T2\n\
               R2\tVia Arg1:T4 Arg2:T3\n\
               R3\tAttributed_to Arg1:T4 Arg2:T1\n";
    let back = parse_ann(ann, "x.ann", &article).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let shapes = shapes(&back.set);
    let ministry = range(&article, "وزارة الداخلية");
    let statement = range(&article, "بيان");
    let of = |speaker: &Range<usize>| shapes.iter().find(|s| &s.1 == speaker).unwrap().2.clone();
    assert_eq!(of(&ministry), vec![statement]);
    assert_eq!(
        of(&range(&article, "وكالة الأناضول")),
        Vec::<Range<usize>>::new()
    );
}
