//! The minutes crate's error type.

use std::path::PathBuf;

/// What can go wrong while finding minutes files.
///
/// Reading and parsing one file never fails with an error: a file that
/// cannot be read gives a [`crate::model::Diagnostic`] and the batch goes on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given by the user does not exist or cannot be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// The minutes crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
