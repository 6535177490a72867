//! Text normalisation shared by the parser and by identity resolution.
//!
//! Names are compared folded: accents removed, case folded, spaces single.
//! Both the assignee index of one meeting (`parse`) and the identities
//! across documents (`govgraph::resolve`) fold the same way, so this lives
//! below both of them.

use unicode_normalization::UnicodeNormalization;

/// Folds a name for comparison: accents removed, case folded, spaces single.
pub fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Normalises a name for identity: folded, punctuation dropped.
pub fn name_key(name: &str) -> String {
    fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Levenshtein distance between two strings, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_accents_case_and_spacing() {
        assert_eq!(fold("  Ulises   Gascón "), "ulises gascon");
        assert_eq!(name_key("O'Brien, Jean-Luc"), "o brien jean luc");
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("mhdawson", "mhdawsson"), 1);
        assert_eq!(edit_distance("Gascón", "Gascon"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
