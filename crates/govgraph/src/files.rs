//! RDF files and output files: the format a file name says, the base IRI a
//! file's relative IRIs resolve against, and writing a file so that a
//! failure never leaves half of it.

use crate::{Error, Result};
use oxigraph::io::RdfFormat;
use std::io::{BufWriter, Write};
use std::path::Path;

/// The RDF format of a file, from its extension (`.ttl`, `.nt`, `.nq`,
/// `.trig`, `.rdf`, `.jsonld`; `.json` is read as JSON-LD).
///
/// # Errors
///
/// Fails when the extension names no RDF format.
pub fn rdf_format_of(path: &Path) -> Result<RdfFormat> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let format = match ext.as_str() {
        "jsonld" | "json" => Some(RdfFormat::JsonLd {
            profile: Default::default(),
        }),
        e => RdfFormat::from_extension(e),
    };
    format.ok_or_else(|| {
        Error::Rdf(format!(
            "{}: unknown RDF format; name it .ttl, .nt, .nq, .trig, .rdf or .jsonld",
            path.display()
        ))
    })
}

/// The `file:` URL of a path, the base for relative IRIs in a file (as
/// rapper and rdflib resolve them); `None` for a path that is not UTF-8.
pub fn file_url(path: &Path) -> Option<String> {
    let abs = std::path::absolute(path).ok()?;
    let mut url = String::from("file://");
    for part in abs.to_str()?.split('/').filter(|p| !p.is_empty()) {
        url.push('/');
        url.push_str(&crate::map::encode_path(part));
    }
    Some(url)
}

/// Writes `path` through a temporary file in the same folder, renamed over
/// it once `write` succeeded, so a failed write never leaves half a file
/// (or a stray temporary one).
///
/// # Errors
///
/// Fails when the folder is not writable, when `write` fails (the
/// temporary file is then removed), or when the rename fails.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |source: std::io::Error, at: &Path| Error::Write {
        path: at.to_path_buf(),
        source,
    };
    // Created 0666 less the umask, as any file the user writes; tempfile's
    // default, 0600, would hide the export from the user's group.
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir).map_err(|e| io(e, dir))?;
    let mut w = BufWriter::new(tmp);
    write(&mut w)?;
    let tmp = w.into_inner().map_err(|e| io(e.into_error(), path))?;
    tmp.persist(path).map_err(|e| io(e.error, path))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.ttl");
        let r = write_atomically(&target, |w| {
            w.write_all(b"half")?;
            Err(Error::Internal("stop".into()))
        });
        assert!(r.is_err());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
        write_atomically(&target, |w| Ok(w.write_all(b"whole")?)).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"whole");
    }

    #[test]
    fn formats_from_extensions() {
        assert_eq!(
            rdf_format_of(Path::new("a.TTL")).unwrap(),
            RdfFormat::Turtle
        );
        assert!(rdf_format_of(Path::new("a.docx")).is_err());
    }
}
