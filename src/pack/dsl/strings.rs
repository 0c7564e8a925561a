//! Literal text in the DSL: reading string, long-string and regex literals into their values,
//! and writing values back as literals that read to the same value.
//!
//! Reading takes the literal's content (between the delimiters) and the byte offset where it
//! starts, so that a bad escape is reported at its own place in the file.

use crate::pack::error::PackError;

/// The value of a `"…"` string's content: `\"`, `\\`, `\n`, `\t`, `\u{…}` are escapes.
/// Bad escapes are reported and left out of the value.
pub fn unescape(content: &str, start: usize, errors: &mut Vec<PackError>) -> String {
    let mut value = String::with_capacity(content.len());
    let mut chars = content.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '\\' {
            value.push(c);
            continue;
        }
        let Some((_, escaped)) = chars.next() else {
            errors.push(
                PackError::new(
                    crate::tr!("str-string-cannot-end-with"),
                    start + at..start + at + 1,
                )
                .with_help(crate::tr!("str-write-for-backslash")),
            );
            break;
        };
        match escaped {
            '"' => value.push('"'),
            '\\' => value.push('\\'),
            'n' => value.push('\n'),
            't' => value.push('\t'),
            'u' => {
                let after_u = content.get(at + 2..).unwrap_or("");
                let braced = after_u
                    .strip_prefix('{')
                    .and_then(|inner| inner.find('}').map(|close| (&inner[..close], close)));
                let end = braced.map_or(at + 2, |(_, close)| at + 2 + 1 + close + 1);
                match braced
                    .and_then(|(hex, _)| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32)
                {
                    Some(ch) => value.push(ch),
                    None => errors.push(
                        PackError::new(
                            crate::tr!("str-bad-unicode-escape"),
                            start + at..start + end,
                        )
                        .with_label(crate::tr!("str-not-character-code"))
                        .with_help(crate::tr!("str-write-u-hexadecimal-code")),
                    ),
                }
                while chars.peek().is_some_and(|(i, _)| *i < end) {
                    chars.next();
                }
            }
            other => {
                let end = at + 1 + other.len_utf8();
                errors.push(
                    PackError::new(
                        crate::tr!("str-unknown-escape-other", other = other),
                        start + at..start + end,
                    )
                    .with_label(crate::tr!("str-unknown-escape"))
                    .with_help(crate::tr!("str-strings-know-t-u")),
                );
            }
        }
    }
    value
}

/// `s` as a `"…"` literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || (c.is_whitespace() && c != ' ') || c == '\u{FEFF}' => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The value of a `"""…"""` long string: a line break right after the opening quotes and the
/// line break (plus indentation) before the closing quotes are dropped, and the indentation
/// shared by all non-blank lines is removed, so examples can be indented with the rule.
pub fn long_string_value(content: &str) -> String {
    let content = content.replace("\r\n", "\n");
    let content = content.strip_prefix('\n').unwrap_or(&content);
    let content = match content.rfind('\n') {
        Some(last) if content[last + 1..].chars().all(|c| c == ' ' || c == '\t') => {
            &content[..last]
        }
        _ => content,
    };
    let indent = content
        .lines()
        .filter(|line| !line.trim_start_matches([' ', '\t']).is_empty())
        .map(|line| line.len() - line.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    content
        .split('\n')
        .map(|line| {
            let blank_prefix = line.len() - line.trim_start_matches([' ', '\t']).len();
            line.get(indent.min(blank_prefix)..).unwrap_or("")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `s` is best written as a long string, and reads back unchanged from one: it has
/// several lines, none indented, no `"""` and no carriage return.
pub fn fits_long_string(s: &str) -> bool {
    s.contains('\n')
        && !s.contains("\"\"\"")
        && !s.contains('\r')
        && s.split('\n').all(|line| !line.starts_with([' ', '\t']))
}

/// `s` as a `"""…"""` literal whose lines are indented by `indent`.
pub fn long_quote(s: &str, indent: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    for line in s.split('\n') {
        if !line.is_empty() {
            out.push_str(indent);
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push_str(indent);
    out.push_str("\"\"\"");
    out
}

/// The regex text of a `/…/` literal's content: `\/` stands for `/`; every other backslash
/// sequence belongs to the regex and is kept as written.
pub fn regex_value(content: &str) -> String {
    let mut value = String::with_capacity(content.len());
    let mut chars = content.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('/') => value.push('/'),
                Some(next) => {
                    value.push('\\');
                    value.push(next);
                }
                None => value.push('\\'),
            }
        } else {
            value.push(c);
        }
    }
    value
}

/// `regex` as a `/…/` literal.
pub fn regex_literal(regex: &str) -> String {
    let mut out = String::with_capacity(regex.len() + 2);
    out.push('/');
    let mut chars = regex.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push('\\');
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '/' => out.push_str("\\/"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('/');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_read_back_to_the_same_text() {
        for text in [
            "plain 中文",
            "quote \" and \\ back",
            "line\nbreak\ttab",
            "\u{1}ctl",
        ] {
            let quoted = quote(text);
            let mut errors = Vec::new();
            let inner = &quoted[1..quoted.len() - 1];
            assert_eq!(unescape(inner, 0, &mut errors), text);
            assert!(errors.is_empty());
        }
    }

    #[test]
    fn unicode_escape_gives_the_character() {
        let mut errors = Vec::new();
        assert_eq!(unescape("a\\u{3000}b", 0, &mut errors), "a\u{3000}b");
        assert!(errors.is_empty());
    }

    #[test]
    fn bad_escapes_are_reported_where_written() {
        let mut errors = Vec::new();
        unescape("中\\q", 10, &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].span, 13..15);
        unescape("\\u{zz}", 0, &mut errors);
        assert_eq!(errors[1].span, 0..6);
        unescape("\\u", 0, &mut errors);
        assert_eq!(errors[2].span, 0..2);
    }

    #[test]
    fn long_strings_drop_their_indentation() {
        let written = "\n      第一行\n\n      第二行\n    ";
        assert_eq!(long_string_value(written), "第一行\n\n第二行");
        let text = "第一行\n\n第二行\n";
        assert!(fits_long_string(text));
        let literal = long_quote(text, "    ");
        let content = &literal[3..literal.len() - 3];
        assert_eq!(long_string_value(content), text);
    }

    #[test]
    fn regex_slashes_are_escaped_and_read_back() {
        let regex = r"(法|治)\1/\d+";
        let literal = regex_literal(regex);
        assert_eq!(literal, r"/(法|治)\1\/\d+/");
        assert_eq!(regex_value(&literal[1..literal.len() - 1]), regex);
    }
}
