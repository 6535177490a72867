//! Bytes to clean text.
//!
//! Minutes arrive with byte-order marks, CRLF line ends, non-breaking and
//! zero-width spaces, and sometimes encoding damage: UTF-8 that was once read
//! as Mac Roman (`Gasc√≥n`) or as Windows-1252 (`GascÃ³n`) and saved again.
//! This stage undoes all of that where it is unambiguous and says what it did.
//! It never fails: invalid UTF-8 is decoded lossily, with a diagnostic.
//!
//! `decode` knows nothing of Markdown; line numbers it reports are the lines
//! the parser will see, because it never adds or removes a line break.

use crate::model::{Diagnostic, Severity};
use encoding_rs::{Encoding, MACINTOSH, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The decoded text of a document and what was done to it.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, with `\n` line ends and no BOM.
    pub text: String,
    /// What was repaired or lost.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether these bytes look like a binary file rather than text: a NUL byte
/// in the first 8 KiB that is not explained by a UTF-16 byte-order mark.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// Decodes minutes bytes to clean text.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut diagnostics = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8_lossy(rest, &mut diagnostics)
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF { UTF_16LE } else { UTF_16BE };
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        diagnostics.push(Diagnostic::new(
            Severity::Note,
            "utf16",
            0,
            format!("decoded as {}", enc.name()),
        ));
        if had_errors {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "invalid-encoding",
                0,
                "invalid UTF-16 sequences replaced with U+FFFD",
            ));
        }
        text.into_owned()
    } else {
        utf8_lossy(bytes, &mut diagnostics)
    };
    let text = normalize_whitespace(&text);
    let text = drop_controls(text, &mut diagnostics);
    let text = repair_mojibake(&text, &mut diagnostics);
    Decoded { text, diagnostics }
}

/// Control characters (`\x01`, form feeds, escape sequences, NUL) and the
/// noncharacters U+FFFE and U+FFFF carry no text, and XML 1.0 forbids them:
/// kept, they would make the RDF/XML export and SPARQL XML results
/// malformed. Each becomes a space, never a line break, so line numbers stay
/// the file's, and the first line holding one is reported (issue 13).
fn drop_controls(text: String, diagnostics: &mut Vec<Diagnostic>) -> String {
    let forbidden =
        |c: char| (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}';
    if !text.contains(forbidden) {
        return text;
    }
    let mut lines = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.contains(forbidden));
    let (first, _) = lines.next().unwrap_or_default();
    let more = lines.count();
    diagnostics.push(Diagnostic::new(
        Severity::Warning,
        "control-character",
        first + 1,
        match more {
            0 => "control characters replaced with spaces".to_owned(),
            1 => "control characters replaced with spaces (here and on 1 more line)".to_owned(),
            n => format!("control characters replaced with spaces (here and on {n} more lines)"),
        },
    ));
    text.chars()
        .map(|c| if forbidden(c) { ' ' } else { c })
        .collect()
}

fn utf8_lossy(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            // A file with no valid multi-byte UTF-8 sequence at all but high
            // bytes is in a legacy 8-bit encoding: read it as Windows-1252
            // (a superset of Latin-1), so `Jos\xe9` is `José`, not `Jos�`.
            let lossy = String::from_utf8_lossy(bytes);
            if !lossy.chars().any(|c| !c.is_ascii() && c != '\u{FFFD}') {
                let (text, _, _) = WINDOWS_1252.decode(bytes);
                diagnostics.push(Diagnostic::new(
                    Severity::Note,
                    "legacy-encoding",
                    line,
                    "not UTF-8: read as Windows-1252 (Latin-1)",
                ));
                return text.into_owned();
            }
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "invalid-utf8",
                line,
                "invalid UTF-8 replaced with U+FFFD; the file may use a legacy encoding",
            ));
            lossy.into_owned()
        }
    }
}

/// CRLF and lone CR become LF; BOMs inside the text, zero-width characters
/// and soft hyphens go; non-breaking and other odd spaces become plain spaces.
fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' => {}
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            _ => out.push(c),
        }
    }
    out
}

/// Repairs UTF-8 that was decoded with a legacy 8-bit encoding.
///
/// Each run of non-ASCII characters is encoded back to Mac Roman or
/// Windows-1252; if the bytes form valid UTF-8 with at least one multi-byte
/// sequence, the run was damaged and is replaced. Real text almost never
/// passes that test (`é` alone encodes to a lone `0xE9`, which is not UTF-8),
/// so the repair is safe to apply everywhere.
fn repair_mojibake(text: &str, diagnostics: &mut Vec<Diagnostic>) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let mut line = 1;
    let mut reported_lines = Vec::new();
    let mut flush = |run: &mut String, out: &mut String, line: usize| {
        if run.is_empty() {
            return;
        }
        match [MACINTOSH, WINDOWS_1252]
            .into_iter()
            .find_map(|enc| undo(run, enc).map(|fixed| (enc, fixed)))
        {
            Some((enc, fixed)) => {
                if !reported_lines.contains(&line) {
                    reported_lines.push(line);
                    diagnostics.push(Diagnostic::new(
                        Severity::Note,
                        "encoding-repaired",
                        line,
                        format!(
                            "repaired UTF-8 that had been read as {}: `{}` → `{}`",
                            enc.name(),
                            run,
                            fixed
                        ),
                    ));
                }
                out.push_str(&fixed);
            }
            None => out.push_str(run),
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii() {
            flush(&mut run, &mut out, line);
            if c == '\n' {
                line += 1;
            }
            out.push(c);
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut out, line);
    out
}

/// Encodes `run` with `enc` and decodes the bytes as UTF-8, if that is
/// lossless, valid and actually changes something.
fn undo(run: &str, enc: &'static Encoding) -> Option<String> {
    let (bytes, _, unmappable) = enc.encode(run);
    if unmappable || bytes.iter().all(|b| b.is_ascii()) {
        return None;
    }
    let fixed = std::str::from_utf8(&bytes).ok()?;
    (fixed != run && !fixed.is_ascii()).then(|| fixed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(bytes: &[u8]) -> String {
        decode(bytes).text
    }

    #[test]
    fn repairs_mac_roman_damage() {
        assert_eq!(clean("Ulises Gasc√≥n".as_bytes()), "Ulises Gascón");
    }

    #[test]
    fn repairs_windows_1252_damage() {
        assert_eq!(clean("Ulises GascÃ³n".as_bytes()), "Ulises Gascón");
        assert_eq!(clean("Dominykas BlyÅ¾Ä—".as_bytes()), "Dominykas Blyžė");
    }

    #[test]
    fn keeps_real_accents_and_scripts() {
        for s in [
            "Gascón",
            "Blyžė",
            "Jiří",
            "Müller ≥ 3",
            "山田太郎",
            "√2 ≈ 1.41",
            "naïve café",
        ] {
            assert_eq!(clean(s.as_bytes()), s, "{s}");
        }
    }

    #[test]
    fn strips_bom_crlf_and_invisible_spaces() {
        let d = decode(b"\xEF\xBB\xBF# T\r\n\r\n* A\xC2\xA0B\xE2\x80\x8B\rC");
        assert_eq!(d.text, "# T\n\n* A B\nC");
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn latin1_files_are_read_as_windows_1252() {
        let d = decode(b"# T\nGasc\xF3n\n");
        assert_eq!(d.text, "# T\nGascón\n");
        assert_eq!(d.diagnostics[0].code, "legacy-encoding");
        assert_eq!(d.diagnostics[0].line, 2);
    }

    #[test]
    fn broken_utf8_in_a_utf8_file_is_lossy_with_a_diagnostic() {
        let d = decode(
            "# Tí\nGasc"
                .as_bytes()
                .iter()
                .chain(b"\xF3n\n")
                .copied()
                .collect::<Vec<u8>>()
                .as_slice(),
        );
        assert_eq!(d.text, "# Tí\nGasc\u{FFFD}n\n");
        assert_eq!(d.diagnostics[0].code, "invalid-utf8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "# Tí".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert!(!looks_binary(&bytes));
        assert_eq!(clean(&bytes), "# Tí");
    }

    /// Issue 13: control characters made the RDF/XML export malformed.
    #[test]
    fn control_characters_become_spaces_and_lines_stay() {
        let d = decode(b"# Notes\n\nAna\x01 said\x0c hi\x1b[0m\nBo\x00 too\n");
        assert_eq!(d.text, "# Notes\n\nAna  said  hi [0m\nBo  too\n");
        let warned: Vec<_> = d
            .diagnostics
            .iter()
            .filter(|x| x.code == "control-character")
            .map(|x| (x.line, x.message.clone()))
            .collect();
        assert_eq!(
            warned,
            [(
                3,
                "control characters replaced with spaces (here and on 1 more line)".to_owned()
            )]
        );
        // Tabs and line ends are text.
        assert!(decode(b"a\tb\r\nc\n").diagnostics.is_empty());
    }
}
