//! The extraction rules over analysed tokens: gazetteer lookup, person titles, organisation /
//! place / facility / event head nouns with their genitive chains, laws, dates and times, numbers,
//! percentages and money. Each rule reports normalised byte ranges.

mod apposition;
mod chains;
mod dates;
mod events;
mod known_names;
mod laws;
mod name_parts;
mod norp;
mod numbers;
mod person;
mod place_lists;
mod quoted;
mod regions;
mod repeats;
mod times;

// FxHash, not SipHash: the word sets are looked up once or more per token, and the keys are
// the lists' own (nothing untrusted to defend against)
use rustc_hash::FxHashSet as HashSet;
// the word sets answer most misses by a sketch before hashing (`wordlists::WordSet`)
use super::wordlists::{WordSet, word_set};
use std::ops::Range;
use std::sync::LazyLock;

use apposition::{
    apposition_rule, coordinated_name_rule, given_name_before_connector_rule, nationality_rule,
};
use chains::{nisba, nisba_shaped, org_rule, place_rule};
use dates::date_rule;
use events::event_rule;
use known_names::{gazetteer_rule, is_lam_complement};
use laws::law_rule;
use norp::norp_rule;
use numbers::number_rule;
use person::{clitic_shaped, person_rule, repeated_surname_rule};
use place_lists::place_list_rule;
use quoted::quoted_rule;
use regions::region_rule;
use repeats::short_form_rule;

use super::lexicon::{class, completes_month};
use super::tokens::{Token, TokenKind, verb_shaped};
use super::wordlists as lists;
use crate::annotate::Label;
use crate::text::normalize::normalize_str;

/// A rule's finding, in normalised bytes.
#[derive(Debug, Clone)]
pub struct Found {
    pub range: Range<usize>,
    pub label: Label,
    pub by: &'static str,
    pub score: f32,
}

struct Ctx<'a> {
    norm: &'a str,
    toks: &'a [Token],
    /// For each token, the label and end token (exclusive) of the longest gazetteer entry
    /// starting at its stem.
    gaz: Vec<Option<(Label, usize)>>,
    out: Vec<Found>,
    /// What [`Ctx::covered_tokens`] marked last time, kept for the next rule that asks.
    covered: Covered,
}

/// The ranges of the findings `covered_tokens` marked (in the order of `out`) and the marks:
/// seven rules ask for them one after the other, most with only a few findings pushed since,
/// so only those are marked again (a finding covers the same tokens whenever it is marked).
#[derive(Default)]
struct Covered {
    ranges: Vec<Range<usize>>,
    marks: Vec<bool>,
}

const NAME_STOP: u32 = class::STOP
    | class::CUE
    | class::TITLE
    | class::ORG_HEAD
    | class::GPE_HEAD
    | class::FAC_HEAD
    | class::MONTH
    | class::MONTH_FIRST
    | class::WEEKDAY
    | class::YEAR_WORD
    | class::RELATIVE_DATE
    | class::PERIOD_WORD
    | class::NUMBER_WORD
    | class::CURRENCY
    | class::DAY_PART
    | class::NORP
    | class::ORG_STANDALONE;

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i).filter(|t| t.kind == TokenKind::Word)
    }

    /// The gazetteer entry starting at token `i` (its label and end token), `None` past the
    /// last token: rules look one word ahead, and an article may end on the word they stand on.
    fn gaz_at(&self, i: usize) -> Option<&(Label, usize)> {
        self.gaz.get(i).and_then(Option::as_ref)
    }

    fn stem(&self, i: usize) -> &'a str {
        self.toks[i].stem(self.norm)
    }

    /// Where a span starting at token `i` starts: after its proclitics, but at the second ل
    /// of an assimilated article (للجمعية → لجمعية, guidelines §1).
    fn stem_start(&self, i: usize) -> usize {
        let t = &self.toks[i];
        let start = t.range.start + t.clitic;
        if t.definite && t.clitic > 0 && self.norm[t.range.start..start].ends_with("لل") {
            start - 'ل'.len_utf8()
        } else {
            start
        }
    }

    fn push(&mut self, first: usize, last: usize, label: Label, by: &'static str, score: f32) {
        let start = self.stem_start(first);
        let end = self.toks[last].range.end;
        if start < end {
            self.out.push(Found {
                range: start..end,
                label,
                by,
                score,
            });
        }
    }

    fn is_punct(&self, i: usize, chars: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && self.norm[t.range.clone()]
                    .chars()
                    .next()
                    .is_some_and(|c| chars.contains(c))
        })
    }

    fn number(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        self.norm[t.range.start + t.clitic..t.range.end]
            .parse()
            .ok()
    }

    fn is_class(&self, i: usize, flags: u32) -> bool {
        self.word(i).is_some_and(|t| t.is(flags))
    }

    /// Whether word `i` is an ordinal with the article (الثاني، الخامسة).
    fn is_ordinal(&self, i: usize) -> bool {
        self.word(i).is_some() && ORDINALS.contains(self.stem(i))
    }

    /// The index of the token that holds byte `at` (or the first one after it).
    fn token_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.range.end <= at)
    }

    /// For each token, whether a finding so far covers it: a nationality or a repeated name
    /// inside a longer name (الجيش السوري) is part of that name, not an entity of its own.
    fn covered_tokens(&mut self) -> Vec<bool> {
        let toks = self.toks;
        let cache = &mut self.covered;
        // the marks hold while the findings they were made from are still the first ones of
        // `out` (a rule may also drop or change findings: then they are made again)
        let still = cache.marks.len() == toks.len()
            && cache.ranges.len() <= self.out.len()
            && cache
                .ranges
                .iter()
                .zip(&self.out)
                .all(|(r, f)| *r == f.range);
        if !still {
            cache.ranges.clear();
            cache.marks = vec![false; toks.len()];
        }
        for found in &self.out[cache.ranges.len()..] {
            let first = toks.partition_point(|t| t.range.end <= found.range.start);
            for (token, mark) in toks[first..].iter().zip(&mut cache.marks[first..]) {
                if token.range.start >= found.range.end {
                    break;
                }
                *mark = true;
            }
            cache.ranges.push(found.range.clone());
        }
        cache.marks.clone()
    }
}

/// Runs every rule over the tokens of a normalised text.
pub fn run(norm: &str, toks: &[Token]) -> Vec<Found> {
    let mut gaz = vec![None; toks.len()];
    for (i, t) in toks.iter().enumerate() {
        let Some(hit) = t.gazetteer.as_ref().filter(|_| t.kind == TokenKind::Word) else {
            continue;
        };
        let end = toks[i..]
            .iter()
            .position(|x| x.range.end >= hit.end)
            .map_or(toks.len(), |p| i + p + 1);
        gaz[i] = Some((hit.entry.label.clone(), end));
    }
    let mut ctx = Ctx {
        norm,
        toks,
        gaz,
        out: Vec::new(),
        covered: Covered::default(),
    };
    gazetteer_rule(&mut ctx);
    org_rule(&mut ctx);
    quoted_rule(&mut ctx);
    law_rule(&mut ctx);
    place_rule(&mut ctx);
    region_rule(&mut ctx);
    place_list_rule(&mut ctx);
    person_rule(&mut ctx);
    apposition_rule(&mut ctx);
    nationality_rule(&mut ctx);
    coordinated_name_rule(&mut ctx);
    given_name_before_connector_rule(&mut ctx);
    short_form_rule(&mut ctx);
    repeated_surname_rule(&mut ctx);
    date_rule(&mut ctx);
    event_rule(&mut ctx);
    number_rule(&mut ctx);
    norp_rule(&mut ctx);
    ctx.out
}

static ORDINALS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::ORDINALS));

#[cfg(test)]
mod test_tables;
#[cfg(test)]
mod tests_bodies;
#[cfg(test)]
mod tests_dates;
#[cfg(test)]
mod tests_events;
#[cfg(test)]
mod tests_groups;
#[cfg(test)]
mod tests_names;
#[cfg(test)]
mod tests_places;
#[cfg(test)]
mod tests_quoted;
#[cfg(test)]
mod tests_repeats;
#[cfg(test)]
mod tests_times;
#[cfg(test)]
mod tests_titles;
