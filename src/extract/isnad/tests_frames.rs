//! Tests of source frames (docs/extraction/chains.md, guidelines §6.2): an outlet named after the
//! claim, a frame after the claim, an outlet frame before the speaker (`وبحسب «X»، قال Y`), and
//! a frame of sources before a verb that is no hand. Every sentence is invented; the round that
//! added each table and how many of its rows failed before its rule are in the docs.

#![cfg(test)]

use super::test_rows::{ChainRow, check, check_chains, row};
use crate::extract::isnad::chains_in;

#[test]
fn an_outlet_after_the_claim() {
    check(&[
        row(
            "وكانت الجمعية قد أعلنت أنها ستوزع الخبز مجانا، حسب ما أفادت به الإذاعة المحلية.",
            "الجمعية",
            &["الإذاعة المحلية"],
        ),
        row(
            "وأغلق الطريق بالكامل، بحسب ما نقلت وكالة الأنباء عن شهود عيان.",
            "شهود عيان",
            &["وكالة الأنباء"],
        ),
        row(
            "وقال الوزير إن الميزانية جاهزة، وذلك في تصريح لوكالة الأنباء المحلية.",
            "الوزير",
            &["وكالة الأنباء المحلية"],
        ),
        row(
            "وقال الوزير إن الميزانية جاهزة، في مقابلة مع قناة الغد.",
            "الوزير",
            &["قناة الغد"],
        ),
        // the outlet of a claim without an earlier speaker is the speaker itself
        row("وارتفعت الأسعار، بحسب قناة الاقتصاد.", "", &[]),
    ]);
}

/// `قال Y إن C، وفق ما أوردت X`: the frame after the claim names a hand of the speaker's
/// words, not a second speaker.
const TRAILING_FRAMES: &[ChainRow] = &[
    (
        "وقالت وزارة الخارجية في بيان إن الاتهامات لا أساس لها، وفق ما أوردت وكالة الأنباء الرسمية.",
        "وزارة الخارجية",
        &["بيان", "وكالة الأنباء الرسمية"],
    ),
    (
        "وقال الوزير إن الميناء سيغلق، بحسب وكالة فرانس برس.",
        "الوزير",
        &["وكالة فرانس برس"],
    ),
    (
        "وقال الرئيس في مؤتمر صحفي: \"سنعيد بناء المدينة\"، وفق قناة الغد.",
        "الرئيس",
        &["قناة الغد"],
    ),
    (
        "وأكد المتحدث باسم الحكومة، سامي يوسف، أن الوفد وصل، حسبما نقلت عنه وكالة الأنباء الرسمية.",
        "المتحدث باسم الحكومة، سامي يوسف",
        &["وكالة الأنباء الرسمية"],
    ),
    (
        "وقال الوزير إن الاتفاق قريب، وفقا لوكالة رويترز.",
        "الوزير",
        &["وكالة رويترز"],
    ),
    (
        "وأضاف المدير أن الأسعار سترتفع، طبقا لما أوردته صحيفة الأيام.",
        "المدير",
        &["صحيفة الأيام"],
    ),
];

#[test]
fn a_frame_after_the_claim_names_a_hand() {
    check_chains(TRAILING_FRAMES);
}

/// `وبحسب «X»، قال Y إن C`، `ووفقا لقناة X، أكد Y أن C`: an outlet frame opens the sentence, a
/// comma, then the speaker's own verb of saying; the outlet is the speaker's hand.
const FRONTED_FRAMES: &[ChainRow] = &[
    (
        "وبحسب \"رويترز\"، قال المسؤول إن الاتفاق سيوقع غدا.",
        "المسؤول",
        &["رويترز"],
    ),
    (
        "وبحسب وكالة الأنباء الرسمية، قال الوزير إن الطريق سيفتح.",
        "الوزير",
        &["وكالة الأنباء الرسمية"],
    ),
    (
        "ووفقا لقناة الغد، أكد المتحدث أن الوفد وصل.",
        "المتحدث",
        &["قناة الغد"],
    ),
    (
        "وحسب صحيفة «الأيام»، أوضح مدير الميناء أن السفن عادت.",
        "مدير الميناء",
        &["صحيفة «الأيام»"],
    ),
    (
        "وَبِحَسَبِ وكالة الأنباء المحلية، قال قائد الشرطة إن المهاجمين فروا.",
        "قائد الشرطة",
        &["وكالة الأنباء المحلية"],
    ),
    (
        "وبحسب ما أوردت قناة الغد، قال النائب إن التصويت تأجل.",
        "النائب",
        &["قناة الغد"],
    ),
    (
        "ووفق رويترز، قال مسؤول أمني إن الحدود أغلقت.",
        "مسؤول أمني",
        &["رويترز"],
    ),
];

#[test]
fn an_outlet_frame_before_the_speaker() {
    check_chains(FRONTED_FRAMES);
}

/// A frame before a speaker that is no outlet is no hand: the speaker of `بحسب مصادر` is the
/// sources themselves.
#[test]
fn a_frame_of_sources_before_a_verb_is_no_hand() {
    for text in [
        "وبحسب مصادر أمنية، قال المحافظ إن الطريق سيفتح.",
        "وبحسب الأرقام الرسمية، ارتفعت الأسعار.",
    ] {
        let c = chains_in(text);
        assert!(c.is_empty(), "{text}: {c:?}");
    }
}
