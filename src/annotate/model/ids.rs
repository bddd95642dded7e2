//! Item ids: random, prefixed by kind (`e-`, `s-`, `c-`, `a-`), so two annotators working on
//! copies of one file do not collide.

use super::item::ItemKind;

/// A fresh random id for `kind`: prefix, `-`, 6 lowercase hex digits (`e-4f1c9a`). Random, not
/// counted, so two annotators working on copies of one file do not collide.
pub fn new_id(kind: ItemKind) -> String {
    format!("{}-{:06x}", kind.prefix(), fastrand::u32(..0x0100_0000))
}

/// Whether `id` has the shape of an id of `kind` (`e-` + 6 lowercase hex digits).
pub fn is_valid_id(kind: ItemKind, id: &str) -> bool {
    let Some(hex) = id
        .strip_prefix(kind.prefix())
        .and_then(|rest| rest.strip_prefix('-'))
    else {
        return false;
    };
    hex.len() == 6 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
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
        assert!(!is_valid_id(ItemKind::Entity, &a));
        assert!(!is_valid_id(ItemKind::Claim, "c-12345G"));
        let many: std::collections::HashSet<String> =
            (0..100).map(|_| new_id(ItemKind::Entity)).collect();
        assert!(many.len() > 95);
        assert_eq!(kind_of_id("s-000000"), Some(ItemKind::Source));
    }
}
