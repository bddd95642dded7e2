//! Recall and precision of attribution suggestions on the bundled sample article, against a
//! hand-written list of every attributed statement a careful reader would mark.

use isnad::article::Article;
use isnad::extract::cues::{CueSuggestions, suggest_article};

/// (source: a substring of the source phrase, claim: a substring only that claim contains).
/// Written from reading `assets/sample-article.txt`; byte offsets are deliberately absent.
const EXPECTED: &[(&str, &str)] = &[
    // أعلن المتحدث باسم وزارة الداخلية السورية نور الدين البابا، السبت، القضاء على …
    ("نور الدين البابا", "القضاء على 3 عناصر"),
    // … مشيراً إلى أن عنصرين من قوات الأمن العام لقيا حتفهما
    ("نور الدين البابا", "لقيا حتفهما"),
    // وأضاف عبر حسابه على منصة "تليجرام" أن "العملية تضمنت …" (pro-drop, previous paragraph)
    ("نور الدين البابا", "تضمنت مصادرة أسلحة"),
    // وأعلنت وزارة الداخلية انتهاء العملية الأمنية في حلب
    ("وزارة الداخلية", "انتهاء العملية الأمنية"),
    // وأوضحت في بيانها عبر منصة إكس أن العملية "تمت بالاشتراك …" (pro-drop, same paragraph)
    ("وزارة الداخلية", "تمت بالاشتراك"),
    // وذكرت مصادر لـ"الشرق"، أن الحملة كشفت عن "المزيد من الأوكار"
    ("مصادر", "الحملة كشفت"),
    // وقالت الداخلية السورية إنها تواصل …
    ("الداخلية السورية", "تواصل تنفيذ عملياتها"),
    // وذكرت مصادر محلية لـ"الشرق" أن "اشتباكات عنيفة دارت …"
    ("مصادر محلية", "اشتباكات عنيفة دارت"),
    // وقال شهود عيان لـ"الشرق" إن "مسلحين بادروا …"
    ("شهود عيان", "بادروا بإطلاق الرصاص"),
    // وأضاف شهود العيان أنه "مع اشتداد وتيرة الاشتباكات …"
    ("شهود العيان", "استقدمت إدارة الأمن العام"),
    // وذكر شهود في حي الحيدرية أن عنصراً بتنظيم "داعش" فجر نفسه …
    ("شهود", "فجر نفسه"),
    // وأوضحت المصادر أن "دوريات من الأمن العام السوري فرضت طوقاً …"
    ("المصادر", "فرضت طوقاً أمنياً"),
    // … "، بحسب موقع الشرق الاخباري (the outlet relays the same statement)
    ("موقع الشرق", "فرضت طوقاً أمنياً"),
    // والذي سبقه إعلان ترمب رفع العقوبات الأميركية المفروضة على سوريا
    ("ترمب", "رفع العقوبات"),
    // نشرت المتحدثة باسم البيت الأبيض كارولين ليفيت بياناً … "التعاون مع الولايات المتحدة …"
    ("كارولين ليفيت", "التعاون مع الولايات المتحدة"),
    // … إضافة إلى "تحمل الحكومة السورية المسؤولية …"
    ("كارولين ليفيت", "تحمل الحكومة السورية المسؤولية"),
    // قال وزير الخارجية السوري أسعد الشيباني إن بلاده "لا تزال تواجه تحديات كبيرة …"
    ("أسعد الشيباني", "لا تزال تواجه تحديات"),
];

struct Scored {
    recall: f64,
    precision: f64,
    missed: Vec<usize>,
    wrong: Vec<String>,
}

fn score(article: &Article, s: &CueSuggestions) -> Scored {
    let text = &article.text;
    let mut found = vec![false; EXPECTED.len()];
    let mut correct = 0;
    let mut wrong = Vec::new();
    for a in &s.attributions {
        let claim = &text[s.claims[a.claim].span.clone()];
        let source = a.source.map_or("", |i| &text[s.sources[i].span.clone()]);
        let mut ok = false;
        for (e, (want_source, want_claim)) in EXPECTED.iter().enumerate() {
            // The claim must hold this statement and no statement of another sentence.
            let overreaches = EXPECTED
                .iter()
                .any(|(_, other)| other != want_claim && claim.contains(other));
            if claim.contains(want_claim) && source.contains(want_source) && !overreaches {
                found[e] = true;
                ok = true;
            }
        }
        if ok {
            correct += 1;
        } else {
            wrong.push(format!("{source} ← {claim}"));
        }
    }
    let hits = found.iter().filter(|f| **f).count();
    Scored {
        recall: hits as f64 / EXPECTED.len() as f64,
        precision: if s.attributions.is_empty() {
            0.0
        } else {
            correct as f64 / s.attributions.len() as f64
        },
        missed: (0..EXPECTED.len()).filter(|&e| !found[e]).collect(),
        wrong,
    }
}

#[test]
fn sample_article_recall_and_precision() {
    let article = Article::sample();
    let suggestions = suggest_article(&article);
    let scored = score(&article, &suggestions);
    println!(
        "sample: {} expected, {} suggested, recall {:.3}, precision {:.3}",
        EXPECTED.len(),
        suggestions.attributions.len(),
        scored.recall,
        scored.precision
    );
    for e in &scored.missed {
        println!("missed: {:?}", EXPECTED[*e]);
    }
    for w in &scored.wrong {
        println!("wrong: {w}");
    }
    assert!(scored.recall >= 0.9, "recall {:.3}", scored.recall);
    assert!(scored.precision >= 0.9, "precision {:.3}", scored.precision);
}

#[test]
fn sample_spans_are_exact_phrases() {
    let article = Article::sample();
    let s = suggest_article(&article);
    let texts: Vec<&str> = s
        .sources
        .iter()
        .map(|x| &article.text[x.span.clone()])
        .collect();
    assert!(texts.contains(&"المتحدث باسم وزارة الداخلية السورية نور الدين البابا"));
    assert!(texts.contains(&"وزير الخارجية السوري أسعد الشيباني"));
    assert!(texts.contains(&"مصادر محلية"));
    let names: Vec<&str> = s
        .sources
        .iter()
        .map(|x| &article.text[x.name.clone()])
        .collect();
    assert!(names.contains(&"نور الدين البابا"));
    let cues: Vec<&str> = s
        .attributions
        .iter()
        .map(|a| &article.text[a.cue.clone()])
        .collect();
    assert!(
        cues.contains(&"أضاف"),
        "cue spans leave out the و prefix: {cues:?}"
    );
    assert!(cues.contains(&"بحسب"));
}
