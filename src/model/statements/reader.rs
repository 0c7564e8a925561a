//! A reader of the plain YAML the vocabulary is written in, a few times faster than a full
//! YAML parser (the vocabulary is read once per process, and a one-report run is short).
//!
//! It reads only this subset, and gives up (`None`) on anything else, so that the caller falls
//! back to the YAML parser and the file means the same whatever it holds:
//!
//! * comment lines (`#` first on the line) and blank lines;
//! * `key:` at the start of a line, then either a flow list on the same line or indented on
//!   the next (`[a, b]`, which may go on over the next lines) or, on the lines after, block
//!   items each a flow list (`  - [a, b]`);
//! * in a flow list, words without ASCII characters, or in double quotes without `\` or `"`.
//!
//! A test checks that the YAML parser reads the shipped file exactly as this reader does.

/// A key's value: a list of words, or a list of lists of words.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Words(Vec<String>),
    Groups(Vec<Vec<String>>),
}

/// The keys of `text` with their values, in file order; `None` when `text` is not of the
/// subset (or a key is written twice).
pub(super) fn read(text: &str) -> Option<Vec<(String, Value)>> {
    let mut entries: Vec<(String, Value)> = Vec::new();
    // The flow list being read and whether it is a block item of the current key.
    let mut pending: Option<(String, bool)> = None;
    // The key whose block items follow.
    let mut block: Option<(String, Vec<Vec<String>>)> = None;
    let finish_block = |block: &mut Option<(String, Vec<Vec<String>>)>,
                        entries: &mut Vec<(String, Value)>|
     -> Option<()> {
        if let Some((key, groups)) = block.take() {
            // `key:` with nothing after it and no items is null, not a list.
            if groups.is_empty() {
                return None;
            }
            entries.push((key, Value::Groups(groups)));
        }
        Some(())
    };
    for line in text.lines() {
        if let Some((flow, item)) = pending.as_mut() {
            flow.push('\n');
            flow.push_str(line);
            if line.contains('#') {
                return None;
            }
            if let Some(words) = closed_flow(flow)? {
                if *item {
                    block.as_mut()?.1.push(words);
                } else {
                    let key = entries.pop()?.0;
                    entries.push((key, Value::Words(words)));
                }
                pending = None;
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if line.contains('#') || line.contains('\t') {
            return None;
        }
        if !line.starts_with(' ') {
            finish_block(&mut block, &mut entries)?;
            let (key, rest) = line.split_once(':')?;
            let key_ok = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !key_ok || entries.iter().any(|(k, _)| k == key) {
                return None;
            }
            let rest = rest.trim();
            if rest.is_empty() {
                block = Some((key.to_string(), Vec::new()));
                continue;
            }
            if !rest.starts_with('[') {
                return None;
            }
            // A placeholder until the list is read (it is replaced, key and all).
            entries.push((key.to_string(), Value::Words(Vec::new())));
            match closed_flow(rest)? {
                Some(words) => {
                    entries.pop();
                    entries.push((key.to_string(), Value::Words(words)));
                }
                None => pending = Some((rest.to_string(), false)),
            }
            continue;
        }
        // The key's flow list on the lines after it (`key:` then `  [a, b]`).
        if trimmed.starts_with('[') && block.as_ref().is_some_and(|(_, g)| g.is_empty()) {
            let key = block.take()?.0;
            entries.push((key.clone(), Value::Words(Vec::new())));
            match closed_flow(trimmed)? {
                Some(words) => {
                    entries.pop();
                    entries.push((key, Value::Words(words)));
                }
                None => pending = Some((trimmed.to_string(), false)),
            }
            continue;
        }
        // A block item of the current key: `- [a, b]`.
        let item = trimmed.strip_prefix("- ")?.trim_start();
        if block.is_none() || !item.starts_with('[') {
            return None;
        }
        match closed_flow(item)? {
            Some(words) => block.as_mut()?.1.push(words),
            None => pending = Some((item.to_string(), true)),
        }
    }
    if pending.is_some() {
        return None;
    }
    finish_block(&mut block, &mut entries)?;
    Some(entries)
}

/// The words of a flow list `[a, b, "c"]` when its closing bracket ends `flow`; `Some(None)`
/// while it is not closed yet; `None` when it is not of the subset.
fn closed_flow(flow: &str) -> Option<Option<Vec<String>>> {
    let inner = flow.strip_prefix('[')?;
    let Some(close) = closing_bracket(inner)? else {
        return Some(None);
    };
    if !inner[close + 1..].trim().is_empty() {
        return None;
    }
    let inner = inner[..close].trim();
    if inner.is_empty() {
        return Some(Some(Vec::new()));
    }
    let mut words = Vec::new();
    for item in split_items(inner)? {
        words.push(word(item.trim())?);
    }
    Some(Some(words))
}

/// Where the `]` closing a flow list is in `inner` (the text after its `[`), outside quotes;
/// `Some(None)` when it is not there; `None` on a nested bracket.
fn closing_bracket(inner: &str) -> Option<Option<usize>> {
    let mut quoted = false;
    for (i, c) in inner.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ']' if !quoted => return Some(Some(i)),
            '[' | '{' | '}' if !quoted => return None,
            _ => {}
        }
    }
    Some(None)
}

/// The items of a flow list's inside, split at commas outside quotes.
fn split_items(inner: &str) -> Option<Vec<&str>> {
    let mut items = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if quoted {
        return None;
    }
    items.push(&inner[start..]);
    Some(items)
}

/// One word of a list: plain without ASCII characters (so no YAML syntax, number, boolean or
/// null) and on one line, or double-quoted without escapes.
fn word(item: &str) -> Option<String> {
    if let Some(quoted) = item.strip_prefix('"') {
        let content = quoted.strip_suffix('"')?;
        if content.contains(['"', '\\', '\n', '\r']) {
            return None;
        }
        return Some(content.to_string());
    }
    if item.is_empty() || item.chars().any(|c| c.is_ascii() || c.is_whitespace()) {
        return None;
    }
    Some(item.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Value {
        Value::Words(list.iter().map(|w| w.to_string()).collect())
    }

    #[test]
    fn reads_flow_lists_and_block_items() {
        let text = "# a comment\nlinks: [达到, \"：\",\n   为]\n\nsynonyms:\n  - [成功, 调成]\n  - [办结]\nempty: []\nnext:\n  [共,\n   总计]\n";
        let read = read(text).expect("the subset");
        assert_eq!(read.len(), 4);
        assert_eq!(read[3], ("next".to_string(), words(&["共", "总计"])));
        assert_eq!(read[0], ("links".to_string(), words(&["达到", "：", "为"])));
        assert_eq!(
            read[1],
            (
                "synonyms".to_string(),
                Value::Groups(vec![
                    vec!["成功".to_string(), "调成".to_string()],
                    vec!["办结".to_string()]
                ])
            )
        );
        assert_eq!(read[2], ("empty".to_string(), words(&[])));
    }

    #[test]
    fn gives_up_outside_the_subset() {
        for text in [
            "a: [x]\n",
            "a: [达到, 'b']\n",
            "a: [达到] # comment\n",
            "a: [达到, [为]]\n",
            "a: {b: 达到}\n",
            "a: 达到\n",
            "a:\n  - 达到\n",
            "a:\n",
            "a: [达到\n",
            "a: [达到]\na: [为]\n",
            "---\na: [达到]\n",
            "a: [\"达\\n到\"]\n",
            "a: [达到, , 为]\n",
            "a: [达 到]\n",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
