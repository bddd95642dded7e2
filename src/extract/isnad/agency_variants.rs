//! Surface variants of agency-style reporting (docs/extraction/chains.md, "Fifth round: chains,
//! denials and same_as"): chains as agency wires write them (a relay phrase between commas
//! after an outlet that is the subject, an acronym in brackets, a verbal noun after the relayed
//! speaker, statements received by an outlet, a post on the speaker's account), denials of a
//! report (the stance and the denied content) and later mentions of one source (a title
//! alone, a surname alone, `المصدر ذاته`). Every sentence is invented; each row was run before
//! the round's rules to count the families really missing.

#![cfg(test)]
#![allow(clippy::unwrap_used)]

use crate::article::Article;
use crate::extract::extract;
use crate::extract::isnad::{chains_in, suggest_annotations};

/// One invented sentence, the speaker and the hands of the chain it must give.
pub(super) type ChainRow = (&'static str, &'static str, &'static [&'static str]);

/// Checks (text, later mention, first mention) rows of `same_as`: every later mention links to
/// its first.
pub(super) fn check_same_as(rows: &[(&str, &str, &str)]) {
    let misses: Vec<String> = rows
        .iter()
        .filter_map(|&(text, later, first)| {
            let l = same_as_links(text);
            let ok = l.iter().any(|(m, f)| m == later && f == first);
            (!ok).then(|| format!("{text}\n   want {later} → {first}\n   found {l:?}"))
        })
        .collect();
    assert_no_misses(&misses, rows.len());
}

/// The rows of `rows` that do not give their chain, with what was found instead.
fn chain_misses(rows: &[ChainRow]) -> Vec<String> {
    rows.iter()
        .filter_map(|&(text, speaker, hands)| {
            let found = chains_in(text);
            let ok = found.iter().any(|(_, s, h)| {
                s == speaker && h.iter().map(String::as_str).eq(hands.iter().copied())
            });
            (!ok).then(|| format!("{text}\n   want {speaker} ← {hands:?}\n   found {found:?}"))
        })
        .collect()
}

pub(super) fn check_chains(rows: &[ChainRow]) {
    assert_no_misses(&chain_misses(rows), rows.len());
}

/// One invented sentence with a claim, its speaker and the one hand it came through.
pub(super) type OneHandRow = (&'static str, &'static str, &'static str, &'static str);

/// Checks (sentence, claim, speaker, hand) rows: the claim is linked to its speaker through
/// that one hand and no other.
pub(super) fn check_one_hand(rows: &[OneHandRow]) {
    let misses: Vec<String> = rows
        .iter()
        .filter_map(|&(text, claim, speaker, hand)| {
            let c = chains_in(text);
            let ok = c
                .iter()
                .any(|(cl, s, via)| cl == claim && s == speaker && via == &[hand.to_owned()]);
            (!ok)
                .then(|| format!("{text}\n   want {speaker} via [{hand}]: {claim}\n   found {c:?}"))
        })
        .collect();
    assert_no_misses(&misses, rows.len());
}

/// Fails with every row of a table that did not give what it wants (`misses`, one message
/// each), so that one run shows all of them.
pub(super) fn assert_no_misses(misses: &[String], rows: usize) {
    assert!(
        misses.is_empty(),
        "{} of {rows} rows:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

#[test]
fn a_relay_phrase_after_the_outlet() {
    check_chains(&[
        (
            "وذكرت وكالة الأنباء الوطنية الثلاثاء نقلا عن مصدر عسكري أن القوات انسحبت من البلدة.",
            "مصدر عسكري",
            &["وكالة الأنباء الوطنية"],
        ),
        (
            "وأفادت صحيفة الصباح، نقلا عن مصادر مطلعة، بأن المفاوضات توقفت.",
            "مصادر مطلعة",
            &["صحيفة الصباح"],
        ),
        (
            "ونقلت وكالة «إنترفاكس» الروسية، عن مصادر دبلوماسية، تأكيدها أن المحادثات ستستأنف.",
            "مصادر دبلوماسية",
            &["وكالة «إنترفاكس» الروسية"],
        ),
        (
            "ونقلت رويترز عن ثلاثة مصادر مطلعة قولها إن الشركة ستخفض الإنتاج.",
            "ثلاثة مصادر مطلعة",
            &["رويترز"],
        ),
        (
            "وذكرت صحيفة الوادي، نقلاً عن مسؤول في البلدية لم تسمه، أن الجسر سيغلق.",
            "مسؤول في البلدية لم تسمه",
            &["صحيفة الوادي"],
        ),
        (
            "وأوردت قناة الغد عن شهود عيان أن الانفجار هز المنطقة.",
            "شهود عيان",
            &["قناة الغد"],
        ),
    ]);
}

#[test]
fn relayed_statements_in_a_trailing_phrase() {
    check_chains(&[
        (
            "وقال الوزير في تصريحات نقلتها وكالة الأنباء الرسمية إن الميزانية جاهزة.",
            "الوزير",
            &["وكالة الأنباء الرسمية"],
        ),
        (
            "وأكد المتحدث باسم الجيش، في تصريحات أوردتها قناة الغد، أن القوات تقدمت.",
            "المتحدث باسم الجيش",
            &["قناة الغد"],
        ),
        (
            "وقالت الوزارة في بيان ورد لوكالة الأنباء المحلية إن الطريق سيفتح.",
            "الوزارة",
            &["بيان", "وكالة الأنباء المحلية"],
        ),
    ]);
}

#[test]
fn agencies_by_acronym() {
    check_chains(&[
        (
            "وذكرت وكالة الأنباء القطرية (قنا) نقلا عن مسؤول في الوزارة أن الاتفاق سيوقع غدا.",
            "مسؤول في الوزارة",
            &["وكالة الأنباء القطرية (قنا)"],
        ),
        (
            "وقال المتحدث باسم الشرطة لوكالة الأنباء السعودية (واس) إن الحريق أخمد.",
            "المتحدث باسم الشرطة",
            &["وكالة الأنباء السعودية (واس)"],
        ),
    ]);
}

#[test]
fn an_outlet_subject_before_the_relay_phrase() {
    check_chains(&[
        (
            "وكانت صحيفة «الأفق»، نقلا عن مصدر مطلع، قد ذكرت أن الوزير سيستقيل.",
            "مصدر مطلع",
            &["صحيفة «الأفق»"],
        ),
        (
            "صحيفة الوادي، نقلا عن مسؤولين محليين، أكدت أن المدرسة ستغلق.",
            "مسؤولين محليين",
            &["صحيفة الوادي"],
        ),
        (
            "وكالة الأنباء الوطنية، نقلا عن مصدر عسكري، قالت إن القوات انسحبت.",
            "مصدر عسكري",
            &["وكالة الأنباء الوطنية"],
        ),
        (
            "وكانت قناة «الغد»، استنادا إلى مصادر أمنية، قد أفادت بأن الحدود أغلقت.",
            "مصادر أمنية",
            &["قناة «الغد»"],
        ),
    ]);
}

/// A post and its account or network are one hand since the seventh round (`posts.rs`: both
/// blind annotators of the outlet reports wrote them so); the fifth round had two.
#[test]
fn a_post_on_the_speakers_account() {
    check_chains(&[
        (
            "وقال الوزير عبر حسابه على منصة إكس إن الجسر سيفتح غدا.",
            "الوزير",
            &["حسابه على منصة إكس"],
        ),
        (
            "وقالت النائبة في تغريدة على حسابها في تويتر إن الجلسة تأجلت.",
            "النائبة",
            &["تغريدة على حسابها في تويتر"],
        ),
        (
            "وأكد المدرب في منشور له عبر فيسبوك أن اللاعب سيعود.",
            "المدرب",
            &["منشور له عبر فيسبوك"],
        ),
        (
            "وقالت النائبة في تغريدة عبر منصة إكس إن الجلسة تأجلت.",
            "النائبة",
            &["تغريدة عبر منصة إكس"],
        ),
        (
            "وكتب الوزير على حسابه في تويتر أن الجسر سيفتح.",
            "الوزير",
            &["حسابه في تويتر"],
        ),
        (
            "وأعلن النادي عبر فيسبوك أن المدرب رحل.",
            "النادي",
            &["فيسبوك"],
        ),
        (
            "وكتبت الوزيرة في تدوينة على صفحتها في فيسبوك: «الجسر سيفتح غدا».",
            "الوزيرة",
            &["تدوينة على صفحتها في فيسبوك"],
        ),
    ]);
}

#[test]
fn the_source_who_spoke_to_an_outlet_in_a_relative_clause() {
    check_chains(&[
        (
            "وقال المصدر، الذي تحدث للأناضول مفضلا عدم الكشف عن هويته، إن الاتفاق يشمل تبادل الأسرى.",
            "المصدر، الذي تحدث للأناضول مفضلا عدم الكشف عن هويته",
            &["لأناضول"],
        ),
        (
            "وقالت المسؤولة التي تحدثت لوكالة الأنباء المحلية شريطة عدم ذكر اسمها إن الحدود أغلقت.",
            "المسؤولة",
            &["وكالة الأنباء المحلية"],
        ),
        (
            "وصرح مسؤول أمريكي لموقع أكسيوس، أن المبعوث سيصل الأحد.",
            "مسؤول أمريكي",
            &["موقع أكسيوس"],
        ),
        (
            "ووفقا لتقرير نشرته صحيفة الأيام، فإن مسؤولين اثنين أكدا أن الصفقة ألغيت.",
            "مسؤولين اثنين",
            &["تقرير", "صحيفة الأيام"],
        ),
    ]);
}

/// Wire phrasings: an outlet as addressee with quotes, brackets or harakat, a frame word in
/// commas, statements carried by an agency, a plural outlet relaying witnesses, a programme
/// and the channel it went out on.
const WIRE: &[ChainRow] = &[
    // the outlet reports that Y told it (§7.4: Y speaks through the outlet)
    (
        "وقالت صحيفة الأيام إن مسؤولين أبلغوها أن الصفقة ألغيت.",
        "مسؤولين",
        &["صحيفة الأيام"],
    ),
    (
        "وذكرت وكالة الأنباء المحلية أن مصادر أمنية أبلغتها بأن الحدود أغلقت.",
        "مصادر أمنية",
        &["وكالة الأنباء المحلية"],
    ),
    (
        "وقالت رويترز إن ثلاثة مصادر مطلعة قالت لها إن الشركة ستخفض الإنتاج.",
        "ثلاثة مصادر مطلعة",
        &["رويترز"],
    ),
    (
        "وأفادت القناة بأن شهود عيان أخبروها أن القصف استمر.",
        "شهود عيان",
        &["القناة"],
    ),
    (
        "وقال المتحدث خلال مداخلة هاتفية لبرنامج «المساء» على قناة الغد إن المعبر فتح.",
        "المتحدث",
        &["برنامج «المساء»", "قناة الغد"],
    ),
    (
        "وقال المتحدث في مداخلة مع برنامج «المساء» إن المعبر فتح.",
        "المتحدث",
        &["برنامج «المساء»"],
    ),
    (
        "وقال المتحدث لفضائية الغد إن المعبر فتح.",
        "المتحدث",
        &["فضائية الغد"],
    ),
    (
        "وأكد الرئيس، حسبما أفاد التلفزيون الرسمي، أن الانتخابات ستجرى في موعدها.",
        "الرئيس",
        &["التلفزيون الرسمي"],
    ),
    (
        "وقالت الوزيرة إن المدارس ستفتح. وأضافت، حسبما ذكرت وكالة الأنباء المحلية، أن الحدود أغلقت.",
        "الوزيرة",
        &["وكالة الأنباء المحلية"],
    ),
    (
        "وقال مصدر أمني لرويترز (الأحد 5 مايو) إن الحدود أغلقت.",
        "مصدر أمني",
        &["رويترز"],
    ),
    (
        "وقال مسؤول عسكري لقناة «العربية» إن الهجوم صد.",
        "مسؤول عسكري",
        &["قناة «العربية»"],
    ),
    (
        "وقال الوزير، في تصريحات للصحفيين نقلتها قناة الغد، إن الميزانية جاهزة.",
        "الوزير",
        &["قناة الغد"],
    ),
    (
        "وأكد الرئيس، بحسب ما أعلنه التلفزيون الرسمي، أن الانتخابات ستجرى في موعدها.",
        "الرئيس",
        &["التلفزيون الرسمي"],
    ),
    (
        "ونقلت وسائل إعلام محلية عن شهود عيان أن الانفجار وقع قرب السوق.",
        "شهود عيان",
        &["وسائل إعلام محلية"],
    ),
    (
        "ونقلت وكالة الأنباء الفرنسية (أ ف ب) عن متحدث باسم الشرطة أن الحريق أخمد.",
        "متحدث باسم الشرطة",
        &["وكالة الأنباء الفرنسية (أ ف ب)"],
    ),
    (
        "وذكرت قناة الغد نقلا عن صحيفة الأيام أن الوزير سيستقيل.",
        "صحيفة الأيام",
        &["قناة الغد"],
    ),
    (
        "وقال الناطق باسم الجيش لـ«فرانس برس» إن القوات تقدمت.",
        "الناطق باسم الجيش",
        &["فرانس برس"],
    ),
    (
        "وقال الوزير في تصريح خاص لـ«الأيام» إن الميزانية جاهزة.",
        "الوزير",
        &["الأيام"],
    ),
    (
        "وقال مصدر أمني لوكالة الأنباء الألمانية (د ب أ) إن الحدود أغلقت.",
        "مصدر أمني",
        &["وكالة الأنباء الألمانية (د ب أ)"],
    ),
    (
        "وقالت الشرطة في بيان أوردته وكالة الأنباء الرسمية إن الطريق أغلق.",
        "الشرطة",
        &["بيان", "وكالة الأنباء الرسمية"],
    ),
    (
        "وقال المتحدث خلال مداخلة هاتفية مع قناة الغد إن المعبر فتح.",
        "المتحدث",
        &["قناة الغد"],
    ),
    (
        "وأضاف الوزير، وفق ما نقلت عنه وكالة الأنباء الرسمية، أن الاتفاق سيوقع قريبا.",
        "الوزير",
        &["وكالة الأنباء الرسمية"],
    ),
    (
        "وأفاد مصدر طبي لوكالة الأناضول بأن عدد القتلى ارتفع.",
        "مصدر طبي",
        &["وكالة الأناضول"],
    ),
    (
        "وقَالَ مَسؤولٌ أمنيٌّ لِقناةِ الغدِ إنَّ الحدودَ أُغلقت.",
        "مَسؤولٌ أمنيٌّ",
        &["قناةِ الغدِ"],
    ),
];

#[test]
fn agency_wire_phrasings() {
    check_chains(WIRE);
}

#[test]
fn a_dateline_agency_is_no_hand() {
    // guidelines §6.2: the dateline stands for the whole report, not for a claim
    for text in [
        "القاهرة (رويترز) - قال مسؤول في الوزارة إن الاتفاق وقع.",
        "(أ ف ب) — أعلن الجيش أن القوات انسحبت.",
    ] {
        let found = chains_in(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// (source, claim, stance) of every link in the suggestions for `text`.
pub(super) fn links(text: &str) -> Vec<(String, String, String)> {
    let article = Article::from_text("t", text.to_owned());
    let set = suggest_annotations(&article, &extract(&article.text));
    set.attributions
        .iter()
        .map(|a| {
            let s = set.sources.iter().find(|s| s.id == a.source_id).unwrap();
            let c = set.claims.iter().find(|c| c.id == a.claim_id).unwrap();
            (
                s.span.unwrap().text(&article).to_owned(),
                c.span.text(&article).to_owned(),
                a.stance.as_str().to_owned(),
            )
        })
        .collect()
}

/// One invented denial: the sentence, the one who denies and the denied content.
type DenialRow = (&'static str, &'static str, &'static str);

/// Denials of a report, its frame before the content (`الأنباء التي تحدثت عن`، `ما يتردد حول`،
/// `صحة ما نشرته X حول`، `التهم الموجهة إليه بـ`).
const DENIALS: &[DenialRow] = &[
    (
        "ونفت الوزارة الأنباء التي تحدثت عن إغلاق المعبر.",
        "الوزارة",
        "إغلاق المعبر",
    ),
    (
        "نفى المتحدث باسم الحكومة صحة التقارير التي تحدثت عن استقالة الوزير.",
        "المتحدث باسم الحكومة",
        "استقالة الوزير",
    ),
    (
        "ونفت الشركة ما تداولته مواقع التواصل الاجتماعي عن رفع الأسعار.",
        "الشركة",
        "رفع الأسعار",
    ),
    (
        "وكذّب الجيش الأنباء المتداولة عن انسحاب قواته من المدينة.",
        "الجيش",
        "انسحاب قواته من المدينة",
    ),
    (
        "ونفى المحافظ ما يتردد حول إصابة موظفين بالفيروس.",
        "المحافظ",
        "إصابة موظفين بالفيروس",
    ),
    (
        "ونفت البلدية ما أشيع عن هدم السوق القديم.",
        "البلدية",
        "هدم السوق القديم",
    ),
    (
        "وأنكر المتهم التهم الموجهة إليه بسرقة الأموال.",
        "المتهم",
        "سرقة الأموال",
    ),
    (
        "ودحضت الوزارة المزاعم بشأن تسرب المياه إلى المحطة.",
        "الوزارة",
        "تسرب المياه إلى المحطة",
    ),
    (
        "ونفى مصدر في الوزارة، في تصريح للإذاعة، أن يكون الوزير قد استقال.",
        "مصدر في الوزارة",
        "يكون الوزير قد استقال",
    ),
    (
        "ورفضت الحكومة الاتهامات بتزوير الانتخابات.",
        "الحكومة",
        "تزوير الانتخابات",
    ),
    (
        "ونفت الشرطة صحة ما نشرته بعض الصحف حول اعتقال الصحفي.",
        "الشرطة",
        "اعتقال الصحفي",
    ),
    (
        "ونَفَتِ الوزارةُ الأنباءَ عن إغلاقِ المعبرِ.",
        "الوزارةُ",
        "إغلاقِ المعبرِ",
    ),
    (
        "الشرطة تنفي الأنباء عن اعتقال الصحفي",
        "الشرطة",
        "اعتقال الصحفي",
    ),
    (
        "وكذبت الحكومة ما نشرته صحيفة الأيام عن استقالة الوزير.",
        "الحكومة",
        "استقالة الوزير",
    ),
    (
        "فيما نفت الشركة صحة ما تناقلته وسائل إعلام محلية بشأن إفلاسها.",
        "الشركة",
        "إفلاسها",
    ), // a report called false, without a verb of denial
    (
        "ووصفت الوزارة الأنباء عن إغلاق المعبر بأنها عارية عن الصحة.",
        "الوزارة",
        "إغلاق المعبر",
    ),
    (
        "ووصف المتحدث التقارير التي تحدثت عن انسحاب القوات بأنها لا أساس لها من الصحة.",
        "المتحدث",
        "انسحاب القوات",
    ),
    (
        "وأكد المتحدث أنه لا صحة لما تردد عن إغلاق المعبر.",
        "المتحدث",
        "إغلاق المعبر",
    ),
    (
        "وقال المتحدث إنه لا صحة للأنباء عن إغلاق المعبر.",
        "المتحدث",
        "إغلاق المعبر",
    ),
    (
        "وقالت الشركة إن الأنباء المتداولة حول إفلاسها مجرد شائعات.",
        "الشركة",
        "إفلاسها",
    ),
    (
        "وأكدت الشرطة أن التقارير عن اعتقال الصحفي غير صحيحة.",
        "الشرطة",
        "اعتقال الصحفي",
    ),
];

#[test]
fn denials_of_a_report() {
    check_denials(DENIALS);
}

/// Every row's denier must deny its content.
pub(super) fn check_denials(rows: &[(&str, &str, &str)]) {
    check_stance(rows, "denies");
}

/// Checks (text, speaker, claim) rows: each gives a link from the speaker to the claim with
/// `stance`.
pub(super) fn check_stance(rows: &[(&str, &str, &str)], stance: &str) {
    let misses: Vec<String> = rows
        .iter()
        .filter_map(|&(text, who, claim)| {
            let l = links(text);
            let ok = l
                .iter()
                .any(|(s, c, st)| s == who && c == claim && st == stance);
            (!ok).then(|| format!("{text}\n   want {who} {stance} {claim}\n   found {l:?}"))
        })
        .collect();
    assert_no_misses(&misses, rows.len());
}

/// (mention, the first mention it refers to) of every source with `same_as`.
pub(super) fn same_as_links(text: &str) -> Vec<(String, String)> {
    let article = Article::from_text("t", text.to_owned());
    let set = suggest_annotations(&article, &extract(&article.text));
    let name = |id: &str| {
        let s = set.sources.iter().find(|s| s.id == id).unwrap();
        s.span.unwrap().text(&article).to_owned()
    };
    set.sources
        .iter()
        .filter_map(|s| Some((name(&s.id), name(s.same_as.as_ref()?))))
        .collect()
}

/// One invented pair of mentions: the text, the later mention and the first one.
type SameRow = (&'static str, &'static str, &'static str);

/// Later mentions: `المصدر ذاته`، a surname alone (also with a particle: `أبو زيد`), a title
/// alone after title and name, an apposition's head, a different adjective of one role.
const LATER_MENTIONS: &[SameRow] = &[
    (
        "وقال مصدر عسكري إن القوات انسحبت. وأضاف المصدر ذاته أن الطريق فتح.",
        "المصدر ذاته",
        "مصدر عسكري",
    ),
    (
        "وقال السفير أحمد أبو زيد إن الوفد وصل. وأوضح أبو زيد أن المحادثات بدأت.",
        "أبو زيد",
        "السفير أحمد أبو زيد",
    ),
    (
        "وقال الدكتور ياسر حمدي، المتحدث باسم الرئاسة، إن الرئيس بخير. وأضاف المتحدث أن الفحوص روتينية.",
        "المتحدث",
        "الدكتور ياسر حمدي، المتحدث باسم الرئاسة",
    ),
    (
        "وقال وزير الإعلام صلاح يوسف إن القناة ستغلق. وأضاف وزير الإعلام أن القرار نهائي.",
        "وزير الإعلام",
        "وزير الإعلام صلاح يوسف",
    ),
    (
        "ونقلت وكالة نوفا عن مصدر دبلوماسي أن اللقاء تأجل. وتابعت الوكالة أن الموعد الجديد لم يحدد.",
        "الوكالة",
        "وكالة نوفا",
    ),
    (
        "وذكرت صحيفة الأيام أن الميناء أغلق. وأضافت الصحيفة أن السفن عادت.",
        "الصحيفة",
        "صحيفة الأيام",
    ),
    (
        "وقالت مصادر فلسطينية مطلعة إن الحركة تدرس المقترح. وأوضحت المصادر أن الرد سيسلم غدا.",
        "المصادر",
        "مصادر فلسطينية مطلعة",
    ),
    (
        "وقال مسؤول إسرائيلي كبير إن الوفد سيسافر. وأضاف المسؤول الإسرائيلي أن الموعد لم يحدد.",
        "المسؤول الإسرائيلي",
        "مسؤول إسرائيلي كبير",
    ),
    (
        "وقالت وزيرة الصحة ليلى حسن إن اللقاح وصل. وأكدت الوزيرة أن التطعيم يبدأ غدا.",
        "الوزيرة",
        "وزيرة الصحة ليلى حسن",
    ),
    (
        "وقال الرئيس التنفيذي للشركة مارك تومسون إن الأرباح ارتفعت. وأضاف تومسون أن الشركة ستتوسع.",
        "تومسون",
        "الرئيس التنفيذي للشركة مارك تومسون",
    ),
    (
        "وقال المتحدث باسم الجيش العقيد سامي ناصر إن القوات تقدمت. وأضاف المتحدث العسكري أن العملية مستمرة.",
        "المتحدث العسكري",
        "المتحدث باسم الجيش العقيد سامي ناصر",
    ),
    (
        "وقال وزير الخارجية الأمريكي جون كيري إن المحادثات بدأت. وأضاف كيري أن الوفد متفائل.",
        "كيري",
        "وزير الخارجية الأمريكي جون كيري",
    ),
    (
        "وقال مصدر مسؤول في الوزارة إن الاتفاق وقع. وأضاف المصدر المسؤول أن التنفيذ يبدأ غدا.",
        "المصدر المسؤول",
        "مصدر مسؤول في الوزارة",
    ),
];

#[test]
fn later_mentions_of_one_source() {
    check_same_as(LATER_MENTIONS);
}

#[test]
fn another_nationality_or_another_name_is_another_source() {
    for text in [
        "وقال مسؤول أمريكي إن الوفد سيسافر. وقال المسؤول الإسرائيلي إن الموعد لم يحدد.",
        "وقال الأمير سلمان إن الحفل تأجل. وقال الأمير فيصل إن الموعد لم يحدد.",
    ] {
        let l = same_as_links(text);
        assert!(l.is_empty(), "{text}: {l:?}");
    }
}
