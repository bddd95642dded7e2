//! The closed vocabularies of the format (origin kind, review status, source, claim and quote
//! types, verdicts); the open one, entity labels, is in `label.rs`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A vocabulary value in words for people (`media_outlet` → `media outlet`, `in_progress` →
/// `in progress`): the one place every screen names a kind, a type, a verdict or a stance; files,
/// the command line and keymaps keep the value itself.
pub fn in_words(value: &str) -> String {
    value.replace('_', " ")
}

/// Declares a closed vocabulary: a serde enum in snake_case with `ALL`, `as_str`, `Display`
/// and `FromStr`, so the file values, the UI pickers and the schema share one list.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? } default $default:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value in words, as screens show it (`media outlet`).
            pub fn words(self) -> String {
                in_words(self.as_str())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!(
                        "unknown {} {:?}; expected one of: {}",
                        stringify!($name),
                        s,
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}

vocabulary!(
    /// Who or what produced an item.
    OriginKind { Human = "human", Rule = "rule", Model = "model", Import = "import" } default Human
);

vocabulary!(
    /// Where an item stands in review. Suggestions and human annotations share one shape:
    /// accepting is a state change, never a copy.
    ReviewStatus {
        Suggested = "suggested",
        Accepted = "accepted",
        Rejected = "rejected",
        Corrected = "corrected",
    } default Suggested
);

vocabulary!(
    /// What kind of source a statement is attributed to.
    SourceType {
        Official = "official",
        AnonymousOfficial = "anonymous_official",
        Anonymous = "anonymous",
        Eyewitness = "eyewitness",
        AffectedPerson = "affected_person",
        Expert = "expert",
        Organization = "organization",
        MediaOutlet = "media_outlet",
        SocialMedia = "social_media",
        Document = "document",
        Journalist = "journalist",
        Unknown = "unknown",
        // Format version 2: the hands a report passes through (an isnad's intermediaries).
        Statement = "statement",
        Agency = "agency",
        Outlet = "outlet",
        Interview = "interview",
        SocialAccount = "social_account",
    } default Unknown
);

vocabulary!(
    /// What a source is in a chain of transmission: the one who said it, a hand it passed
    /// through (an agency, an outlet, a statement), or both in different attributions.
    SourceRole {
        Speaker = "speaker",
        Intermediary = "intermediary",
        Both = "both",
    } default Speaker
);

vocabulary!(
    /// How a source stands towards the claim it is linked to. A denial links the denier to the
    /// claim (the rumour or report) it denies; `confirms` confirms someone else's report.
    Stance {
        Asserts = "asserts",
        Denies = "denies",
        Doubts = "doubts",
        Confirms = "confirms",
        Retracts = "retracts",
    } default Asserts
);

vocabulary!(
    /// What kind of claim a span makes.
    ClaimType {
        Statement = "statement",
        Quantity = "quantity",
        Event = "event",
        Causal = "causal",
        Prediction = "prediction",
        Quote = "quote",
        Opinion = "opinion",
        Other = "other",
    } default Statement
);

vocabulary!(
    /// Fact-check verdict of a claim (maps to schema.org ClaimReview `alternateName`).
    VerificationStatus {
        Unverified = "unverified",
        InProgress = "in_progress",
        True = "true",
        MostlyTrue = "mostly_true",
        Mixed = "mixed",
        MostlyFalse = "mostly_false",
        False = "false",
        Misleading = "misleading",
        Unproven = "unproven",
        NotCheckable = "not_checkable",
    } default Unverified
);

vocabulary!(
    /// How the attributed content is reported (PARC-style).
    QuoteType {
        Direct = "direct",
        Indirect = "indirect",
        Mixed = "mixed",
        Paraphrase = "paraphrase",
        Unknown = "unknown",
    } default Unknown
);

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_parse_and_print() {
        for t in SourceType::ALL {
            assert_eq!(t.as_str().parse::<SourceType>(), Ok(*t));
        }
        assert!("nope".parse::<ClaimType>().is_err());
        assert_eq!(
            serde_json::to_string(&VerificationStatus::MostlyTrue).unwrap(),
            "\"mostly_true\""
        );
    }
}
