//! Importer tests: every format, wrong offsets, UTF-16 offsets with emoji, nested CoNLL layers,
//! and errors located as FILE:LINE:COLUMN.

use super::*;
use crate::annotate::{AnnotationSet, AnnotationStore, Attribution, Claim, Item, Source};

const ARTICLE: &str = "أعلنت وزارة الصحة في غزة 😀 أن الرئيس محمود عباس زار رام الله.";

fn texts(outcome: &ImportOutcome) -> Vec<(&str, Label, &str, bool)> {
    outcome
        .mentions
        .iter()
        .map(|m| {
            (
                &ARTICLE[m.range.clone()],
                m.label.clone(),
                m.raw_label.as_str(),
                m.realigned,
            )
        })
        .collect()
}

fn cp(s: &str) -> (usize, usize) {
    let at = ARTICLE.find(s).unwrap();
    let start = ARTICLE[..at].chars().count();
    (start, start + s.chars().count())
}

fn utf16(s: &str) -> (usize, usize) {
    let at = ARTICLE.find(s).unwrap();
    let start = ARTICLE[..at].encode_utf16().count();
    (start, start + s.encode_utf16().count())
}

#[test]
fn interchange_codepoint_offsets() {
    let (s, e) = cp("محمود عباس");
    let data = format!(
        r#"{{"format":"ar-news-extractions","version":1,"offset_unit":"codepoint",
        "producer":{{"tool":"stanza"}},
        "mentions":[{{"id":"m1","start":{s},"end":{e},"text":"محمود عباس","label":"PER","canonical":"PERSON","score":0.9}}]}}"#
    );
    let out = import(ARTICLE, &data, "x.json", Format::Auto).unwrap();
    assert_eq!(out.format, Format::Interchange);
    assert_eq!(out.tool, "stanza");
    assert_eq!(
        texts(&out),
        [("محمود عباس", Label::PERSON, "PERSON", false)]
    );
    assert_eq!(out.summary(), "imported 1, realigned 0, unaligned 0");
}

#[test]
fn interchange_utf16_offsets_after_an_emoji() {
    let (s, e) = utf16("رام الله");
    // The same numbers as code points would be off by one (the emoji is 2 UTF-16 units).
    assert_ne!((s, e), cp("رام الله"));
    let data = format!(
        r#"{{"format":"ar-news-extractions","offset_unit":"utf16","mentions":[{{"start":{s},"end":{e},"text":"رام الله","label":"LOC"}}]}}"#
    );
    let out = import(ARTICLE, &data, "x.json", Format::Auto).unwrap();
    assert_eq!(texts(&out), [("رام الله", Label::LOC, "LOC", false)]);
}

#[test]
fn interchange_utf8_offsets() {
    let at = ARTICLE.find("غزة").unwrap();
    let data = format!(
        r#"{{"offset_unit":"utf8","mentions":[{{"start":{at},"end":{},"text":"غزة","label":"GPE"}}]}}"#,
        at + "غزة".len()
    );
    let out = import(ARTICLE, &data, "x.json", Format::Auto).unwrap();
    assert_eq!(texts(&out), [("غزة", Label::GPE, "GPE", false)]);
}

#[test]
fn wrong_offsets_are_realigned_and_unfindable_kept_aside() {
    // Offsets given as UTF-8 bytes while declaring code points: realigned by text.
    let at = ARTICLE.find("وزارة الصحة").unwrap();
    let data = format!(
        r#"{{"offset_unit":"codepoint","mentions":[
            {{"start":{at},"end":{},"text":"وزارة الصحة","label":"ORG"}},
            {{"start":3,"end":9,"text":"بنيامين","label":"PER"}}]}}"#,
        at + 20
    );
    let out = import(ARTICLE, &data, "x.json", Format::Auto).unwrap();
    assert_eq!(texts(&out), [("وزارة الصحة", Label::ORG, "ORG", true)]);
    assert_eq!(out.unaligned.len(), 1);
    assert_eq!(out.unaligned[0].text, "بنيامين");
    assert_eq!(out.summary(), "imported 1, realigned 1, unaligned 1");
}

#[test]
fn realignment_picks_the_nearest_occurrence() {
    let article = "غزة ثم غزة ثم غزة";
    // Claims 13..16 (the third) but with a bad end; the third occurrence is nearest.
    let data = r#"{"offset_unit":"codepoint","mentions":[{"start":13,"end":15,"text":"غزة","label":"GPE"}]}"#;
    let out = import(article, data, "x.json", Format::Auto).unwrap();
    let third = article.rfind("غزة").unwrap();
    assert_eq!(out.mentions[0].range.start, third);
    assert!(out.mentions[0].realigned);
}

#[test]
fn diacritised_or_normalised_tool_text_still_aligns() {
    let article = "قال مُحَمَّد إن";
    let data = r#"{"offset_unit":"codepoint","mentions":[{"start":0,"end":4,"text":"محمد","label":"PERS"}]}"#;
    let out = import(article, data, "x.json", Format::Auto).unwrap();
    assert_eq!(&article[out.mentions[0].range.clone()], "مُحَمَّد");
    assert_eq!(out.mentions[0].label, Label::PERSON);
}

#[test]
fn interchange_errors_are_located() {
    let data = "{\n  \"offset_unit\": \"bytes\",\n  \"mentions\": []\n}";
    let err = import(ARTICLE, data, "ex.json", Format::Interchange).unwrap_err();
    assert_eq!((err.line, err.column), (2, 3), "{err}");
    assert!(err.to_string().starts_with("ex.json:2:3: offset_unit"));
    let data = "{\n  \"offset_unit\": \"utf8\",\n  \"mentions\": [{\"start\": \"x\"}]\n}";
    let err = import(ARTICLE, data, "ex.json", Format::Interchange).unwrap_err();
    assert_eq!(err.line, 3, "{err}");
    let err = import(
        ARTICLE,
        "{\"offset_unit\": ",
        "ex.json",
        Format::Interchange,
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("ex.json:1:"), "{err}");
}

#[test]
fn interchange_hash_is_checked() {
    let data =
        r#"{"document":{"text":"غزة","text_sha256":"00"},"offset_unit":"codepoint","mentions":[]}"#;
    let err = import(ARTICLE, data, "h.json", Format::Auto).unwrap_err();
    assert!(err.message.contains("text_sha256"), "{err}");
}

#[test]
fn interchange_tool_saw_a_different_text() {
    // The tool's text lacks the emoji, so its offsets after it are shifted by one.
    let tool_text = ARTICLE.replace("😀 ", "");
    let at = tool_text.find("محمود عباس").unwrap();
    let s = tool_text[..at].chars().count();
    let data = serde_json::json!({
        "format": "ar-news-extractions", "offset_unit": "codepoint",
        "document": {"text": tool_text, "text_sha256": crate::article::sha256_hex(&tool_text)},
        "mentions": [{"start": s, "end": s + 10, "label": "PER"}]
    })
    .to_string();
    let out = import(ARTICLE, &data, "d.json", Format::Auto).unwrap();
    assert_eq!(out.same_text, Some(false));
    assert_eq!(texts(&out), [("محمود عباس", Label::PERSON, "PER", true)]);
}

#[test]
fn interchange_token_tags_with_nested_layers() {
    let data = r#"{"offset_unit":"codepoint",
      "tokens":[{"text":"وزارة"},{"text":"الصحة"},{"text":"في"},{"text":"غزة"}],
      "token_tags":{"scheme":"IOB2","layers":[["B-ORG","I-ORG","I-ORG","I-ORG"],["O","O","O","B-GPE"]]}}"#;
    let out = import(ARTICLE, data, "t.json", Format::Auto).unwrap();
    let got = texts(&out);
    assert!(got.contains(&("وزارة الصحة في غزة", Label::ORG, "ORG", false)));
    assert!(got.contains(&("غزة", Label::GPE, "GPE", false)));
}

#[test]
fn stanza_doc_and_list() {
    let (s, e) = cp("غزة");
    let doc = format!(
        r#"{{"text":{},"ents":[{{"text":"غزة","type":"LOC","start_char":{s},"end_char":{e}}}]}}"#,
        serde_json::to_string(ARTICLE).unwrap()
    );
    let out = import(ARTICLE, &doc, "s.json", Format::Auto).unwrap();
    assert_eq!(out.format, Format::Stanza);
    assert_eq!(out.same_text, Some(true));
    assert_eq!(texts(&out), [("غزة", Label::LOC, "LOC", false)]);
    let list = r#"[{"text":"محمود عباس","type":"PER","start_char":0,"end_char":3}]"#;
    let out = import(ARTICLE, list, "s.json", Format::Auto).unwrap();
    assert_eq!(out.format, Format::Stanza);
    assert_eq!(texts(&out), [("محمود عباس", Label::PERSON, "PER", true)]);
}

#[test]
fn spacy_to_json() {
    let (s, e) = cp("وزارة الصحة");
    let data = format!(
        r#"{{"text":{},"ents":[{{"start":{s},"end":{e},"label":"ORG"}}],"sents":[],"tokens":[{{"id":0,"start":0,"end":5}}]}}"#,
        serde_json::to_string(ARTICLE).unwrap()
    );
    let out = import(ARTICLE, &data, "sp.json", Format::Auto).unwrap();
    assert_eq!(out.format, Format::Spacy);
    assert_eq!(texts(&out), [("وزارة الصحة", Label::ORG, "ORG", false)]);
}

#[test]
fn hugging_face_aggregated_and_word_pieces() {
    let (s, e) = cp("محمود عباس");
    let agg = format!(
        r#"[{{"entity_group":"PERS","score":0.98,"word":"محمود عباس","start":{s},"end":{e}}}]"#
    );
    let out = import(ARTICLE, &agg, "hf.json", Format::Auto).unwrap();
    assert_eq!(out.format, Format::Hf);
    assert_eq!(texts(&out), [("محمود عباس", Label::PERSON, "PERS", false)]);
    assert_eq!(out.mentions[0].score, Some(0.98));
    // Not aggregated: B-/I- pieces, including a ## continuation.
    let (s1, e1) = cp("محمود");
    let (s2, e2) = cp("عباس");
    let pieces = format!(
        r###"[{{"entity":"B-PERS","score":0.9,"word":"محمود","start":{s1},"end":{e1},"index":1}},
            {{"entity":"I-PERS","score":0.8,"word":"عب","start":{s2},"end":{},"index":2}},
            {{"entity":"I-PERS","score":0.85,"word":"##اس","start":{},"end":{e2},"index":3}}]"###,
        s2 + 2,
        s2 + 2
    );
    let out = import(ARTICLE, &pieces, "hf.json", Format::Auto).unwrap();
    assert_eq!(texts(&out), [("محمود عباس", Label::PERSON, "PERS", false)]);
    assert_eq!(out.mentions[0].score, Some(0.8));
}

#[test]
fn conll_tokens_realigned_to_the_article_with_nested_layers() {
    let data = "أعلنت O\nوزارة B-ORG\nالصحة I-ORG\nفي I-ORG\nغزة I-ORG B-GPE\n\nأن O\nالرئيس O\nمحمد B-PERS\n";
    let out = import(ARTICLE, data, "g.conll", Format::Auto).unwrap();
    let got = texts(&out);
    assert!(
        got.contains(&("وزارة الصحة في غزة", Label::ORG, "ORG", false)),
        "{got:?}"
    );
    assert!(got.contains(&("غزة", Label::GPE, "GPE", false)));
    // محمد is not in the article: reported with its line, not placed.
    assert_eq!(out.unaligned.len(), 1);
    assert_eq!(out.unaligned[0].location, "g.conll:9");
    // A tool that normalised the text (no hamza) still aligns.
    let out = import(
        ARTICLE,
        "اعلنت O\nوزاره B-ORG\nالصحه I-ORG\n",
        "g.conll",
        Format::Auto,
    )
    .unwrap();
    assert_eq!(texts(&out), [("وزارة الصحة", Label::ORG, "ORG", false)]);
}

#[test]
fn conll_errors_are_located() {
    let err = import(ARTICLE, "غزة B-GPE\nرفح Q-LOC\n", "g.conll", Format::Conll).unwrap_err();
    assert_eq!(
        err.to_string(),
        "g.conll:2:5: bad tag \"Q-LOC\" (expected O, B-X, I-X, E-X, S-X, L-X or U-X)"
    );
}

#[test]
fn brat_ann_with_wrong_offsets_and_discontinuous_spans() {
    let (s, e) = cp("غزة");
    let (ps, pe) = cp("محمود عباس");
    let data = format!(
        "T1\tLOC {s} {e}\tغزة\nT2\tPER 0 10\tمحمود عباس\nR1\tRel Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tnote\nT3\tPER {ps} {};{} {pe}\tمحمود عباس\nT4\tORG 0 4\tيونيسف\n",
        ps + 5,
        ps + 6
    );
    let out = import(ARTICLE, &data, "a.ann", Format::Auto).unwrap();
    assert_eq!(out.format, Format::Brat);
    // the realigned T2 and the discontinuous T3 share one span: their order is not fixed
    let mut got = texts(&out);
    got.sort_by_key(|(text, .., realigned)| (text.to_string(), *realigned));
    assert_eq!(got[0], ("غزة", Label::LOC, "LOC", false));
    assert_eq!(got[1], ("محمود عباس", Label::PERSON, "PER", false));
    assert_eq!(got[2], ("محمود عباس", Label::PERSON, "PER", true));
    assert_eq!(out.unaligned.len(), 1);
    assert_eq!(out.unaligned[0].location, "a.ann:6");
}

#[test]
fn brat_errors_are_located() {
    let err = import(ARTICLE, "T1\tLOC 5 x\tغزة\n", "a.ann", Format::Auto).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a.ann:1:8: bad offsets \"5 x\" (expected `START END[;START END]`)"
    );
}

#[test]
fn unknown_labels_become_misc_and_keep_the_original() {
    let (s, e) = cp("الرئيس");
    let data = format!(r#"[{{"text":"الرئيس","type":"OCC","start_char":{s},"end_char":{e}}}]"#);
    let out = import(ARTICLE, &data, "s.json", Format::Auto).unwrap();
    assert_eq!(texts(&out), [("الرئيس", Label::MISC, "OCC", false)]);
}

/// Garbage never panics: it is a located error naming the file, or an outcome whose every
/// mention is a non-empty piece of the article.
#[test]
fn garbage_is_an_error_naming_the_file_or_imports_nothing_outside() {
    for data in [
        "",
        "{}",
        "[]",
        "[1,2]",
        "null",
        "T\t\t",
        "x",
        "{\"ents\": 3}",
        "\u{0}\u{1}",
    ] {
        for format in Format::ALL {
            match import(ARTICLE, data, "garbage.txt", format) {
                Ok(out) => assert!(
                    out.mentions
                        .iter()
                        .all(|m| ARTICLE.get(m.range.clone()).is_some_and(|s| !s.is_empty())),
                    "{format:?} {data:?}: {out:?}"
                ),
                Err(e) => assert!(
                    e.to_string().starts_with("garbage.txt"),
                    "{format:?} {data:?}: {e}"
                ),
            }
        }
    }
}

#[test]
fn interchange_token_tags_must_match_the_tokens() {
    let data = "{\"offset_unit\":\"codepoint\",\n\"tokens\":[{\"text\":\"غزة\"}],\n\"token_tags\":{\"layers\":[[\"B-GPE\",\"O\"]]}}";
    let err = import(ARTICLE, data, "t.json", Format::Auto).unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.json:3:1: token_tags layer 1 has 2 tags for 1 tokens"
    );
}

#[test]
fn conll_token_missing_from_the_article_does_not_derail_the_rest() {
    // A token absent from the article is skipped; the following ones still align in order.
    let data = "أعلنت O\nزززز B-ORG\nوزارة B-ORG\nالصحة I-ORG\n";
    let out = import(ARTICLE, data, "g.conll", Format::Auto).unwrap();
    assert_eq!(texts(&out), [("وزارة الصحة", Label::ORG, "ORG", false)]);
    assert_eq!(out.unaligned.len(), 1);
    assert_eq!(out.unaligned[0].text, "زززز");
}

#[test]
fn spacy_offsets_into_a_different_text_are_realigned() {
    // spaCy ran on a copy with a leading title line; its offsets are off by that line.
    let tool_text = format!("عنوان\n{ARTICLE}");
    let at = tool_text.find("وزارة الصحة").unwrap();
    let s = tool_text[..at].chars().count();
    let data = serde_json::json!({
        "text": tool_text,
        "ents": [{"start": s, "end": s + 11, "label": "ORG"}, {"start": 0, "end": 5, "label": "MISC"}]
    })
    .to_string();
    let out = import(ARTICLE, &data, "sp.json", Format::Auto).unwrap();
    assert_eq!(out.same_text, Some(false));
    assert_eq!(texts(&out), [("وزارة الصحة", Label::ORG, "ORG", true)]);
    // "عنوان" is only in the tool's text.
    assert_eq!(out.unaligned.len(), 1);
    assert_eq!(out.unaligned[0].text, "عنوان");
}

#[test]
fn hugging_face_wrong_offsets_are_realigned_by_word() {
    // Byte offsets given where code points were expected.
    let at = ARTICLE.find("رام الله").unwrap();
    let data = format!(
        r#"[{{"entity_group":"LOC","score":0.9,"word":"رام الله","start":{at},"end":{}}}]"#,
        at + "رام الله".len()
    );
    let out = import(ARTICLE, &data, "hf.json", Format::Auto).unwrap();
    assert_eq!(texts(&out), [("رام الله", Label::LOC, "LOC", true)]);
}

#[test]
fn spacy_mentions_beyond_its_own_text_are_refused_with_their_place() {
    // spaCy's `text` is a short excerpt; the article is longer. A mention past the excerpt's
    // end cannot be checked against anything: it is refused, never placed at its offsets.
    let excerpt: String = ARTICLE.chars().take(10).collect();
    let (s, e) = cp("محمود عباس");
    let data = serde_json::json!({
        "text": excerpt,
        "ents": [{"start": s, "end": e, "label": "PER"}]
    })
    .to_string();
    let out = import(ARTICLE, &data, "sp.json", Format::Auto).unwrap();
    assert!(out.mentions.is_empty(), "{:?}", texts(&out));
    assert_eq!(out.unaligned.len(), 1);
    assert_eq!(out.unaligned[0].location, "sp.json: ents 1");
    assert_eq!(out.unaligned[0].offsets, Some((s, e)));
}

/// A store on [`ARTICLE`] in a fresh folder.
fn store() -> (tempfile::TempDir, AnnotationStore) {
    let dir = tempfile::tempdir().unwrap();
    let options = crate::annotate::StoreOptions {
        annotations: Some(dir.path().join("a.isnad.json")),
        data_dir: Some(dir.path().to_path_buf()),
    };
    let article = crate::article::Article::from_text("a.txt", ARTICLE.to_owned());
    (dir, AnnotationStore::open(article, &options))
}

#[test]
fn identical_mentions_in_one_interchange_import_are_added_once() {
    let (s, e) = cp("محمود عباس");
    let mention = format!(r#"{{"start":{s},"end":{e},"text":"محمود عباس","label":"PER"}}"#);
    let data = format!(
        r#"{{"format":"ar-news-extractions","version":1,"offset_unit":"codepoint",
        "producer":{{"tool":"t"}},"mentions":[{mention},{mention},{mention}]}}"#
    );
    let (_dir, mut store) = store();
    let report = import_into(&mut store, data.as_bytes(), "x.json", Format::Auto).unwrap();
    assert_eq!(report.added, 1);
    assert_eq!(store.set().entities.len(), 1);
    // and importing it again adds nothing
    let again = import_into(&mut store, data.as_bytes(), "x.json", Format::Auto).unwrap();
    assert_eq!(again.added, 0);
}

#[test]
fn sources_and_claims_are_deduplicated_by_span_not_only_by_id() {
    // the same claim and source twice under other ids, with an attribution on the copies
    let (cs, ce) = cp("محمود عباس زار رام الله");
    let (ss, se) = cp("وزارة الصحة");
    let ann = |t: &str| {
        format!(
            "T{t}1\tClaim {cs} {ce}\tمحمود عباس زار رام الله\nT{t}2\tSource {ss} {se}\tوزارة الصحة\n"
        )
    };
    let (_dir, mut store) = store();
    let first = import_into(&mut store, ann("1").as_bytes(), "a.ann", Format::Brat).unwrap();
    assert_eq!(first.added, 2, "{:?}", first.prepared.items);
    let twice = format!("{}{}", ann("2"), ann("3"));
    let second = import_into(&mut store, twice.as_bytes(), "b.ann", Format::Brat).unwrap();
    assert_eq!(second.added, 0, "{:?}", second.prepared.items);
    assert_eq!(store.set().claims.len(), 1);
    assert_eq!(store.set().sources.len(), 1);
}

#[test]
fn an_attribution_of_a_left_out_copy_points_at_the_one_kept() {
    let (_dir, store) = store();
    let article = store.article();
    let word = |w: &str| ARTICLE.find(w).map(|at| at..at + w.len()).unwrap();
    let claim = Claim::by_human(article, word("أعلنت"), "t").unwrap();
    let mut copy = claim.clone();
    copy.id = "c-00000000000000aa".to_owned();
    let source = Source::by_human(article, word("وزارة"), "t").unwrap();
    let attribution = Attribution::by_human(&copy.id, &source.id, None, "t");
    let items = vec![
        Item::Claim(claim.clone()),
        Item::Claim(copy),
        Item::Source(source.clone()),
        Item::Attribution(attribution),
    ];
    let fresh = only_new(&AnnotationSet::default(), items);
    assert_eq!(fresh.len(), 3);
    let Some(Item::Attribution(a)) = fresh.last() else {
        panic!("the attribution is kept: {fresh:?}");
    };
    assert_eq!(a.claim_id, claim.id);
    assert_eq!(a.source_id, source.id);
}
