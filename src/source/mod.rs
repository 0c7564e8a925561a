//! Reading report files into text.
//!
//! A path enters, a [`SourceFile`] with the decoded text leaves; the text goes on to
//! `model::Document::parse`. Today reports are plain text in UTF-8, with or without a
//! byte-order mark, with LF or CRLF line ends. The text is kept exactly as decoded (BOM and
//! CR included) so that byte spans of the model point into the file as it is.
//!
//! Other encodings (GB 18030, UTF-16) and formats (DOCX, HTML) are added as further
//! [`Encoding`] / decoder arms in [`decode`]; until then they are reported as errors that say
//! what was found, never decoded wrongly.

use std::path::{Path, PathBuf};

/// How the bytes of a file were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with a byte-order mark (kept in the text).
    Utf8WithBom,
}

/// The line-end convention found in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    Lf,
    CrLf,
    /// Both LF and CRLF occur.
    Mixed,
    /// A single line.
    None,
}

/// A report file read into memory.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    pub encoding: Encoding,
    pub line_ending: LineEnding,
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid UTF-8 (first invalid byte at line {line}, byte offset {offset}); other encodings are not supported yet")]
    NotUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
    },
    #[error("{path} is UTF-16 encoded; save it as UTF-8")]
    Utf16 { path: PathBuf },
}

/// Reads and decodes a report file.
pub fn read(path: &Path) -> Result<SourceFile, SourceError> {
    let bytes = std::fs::read(path).map_err(|source| SourceError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(path, bytes)
}

/// Decodes file bytes; `path` is only used in error messages.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<SourceFile, SourceError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(SourceError::Utf16 {
            path: path.to_path_buf(),
        });
    }
    let encoding = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Encoding::Utf8WithBom
    } else {
        Encoding::Utf8
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e
            .as_bytes()
            .get(..offset)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        SourceError::NotUtf8 {
            path: path.to_path_buf(),
            offset,
            line,
        }
    })?;
    let line_ending = line_ending(&text);
    Ok(SourceFile {
        path: path.to_path_buf(),
        text,
        encoding,
        line_ending,
    })
}

fn line_ending(text: &str) -> LineEnding {
    let lf = text.matches('\n').count();
    let crlf = text.matches("\r\n").count();
    match (lf, crlf) {
        (0, _) => LineEnding::None,
        (n, m) if n == m => LineEnding::CrLf,
        (_, 0) => LineEnding::Lf,
        _ => LineEnding::Mixed,
    }
}

/// Write `bytes` to `path` atomically: into a temporary file beside it, then renamed over it,
/// so an interrupted write never leaves a half-written file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    let tmp = dir.join(format!(".{name}.reportlint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_detected_and_kept() {
        let file = decode(Path::new("r.txt"), b"\xEF\xBB\xBF\xE4\xB8\x80\r\n".to_vec());
        let file = file.ok();
        assert_eq!(
            file.as_ref().map(|f| f.encoding),
            Some(Encoding::Utf8WithBom)
        );
        assert_eq!(file.as_ref().map(|f| f.line_ending), Some(LineEnding::CrLf));
        assert_eq!(file.map(|f| f.text), Some("\u{feff}一\r\n".to_string()));
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = decode(Path::new("r.txt"), b"ok\n\xB0\xB2".to_vec());
        match err {
            Err(SourceError::NotUtf8 { line, offset, .. }) => assert_eq!((line, offset), (2, 3)),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
    }

    #[test]
    fn utf16_is_refused() {
        assert!(matches!(
            decode(Path::new("r.txt"), vec![0xFF, 0xFE, 0x00, 0x4E]),
            Err(SourceError::Utf16 { .. })
        ));
    }
}
