//! Item ids, prefixed by kind (`e-`, `s-`, `c-`, `a-`): random for what people make, so two
//! annotators working on copies of one file do not collide; derived from what the item is for
//! suggestions, so two extractions of one text give the same ids and a merge sees one item.

use sha2::{Digest, Sha256};

use super::item::ItemKind;
use super::review::Origin;
use super::vocab::OriginKind;

/// Hex digits after the prefix: 16, 64 bits, so a collision among a million items has a chance
/// of about 3 in 10^8 (6 digits, 24 bits, collided at a few thousand items).
const ID_DIGITS: usize = 16;

/// Hex digits of the ids written before they grew; still read.
const OLD_ID_DIGITS: usize = 6;

/// A fresh random id for `kind`: prefix, `-`, 16 lowercase hex digits (`e-4f1c9a0b2d3e4f56`).
/// Random, not counted, so two annotators working on copies of one file do not collide.
pub fn new_id(kind: ItemKind) -> String {
    format!("{}-{:016x}", kind.prefix(), fastrand::u64(..))
}

/// The id of an item made by `origin`, `key` saying what it covers (span, label, links): random
/// for a person's item, else the first 64 bits of a SHA-256 of kind, origin and key, so the
/// same suggestion gets the same id in every extraction. The score is left out: it describes
/// the suggestion, it does not make it another one.
pub fn id_for(kind: ItemKind, origin: &Origin, key: &str) -> String {
    if origin.kind == OriginKind::Human {
        return new_id(kind);
    }
    let mut hash = Sha256::new();
    for part in [kind.prefix(), origin.kind.as_str(), &origin.by, key] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    let digest = hash.finalize();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(kind.prefix().len() + 1 + ID_DIGITS);
    id.push_str(kind.prefix());
    id.push('-');
    for byte in &digest[..ID_DIGITS / 2] {
        id.push(char::from(HEX[usize::from(byte >> 4)]));
        id.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    id
}

/// Whether `id` has the shape of an id of `kind` (`e-` + 16 lowercase hex digits, or the 6 of
/// older files).
pub fn is_valid_id(kind: ItemKind, id: &str) -> bool {
    let Some(hex) = id
        .strip_prefix(kind.prefix())
        .and_then(|rest| rest.strip_prefix('-'))
    else {
        return false;
    };
    (hex.len() == ID_DIGITS || hex.len() == OLD_ID_DIGITS)
        && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The kind an id belongs to, from its prefix (`e-`, `s-`, `c-`, `a-`).
pub fn kind_of_id(id: &str) -> Option<ItemKind> {
    let (prefix, _) = id.split_once('-')?;
    match prefix {
        "e" => Some(ItemKind::Entity),
        "s" => Some(ItemKind::Source),
        "c" => Some(ItemKind::Claim),
        "a" => Some(ItemKind::Attribution),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_and_well_formed() {
        let a = new_id(ItemKind::Claim);
        assert!(is_valid_id(ItemKind::Claim, &a), "{a}");
        assert_eq!(a.len(), 2 + 16, "64 random bits: {a}");
        assert!(!is_valid_id(ItemKind::Entity, &a));
        assert!(!is_valid_id(ItemKind::Claim, "c-12345G"));
        assert!(!is_valid_id(ItemKind::Claim, "c-1234567"));
        // files written before ids grew keep their 6-digit ids
        assert!(is_valid_id(ItemKind::Claim, "c-4f1c9a"));
        assert_eq!(kind_of_id("s-000000"), Some(ItemKind::Source));
    }

    #[test]
    fn a_hundred_thousand_ids_never_collide() {
        // 24 bits gave about 300 duplicates here (the birthday bound); 64 bits none
        let many: std::collections::HashSet<String> =
            (0..100_000).map(|_| new_id(ItemKind::Entity)).collect();
        assert_eq!(many.len(), 100_000);
    }
}
