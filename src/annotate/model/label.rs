//! Entity labels: the one label type of isnad. Files may use any well-formed label (the set is
//! configurable); the built-in extractor's labels (DESIGN.md §3) are constants of it, and other
//! tools' labels map onto them.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An entity label: configurable, so a validated string rather than an enum. Upper-case ASCII
/// letters, digits, `_` and `-`, starting with a letter, at most 32 characters. The built-in
/// labels are borrowed constants (no allocation), labels read from files are owned.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Label(Cow<'static, str>);

impl Label {
    pub const PERSON: Label = Label::built_in("PERSON");
    pub const ORG: Label = Label::built_in("ORG");
    pub const GPE: Label = Label::built_in("GPE");
    pub const LOC: Label = Label::built_in("LOC");
    pub const FAC: Label = Label::built_in("FAC");
    pub const NORP: Label = Label::built_in("NORP");
    pub const EVENT: Label = Label::built_in("EVENT");
    pub const DATE: Label = Label::built_in("DATE");
    pub const TIME: Label = Label::built_in("TIME");
    pub const NUMBER: Label = Label::built_in("NUMBER");
    pub const MONEY: Label = Label::built_in("MONEY");
    pub const MISC: Label = Label::built_in("MISC");

    /// The labels the built-in extractor finds and the pickers offer by default, in the order
    /// they are listed (summaries, pickers).
    pub const BUILT_IN: [Label; 12] = [
        Label::PERSON,
        Label::ORG,
        Label::GPE,
        Label::LOC,
        Label::FAC,
        Label::NORP,
        Label::EVENT,
        Label::DATE,
        Label::TIME,
        Label::NUMBER,
        Label::MONEY,
        Label::MISC,
    ];

    const fn built_in(name: &'static str) -> Label {
        Label(Cow::Borrowed(name))
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        let ok = !s.is_empty()
            && s.len() <= 32
            && s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !ok {
            return Err(format!(
                "invalid label {s:?}: use upper-case ASCII letters, digits, '_' or '-', starting with a letter (at most 32)"
            ));
        }
        Ok(Self::BUILT_IN
            .into_iter()
            .find(|l| l.as_str() == s)
            .unwrap_or_else(|| Self(Cow::Owned(s.to_owned()))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is one of [`Label::BUILT_IN`].
    pub fn is_built_in(&self) -> bool {
        self.rank().is_some()
    }

    /// Position in [`Label::BUILT_IN`], for listing labels in their usual order.
    pub fn rank(&self) -> Option<usize> {
        Self::BUILT_IN.iter().position(|l| l == self)
    }

    /// Maps a label from another tool (ANERcorp/CAMeL, AQMAR/Stanza, spaCy, Hatmi, Wojood,
    /// ACE, OntoNotes) to a built-in one (notes/arabic-extraction.md §1.3). Case-insensitive; a
    /// Wojood fine subtype (`GPE_COUNTRY`, `ORG-GOV`) maps like its type. `None` for labels
    /// outside the built-in set (OCC, LAW, WEBSITE…), which importers keep as MISC with the
    /// original.
    pub fn map_foreign(raw: &str) -> Option<Label> {
        let upper = raw.trim().to_ascii_uppercase();
        if let Some(l) = Self::BUILT_IN.into_iter().find(|l| l.as_str() == upper) {
            return Some(l);
        }
        let base = upper.split(['_', '-', '.', ':']).next().unwrap_or("");
        Some(match base {
            "PER" | "PERS" | "PERSON" => Label::PERSON,
            "ORG" | "ORGANIZATION" | "ORGANISATION" | "COMPANY" => Label::ORG,
            "GPE" => Label::GPE,
            "LOC" | "LOCATION" => Label::LOC,
            "FAC" | "FACILITY" => Label::FAC,
            "NORP" | "NATIONALITY" => Label::NORP,
            "EVENT" | "COMPETITION" => Label::EVENT,
            "DATE" => Label::DATE,
            "TIME" => Label::TIME,
            "CARDINAL" | "ORDINAL" | "PERCENT" | "QUANTITY" | "NUMBER" | "NUM" => Label::NUMBER,
            "MONEY" | "PRICE" | "CURR" => Label::MONEY,
            "MISC" | "MIS" | "MIS0" | "MIS1" | "MIS2" | "MIS3" | "PRODUCT" | "PRIZE" | "LAW"
            | "LANGUAGE" | "WEBSITE" | "DISEASE" | "WORK_OF_ART" | "VEH" | "WEA" => Label::MISC,
            _ => return None,
        })
    }
}

impl TryFrom<String> for Label {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Label> for String {
    fn from(l: Label) -> String {
        l.0.into_owned()
    }
}

/// Honours width and alignment (`{label:<7}` in tables).
impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl FromStr for Label {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::parse(s)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_and_built_in_ones_are_the_constants() {
        assert!(Label::parse("person").is_err());
        assert!(Label::parse("B-PERS").is_ok());
        assert_eq!(Label::parse("PERSON").unwrap(), Label::PERSON);
        assert!(Label::parse("PERSON").unwrap().is_built_in());
        assert!(!Label::parse("OCC").unwrap().is_built_in());
        assert_eq!(Label::MONEY.rank(), Some(10));
        let json = serde_json::to_string(&Label::GPE).unwrap();
        assert_eq!(json, "\"GPE\"");
        assert_eq!(serde_json::from_str::<Label>(&json).unwrap(), Label::GPE);
    }

    #[test]
    fn foreign_labels_map_to_built_in_ones() {
        assert_eq!(Label::map_foreign("B-PERS"), None);
        assert_eq!(Label::map_foreign("pers"), Some(Label::PERSON));
        assert_eq!(Label::map_foreign("GPE_COUNTRY"), Some(Label::GPE));
        assert_eq!(Label::map_foreign("ORG-GOV"), Some(Label::ORG));
        assert_eq!(Label::map_foreign("CARDINAL"), Some(Label::NUMBER));
        assert_eq!(Label::map_foreign("OCC"), None);
    }
}
