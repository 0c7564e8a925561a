//! Character encodings of report files: detection, decoding and the way back to file bytes.
//!
//! File bytes enter [`decode_text`] with an optional forced [`Encoding`]; a decoded string
//! leaves, with a [`ByteMap`] when the text is not the file's own bytes (GB 18030, UTF-16).
//!
//! Detection, in this order: a UTF-16 byte-order mark; valid UTF-8 (with or without BOM);
//! otherwise GB 18030 (a superset of GBK and GB 2312), accepted only when it decodes without
//! a single malformed sequence *and* reads like Chinese text. Anything else is an error that
//! names the byte offset: mojibake is never handed to the rules.
//!
//! Text positions stay exact: lines and characters are the same in the file and the decoded
//! text, so line:column needs no mapping. Byte offsets differ for transcoded files; the
//! [`ByteMap`] turns an offset into the decoded text back into an offset into the file.

use super::SourceError;
use std::path::Path;

/// How the bytes of a file were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with a byte-order mark (kept in the text as U+FEFF).
    Utf8WithBom,
    /// UTF-16 little-endian; a BOM, if present, is kept in the text as U+FEFF.
    Utf16Le,
    Utf16Be,
    /// GB 18030, which includes GBK and GB 2312.
    Gb18030,
    /// Forced with `--encoding gbk`; decoded as GB 18030, its superset.
    Gbk,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8WithBom => "utf-8 with BOM",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Gbk => "gbk",
        }
    }
}

/// The encodings `--encoding` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForcedEncoding {
    Utf8,
    Gb18030,
    Gbk,
    Utf16Le,
    Utf16Be,
}

/// Maps byte offsets of the decoded (UTF-8) text back to byte offsets of the file.
///
/// Anchors every [`ANCHOR_EVERY`] characters bound the walk of one lookup; between anchors
/// each character's width in the file follows from the encoding, except for the few GB 18030
/// characters whose width differs from what their code point suggests, which are listed.
#[derive(Debug, Clone, PartialEq)]
pub struct ByteMap {
    kind: WideKind,
    /// (text offset, file offset) pairs, ascending, starting at (0, 0).
    anchors: Vec<(usize, usize)>,
    /// Text offsets of GB 18030 four-byte characters and their width in the file.
    exceptions: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WideKind {
    Utf16,
    Gb18030,
}

const ANCHOR_EVERY: usize = 256;

impl ByteMap {
    /// The file offset of a text offset; `None` if the offset is beyond the text or not on a
    /// character boundary.
    pub fn file_offset(&self, text: &str, offset: usize) -> Option<usize> {
        if offset > text.len() || !text.is_char_boundary(offset) {
            return None;
        }
        let anchor = self.anchors.partition_point(|&(t, _)| t <= offset);
        let (mut at, mut file) = self.anchors.get(anchor.checked_sub(1)?).copied()?;
        for c in text.get(at..offset)?.chars() {
            file += self.width(at, c);
            at += c.len_utf8();
        }
        Some(file)
    }

    fn width(&self, text_offset: usize, c: char) -> usize {
        match self.kind {
            WideKind::Utf16 => c.len_utf16() * 2,
            WideKind::Gb18030 => {
                match self.exceptions.binary_search_by_key(&text_offset, |e| e.0) {
                    Ok(i) => self.exceptions.get(i).map_or(2, |e| e.1),
                    Err(_) if c.is_ascii() => 1,
                    Err(_) => 2,
                }
            }
        }
    }
}

/// Decodes text-file bytes. `forced` skips detection. The result keeps a BOM as U+FEFF.
pub fn decode_text(
    path: &Path,
    bytes: &[u8],
    forced: Option<ForcedEncoding>,
) -> Result<(String, Encoding, Option<ByteMap>), SourceError> {
    let utf16 = match forced {
        Some(ForcedEncoding::Utf16Le) => Some(Encoding::Utf16Le),
        Some(ForcedEncoding::Utf16Be) => Some(Encoding::Utf16Be),
        Some(_) => None,
        None if bytes.starts_with(&[0xFF, 0xFE]) => Some(Encoding::Utf16Le),
        None if bytes.starts_with(&[0xFE, 0xFF]) => Some(Encoding::Utf16Be),
        None => None,
    };
    if let Some(encoding) = utf16 {
        return decode_utf16(path, bytes, encoding);
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(SourceError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    match forced {
        Some(ForcedEncoding::Gb18030) => decode_gb18030(path, bytes, Encoding::Gb18030),
        Some(ForcedEncoding::Gbk) => decode_gb18030(path, bytes, Encoding::Gbk),
        Some(_) => decode_utf8(path, bytes),
        None => match decode_utf8(path, bytes) {
            Ok(decoded) => Ok(decoded),
            Err(utf8_error) => match decode_gb18030(path, bytes, Encoding::Gb18030) {
                Ok(decoded) if reads_like_chinese(&decoded.0) => Ok(decoded),
                _ => Err(match utf8_error {
                    SourceError::Undecodable {
                        path, offset, line, ..
                    } => SourceError::Undecodable {
                        path,
                        offset,
                        line,
                        tried: "src-tried-chinese",
                    },
                    other => other,
                }),
            },
        },
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes
        .get(..offset)
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
}

fn decode_utf8(
    path: &Path,
    bytes: &[u8],
) -> Result<(String, Encoding, Option<ByteMap>), SourceError> {
    let encoding = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Encoding::Utf8WithBom
    } else {
        Encoding::Utf8
    };
    // simdutf8's check of valid text is several times faster than the standard library's
    // on Chinese text; the standard library finds where invalid text goes wrong.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok((text.to_string(), encoding, None));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), encoding, None)),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(SourceError::Undecodable {
                path: path.to_path_buf(),
                offset,
                line: line_of(bytes, offset),
                tried: "src-tried-utf8",
            })
        }
    }
}

/// Decodes the whole buffer with an `encoding_rs` decoder, failing at the first malformed
/// sequence with its byte offset.
fn decode_strict(
    path: &Path,
    bytes: &[u8],
    with: &'static encoding_rs::Encoding,
    tried: &'static str,
) -> Result<String, SourceError> {
    let mut decoder = with.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(text),
        encoding_rs::DecoderResult::Malformed(bad, after) => {
            let offset = read.saturating_sub(usize::from(bad) + usize::from(after));
            Err(SourceError::Undecodable {
                path: path.to_path_buf(),
                offset,
                line: line_of(bytes, offset),
                tried,
            })
        }
        encoding_rs::DecoderResult::OutputFull => Err(SourceError::Undecodable {
            path: path.to_path_buf(),
            offset: read,
            line: line_of(bytes, read),
            tried,
        }),
    }
}

fn decode_utf16(
    path: &Path,
    bytes: &[u8],
    encoding: Encoding,
) -> Result<(String, Encoding, Option<ByteMap>), SourceError> {
    let (with, tried) = if encoding == Encoding::Utf16Be {
        (encoding_rs::UTF_16BE, "UTF-16BE")
    } else {
        (encoding_rs::UTF_16LE, "UTF-16LE")
    };
    if bytes.len() % 2 == 1 {
        let offset = bytes.len() - 1;
        return Err(SourceError::Undecodable {
            path: path.to_path_buf(),
            offset,
            line: utf16_line_of(bytes, offset, encoding),
            tried,
        });
    }
    let text = decode_strict(path, bytes, with, tried).map_err(|e| match e {
        SourceError::Undecodable {
            path,
            offset,
            tried,
            ..
        } => SourceError::Undecodable {
            line: utf16_line_of(bytes, offset, encoding),
            path,
            offset,
            tried,
        },
        other => other,
    })?;
    let map = ByteMap {
        kind: WideKind::Utf16,
        anchors: anchors(&text, |_, c| c.len_utf16() * 2),
        exceptions: Vec::new(),
    };
    Ok((text, encoding, Some(map)))
}

/// The line of a byte offset in UTF-16 data: newlines are 16-bit units there.
fn utf16_line_of(bytes: &[u8], offset: usize, encoding: Encoding) -> usize {
    let newline = if encoding == Encoding::Utf16Be {
        [0x00, 0x0A]
    } else {
        [0x0A, 0x00]
    };
    1 + bytes
        .get(..offset)
        .map_or(0, |b| b.chunks_exact(2).filter(|u| *u == newline).count())
}

fn decode_gb18030(
    path: &Path,
    bytes: &[u8],
    encoding: Encoding,
) -> Result<(String, Encoding, Option<ByteMap>), SourceError> {
    let text = decode_strict(path, bytes, encoding_rs::GB18030, "GB18030")?;
    // Walk file and text together: a GB 18030 sequence is one byte below 0x80 (and 0x80
    // itself, the euro sign), four bytes when its second byte is a digit, else two.
    let mut exceptions = Vec::new();
    let mut file = 0;
    let mut widths = Vec::with_capacity(text.len() / 2);
    for (at, c) in text.char_indices() {
        let lead = bytes.get(file).copied().unwrap_or(0);
        let width = if lead <= 0x80 {
            1
        } else if bytes.get(file + 1).is_some_and(|b| b.is_ascii_digit()) {
            4
        } else {
            2
        };
        let expected = if c.is_ascii() { 1 } else { 2 };
        if width != expected {
            exceptions.push((at, width));
        }
        widths.push(width);
        file += width;
    }
    let mut index = 0;
    let anchors = anchors(&text, |_, _| {
        let w = widths.get(index).copied().unwrap_or(1);
        index += 1;
        w
    });
    let map = ByteMap {
        kind: WideKind::Gb18030,
        anchors,
        exceptions,
    };
    Ok((text, encoding, Some(map)))
}

/// Anchors every [`ANCHOR_EVERY`] characters; `width` is called once per character, in order.
fn anchors(text: &str, mut width: impl FnMut(usize, char) -> usize) -> Vec<(usize, usize)> {
    let mut anchors = vec![(0, 0)];
    let mut file = 0;
    for (n, (at, c)) in text.char_indices().enumerate() {
        if n > 0 && n % ANCHOR_EVERY == 0 {
            anchors.push((at, file));
        }
        file += width(at, c);
    }
    anchors
}

/// Whether GB 18030-decoded text is plausibly Chinese rather than some other legacy encoding
/// read wrongly: most non-ASCII characters must be CJK ideographs or Chinese punctuation.
fn reads_like_chinese(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut chinese = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if matches!(c,
            '\u{4E00}'..='\u{9FFF}'      // CJK unified ideographs
            | '\u{3400}'..='\u{4DBF}'    // extension A
            | '\u{3000}'..='\u{303F}'    // CJK punctuation
            | '\u{FF00}'..='\u{FFEF}'    // full-width forms
            | '\u{2010}'..='\u{2027}'    // dashes, quotes, ellipsis
            | '\u{FEFF}')
        {
            chinese += 1;
        }
    }
    non_ascii > 0 && chinese * 10 >= non_ascii * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GB18030.encode(s).0.into_owned()
    }

    #[test]
    fn gbk_text_is_detected_and_offsets_map_back_to_the_file() {
        let original = "一、主要举措\nabc法治€\n";
        let bytes = gbk(original);
        let decoded = decode_text(Path::new("r.txt"), &bytes, None);
        let Ok((text, encoding, Some(map))) = decoded else {
            panic!("not decoded: {decoded:?}");
        };
        assert_eq!((text.as_str(), encoding), (original, Encoding::Gb18030));
        let at = text.find("法治").unwrap_or(0);
        // 一、主要举措 = 6 × 2 bytes, \n, abc
        assert_eq!(map.file_offset(&text, at), Some(12 + 1 + 3));
        assert_eq!(map.file_offset(&text, text.len()), Some(bytes.len()));
    }

    #[test]
    fn four_byte_gb18030_characters_are_mapped_exactly() {
        let original = "甲\u{20AC}\u{00E9}乙"; // é is a four-byte sequence in GB 18030
        let bytes = gbk(original);
        let Ok((text, _, Some(map))) =
            decode_text(Path::new("r.txt"), &bytes, Some(ForcedEncoding::Gb18030))
        else {
            panic!("not decoded");
        };
        let at = text.find('乙').unwrap_or(0);
        assert_eq!(map.file_offset(&text, at), Some(bytes.len() - 2));
    }

    #[test]
    fn utf16_with_bom_keeps_the_bom_and_maps_offsets() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "第一\n".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let Ok((text, encoding, Some(map))) = decode_text(Path::new("r.txt"), &bytes, None) else {
            panic!("not decoded");
        };
        assert_eq!(
            (text.as_str(), encoding),
            ("\u{feff}第一\n", Encoding::Utf16Le)
        );
        assert_eq!(map.file_offset(&text, "\u{feff}第".len()), Some(4));
    }

    #[test]
    fn latin1_bytes_are_not_taken_for_gbk() {
        let bytes = b"Caf\xe9 cr\xe8me br\xfbl\xe9e".to_vec();
        assert!(matches!(
            decode_text(Path::new("r.txt"), &bytes, None),
            Err(SourceError::Undecodable { offset: 3, .. })
        ));
    }

    #[test]
    fn a_nul_byte_marks_a_binary_file() {
        assert!(matches!(
            decode_text(Path::new("r.bin"), b"ab\0cd", None),
            Err(SourceError::Binary { offset: 2, .. })
        ));
    }

    #[test]
    fn forced_utf8_refuses_gbk_bytes_with_the_offset() {
        let bytes = gbk("ok\n法治");
        assert!(matches!(
            decode_text(Path::new("r.txt"), &bytes, Some(ForcedEncoding::Utf8)),
            Err(SourceError::Undecodable {
                offset: 3,
                line: 2,
                ..
            })
        ));
    }
}
