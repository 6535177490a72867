//! The statement classifier's weights.
//!
//! Two logistic regressions over the features of [`super::features`]: one
//! says whether a sentence or bullet records a decision, the other whether
//! it is an action. The weights are a reviewed file in the repository,
//! `crates/minutes/model/statements.json`, written by the trainer
//! (`cargo run --release -p govgraph-minutes --example train`, see
//! `examples/train.rs`) from the answer keys; a feature the file does not
//! name weighs nothing.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, LazyLock};

/// One logistic regression.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Linear {
    /// The intercept.
    pub bias: f64,
    /// The probability from which a unit is a positive.
    pub threshold: f64,
    /// Each feature's weight (for a feature of value 1; the trainer folds
    /// any scaling of features into the weights).
    pub weights: BTreeMap<String, f64>,
}

impl Linear {
    /// The probability that a unit with these features is a positive.
    pub fn probability(&self, features: &BTreeSet<String>) -> f64 {
        let z = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Whether a unit with these features is a positive.
    pub fn accepts(&self, features: &BTreeSet<String>) -> bool {
        self.probability(features) >= self.threshold
    }
}

/// The classifier: what was trained on, and the two regressions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// How the weights were made (the trainer's command, the keys, the
    /// hyper-parameters), for the reviewer.
    pub about: BTreeMap<String, serde_json::Value>,
    /// Decisions.
    pub decision: Linear,
    /// Actions.
    pub action: Linear,
}

impl Model {
    /// The weights shipped with govgraph.
    pub fn builtin() -> Arc<Model> {
        static BUILTIN: LazyLock<Arc<Model>> = LazyLock::new(|| {
            Arc::new(
                serde_json::from_str(include_str!("../../../model/statements.json"))
                    .expect("the shipped statement model is valid JSON (checked by its test)"),
            )
        });
        BUILTIN.clone()
    }

    /// Reads weights from JSON (a retrained model).
    ///
    /// # Errors
    ///
    /// Fails when the text is not a model file.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_reads_and_has_weights() {
        let m = Model::builtin();
        assert!(!m.decision.weights.is_empty());
        assert!(!m.action.weights.is_empty());
        assert!((0.0..1.0).contains(&m.decision.threshold));
    }

    #[test]
    fn probability_is_the_logistic_of_the_sum() {
        let l = Linear {
            bias: -1.0,
            threshold: 0.5,
            weights: [("a".to_owned(), 2.0)].into_iter().collect(),
        };
        let f: BTreeSet<String> = ["a".to_owned(), "unknown".to_owned()].into();
        assert!((l.probability(&f) - 1.0 / (1.0 + (-1.0f64).exp())).abs() < 1e-12);
        assert!(l.accepts(&f));
        assert!(!l.accepts(&BTreeSet::new()));
    }
}
