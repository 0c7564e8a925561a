//! Reading report files into the text that is modelled.
//!
//! A path (or bytes with a name) enters [`read_with`] / [`decode_with`]; a [`SourceFile`]
//! leaves, and its `text` goes on to `model::Document::parse`. Whatever the file format,
//! rules see text, one paragraph per line:
//!
//! | format | text | where a position is in the original |
//! | --- | --- | --- |
//! | plain text, UTF-8 | the file unchanged (BOM and CR kept) | same bytes, same line:column |
//! | plain text, GB 18030 / UTF-16 | the file decoded (BOM kept as U+FEFF) | same line:column; file bytes via [`SourceFile::file_offset`] |
//! | Markdown | headings and paragraphs ([`markdown`]) | the Markdown line each text line starts on |
//! | HTML | the article text and metadata table ([`html`]) | only the line of the extracted text |
//! | `.docx` | body paragraphs, numbering resolved ([`docx`]) | the paragraph: text line N is body paragraph N unless a paragraph holds line breaks |
//!
//! Offsets in findings (and in JSON `offset`/`length`) are UTF-8 byte offsets into
//! `SourceFile.text`, the modelled text. For UTF-8 text files that is the file itself; for
//! transcoded text files [`SourceFile::file_offset`] maps them back to file bytes; for
//! extracted formats there are no file bytes to point at, and [`SourceFile::place`] names
//! the paragraph or source line instead.
//!
//! Every failure is a [`SourceError`] naming the file and what is wrong with it: empty,
//! binary, undecodable (with the byte offset), too large, a corrupt or protected `.docx`.
//! A file with no text at all is an error, never an empty document that passes every check.

pub mod atomic;
pub mod docx;
pub mod encoding;
pub mod html;
pub mod markdown;

pub use encoding::{ByteMap, Encoding, ForcedEncoding};

use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused unless `--max-file-size` raises the limit.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 20 * 1024 * 1024;

/// The file format the text was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
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

/// Where one line of an extracted text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum LineOrigin {
    /// Body paragraph `paragraph` (1-based, table paragraphs counted in document order).
    DocxParagraph { paragraph: usize, in_table: bool },
    /// The line of the original file the text line starts on.
    FileLine { line: usize },
    /// A line of text extracted from a page; no finer place in the original is kept.
    Extracted,
}

/// How the modelled text relates to the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// The text is the file's own bytes.
    File,
    /// The text is the file decoded from another encoding: same lines and characters.
    Transcoded(ByteMap),
    /// The text was extracted from a structured format; one entry per text line.
    Extracted(Vec<LineOrigin>),
}

/// Text of a document that is not part of its body (Word headers and footers).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Furniture {
    /// `header1`, `footer2`, …
    pub part: String,
    pub paragraphs: Vec<String>,
}

/// A report file read into memory: the single thing that enters the model.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    pub path: PathBuf,
    pub format: Format,
    /// The encoding of the file bytes (of the XML for `.docx`).
    pub encoding: Encoding,
    pub line_ending: LineEnding,
    /// The text rules run on.
    pub text: String,
    pub origin: Origin,
    /// Headers and footers, kept out of `text`.
    pub furniture: Vec<Furniture>,
}

impl SourceFile {
    /// The byte offset in the file of a byte offset into `text`; `None` for extracted
    /// formats (there, [`SourceFile::place`] says where a line is).
    pub fn file_offset(&self, text_offset: usize) -> Option<usize> {
        match &self.origin {
            Origin::File => (text_offset <= self.text.len()).then_some(text_offset),
            Origin::Transcoded(map) => map.file_offset(&self.text, text_offset),
            Origin::Extracted(_) => None,
        }
    }

    /// Where a 1-based line of `text` is in the original, in words, for formats whose text
    /// is not the file: `Word 正文第 12 段（表格内）`.
    pub fn place(&self, line: usize) -> Option<String> {
        let Origin::Extracted(lines) = &self.origin else {
            return None;
        };
        let origin = lines.get(line.checked_sub(1)?)?;
        Some(match origin {
            LineOrigin::DocxParagraph {
                paragraph,
                in_table,
            } => format!(
                "Word 正文第 {paragraph} 段{}",
                if *in_table { "（表格内）" } else { "" }
            ),
            LineOrigin::FileLine { line: source } => format!("Markdown 原文第 {source} 行"),
            LineOrigin::Extracted => format!("网页正文提取文本第 {line} 行"),
        })
    }
}

/// How to read inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Decode text with this encoding instead of detecting it.
    pub encoding: Option<ForcedEncoding>,
    /// Refuse files larger than this many bytes; also the budget of decompressed bytes a
    /// `.docx` may expand to.
    pub max_file_size: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{}", crate::tr!("src-io", path = .path.display(), error = crate::i18n::io(.source)))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::tr!("src-empty", path = .path.display()))]
    Empty { path: PathBuf },
    #[error("{}", crate::tr!("src-no-text", path = .path.display(), format = .format))]
    NoText { path: PathBuf, format: &'static str },
    #[error("{}", crate::tr!("src-too-large", path = .path.display(), limit = .limit, size = .size))]
    TooLarge {
        path: PathBuf,
        size: String,
        limit: u64,
    },
    #[error("{}", crate::tr!("src-binary", path = .path.display(), offset = .offset))]
    Binary { path: PathBuf, offset: usize },
    #[error("{}", crate::tr!("src-undecodable", path = .path.display(), tried = crate::i18n::text(.tried, &[]), offset = .offset, line = .line))]
    Undecodable {
        path: PathBuf,
        offset: usize,
        line: usize,
        tried: &'static str,
    },
    #[error("{}", crate::tr!("src-protected", path = .path.display()))]
    Protected { path: PathBuf },
    #[error("{}", crate::tr!("src-docx", path = .path.display(), reason = .reason))]
    Docx { path: PathBuf, reason: String },
    #[error("{}", crate::tr!("src-too-deep", path = .path.display(), limit = .limit, line = .line))]
    TooDeep {
        path: PathBuf,
        line: usize,
        limit: usize,
    },
    #[error("{}", crate::tr!("src-too-many-elements", path = .path.display(), limit = .limit, line = .line))]
    TooManyElements {
        path: PathBuf,
        line: usize,
        limit: usize,
    },
}

/// Reads and decodes a report file with default options.
pub fn read(path: &Path) -> Result<SourceFile, SourceError> {
    read_with(path, &ReadOptions::default())
}

/// Reads and decodes a report file; the size limit is checked before anything is read.
pub fn read_with(path: &Path, options: &ReadOptions) -> Result<SourceFile, SourceError> {
    let io_error = |source| SourceError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    if size > options.max_file_size {
        return Err(SourceError::TooLarge {
            path: path.to_path_buf(),
            size: format!("{size} bytes"),
            limit: options.max_file_size,
        });
    }
    // Room for the whole file and the end-of-file probe: two reads instead of a dozen.
    let capacity = usize::try_from(size).unwrap_or(0).saturating_add(1);
    let bytes = read_into(Vec::with_capacity(capacity), file, path, options)?;
    decode_with(path, bytes, options)
}

/// Reads at most the size limit from a stream (standard input), refusing more.
pub fn read_limited(
    reader: impl Read,
    path: &Path,
    options: &ReadOptions,
) -> Result<Vec<u8>, SourceError> {
    read_into(Vec::new(), reader, path, options)
}

fn read_into(
    mut bytes: Vec<u8>,
    reader: impl Read,
    path: &Path,
    options: &ReadOptions,
) -> Result<Vec<u8>, SourceError> {
    reader
        .take(options.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| SourceError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > options.max_file_size {
        return Err(SourceError::TooLarge {
            path: path.to_path_buf(),
            size: "more".to_string(),
            limit: options.max_file_size,
        });
    }
    Ok(bytes)
}

/// Decodes file bytes with default options; `path` names the file in errors and its
/// extension chooses the format.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<SourceFile, SourceError> {
    decode_with(path, bytes, &ReadOptions::default())
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_MAGIC: [u8; 4] = [b'P', b'K', 0x03, 0x04];

/// The format a file is read as: by its extension, else by its first bytes.
pub fn format_of(path: &Path, bytes: &[u8]) -> Format {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("docx" | "docm" | "dotx") => Format::Docx,
        Some("html" | "htm" | "xhtml" | "shtml") => Format::Html,
        Some("md" | "markdown") => Format::Markdown,
        Some("txt" | "text") => Format::Text,
        _ if bytes.starts_with(&ZIP_MAGIC) => Format::Docx,
        _ => {
            let head: String = String::from_utf8_lossy(bytes.get(..512).unwrap_or(bytes))
                .trim_start_matches('\u{feff}')
                .trim_start()
                .chars()
                .take(14)
                .collect::<String>()
                .to_ascii_lowercase();
            if head.starts_with("<!doctype html") || head.starts_with("<html") {
                Format::Html
            } else {
                Format::Text
            }
        }
    }
}

/// Decodes file bytes into the modelled text.
pub fn decode_with(
    path: &Path,
    bytes: Vec<u8>,
    options: &ReadOptions,
) -> Result<SourceFile, SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty {
            path: path.to_path_buf(),
        });
    }
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(SourceError::Protected {
            path: path.to_path_buf(),
        });
    }
    let format = format_of(path, &bytes);
    let file = match format {
        Format::Docx => from_docx(path, &bytes, options)?,
        Format::Text => {
            let (text, encoding, map) = encoding::decode_text(path, &bytes, options.encoding)?;
            SourceFile {
                path: path.to_path_buf(),
                format,
                encoding,
                line_ending: line_ending(&text),
                origin: map.map_or(Origin::File, Origin::Transcoded),
                text,
                furniture: Vec::new(),
            }
        }
        Format::Markdown => {
            let (markdown, encoding, _) = encoding::decode_text(path, &bytes, options.encoding)?;
            let lines = markdown::extract(&markdown);
            let origins = lines
                .iter()
                .map(|l| LineOrigin::FileLine {
                    line: l.source_line,
                })
                .collect();
            let text = join_lines(lines.into_iter().map(|l| l.text));
            extracted(path, format, encoding, text, origins, Vec::new())
        }
        Format::Html => {
            let (page, encoding, _) = encoding::decode_text(path, &bytes, options.encoding)?;
            let lines = html::extract(&page).map_err(|e| match e {
                html::Refused::TooDeep { line, limit } => SourceError::TooDeep {
                    path: path.to_path_buf(),
                    line,
                    limit,
                },
                html::Refused::TooManyElements { line, limit } => SourceError::TooManyElements {
                    path: path.to_path_buf(),
                    line,
                    limit,
                },
            })?;
            let origins = vec![LineOrigin::Extracted; lines.len()];
            let text = join_lines(lines.into_iter());
            extracted(path, format, encoding, text, origins, Vec::new())
        }
    };
    if file
        .text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(if file.format == Format::Text {
            SourceError::Empty {
                path: path.to_path_buf(),
            }
        } else {
            SourceError::NoText {
                path: path.to_path_buf(),
                format: file.format.name(),
            }
        });
    }
    Ok(file)
}

fn join_lines(lines: impl Iterator<Item = String>) -> String {
    let mut text = String::new();
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

fn extracted(
    path: &Path,
    format: Format,
    encoding: Encoding,
    text: String,
    origins: Vec<LineOrigin>,
    furniture: Vec<Furniture>,
) -> SourceFile {
    SourceFile {
        path: path.to_path_buf(),
        format,
        encoding,
        line_ending: LineEnding::Lf,
        text,
        origin: Origin::Extracted(origins),
        furniture,
    }
}

fn from_docx(path: &Path, bytes: &[u8], options: &ReadOptions) -> Result<SourceFile, SourceError> {
    let docx = docx::extract(bytes, options.max_file_size).map_err(|reason| SourceError::Docx {
        path: path.to_path_buf(),
        reason,
    })?;
    let mut origins = Vec::new();
    let mut text = String::new();
    for (i, paragraph) in docx.body.iter().enumerate() {
        for line in paragraph.text.split('\n') {
            text.push_str(line);
            text.push('\n');
            origins.push(LineOrigin::DocxParagraph {
                paragraph: i + 1,
                in_table: paragraph.in_table,
            });
        }
    }
    let furniture = docx
        .furniture
        .into_iter()
        .map(|p| Furniture {
            part: p.name,
            paragraphs: p.paragraphs,
        })
        .collect();
    Ok(extracted(
        path,
        Format::Docx,
        Encoding::Utf8,
        text,
        origins,
        furniture,
    ))
}

/// A metadata field name in a table cell (`索 引 号：` → `索引号`), if it is one.
pub fn metadata_key(cell: &str) -> Option<String> {
    const KEYS: &[&str] = &[
        "索引号",
        "发文字号",
        "文号",
        "成文日期",
        "发布日期",
        "发文日期",
        "发布时间",
        "发布机构",
        "发文机关",
        "主题分类",
        "体裁分类",
        "组配分类",
        "服务对象分类",
        "主题词",
        "有效性",
        "公开方式",
        "公开范围",
        "信息来源",
        "生成日期",
        "文件编号",
        "名称",
        "标题",
        "信息名称",
        "所属主题",
    ];
    let key: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '[' | ']' | '【' | '】'))
        .collect();
    let key = key.trim_end_matches(['：', ':']);
    KEYS.contains(&key).then(|| key.to_string())
}

/// A table row as a model metadata line (`[ key ] | value |` per field) when its cells are
/// key/value pairs (`成文日期：` | `2024-03-28`) or `key：value` cells.
pub fn metadata_line(cells: &[String]) -> Option<String> {
    let mut fields = Vec::new();
    let mut i = 0;
    while let Some(cell) = cells.get(i) {
        if let Some(key) = metadata_key(cell) {
            let value = cells.get(i + 1).map_or("", |v| v.trim());
            fields.push(format!("[ {key} ] | {} |", value.replace('|', "｜")));
            i += 2;
            continue;
        }
        let (key, value) = cell.split_once(['：', ':'])?;
        let key = metadata_key(key)?;
        fields.push(format!("[ {key} ] | {} |", value.trim().replace('|', "｜")));
        i += 1;
    }
    (!fields.is_empty()).then(|| fields.join(" "))
}

fn line_ending(text: &str) -> LineEnding {
    let bytes = text.as_bytes();
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    let crlf = if memchr::memchr(b'\r', bytes).is_some() {
        memchr::memmem::find_iter(bytes, b"\r\n").count()
    } else {
        0
    };
    match (lf, crlf) {
        (0, _) => LineEnding::None,
        (n, m) if n == m => LineEnding::CrLf,
        (_, 0) => LineEnding::Lf,
        _ => LineEnding::Mixed,
    }
}

/// Parses a size for `--max-file-size`: bytes, or with a unit `k`, `M`, `G` (binary
/// multiples; `KB`, `MiB` and the like are accepted too).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (number, unit) = s.split_at(digits_end);
    let number: u64 = number
        .parse()
        .map_err(|_| crate::tr!("size-not-a-size", value = s))?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(crate::tr!("size-unknown-unit", unit = other)),
    };
    number
        .checked_mul(multiplier)
        .ok_or_else(|| crate::tr!("size-too-large", value = s))
}

/// Write `bytes` to `path` atomically as an output file (`fmt`, `--write-baseline`): see
/// [`atomic`] ([`atomic::Policy::OUTPUT`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    atomic::write_with(path, bytes, atomic::Policy::OUTPUT).map_err(atomic::WriteError::into_io)
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
    fn invalid_utf8_that_is_not_chinese_names_the_line() {
        let err = decode(Path::new("r.txt"), b"ok\n\xE9t\xE9".to_vec());
        match err {
            Err(SourceError::Undecodable { line, offset, .. }) => {
                assert_eq!((line, offset), (2, 3))
            }
            other => panic!("expected Undecodable, got {other:?}"),
        }
    }

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("20MB"), Ok(20 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5 parsecs").is_err());
    }

    #[test]
    fn metadata_rows_in_both_cell_layouts() {
        let cells = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            metadata_line(&cells(&["成文日期：", "2024-03-28", "发布机构", "某镇"])).as_deref(),
            Some("[ 成文日期 ] | 2024-03-28 | [ 发布机构 ] | 某镇 |")
        );
        assert_eq!(
            metadata_line(&cells(&["索 引 号：001", "有效性：有效"])).as_deref(),
            Some("[ 索引号 ] | 001 | [ 有效性 ] | 有效 |")
        );
        assert_eq!(metadata_line(&cells(&["项目", "数量"])), None);
    }
}
