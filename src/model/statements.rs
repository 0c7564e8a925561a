//! Statements: the quantity relations a report states, found in any phrasing and checked.
//!
//! [`analyse`] (or [`Document::statements`](super::Document::statements)) reads the modelled
//! sentences and quantities of a document and returns, in text order, every statement it
//! recognises, each with the figures it relates, a verdict and the reason for the pairing:
//!
//! * **rate**: a rate (`X率`, `占比`, `比例`, `百分之N` after them) that is a share, paired with
//!   its **part** (the count whose words mean the same as the rate's subject: 调解成功 ↔
//!   调解成功288件, 办结 ↔ 68件已办结, or words of one synonym group) and its **total** (the
//!   count of the same unit marked 共 / 受理 / 排查 … in the same sentence or the one before,
//!   in either order; in the next sentence when the rate is stated first). Counts may be
//!   amounts of money (追回率 of 万元). The rate must equal part ÷ total as written: rounded or
//!   truncated to its written precision (99.31% may be written 99% or 99.3%, not 97%).
//! * **share**: a share-type rate above 100% (not a growth, not a 完成率 that may exceed it),
//!   also as the start or end value of a change (合格率由92%提升至100.5%).
//! * **parts**: a count or an amount of money followed by 其中 / 包括 (the parts may not sum above it) or 分别为 (they
//!   must add up exactly), parts of exactly its unit (a total rounded as written, 2.3万, stands
//!   for its range); a sentence opening with `X中` lists the
//!   parts of the count named X in the sentence before. Parts naming outcomes may overlap and
//!   are not summed, unless three or more name different alternatives of one set (维持, 撤销,
//!   驳回).
//! * **growth**: 同比增长 / 下降 X% where both periods' figures are stated: (N − M) ÷ M, the
//!   previous period's after 去年 / 上年 / 较2023年的, the earlier of two years, or with 环比
//!   the earlier quarter or month; a change of N个百分点 against the rate's start and end values
//!   (由76%提高至82%, or 为82%，较2023年的76%上升…).
//!   A change stated with its difference (比上年减少31件次，同比下降25%) gives the previous
//!   period's figure N ∓ D, and the rate D ÷ it.
//! * **repeated**: one fact stated twice with different values: its words (in any order, before
//!   or after the number, before a colon) name the same thing in the same unit (持证执法人员45人
//!   … 全镇47名持证执法人员), events (受理, 举办) only when both say they are the year's (全年,
//!   本年度, 共, 总数); `上述N项X` refers back to X stated before. Counts rounded to 万 stand for
//!   their range. Facts qualified by a period, a year, 其中, 新增, 累计 are not compared. A fact
//!   may also be named by the words right after its number alone (16名干部取得行政执法证 …
//!   18名干部取得行政执法证; 18个村委会均 … 20个村委会全部), after an owner (执法队共有) or a
//!   place (平台在 … 全部). A body named before the year's marker (镇调委会全年…) owns the
//!   fact: figures are compared only when both name the same body or neither does (我局, 本镇
//!   are the report's own). 全年 opening a sentence, and a label line of the year's statistics
//!   (收到申请：27件), say the figure is the year's; a light verb (组织, 开展) does not change the
//!   fact; words after a number that end another mention's words (全年共5次专题研究…) name its
//!   fact.
//!
//! When unsure it stays silent: a statement whose figures are approximate, incomplete or not
//! clearly paired is [`Verdict::Unchecked`] with the reason, never an accusation. The words it
//! knows (synonyms, totals, links, qualifiers) are data, in `statements/vocabulary.yaml`.

use super::{Document, Quantity, QuantityKind, Span};
use crate::i18n::Message;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What a statement relates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatementKind {
    /// A rate with the part and total it is computed from.
    Rate,
    /// A share-type rate above 100%.
    Share,
    /// A total and the parts listed after it.
    Parts,
    /// A change between two periods.
    Growth,
    /// One fact stated twice.
    Repeated,
}

impl StatementKind {
    /// Every kind, in the order the rule language lists them.
    pub const ALL: [StatementKind; 5] = [
        StatementKind::Rate,
        StatementKind::Share,
        StatementKind::Parts,
        StatementKind::Growth,
        StatementKind::Repeated,
    ];

    /// The kind named `name` (as [`StatementKind::name`] writes it).
    pub fn parse(name: &str) -> Option<StatementKind> {
        StatementKind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            StatementKind::Rate => "rate",
            StatementKind::Share => "share",
            StatementKind::Parts => "parts",
            StatementKind::Growth => "growth",
            StatementKind::Repeated => "repeated",
        }
    }
}

/// What a figure is in its statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Rate,
    Part,
    Total,
    Item,
    Current,
    Previous,
    Growth,
    First,
    Again,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Rate => "rate",
            Role::Part => "part",
            Role::Total => "total",
            Role::Item => "item",
            Role::Current => "current",
            Role::Previous => "previous",
            Role::Growth => "growth",
            Role::First => "first",
            Role::Again => "again",
        }
    }
}

/// A figure of a statement: the quantity as the number reader read it, and its role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub role: Role,
    /// The number with its unit.
    pub span: Span,
    pub value: f64,
    pub approx: bool,
    pub decimals: i16,
    pub unit: Option<String>,
    pub percent: bool,
}

/// Whether a statement's figures agree.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    Consistent,
    /// The figures disagree; `expected` shows the arithmetic, in symbols that read in any
    /// language (`288 / 290 = 99.31%`, `15 + 9 = 24 > 22`, `105% > 100%`, `16名 ≠ 18名`).
    Inconsistent {
        expected: String,
    },
    /// Not checked, and why (`no total of the same unit`).
    Unchecked {
        reason: Message,
    },
}

/// A quantity relation stated in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub kind: StatementKind,
    /// The statement's main figure: the rate, the total, the growth, the second mention.
    pub span: Span,
    /// What the statement is about: the rate's subject (调解成功), the total's words.
    pub subject: String,
    pub figures: Vec<Figure>,
    pub verdict: Verdict,
    /// Why these figures were paired, in one line.
    pub pairing: Message,
}

impl Statement {
    /// Whether the figures were found to disagree.
    pub fn flagged(&self) -> bool {
        matches!(self.verdict, Verdict::Inconsistent { .. })
    }

    /// The first figure of a role.
    pub fn figure(&self, role: Role) -> Option<&Figure> {
        self.figures.iter().find(|f| f.role == role)
    }
}

/// The word lists, from `statements/vocabulary.yaml`.
#[derive(Debug, Default, Deserialize)]
struct Vocabulary {
    synonyms: Vec<Vec<String>>,
    totals: Vec<String>,
    generic: Vec<String>,
    links: Vec<String>,
    may_exceed: Vec<String>,
    share_words: Vec<String>,
    growth_up: Vec<String>,
    growth_down: Vec<String>,
    previous: Vec<String>,
    qualifiers: Vec<String>,
    events: Vec<String>,
    neutral: Vec<String>,
    boundaries: Vec<String>,
    not_shares: Vec<String>,
    modifiers: Vec<String>,
    flows: Vec<String>,
    scopes: Vec<String>,
    year_markers: Vec<String>,
    total_endings: Vec<String>,
    back_references: Vec<String>,
    alternatives: Vec<Vec<String>>,
    change_to: Vec<String>,
    /// Words saying that the parts of a list overlap (部分企业同时属于两类): their sum may
    /// exceed the total.
    #[serde(default)]
    overlaps: Vec<String>,
    /// How a body's name ends (县应急管理局, 镇调委会): words before 全年 that end so name the
    /// body whose fact a figure is.
    #[serde(default)]
    owner_endings: Vec<String>,
    /// Verbs that only say an event took place (组织, 开展 培训): two phrases differing in them
    /// name one fact.
    #[serde(default)]
    light_verbs: Vec<String>,
    /// Built from the lists above once they are read.
    #[serde(skip)]
    automata: Automata,
}

/// Searchers over the word lists, so that a figure's words are scanned once per list rather
/// than once per word.
#[derive(Debug, Default)]
struct Automata {
    /// `totals`, every match (办理 is skipped where 办理完毕 is written).
    totals: Option<AhoCorasick>,
    /// `generic`, leftmost-longest.
    generic: Option<AhoCorasick>,
    /// Every word of `synonyms`; `synonym_group` gives each word's group.
    synonyms: Option<AhoCorasick>,
    synonym_group: Vec<usize>,
    /// `qualifiers` of two characters or more, and `previous`.
    qualifiers: Option<AhoCorasick>,
    /// `qualifiers` of one character.
    single_qualifiers: Vec<char>,
    /// Every word of `alternatives`, leftmost-longest (基本合格 rather than 合格).
    alternatives: Option<AhoCorasick>,
    /// `neutral` and `events`, looked up by a phrase's opening characters.
    neutral: WordSet,
    events: WordSet,
    /// `events`, to tell whether a text holds one of them.
    events_in: Option<AhoCorasick>,
    /// The last characters of `boundaries`, the first of `year_markers`.
    boundary_lasts: Edges,
    year_marker_firsts: Edges,
}

impl Automata {
    fn build(words: &Vocabulary) -> Automata {
        // The searchers run for every count paired or compared (totals, generic) and in
        // every sentence with a count (qualifiers) are built as the library chooses (a DFA: slower to build, faster to run); the others as an
        // NFA, two to three times quicker to build, which a one-report run notices.
        let standard = |list: &[String]| AhoCorasick::new(list).ok();
        let nfa = |list: &[String]| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(list)
                .ok()
        };
        let longest = |list: &[String], kind: Option<AhoCorasickKind>| {
            AhoCorasick::builder()
                .kind(kind)
                .match_kind(MatchKind::LeftmostLongest)
                .build(list)
                .ok()
        };
        let mut synonym_words = Vec::new();
        let mut synonym_group = Vec::new();
        for (g, group) in words.synonyms.iter().enumerate() {
            for w in group {
                synonym_words.push(w.clone());
                synonym_group.push(g);
            }
        }
        let (single, long): (Vec<&String>, Vec<&String>) = words
            .qualifiers
            .iter()
            .partition(|w| w.chars().count() == 1);
        let long: Vec<String> = long
            .into_iter()
            .chain(words.previous.iter())
            .cloned()
            .collect();
        Automata {
            totals: standard(&words.totals),
            generic: longest(&words.generic, None),
            synonyms: nfa(&synonym_words),
            synonym_group,
            qualifiers: standard(&long),
            single_qualifiers: single.iter().filter_map(|w| w.chars().next()).collect(),
            alternatives: {
                let mut all: Vec<String> = words.alternatives.iter().flatten().cloned().collect();
                all.sort();
                all.dedup();
                longest(&all, Some(AhoCorasickKind::ContiguousNFA))
            },
            neutral: WordSet::new(&words.neutral),
            events: WordSet::new(&words.events),
            events_in: nfa(&words.events),
            boundary_lasts: Edges::lasts(&words.boundaries),
            year_marker_firsts: Edges::firsts(&words.year_markers),
        }
    }
}

/// A cheap test of a character against a few: one bit each, by code point modulo 256 (false:
/// it is none of them; true: it may be one).
#[derive(Debug, Default, Clone, Copy)]
struct CharBits([u64; 4]);

impl CharBits {
    fn of(chars: impl Iterator<Item = char>) -> CharBits {
        let mut bits = CharBits::default();
        for c in chars {
            bits.insert(c);
        }
        bits
    }

    fn insert(&mut self, c: char) {
        let bit = c as usize % 256;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn may_hold(&self, c: char) -> bool {
        let bit = c as usize % 256;
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The last (or first) character of each word of a list, and all of them as [`CharBits`]:
/// built once per list, so that a scan compares a word only where the text's character is
/// its edge.
#[derive(Debug, Default)]
struct Edges {
    chars: Vec<Option<char>>,
    any: CharBits,
}

impl Edges {
    fn lasts(words: &[String]) -> Edges {
        Edges::of(words.iter().map(|w| w.chars().next_back()).collect())
    }

    fn firsts(words: &[String]) -> Edges {
        Edges::of(words.iter().map(|w| w.chars().next()).collect())
    }

    fn of(chars: Vec<Option<char>>) -> Edges {
        let any = CharBits::of(chars.iter().flatten().copied());
        Edges { chars, any }
    }
}

/// A set of words looked up by whole text, with a cheap first test on the words' first
/// characters, so that most texts are refused without hashing them.
#[derive(Debug, Default)]
struct WordSet {
    words: FxHashSet<String>,
    firsts: CharBits,
}

impl WordSet {
    fn new(words: &[String]) -> WordSet {
        let mut set = WordSet::default();
        for w in words {
            if let Some(c) = w.chars().next() {
                set.firsts.insert(c);
                set.words.insert(w.clone());
            }
        }
        set
    }

    /// Whether some word may start with `c` (false: none does).
    fn may_start(&self, c: char) -> bool {
        self.firsts.may_hold(c)
    }

    fn contains(&self, text: &str) -> bool {
        text.chars().next().is_some_and(|c| self.may_start(c)) && self.words.contains(text)
    }
}

/// The vocabulary as written (`statements/vocabulary.yaml`): the source of the words.
#[cfg(test)]
const VOCABULARY: &str = include_str!("statements/vocabulary.yaml");

/// The vocabulary converted to JSON when the program is built (`build.rs`), which reads a few
/// times faster than the YAML.
const VOCABULARY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/vocabulary.json"));

impl Vocabulary {
    /// The vocabulary built into the program; empty when it does not give every list.
    fn read() -> Vocabulary {
        serde_json::from_str(VOCABULARY_JSON).unwrap_or_default()
    }
}

fn vocabulary() -> &'static Vocabulary {
    static WORDS: OnceLock<Vocabulary> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = Vocabulary::read();
        // An empty word would match everywhere (and never strip anything off).
        for list in [
            &mut words.totals,
            &mut words.generic,
            &mut words.links,
            &mut words.may_exceed,
            &mut words.share_words,
            &mut words.growth_up,
            &mut words.growth_down,
            &mut words.previous,
            &mut words.qualifiers,
            &mut words.events,
            &mut words.neutral,
            &mut words.boundaries,
            &mut words.not_shares,
            &mut words.modifiers,
            &mut words.flows,
            &mut words.scopes,
            &mut words.year_markers,
            &mut words.total_endings,
            &mut words.back_references,
            &mut words.change_to,
            &mut words.owner_endings,
            &mut words.light_verbs,
        ] {
            list.retain(|w| !w.trim().is_empty());
        }
        for group in words
            .synonyms
            .iter_mut()
            .chain(words.alternatives.iter_mut())
        {
            group.retain(|w| !w.trim().is_empty());
        }
        // Longest first, so that the longest word written is the one taken.
        for list in [
            &mut words.links,
            &mut words.share_words,
            &mut words.growth_up,
            &mut words.growth_down,
            &mut words.previous,
            &mut words.neutral,
            &mut words.year_markers,
            &mut words.total_endings,
            &mut words.change_to,
            &mut words.light_verbs,
        ] {
            list.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        }
        words.automata = Automata::build(&words);
        words
    })
}

/// Whether the vocabulary file was read (a test checks it, so a broken file cannot ship).
pub fn vocabulary_loaded() -> bool {
    !vocabulary().synonyms.is_empty() && !vocabulary().totals.is_empty()
}

/// A quantity in its place: sentence, clause and the words around it.
#[derive(Debug, Clone)]
struct Placed<'d> {
    q: &'d Quantity,
    /// Index into `Document::sentences`.
    sentence: usize,
    /// The clause holding the number.
    clause: Span,
    /// Words of the clause before the number, after the previous number of the clause.
    before: &'d str,
    /// Words of the clause after the number's unit, up to the next number of the clause.
    after: &'d str,
    /// Its words, `before` and `after` together, read when first asked for (most figures
    /// are never paired); empty for a figure that is not a measure.
    words: std::cell::OnceCell<String>,
    /// The same with generic words masked, read when first asked for.
    masked: std::cell::OnceCell<String>,
    /// The total word in `before`, read when first asked for.
    total: std::cell::OnceCell<Option<&'static str>>,
    /// The synonym groups its words name, read when first asked for.
    groups: std::cell::OnceCell<u64>,
}

impl Placed<'_> {
    /// Its words with generic words masked.
    fn masked(&self) -> &str {
        self.masked
            .get_or_init(|| masked_string(self.words(), '\u{2}'))
    }

    /// The synonym groups its words name (one bit each); none for a figure that is not a
    /// measure.
    fn groups(&self) -> u64 {
        *self.groups.get_or_init(|| {
            if self.is_measure() {
                synonym_groups(self.words(), false)
            } else {
                0
            }
        })
    }

    fn words(&self) -> &str {
        self.words.get_or_init(|| {
            if self.is_measure() {
                format!("{}{}", self.before, self.after)
            } else {
                String::new()
            }
        })
    }

    fn total(&self) -> Option<&'static str> {
        *self.total.get_or_init(|| {
            if self.is_measure() {
                total_word(self.before)
            } else {
                None
            }
        })
    }

    fn end(&self) -> usize {
        self.q.unit_span.as_ref().map_or(self.q.span.end, |u| u.end)
    }

    fn figure(&self, role: Role) -> Figure {
        Figure {
            role,
            span: self.q.span.start..self.end(),
            value: self.q.value,
            approx: self.q.approx,
            decimals: self.q.decimals,
            unit: self.q.unit.clone(),
            percent: self.q.kind == QuantityKind::Percent,
        }
    }

    fn is_count(&self) -> bool {
        self.q.kind == QuantityKind::Count && self.q.unit.is_some()
    }

    /// A count or an amount of money: what a rate may be computed from (追回率 of 万元).
    fn is_measure(&self) -> bool {
        self.is_count() || (self.q.kind == QuantityKind::Amount && self.q.unit.is_some())
    }

    fn unit(&self) -> &str {
        self.q.unit.as_deref().unwrap_or("")
    }
}

/// Whether the analysis takes its shortcuts: cheap tests that skip work which could not find
/// a statement. Always in the program; tests turn them off to check that the full analysis
/// finds exactly the same statements.
#[cfg(not(test))]
fn shortcuts() -> bool {
    true
}

#[cfg(test)]
thread_local! {
    static SHORTCUTS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

#[cfg(test)]
fn shortcuts() -> bool {
    SHORTCUTS.with(std::cell::Cell::get)
}

/// The statements of a document, in text order.
pub fn analyse(doc: &Document) -> Vec<Statement> {
    let placed = place(doc);
    let mut found = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        if p.q.kind == QuantityKind::Percent {
            if let Some(s) = percent_statement(doc, &placed, i) {
                found.push(s);
            }
        } else if p.unit().ends_with("百分点") {
            found.extend(points_statement(doc, &placed, i));
        } else if p.is_measure() {
            if let Some(s) = parts_statement(doc, &placed, i) {
                found.push(s);
            }
            if let Some(s) = nested_parts_statement(doc, &placed, i) {
                found.push(s);
            }
            if let Some(s) = sum_after_items_statement(doc, &placed, i) {
                found.push(s);
            }
        }
    }
    found.extend(repeated_statements(doc, &placed));
    found.sort_by_key(|s| (s.span.start, s.kind.name()));
    found
}

/// Places every quantity of the body text in its sentence and clause.
fn place(doc: &Document) -> Vec<Placed<'_>> {
    let mut placed = Vec::new();
    let mut next = 0;
    let quantities = &doc.quantities;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        while quantities
            .get(next)
            .is_some_and(|q| q.span.start < sentence.span.start)
        {
            next += 1;
        }
        let first = next;
        while quantities
            .get(next)
            .is_some_and(|q| q.span.start < sentence.span.end)
        {
            next += 1;
        }
        let in_sentence = quantities.get(first..next).unwrap_or(&[]);
        if in_sentence.is_empty() {
            continue;
        }
        let clauses = clauses_of(&doc.text, sentence.span.clone());
        let mut clause_at = 0;
        for (k, q) in in_sentence.iter().enumerate() {
            // Quantities and clauses are both in text order: one pass over the clauses.
            while clauses
                .get(clause_at)
                .is_some_and(|c| c.end <= q.span.start)
            {
                clause_at += 1;
            }
            let clause = clauses
                .get(clause_at)
                .filter(|c| c.start <= q.span.start)
                .cloned()
                .unwrap_or(sentence.span.clone());
            let previous_end = k
                .checked_sub(1)
                .and_then(|j| in_sentence.get(j))
                .map(|p| p.unit_span.as_ref().map_or(p.span.end, |u| u.end))
                .filter(|&e| e > clause.start && e <= q.span.start)
                .unwrap_or(clause.start);
            let end = q.unit_span.as_ref().map_or(q.span.end, |u| u.end);
            let next_start = in_sentence
                .get(k + 1)
                .map(|n| n.span.start)
                .filter(|&s| s < clause.end && s >= end)
                .unwrap_or(clause.end);
            placed.push(Placed {
                q,
                sentence: si,
                clause,
                before: doc.slice(&(previous_end..q.span.start)),
                after: doc.slice(&(end.min(next_start)..next_start)),
                words: std::cell::OnceCell::new(),
                masked: std::cell::OnceCell::new(),
                total: std::cell::OnceCell::new(),
                groups: std::cell::OnceCell::new(),
            });
        }
    }
    placed
}

/// Words after which a colon opens a list of figures rather than labelling one.
const LIST_WORDS: [&str; 8] = [
    "分别为",
    "分别是",
    "其中",
    "包括",
    "依次为",
    "主要有",
    "具体为",
    "分别",
];

/// The clauses of a sentence: split on `，、：,:` outside brackets and quotes, as
/// [`Document::clauses`] splits them, in one plain pass (an unmatched opener protects up to
/// the end of the sentence); a colon right before a figure joins a label to its value.
fn clauses_of(text: &str, sentence: Span) -> Vec<Span> {
    let mut clauses = Vec::new();
    let Some(slice) = text.get(sentence.clone()) else {
        return clauses;
    };
    let mut depth = 0usize;
    // Brackets open: whether each holds a list (（其中：A 48家，B 61家）), whose items are
    // clauses as outside brackets.
    let mut open: Vec<bool> = Vec::new();
    let mut start = sentence.start;
    for (i, c) in slice.char_indices() {
        match c {
            '（' | '(' | '《' | '“' | '‘' | '【' | '「' => {
                let inside = &slice[i + c.len_utf8()..];
                let list = matches!(c, '（' | '(')
                    && ["其中", "包括", "分别", "含"]
                        .iter()
                        .any(|w| inside.starts_with(w));
                open.push(list);
                if list {
                    clauses.push(start..sentence.start + i);
                    start = sentence.start + i + c.len_utf8();
                } else {
                    depth += 1;
                }
            }
            '）' | ')' | '》' | '”' | '’' | '】' | '」' if open.pop() != Some(true) => {
                depth = depth.saturating_sub(1);
            }
            // A colon right before a figure joins a label to its value (受理数：52件,
            // 办结率：98.1%): one clause. Other colons introduce what follows, as does one
            // after a list word (分别为：8件、12件).
            '：' | ':'
                if depth == 0
                    && slice[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit() || ('０'..='９').contains(&n))
                    && !LIST_WORDS.iter().any(|w| slice[..i].ends_with(w)) => {}
            '，' | '、' | '：' | ',' | ':' if depth == 0 => {
                clauses.push(start..sentence.start + i);
                start = sentence.start + i + c.len_utf8();
            }
            _ => {}
        }
    }
    clauses.push(start..sentence.end);
    clauses
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '〇'
}

/// Whether `text` ends with `word`, comparing last bytes first (no call to compare the rest
/// when they differ).
fn ends_with_word(text: &str, word: &str) -> bool {
    word.is_empty() || (text.as_bytes().last() == word.as_bytes().last() && text.ends_with(word))
}

/// Strips any of `words` from the end of `text`, repeatedly.
fn strip_words_end<'a>(mut text: &'a str, words: &[String]) -> &'a str {
    loop {
        let trimmed = text.trim_end_matches(|c: char| c.is_whitespace());
        match words.iter().find(|w| ends_with_word(trimmed, w)) {
            Some(w) => text = &trimmed[..trimmed.len() - w.len()],
            None => return trimmed,
        }
    }
}

/// The run of Chinese characters ending `text` (up to `max` characters).
fn han_tail(text: &str, max: usize) -> &str {
    let mut start = text.len();
    for (count, (i, c)) in text.char_indices().rev().enumerate() {
        if !is_han(c) || count >= max {
            break;
        }
        start = i;
    }
    &text[start..]
}

/// The length in bytes of the longest opening of `phrase` (two to four characters, shorter
/// than the phrase) that is in `set`.
fn opening_in(set: &WordSet, phrase: &str) -> Option<usize> {
    if !phrase.chars().next().is_some_and(|c| set.may_start(c)) {
        return None;
    }
    phrase
        .char_indices()
        .skip(2)
        .take(3)
        .map(|(at, _)| at)
        .filter(|&at| phrase.get(..at).is_some_and(|w| set.contains(w)))
        .last()
}

/// Drops neutral openings (全年, 目前, 全镇 …) from the start of a phrase, repeatedly.
fn strip_openings(mut phrase: &str) -> &str {
    let neutral = &vocabulary().automata.neutral;
    while let Some(at) = opening_in(neutral, phrase) {
        phrase = &phrase[at..];
    }
    phrase
}

/// The range a count may stand for: a figure rounded to 1000 (`2.3万`, precision -3) is
/// anything within half of that.
fn bounds(q: &Quantity) -> (f64, f64) {
    if q.decimals < 0 {
        let half = 10f64.powi(-i32::from(q.decimals)) / 2.0;
        (q.value - half, q.value + half)
    } else {
        (q.value, q.value)
    }
}

/// The range of a ratio `part / total` of two possibly rounded figures.
fn ratio_bounds(part: &Quantity, total: &Quantity) -> (f64, f64) {
    let (p_lo, p_hi) = bounds(part);
    let (t_lo, t_hi) = bounds(total);
    let t_lo = t_lo.max(f64::MIN_POSITIVE);
    (p_lo / t_hi, p_hi / t_lo)
}

/// Whether a stated ratio agrees with some value of a computed range at its written
/// precision: rounded (within half a unit of the last written digit) or truncated (below by
/// less than one unit).
fn agrees_range(stated: f64, decimals: i16, (lo, hi): (f64, f64)) -> bool {
    let unit = percent_unit(decimals);
    let noise = 1e-9;
    hi >= stated - unit / 2.0 - noise && lo < stated + unit - noise
}

/// Written precision's unit of a percentage, as a ratio: 99% → 0.01 / 100.
fn percent_unit(decimals: i16) -> f64 {
    10f64.powi(-i32::from(decimals.max(0))) / 100.0
}

fn percent_text(ratio: f64) -> String {
    let points = ratio * 100.0;
    let text = format!("{points:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}%")
}

fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// Masks the generic words of `text` (their characters never count as shared).
fn masked(text: &str, mask: char) -> Vec<char> {
    let Some(generic) = vocabulary().automata.generic.as_ref() else {
        return text.chars().collect();
    };
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    let mut at = 0;
    for m in generic.find_iter(text) {
        out.extend(text.get(at..m.start()).unwrap_or("").chars());
        out.extend(std::iter::repeat_n(
            mask,
            text.get(m.range()).unwrap_or("").chars().count(),
        ));
        at = m.end();
    }
    out.extend(text.get(at..).unwrap_or("").chars());
    out
}

/// [`masked`] as a string.
fn masked_string(text: &str, mask: char) -> String {
    let Some(generic) = vocabulary().automata.generic.as_ref() else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for m in generic.find_iter(text) {
        out.push_str(text.get(at..m.start()).unwrap_or(""));
        out.extend(std::iter::repeat_n(
            mask,
            text.get(m.range()).unwrap_or("").chars().count(),
        ));
        at = m.end();
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// How many Chinese characters of `text` are outside its generic words (those [`masked`]
/// leaves).
fn meaningful_chars(text: &str) -> usize {
    let count = |t: &str| t.chars().filter(|c| is_han(*c)).count();
    let Some(generic) = vocabulary().automata.generic.as_ref() else {
        return count(text);
    };
    let mut n = 0;
    let mut at = 0;
    for m in generic.find_iter(text) {
        n += count(text.get(at..m.start()).unwrap_or(""));
        at = m.end();
    }
    n + count(text.get(at..).unwrap_or(""))
}

/// The synonym groups `text` names (one bit per group, the first 64 groups); with
/// `ending_only`, only words that end the text.
fn synonym_groups(text: &str, ending_only: bool) -> u64 {
    let automata = &vocabulary().automata;
    let Some(synonyms) = automata.synonyms.as_ref() else {
        return 0;
    };
    let mut groups = 0u64;
    for m in synonyms.find_overlapping_iter(text) {
        if ending_only && m.end() != text.len() {
            continue;
        }
        if let Some(&g) = automata.synonym_group.get(m.pattern().as_usize()) {
            if g < 64 {
                groups |= 1 << g;
            }
        }
    }
    groups
}

/// A rate's subject, prepared for matching figures against it.
struct Subject {
    text: String,
    /// Its endings of two characters or more without generic words, longest first.
    endings: Vec<String>,
    /// The synonym groups of words it ends with.
    groups: u64,
}

impl Subject {
    fn new(text: &str) -> Subject {
        let chars = masked(text, '\u{1}');
        let endings = (0..chars.len().saturating_sub(1))
            .filter_map(|start| {
                let ending = chars.get(start..)?;
                ending
                    .iter()
                    .all(|c| is_han(*c))
                    .then(|| ending.iter().collect())
            })
            .collect();
        Subject {
            text: text.to_string(),
            endings,
            groups: synonym_groups(text, true),
        }
    }

    /// The longest ending of the subject the figure's words contain (two characters or more:
    /// what a rate counts is named last, 调解成功 → 成功, so sharing only its first words,
    /// 调解, does not make a figure its part). Every longer ending contains the shorter ones,
    /// so the search stops at the first ending the words lack.
    fn shared_ending(&self, c: &Placed<'_>) -> Option<&str> {
        // Masking only hides characters: an ending the words lack is not in the masked words
        // (their generic words are looked for only when it is there).
        let shortest = self.endings.last()?;
        if !c.words().contains(shortest.as_str()) {
            return None;
        }
        let masked = c.masked();
        self.endings
            .iter()
            .rev()
            .take_while(|e| masked.contains(e.as_str()))
            .last()
            .map(String::as_str)
    }

    /// How well a figure's words match: twice the characters of the shared ending, or 3 for
    /// a synonym; `None` when they do not match.
    fn score(&self, c: &Placed<'_>) -> Option<usize> {
        match self.shared_ending(c) {
            Some(e) => Some(e.chars().count() * 2),
            None => (self.groups != 0 && self.groups & c.groups() != 0).then_some(3),
        }
    }

    /// Why a figure matches, for the pairing line.
    fn why(&self, c: &Placed<'_>) -> Why {
        if let Some(shared) = self.shared_ending(c) {
            return Why::Shares(shared.to_string());
        }
        match synonym_link(&self.text, c.words()) {
            Some((s, w)) if s == w => Why::Shares(s),
            Some((subject, words)) => Why::Synonyms { subject, words },
            None => Why::Nothing,
        }
    }
}

/// Why a count was taken as a rate's part.
enum Why {
    /// It ends with the words the rate's subject ends with.
    Shares(String),
    /// Its words are a synonym of the subject's.
    Synonyms {
        subject: String,
        words: String,
    },
    Nothing,
}

impl Why {
    /// The words the count shares with the rate.
    fn shared(&self) -> Option<&str> {
        match self {
            Why::Shares(shared) => shared.split(' ').next(),
            _ => None,
        }
    }

    /// The reason in words, for the pairing line.
    fn text(&self) -> Message {
        match self {
            Why::Shares(shared) => crate::msg!("pair-shares-with-rate", shared = shared),
            Why::Synonyms { subject, words } => {
                crate::msg!("pair-synonyms", words = words, subject = subject)
            }
            Why::Nothing => Message::default(),
        }
    }
}

/// The synonym group words a subject ends with and a figure's words contain.
fn synonym_link(subject: &str, words: &str) -> Option<(String, String)> {
    for group in &vocabulary().synonyms {
        let in_subject = group
            .iter()
            .filter(|w| subject.ends_with(w.as_str()))
            .max_by_key(|w| w.len());
        let in_words = group
            .iter()
            .filter(|w| words.contains(w.as_str()))
            .max_by_key(|w| w.len());
        if let (Some(s), Some(w)) = (in_subject, in_words) {
            return Some((s.clone(), w.clone()));
        }
    }
    None
}

/// The total word a figure's words contain, if any (办理 only where it is not 办理完毕).
fn total_word(words: &str) -> Option<&'static str> {
    let vocabulary = vocabulary();
    let totals = vocabulary.automata.totals.as_ref()?;
    totals.find_overlapping_iter(words).find_map(|m| {
        let after = words.get(m.end()..).unwrap_or("");
        let finished = after.starts_with('完') || after.starts_with('结');
        if finished {
            return None;
        }
        vocabulary
            .totals
            .get(m.pattern().as_usize())
            .map(String::as_str)
    })
}

fn same_unit_class(a: &str, b: &str) -> bool {
    const PERSONS: &[&str] = &["人", "名", "位"];
    a == b || (PERSONS.contains(&a) && PERSONS.contains(&b))
}

fn contains_any<'v>(text: &str, words: &'v [String]) -> Option<&'v str> {
    words
        .iter()
        .find(|w| text.contains(w.as_str()))
        .map(String::as_str)
}

fn ends_with_any<'v>(text: &str, words: &'v [String]) -> Option<&'v str> {
    words
        .iter()
        .find(|w| ends_with_word(text, w))
        .map(String::as_str)
}

/// What a percentage is, from the words before it in its clause.
enum PercentRole {
    /// A rate `…率`; the subject is what precedes 率.
    Rate { subject: String, may_exceed: bool },
    /// `占比`, `占…的`: the share of the figure before it.
    ShareOf,
    /// A change: up (true) or down.
    Growth { up: bool, word: String },
    /// A rate at the start or end of a change (合格率由上年的92%提升至100.5%).
    Changing { subject: String, may_exceed: bool },
}

fn percent_role(p: &Placed<'_>, doc: &Document) -> Option<PercentRole> {
    let words = vocabulary();
    let clause_before = doc.slice(&(p.clause.start..p.q.span.start));
    let before = strip_words_end(clause_before, &words.links);
    let after = doc.slice(&(p.end()..p.clause.end));
    if let Some(subject) = changing_rate(doc, p) {
        let may_exceed = contains_any(&subject, &words.may_exceed).is_some();
        return Some(PercentRole::Changing {
            subject,
            may_exceed,
        });
    }
    // 办结率由95%提高到98%: a rate changing between periods, not a share of these counts.
    if before.ends_with('由') || before.ends_with("从") || before.contains("分别") {
        return None;
    }
    if [
        "提高", "提升", "上升", "下降", "增长", "降低", "减少", "增加",
    ]
    .iter()
    .any(|w| after.starts_with(w))
    {
        return None;
    }
    if let Some(w) = ends_with_any(before, &words.growth_up) {
        return Some(PercentRole::Growth {
            up: true,
            word: w.to_string(),
        });
    }
    if let Some(w) = ends_with_any(before, &words.growth_down) {
        return Some(PercentRole::Growth {
            up: false,
            word: w.to_string(),
        });
    }
    if ends_with_any(before, &words.not_shares).is_some() {
        return None;
    }
    let term = if before.ends_with('率') {
        Some('率'.len_utf8())
    } else if before.ends_with("满意度") || before.ends_with("知晓度") {
        Some('度'.len_utf8())
    } else {
        None
    };
    if let Some(term_len) = term {
        let stem = &before[..before.len() - term_len];
        let subject = strip_openings(han_tail(stem, 12)).to_string();
        if subject.is_empty() {
            return None;
        }
        let may_exceed = contains_any(&subject, &words.may_exceed).is_some();
        if !may_exceed && (subject.ends_with("增长") || subject.ends_with("增")) {
            return None;
        }
        return Some(PercentRole::Rate {
            subject,
            may_exceed,
        });
    }
    if ends_with_any(before, &words.share_words).is_some()
        || (han_tail(before, 12).contains('占') && before.ends_with('的'))
    {
        return Some(PercentRole::ShareOf);
    }
    None
}

fn percent_statement(doc: &Document, placed: &[Placed<'_>], i: usize) -> Option<Statement> {
    let p = placed.get(i)?;
    match percent_role(p, doc)? {
        PercentRole::Rate {
            subject,
            may_exceed,
        } => Some(rate_statement(doc, placed, p, subject, may_exceed)),
        PercentRole::ShareOf => Some(share_of_statement(doc, placed, p, i)),
        PercentRole::Growth { up, word } => Some(growth_statement(doc, placed, p, up, &word)),
        // Only a share above 100% is said of a rate changing between periods: its counts are
        // not those of one period.
        PercentRole::Changing {
            subject,
            may_exceed,
        } => (!may_exceed && !p.q.approx && p.q.value > 1.0 + 1e-9).then(|| {
            over_100(
                p,
                subject.clone(),
                crate::msg!("pair-rate-over-100-in-change", subject = subject),
            )
        }),
    }
}

/// The counts a rate in sentence `sentence` may be computed from: that sentence's and the
/// previous sentence's of the same paragraph.
fn window<'a, 'd>(
    doc: &Document,
    placed: &'a [Placed<'d>],
    rate: &Placed<'_>,
) -> Vec<(usize, &'a Placed<'d>)> {
    let sentence = rate.sentence;
    let paragraph = doc.sentences.get(sentence).map(|s| s.paragraph);
    let same_paragraph = |s: &usize| doc.sentences.get(*s).map(|x| x.paragraph) == paragraph;
    let mut previous = sentence.checked_sub(1).filter(same_paragraph);
    // Sentences joined by semicolons (受理数：52件；办结数：50件；办结率：98.1%) are one
    // statement: the window reaches back over them, up to four.
    for _ in 0..4 {
        let Some(p) = previous else { break };
        let joined = doc
            .sentences
            .get(p)
            .is_some_and(|x| doc.slice(&x.span).trim_end().ends_with(['；', ';']));
        match p.checked_sub(1).filter(same_paragraph) {
            Some(earlier) if joined => previous = Some(earlier),
            _ => break,
        }
    }
    near(placed, rate, previous.unwrap_or(sentence), sentence)
        .filter(|(_, c)| c.is_measure())
        .collect()
}

/// The sum written after the rows of a list of shares (食品类36件，占比40%；药品类24件，占比
/// 26.7%；合计90件): a count of the part's unit right after 合计, 共计 or 总计, in the share's
/// sentence or one of the next sentences joined to it by semicolons (up to four), in the same
/// paragraph.
fn sum_after<'a, 'd>(
    doc: &Document,
    placed: &'a [Placed<'d>],
    rate: &Placed<'_>,
    part: &Placed<'_>,
) -> Option<(usize, &'a Placed<'d>)> {
    let paragraph = doc.sentences.get(rate.sentence)?.paragraph;
    let mut last = rate.sentence;
    for _ in 0..4 {
        let joined = doc
            .sentences
            .get(last)
            .is_some_and(|x| doc.slice(&x.span).trim_end().ends_with(['；', ';']));
        let next_in_paragraph = doc
            .sentences
            .get(last + 1)
            .is_some_and(|x| x.paragraph == paragraph);
        if !(joined && next_in_paragraph) {
            break;
        }
        last += 1;
    }
    placed
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.q.span.start > rate.q.span.start
                && (rate.sentence..=last).contains(&c.sentence)
                && c.is_count()
                && c.unit() == part.unit()
        })
        .find(|(_, c)| {
            let before = c.before.trim_end_matches(['为', '：', ':']).trim_end();
            // 其中…合计 is the sum of a part, not of the list.
            ["合计", "共计", "总计"].iter().any(|w| before.ends_with(w))
                && !doc
                    .slice(&(c.clause.start..c.q.span.start))
                    .contains("其中")
        })
}

/// The counts of the sentence after a rate's (of the same paragraph), unless that sentence is
/// qualified (a period, 其中, a year): where a rate stated first finds its counts.
fn window_ahead<'a, 'd>(
    doc: &Document,
    placed: &'a [Placed<'d>],
    rate: &Placed<'_>,
) -> Vec<(usize, &'a Placed<'d>)> {
    let next = rate.sentence + 1;
    let paragraph = doc.sentences.get(rate.sentence).map(|s| s.paragraph);
    if doc.sentences.get(next).map(|s| s.paragraph) != paragraph
        || first_qualifier_end(doc, next).is_some()
    {
        return Vec::new();
    }
    near(placed, rate, next, next)
        .filter(|(_, c)| c.is_measure() && c.sentence == next)
        .collect()
}

type PartKey = (usize, bool, bool, std::cmp::Reverse<usize>);

/// The count of `candidates` whose words best match a rate's subject, and how well.
fn choose_part(
    matcher: &Subject,
    candidates: &[(usize, &Placed<'_>)],
    rate: &Placed<'_>,
) -> (Option<usize>, Option<PartKey>) {
    let mut best: Option<usize> = None;
    let mut best_key = None;
    for &(k, c) in candidates {
        let Some(score) = matcher.score(c) else {
            continue;
        };
        // A total word makes a figure the total, unless the subject's own words are there.
        let marked = c.total().is_some();
        if marked && matcher.shared_ending(c).is_none() {
            continue;
        }
        let key = (
            score,
            c.sentence == rate.sentence,
            !marked,
            std::cmp::Reverse(c.q.span.start.abs_diff(rate.q.span.start)),
        );
        if best_key.as_ref().is_none_or(|b| key > *b) {
            best = Some(k);
            best_key = Some(key);
        }
    }
    (best, best_key)
}

/// How many figures on either side of a statement's figure are looked at: a statement's
/// figures are written close together, and the bound keeps a sentence of thousands of figures
/// linear.
const REACH: usize = 48;

/// The placed quantities of sentences `first..=last` within [`REACH`] places of `at`.
fn near<'a, 'd>(
    placed: &'a [Placed<'d>],
    at: &Placed<'_>,
    first: usize,
    last: usize,
) -> impl Iterator<Item = (usize, &'a Placed<'d>)> {
    let index = placed.partition_point(|p| p.q.span.start < at.q.span.start);
    let from = placed
        .partition_point(|p| p.sentence < first)
        .max(index.saturating_sub(REACH));
    let to = placed
        .partition_point(|p| p.sentence <= last)
        .min(index + REACH + 1);
    placed
        .get(from..to.max(from))
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(move |(k, p)| (from + k, p))
}

fn unchecked(reason: Message) -> Verdict {
    Verdict::Unchecked { reason }
}

fn over_100(rate: &Placed<'_>, subject: String, pairing: Message) -> Statement {
    Statement {
        kind: StatementKind::Share,
        span: rate.figure(Role::Rate).span,
        subject,
        figures: vec![rate.figure(Role::Rate)],
        verdict: Verdict::Inconsistent {
            expected: format!("{} > 100%", percent_text(rate.q.value)),
        },
        pairing,
    }
}

fn rate_statement(
    doc: &Document,
    placed: &[Placed<'_>],
    rate: &Placed<'_>,
    subject: String,
    may_exceed: bool,
) -> Statement {
    let mut statement = Statement {
        kind: StatementKind::Rate,
        span: rate.figure(Role::Rate).span,
        subject: subject.clone(),
        figures: vec![rate.figure(Role::Rate)],
        // Set on every path below (a message is formatted only when it is the verdict).
        verdict: Verdict::Consistent,
        pairing: Message::default(),
    };
    if may_exceed {
        statement.verdict = unchecked(crate::msg!("stmt-not-a-share"));
        return statement;
    }
    if rate.q.value > 1.0 + 1e-9 && !rate.q.approx {
        return over_100(
            rate,
            subject.clone(),
            crate::msg!("pair-rate-over-100", subject = subject),
        );
    }
    let matcher = Subject::new(&subject);
    // The part: the count whose words best match the subject; the rate's own sentence first.
    // A rate stated before its counts (合格率达到95%。本年度共抽查120卷，合格的102卷。) is
    // paired with the next sentence's when the sentences up to the rate have no such count and
    // the next one is not qualified (上半年, 其中, a year).
    let mut candidates = window(doc, placed, rate);
    let (mut best, mut best_key) = choose_part(&matcher, &candidates, rate);
    if best.is_none() {
        let ahead = window_ahead(doc, placed, rate);
        if !ahead.is_empty() {
            (best, best_key) = choose_part(&matcher, &ahead, rate);
            candidates = ahead;
        }
    }
    let part_score = best_key.as_ref().map_or(0, |k| k.0);
    let Some(part_index) = best else {
        statement.verdict = unchecked(crate::msg!("stmt-no-count-for-subject", subject = subject));
        return statement;
    };
    let Some(part) = placed.get(part_index) else {
        statement.verdict = unchecked(crate::msg!("stmt-no-part"));
        return statement;
    };
    let part_why = matcher.why(part);
    // 共受理300件，调解成功296件，成功率98.7%。共调解512件，…，调解成功率97.8%: a rate whose
    // own sentence states a total of the part's unit is about that sentence's counts, not
    // about the part found in the sentence before.
    let own_total = part.sentence != rate.sentence
        && candidates.iter().any(|(_, c)| {
            c.sentence == rate.sentence
                && c.total().is_some()
                && same_unit_class(c.unit(), part.unit())
        });
    if own_total {
        statement.verdict = unchecked(crate::msg!("stmt-total-in-rate-sentence"));
        return statement;
    }
    // 局主要负责人出庭应诉2件，其他负责人出庭应诉4件，负责人出庭应诉率100%: another count of
    // the part's sentence names the subject as well as the part does; and 维持5件、撤销1件、
    // 确认违法1件，纠错率28.6%: a part found through a synonym is one item of a list whose other
    // items may count too. Either way the rate may be of a sum: not checked.
    let rival = part_why.shared().is_some_and(|shared| {
        candidates.iter().any(|(k, c)| {
            *k != part_index
                && c.sentence == part.sentence
                && same_unit_class(c.unit(), part.unit())
                && c.before.contains(shared)
                && matcher.score(c) == Some(part_score)
                // 共审核23件, 应参考32人: the total, unless its total word is part of the
                // subject (出庭应诉 holds 应诉).
                && c.total().is_none_or(|w| shared.contains(w))
                // 化解70件，其中村级化解52件: a part of the part, not another one.
                && !doc.slice(&(c.clause.start..c.q.span.start)).contains("其中")
        })
    });
    let listed = matches!(part_why, Why::Synonyms { .. })
        && candidates.iter().any(|(_, c)| {
            c.sentence == part.sentence
                && same_unit_class(c.unit(), part.unit())
                && (listed_together(doc, c, part) || listed_together(doc, part, c))
        });
    if rival || listed {
        statement.figures.push(part.figure(Role::Part));
        statement.verdict = unchecked(crate::msg!("stmt-part-may-be-a-sum"));
        return statement;
    }
    statement.figures.push(part.figure(Role::Part));
    let part_text = doc.slice(&(part.q.span.start..part.end()));
    // The total: a count of the same unit marked as a total in the part's sentence; else the
    // count written just before the part in its sentence, not smaller than it; else a marked
    // count of the same unit in the other sentence.
    let marked = |same_sentence: bool| {
        candidates
            .iter()
            .filter(|(k, c)| {
                *k != part_index
                    && (c.sentence == part.sentence) == same_sentence
                    && same_unit_class(c.unit(), part.unit())
                    && c.total().is_some()
                    // A count of the part's sentence smaller than the part is no total of it
                    // (其中一季度受理486件 beside 按期答复1353件).
                    && (!same_sentence || c.q.value >= part.q.value)
            })
            .min_by_key(|(_, c)| {
                (
                    c.q.span.start > part.q.span.start,
                    c.q.span.start.abs_diff(part.q.span.start),
                )
            })
            .map(|(_, t)| (*t, true))
    };
    let just_before = || {
        candidates
            .iter()
            .filter(|(k, c)| *k < part_index && c.sentence == part.sentence)
            .last()
            .filter(|(_, t)| {
                same_unit_class(t.unit(), part.unit())
                    && t.q.value >= part.q.value
                    && matcher.score(t).is_none_or(|s| s < part_score)
                    && !listed_together(doc, t, part)
            })
            .map(|(_, t)| (*t, false))
    };
    // Why the total was taken, formatted only for the one taken.
    let total_why = |(t, marked): (&Placed<'_>, bool)| {
        if marked {
            let word = t.total().unwrap_or("");
            crate::msg!("pair-total-marked", word = word, unit = t.unit())
        } else {
            crate::msg!("pair-total-just-before", unit = t.unit())
        }
    };
    let Some((total, is_marked)) = marked(true).or_else(just_before).or_else(|| marked(false))
    else {
        statement.verdict = unchecked(crate::msg!(
            "stmt-no-total-for-part",
            unit = part.unit(),
            part = part_text
        ));
        statement.pairing = crate::msg!("pair-rate-part", part = part_text, why = part_why.text());
        return statement;
    };
    statement.figures.push(total.figure(Role::Total));
    let total_text = doc.slice(&(total.q.span.start..total.end()));
    statement.pairing = crate::msg!(
        "pair-rate-part-total",
        part = part_text,
        part_why = part_why.text(),
        total = total_text,
        total_why = total_why((total, is_marked))
    );
    // The counts must be about what the rate names besides its ending: 行政复议案件办结率 is
    // not computed from 办结信访件45件, nor 当庭调解率 from 调解结案58件.
    let qualifier = subject_qualifier(&subject, &part_why);
    let about = format!("{}{}", part.words(), total.words());
    if qualifier.chars().count() >= 2 && !shares_two(&qualifier, &about) {
        statement.verdict = unchecked(crate::msg!(
            "stmt-counts-not-qualified",
            qualifier = qualifier
        ));
        return statement;
    }
    // Other readings of the figures (another count matching the subject as well, the count
    // just before the part as its total): any that agrees keeps the rate unaccused.
    let other_parts: Vec<&Placed<'_>> = candidates
        .iter()
        .filter(|(k, c)| {
            *k != part_index
                && same_unit_class(c.unit(), part.unit())
                && matcher.score(c).is_some_and(|s| s >= part_score)
        })
        .map(|(_, c)| *c)
        .collect();
    let other_totals: Vec<&Placed<'_>> = [marked(true), just_before(), marked(false)]
        .into_iter()
        .flatten()
        .map(|(t, _)| t)
        .collect();
    let unmatched_modifier = vocabulary()
        .modifiers
        .iter()
        .find(|m| subject.contains(m.as_str()) && !part.words().contains(m.as_str()));
    let another_reading_agrees = std::iter::once(part)
        .chain(other_parts.iter().copied())
        .any(|p| {
            other_totals.iter().any(|t| {
                !std::ptr::eq(p, *t)
                    && !p.q.approx
                    && !t.q.approx
                    && t.q.value > 0.0
                    && agrees_range(rate.q.value, rate.q.decimals, ratio_bounds(p.q, t.q))
            })
        });
    statement.verdict = if rate.q.approx {
        unchecked(crate::msg!("stmt-rate-approx"))
    } else if part.q.approx {
        unchecked(crate::msg!("stmt-part-approx"))
    } else if total.q.approx {
        unchecked(crate::msg!("stmt-total-approx"))
    } else if total.q.value <= 0.0 {
        unchecked(crate::msg!("stmt-total-zero"))
    } else {
        let computed = part.q.value / total.q.value;
        if agrees_range(rate.q.value, rate.q.decimals, ratio_bounds(part.q, total.q)) {
            Verdict::Consistent
        } else if let Some(modifier) = unmatched_modifier {
            // 办结118件 but 按期办结率: the rate may count the 按期 among the 118 or among the
            // total; the count of 按期 ones is not written.
            unchecked(crate::msg!("stmt-part-not-qualified", modifier = modifier))
        } else if another_reading_agrees {
            unchecked(crate::msg!("stmt-other-reading-agrees"))
        } else {
            ratio_disagrees(part.q, total.q, computed)
        }
    };
    statement
}

/// What a rate's subject names besides the words its part matched: 行政复议案件 of
/// 行政复议案件办结 matched on 办结, without generic words and neutral openings.
fn subject_qualifier(subject: &str, part_why: &Why) -> String {
    let mut rest = subject.to_string();
    if let Some(shared) = part_why.shared() {
        rest = rest.replace(shared, "");
    }
    for w in vocabulary().synonyms.iter().flatten() {
        if rest.ends_with(w.as_str()) {
            rest.truncate(rest.len() - w.len());
        }
    }
    let masked = masked_string(strip_openings(&rest), ' ');
    masked
        .split(' ')
        .max_by_key(|p| p.len())
        .unwrap_or("")
        .to_string()
}

/// Whether two texts share two consecutive Chinese characters.
fn shares_two(a: &str, b: &str) -> bool {
    let chars: Vec<char> = a.chars().collect();
    chars
        .windows(2)
        .any(|w| w.iter().all(|c| is_han(*c)) && b.contains(&w.iter().collect::<String>()))
}

/// `其中A 30件，占比60%`: the count right before the share is its part; the total is the
/// marked count of the same unit.
fn share_of_statement(
    doc: &Document,
    placed: &[Placed<'_>],
    rate: &Placed<'_>,
    i: usize,
) -> Statement {
    let mut statement = Statement {
        kind: StatementKind::Rate,
        span: rate.figure(Role::Rate).span,
        subject: "占比".to_string(),
        figures: vec![rate.figure(Role::Rate)],
        // Set on every path below (a message is formatted only when it is the verdict).
        verdict: Verdict::Consistent,
        pairing: Message::default(),
    };
    if rate.q.value > 1.0 + 1e-9 && !rate.q.approx {
        return over_100(rate, "占比".to_string(), crate::msg!("pair-share-over-100"));
    }
    // The part: the last count before the share in its sentence; when the share names what it
    // is of (路政类案件占比, 合格以上比例), the last one whose words hold that name, and none
    // when no count's words do (合格以上 is 优秀 and 合格 together, no count of its own).
    let before_in_sentence = || {
        placed
            .get(..i)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, c)| c.sentence == rate.sentence)
            .filter(|(_, c)| c.q.kind != QuantityKind::Percent)
    };
    let named = share_name(rate);
    let part = match &named {
        Some(name) => {
            before_in_sentence().find(|(_, c)| c.is_count() && c.words().contains(name.as_str()))
        }
        None => before_in_sentence().next(),
    };
    let Some((part_index, part)) = part.filter(|(_, c)| c.is_count()) else {
        statement.verdict = match named {
            Some(name) => unchecked(crate::msg!("stmt-no-count-for-subject", subject = name)),
            None => unchecked(crate::msg!("stmt-no-count-before-share")),
        };
        return statement;
    };
    statement.figures.push(part.figure(Role::Part));
    // A count after 其中 is a part, whatever verb it names (其中适用简易程序办理的43件), and so
    // is every later item of that list (其中道路运输类231件、路政类176件).
    let sentence_start = doc
        .sentences
        .get(part.sentence)
        .map_or(part.clause.start, |s| s.span.start);
    let among = doc
        .slice(&(sentence_start..part.q.span.start))
        .rfind("其中")
        .map(|at| sentence_start + at);
    let after_among = among.is_some();
    if part.total().is_some() && !after_among {
        statement.verdict = unchecked(crate::msg!("stmt-count-before-share-is-total"));
        return statement;
    }
    // After 其中 the total is the count the list is of: the last of the part's unit before
    // 其中, whatever its verb (查办案件160件，其中…); otherwise the last marked total.
    let among_at = among;
    let total = window(doc, placed, rate)
        .into_iter()
        .filter(|(k, c)| {
            *k < part_index
                && c.unit() == part.unit()
                && c.is_count()
                && !of_another_year(doc, c)
                && match among_at {
                    Some(at) => c.q.span.start < at,
                    None => c.total().is_some(),
                }
        })
        .last();
    // A table flattened to text gives the sum after its rows (食品类36件，占比40%；…；合计90件).
    let (total, sum_after) = match total {
        Some(t) => (Some(t), None),
        None => {
            let sum = sum_after(doc, placed, rate, part);
            (
                sum,
                sum.map(|(_, c)| c.before.trim_end_matches(['为', '：', ':']).trim_end()),
            )
        }
    };
    let part_text = doc.slice(&(part.q.span.start..part.end()));
    let Some((_, total)) = total else {
        statement.verdict = unchecked(crate::msg!("stmt-no-total-of-unit", unit = part.unit()));
        statement.pairing = crate::msg!("pair-share-part", part = part_text);
        return statement;
    };
    // 占全县规上企业总数的15%: the share is of what follows 占, which must be the total's.
    let before_share = doc.slice(&(rate.clause.start..rate.q.span.start));
    if let Some(at) = before_share.rfind('占') {
        let reference = before_share[at + '占'.len_utf8()..]
            .replace("的", "")
            .replace("比重", "")
            .replace("比例", "")
            .replace("总数", "")
            .replace("总量", "")
            .replace('比', "");
        let reference = strip_words_end(&reference, &vocabulary().links).to_string();
        let other_scope = vocabulary()
            .scopes
            .iter()
            .any(|w| reference.contains(w.as_str()) && !total.words().contains(w.as_str()));
        if other_scope {
            statement.verdict =
                unchecked(crate::msg!("stmt-share-of-other", reference = reference));
            return statement;
        }
    }
    statement.figures.push(total.figure(Role::Total));
    let total_text = doc.slice(&(total.q.span.start..total.end()));
    statement.pairing = match sum_after {
        Some(before) => crate::msg!(
            "pair-share-part-sum-after",
            part = part_text,
            total = total_text,
            word = ["合计", "共计", "总计"]
                .into_iter()
                .find(|w| before.ends_with(w))
                .unwrap_or(""),
            unit = total.unit()
        ),
        None if among_at.is_some() => crate::msg!(
            "pair-share-part-total-among",
            part = part_text,
            total = total_text,
            unit = total.unit()
        ),
        None => crate::msg!(
            "pair-share-part-total",
            part = part_text,
            total = total_text,
            word = total.total().unwrap_or(""),
            unit = total.unit()
        ),
    };
    statement.verdict = if rate.q.approx || part.q.approx || total.q.approx {
        unchecked(crate::msg!("stmt-figure-approx"))
    } else if total.q.value <= 0.0 {
        unchecked(crate::msg!("stmt-total-zero"))
    } else {
        let computed = part.q.value / total.q.value;
        if agrees_range(rate.q.value, rate.q.decimals, ratio_bounds(part.q, total.q)) {
            Verdict::Consistent
        } else {
            ratio_disagrees(part.q, total.q, computed)
        }
    };
    statement
}

/// Whether a count is last year's or another year's (去年同期, 较2023年, （2023年为395件）): a
/// figure right after a year other than the report's (any year, when the report's is not
/// known).
fn of_another_year(doc: &Document, c: &Placed<'_>) -> bool {
    if previous_mark(c.before).is_some() {
        return true;
    }
    let Some((0, year, words)) = period_of(c.before) else {
        return false;
    };
    let right_after = c
        .before
        .trim_end_matches(['为', '是', '有', '共'])
        .ends_with(words.as_str());
    right_after
        && doc
            .facts
            .report_year
            .as_ref()
            .is_none_or(|(y, _)| i64::from(*y) != i64::from(year))
}

/// Whether two counts are items of one list joined by 、 (维持5件、撤销1件): the earlier is a
/// sibling of the later, not its total.
fn listed_together(doc: &Document, earlier: &Placed<'_>, later: &Placed<'_>) -> bool {
    let between = doc.slice(&(earlier.end().min(later.q.span.start)..later.q.span.start));
    between.contains('、') && !between.contains(['，', ',', '：', ':', '；', ';'])
}

/// What a share written without 率 names as its part (路政类案件占比 → 路政类, 合格以上比例 →
/// 合格以上): the Chinese words before the share word, without neutral openings and generic
/// words (案件, 各类 …), their longest run; `None` when two characters or fewer remain
/// (其中 …，占比45%).
fn share_name(rate: &Placed<'_>) -> Option<String> {
    let words = vocabulary();
    let before = strip_words_end(rate.before, &words.links);
    // 合格以上占实考人数的97.7%: the name is before 占.
    let head = match ends_with_any(before, &words.share_words) {
        Some(share) => &before[..before.len() - share.len()],
        None if before.ends_with('的') => &before[..before.rfind('占')?],
        None => return None,
    };
    let named = strip_openings(han_tail(head, 12));
    let core = masked_string(named, ' ');
    let core = core.split(' ').max_by_key(|w| w.chars().count())?;
    (core.chars().count() > 2).then(|| core.to_string())
}

/// The verdict on a stated share that part ÷ total does not give, with the arithmetic.
fn ratio_disagrees(part: &Quantity, total: &Quantity, computed: f64) -> Verdict {
    Verdict::Inconsistent {
        expected: format!(
            "{} / {} = {}",
            number_text(part.value),
            number_text(total.value),
            percent_text(computed)
        ),
    }
}

/// The words before a rate's value at the start of a change (`X率由上年的`, `X率从`), as a
/// byte offset where they end, and the rate's subject.
fn changing_rate_start(head: &str) -> Option<String> {
    let words = vocabulary();
    let head = head.trim_end();
    let head = head.strip_suffix('的').unwrap_or(head);
    let head = strip_words_end(head, &words.previous);
    let head = head
        .strip_suffix('年')
        .map(|h| h.trim_end_matches(|c: char| c.is_ascii_digit()))
        .unwrap_or(head);
    let head = head
        .strip_suffix('由')
        .or_else(|| head.strip_suffix('从'))?;
    let stem = head
        .strip_suffix('率')
        .or_else(|| {
            head.strip_suffix("满意度")
                .map(|h| &head[..h.len() + "满意".len()])
        })
        .or_else(|| {
            head.strip_suffix("知晓度")
                .map(|h| &head[..h.len() + "知晓".len()])
        })?;
    if ends_with_any(head, &words.not_shares).is_some() {
        return None;
    }
    let subject = strip_openings(han_tail(stem, 12)).to_string();
    (!subject.is_empty()).then_some(subject)
}

/// The subject of the rate a percentage is the start or end value of: `合格率由上年的92%` (start)
/// and `…92%提升至100.5%` (end).
fn changing_rate(doc: &Document, p: &Placed<'_>) -> Option<String> {
    let head = doc.slice(&(p.clause.start..p.q.span.start));
    if let Some(subject) = changing_rate_start(head) {
        return Some(subject);
    }
    let word = ends_with_any(head, &vocabulary().change_to)?;
    let head = &head[..head.len() - word.len()];
    let start = head.trim_end_matches(['%', '％']);
    if start.len() == head.len() {
        return None;
    }
    let start = start.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    changing_rate_start(start)
}

/// `由上年的12.5%上升至15.8%，提高了3.3个百分点`: a change in percentage points checked against
/// the start and end values written next to it (the pair right before it in its sentence, or
/// right after it).
fn points_statement(doc: &Document, placed: &[Placed<'_>], i: usize) -> Option<Statement> {
    let words = vocabulary();
    let points = placed.get(i)?;
    let head = doc.slice(&(points.clause.start..points.q.span.start));
    let head = strip_words_end(head, &words.links);
    let head = head.strip_suffix('了').unwrap_or(head);
    let word = ends_with_any(head, &words.growth_up)
        .or_else(|| ends_with_any(head, &words.growth_down))?;
    // The start and end values: a percentage after 由 / 从 and the next one after 至 / 到.
    let pairs: Vec<(&Placed<'_>, &Placed<'_>)> =
        near(placed, points, points.sentence, points.sentence)
            .zip(near(placed, points, points.sentence, points.sentence).skip(1))
            .filter(|((_, a), (_, b))| {
                a.q.kind == QuantityKind::Percent
                    && b.q.kind == QuantityKind::Percent
                    && a.clause == b.clause
                    && {
                        let head = doc.slice(&(a.clause.start..a.q.span.start));
                        head.trim_end()
                            .trim_end_matches('的')
                            .ends_with(['由', '从'])
                            || strip_words_end(head.trim_end_matches('的'), &words.previous)
                                .ends_with(['由', '从'])
                    }
                    && {
                        let between = doc.slice(&(a.end()..b.q.span.start));
                        words.change_to.iter().any(|w| between.trim() == w)
                    }
            })
            .map(|((_, a), (_, b))| (a, b))
            .collect();
    let pair = pairs
        .iter()
        .filter(|(_, b)| b.end() <= points.q.span.start)
        .max_by_key(|(_, b)| b.q.span.start)
        .or_else(|| {
            pairs
                .iter()
                .filter(|(a, _)| a.q.span.start > points.end())
                .min_by_key(|(a, _)| a.q.span.start)
        })
        .copied()
        .or_else(|| compared_pair(doc, placed, points))?;
    // No other percentage between the pair and the points.
    let (lo, hi) = if pair.1.end() <= points.q.span.start {
        (pair.0.end().max(pair.1.end()), points.q.span.start)
    } else {
        (points.end(), pair.0.q.span.start)
    };
    if placed
        .iter()
        .skip(i.saturating_sub(REACH))
        .take(2 * REACH)
        .any(|c| c.q.kind == QuantityKind::Percent && c.q.span.start >= lo && c.q.span.start < hi)
    {
        return None;
    }
    let (start, end) = pair;
    let text = |p: &Placed<'_>| doc.slice(&(p.q.span.start..p.end())).to_string();
    let mut statement = Statement {
        kind: StatementKind::Growth,
        span: points.figure(Role::Growth).span,
        subject: word.to_string(),
        figures: vec![
            points.figure(Role::Growth),
            end.figure(Role::Current),
            start.figure(Role::Previous),
        ],
        verdict: Verdict::Consistent,
        pairing: crate::msg!("pair-points", start = text(start), end = text(end)),
    };
    let difference = ((end.q.value - start.q.value) * 100.0).abs();
    // Each written value may be rounded at its precision; the points at theirs (or truncated).
    let slack = |p: &Placed<'_>| 10f64.powi(-i32::from(p.q.decimals.max(0))) / 2.0;
    let (lo, hi) = (
        difference - slack(start) - slack(end),
        difference + slack(start) + slack(end),
    );
    let unit = 10f64.powi(-i32::from(points.q.decimals.max(0)));
    let stated = points.q.value;
    statement.verdict = if points.q.approx || start.q.approx || end.q.approx {
        unchecked(crate::msg!("stmt-figure-approx"))
    } else if hi >= stated - unit / 2.0 - 1e-9 && lo < stated + unit - 1e-9 {
        Verdict::Consistent
    } else {
        let diff = format!("{difference:.2}");
        let diff = diff.trim_end_matches('0').trim_end_matches('.');
        Verdict::Inconsistent {
            expected: format!("{} − {} = {diff}", text(end), text(start)),
        }
    };
    Some(statement)
}

/// `可办率为82%，较2023年的76%上升了8个百分点`: the previous value right before the points,
/// after 较 / 比 and a period, in the points' clause; the current value the rate's percentage
/// before it in the sentence, with no other percentage between. `(start, end)`.
fn compared_pair<'a, 'd>(
    doc: &Document,
    placed: &'a [Placed<'d>],
    points: &Placed<'_>,
) -> Option<(&'a Placed<'d>, &'a Placed<'d>)> {
    let percents: Vec<&Placed<'_>> = near(placed, points, points.sentence, points.sentence)
        .map(|(_, c)| c)
        .filter(|c| c.q.kind == QuantityKind::Percent && c.q.span.start < points.q.span.start)
        .collect();
    let [.., end, start] = percents.as_slice() else {
        return None;
    };
    let compared = ["较", "比", "与"].iter().any(|w| start.before.contains(w));
    if start.clause != points.clause || !compared || previous_mark(start.before).is_none() {
        return None;
    }
    // Only the change word between the previous value and the points.
    let between = doc.slice(&(start.end()..points.q.span.start));
    let between = strip_words_end(between.trim(), &vocabulary().links);
    let between = between.strip_suffix('了').unwrap_or(between);
    let words = vocabulary();
    let change_only = words
        .growth_up
        .iter()
        .chain(words.growth_down.iter())
        .any(|w| between == w);
    // The current value names a rate (可办率为82%).
    let names_rate = doc
        .slice(&(end.clause.start..end.q.span.start))
        .contains('率');
    (change_only && names_rate).then_some((*start, *end))
}

/// Where the words marking a figure as the previous period's end in its words (去年同期, 上年,
/// 较2023年), and the words.
fn previous_mark(before: &str) -> Option<(usize, String)> {
    let word = vocabulary()
        .previous
        .iter()
        .filter_map(|w| before.rfind(w.as_str()).map(|at| (at + w.len(), w.clone())))
        .max_by_key(|(end, w)| (*end, w.len()));
    // 较2023年的1800万元, 比2023年的40件, 与2023年同期的: a year compared against.
    let year = ["较", "比", "与", "相比"].iter().find_map(|w| {
        let at = before.rfind(w)? + w.len();
        let rest = &before[at..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (digits == 4 && rest[digits..].starts_with('年')).then(|| {
            (
                at + digits + '年'.len_utf8(),
                format!("{w}{}", &rest[..digits + 3]),
            )
        })
    });
    [word, year]
        .into_iter()
        .flatten()
        .max_by_key(|(end, _)| *end)
}

/// The last period named in `text`: a year `2023年` (kind 0), a quarter `三季度` (1), a month
/// `11月` (2) or a half year `上半年` (3), with its rank and words.
fn period_of(text: &str) -> Option<(u8, u32, String)> {
    const CHINESE: &[(char, u32)] = &[
        ('一', 1),
        ('二', 2),
        ('三', 3),
        ('四', 4),
        ('五', 5),
        ('六', 6),
        ('七', 7),
        ('八', 8),
        ('九', 9),
        ('十', 10),
    ];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut last = None;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let before: Vec<char> = chars[..k].iter().rev().take(4).map(|(_, c)| *c).collect();
        let next = chars.get(k + 1).map(|(_, c)| *c);
        // Full-width digits (２０２３年) read as their half-width forms.
        let digits: String = before
            .iter()
            .map_while(|&c| half_width_digit(c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let chinese: Vec<u32> = before
            .iter()
            .take_while(|c| CHINESE.iter().any(|(d, _)| d == *c))
            .filter_map(|c| CHINESE.iter().find(|(d, _)| d == c).map(|(_, v)| *v))
            .collect();
        // 十二 → [2, 10] reversed; 十 → [10]; 三 → [3].
        let chinese_value = match chinese.as_slice() {
            [v] => Some(*v),
            [u, 10] => Some(10 + u),
            _ => None,
        };
        let number = digits.parse::<u32>().ok().or(chinese_value);
        let found = match c {
            '年' if digits.len() == 4 => number.map(|y| (0, y)),
            '年' if k >= 2 && text[..at].ends_with("上半") => Some((3, 1)),
            '年' if k >= 2 && text[..at].ends_with("下半") => Some((3, 2)),
            '季' if next == Some('度') => number.filter(|n| (1..=4).contains(n)).map(|n| (1, n)),
            '月' if digits.len() <= 2 => number.filter(|n| (1..=12).contains(n)).map(|n| (2, n)),
            _ => None,
        };
        if let Some((kind, rank)) = found {
            let start = chars
                .get(k.saturating_sub(if kind == 0 { 4 } else { 2 }))
                .map_or(0, |(i, _)| *i);
            let end = at + c.len_utf8() + if c == '季' { '度'.len_utf8() } else { 0 };
            last = Some((kind, rank, text[start..end.min(text.len())].to_string()));
        }
    }
    last
}

/// A digit as a half-width one: `３` is `3`; `None` for anything else.
fn half_width_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        _ => None,
    }
}

/// `由2023年的64件下降至2024年的48件` or, with 环比, `四季度…420件，三季度为350件`: the figures
/// of the same unit in the sentence each after a period of one kind, two of them: the earlier
/// period's (its index), the later one's, and the earlier period's words.
fn ranked_periods<'a, 'd>(
    doc: &Document,
    placed: &'a [Placed<'d>],
    rate: &Placed<'_>,
) -> Option<(usize, &'a Placed<'d>, &'a Placed<'d>, String)> {
    let rate_clause = doc.slice(&(rate.clause.start..rate.q.span.start));
    let sequential = rate_clause.contains("环比");
    // 较上年同期增长5%: the base is named, and it is not among the figures.
    if contains_any(rate_clause, &vocabulary().previous).is_some() {
        return None;
    }
    let ranked: Vec<(usize, &Placed<'_>, (u8, u32, String))> =
        near(placed, rate, rate.sentence, rate.sentence)
            .filter(|(_, c)| c.q.kind != QuantityKind::Percent && c.q.unit.is_some())
            .filter_map(|(k, c)| period_of(c.before).map(|p| (k, c, p)))
            .filter(|(_, _, (kind, _, _))| (*kind == 0) != sequential)
            .collect();
    let [(ka, a, pa), (kb, b, pb)] = ranked.as_slice() else {
        return None;
    };
    if pa.0 != pb.0 || pa.1 == pb.1 || a.unit() != b.unit() || a.q.kind != b.q.kind {
        return None;
    }
    if pa.1 < pb.1 {
        Some((*ka, *a, *b, pa.2.clone()))
    } else {
        Some((*kb, *b, *a, pb.2.clone()))
    }
}

/// 受理126件，2023年为140件，同比下降10%: with 同比 and no figure marked as the previous
/// period's, the one figure of the sentence written right after a year (with at most 为, 是,
/// 有 or 共 between) is the base when that year is the one before the report's, or the report
/// names no year at all. (When the title and the body name different years, the report's
/// year is not known and the figure is left alone.)
fn year_before<'a, 'd>(
    doc: &Document,
    placed: &'a [Placed<'d>],
    rate: &Placed<'_>,
) -> Option<(usize, &'a Placed<'d>, String)> {
    let rate_clause = doc.slice(&(rate.clause.start..rate.q.span.start));
    if !rate_clause.contains("同比") {
        return None;
    }
    let facts = &doc.facts;
    let expected = match &facts.report_year {
        Some((year, _)) => Some(year - 1),
        None if facts.title_year.is_none() && facts.body_year.is_none() => None,
        None => return None,
    };
    let marked: Vec<(usize, &Placed<'_>, u32, String)> =
        near(placed, rate, rate.sentence, rate.sentence)
            .filter(|(_, c)| c.q.kind != QuantityKind::Percent && c.q.unit.is_some())
            .filter_map(|(k, c)| {
                let (kind, year, words) = period_of(c.before)?;
                let right_before = c
                    .before
                    .trim_end_matches(['为', '是', '有', '共'])
                    .ends_with(words.as_str());
                (kind == 0 && right_before).then_some((k, c, year, words))
            })
            .collect();
    let [(k, c, year, words)] = marked.as_slice() else {
        return None;
    };
    if expected.is_some_and(|e| i64::from(e) != i64::from(*year)) {
        return None;
    }
    Some((*k, *c, words.clone()))
}

fn growth_statement(
    doc: &Document,
    placed: &[Placed<'_>],
    rate: &Placed<'_>,
    up: bool,
    word: &str,
) -> Statement {
    let words = vocabulary();
    let mut statement = Statement {
        kind: StatementKind::Growth,
        span: rate.figure(Role::Growth).span,
        subject: word.to_string(),
        figures: vec![rate.figure(Role::Growth)],
        verdict: unchecked(crate::msg!("stmt-no-previous")),
        pairing: Message::default(),
    };
    let is_figure = |c: &Placed<'_>| c.q.kind != QuantityKind::Percent && c.q.unit.is_some();
    if let Some(checked) = growth_by_difference(doc, placed, rate, up, &statement) {
        return checked;
    }
    // The previous period's figure: in the sentence, after 去年 / 上年 / 同期 or 较2023年; else
    // of two figures of periods of one kind (2023年 and 2024年; with 环比, 三季度 and 四季度,
    // 11月 and 12月) the earlier one.
    let previous = near(placed, rate, rate.sentence, rate.sentence)
        .filter(|(_, c)| is_figure(c) && previous_mark(c.before).is_some())
        .min_by_key(|(_, c)| c.q.span.start.abs_diff(rate.q.span.start));
    let (previous_index, previous, ranked_current, mark) = match previous {
        Some((k, c)) => (
            k,
            c,
            None,
            previous_mark(c.before).map_or(String::new(), |(_, w)| w),
        ),
        None => match ranked_periods(doc, placed, rate) {
            Some((k, c, current, mark)) => (k, c, Some(current), mark),
            None => {
                let Some((k, c, mark)) = year_before(doc, placed, rate) else {
                    return statement;
                };
                (k, c, None, mark)
            }
        },
    };
    // 较去年增加20件: the figure after 去年 is the difference, not last year's.
    let after_previous_word =
        previous_mark(previous.before).map_or("", |(at, _)| &previous.before[at..]);
    if ["增", "减", "多", "少", "上升", "下降", "提高", "降低"]
        .iter()
        .any(|w| after_previous_word.contains(w))
    {
        statement.verdict = unchecked(crate::msg!("stmt-after-previous-is-difference"));
        return statement;
    }
    let currents: Vec<&Placed<'_>> = near(placed, rate, rate.sentence, rate.sentence)
        .filter(|(k, c)| {
            *k != previous_index
                && is_figure(c)
                && c.q.kind == previous.q.kind
                && c.unit() == previous.unit()
                && previous_mark(c.before).is_none()
        })
        .map(|(_, c)| c)
        .collect();
    // This period's figure: the one whose words the previous figure's words repeat (受理 …
    // 去年同期受理), else the only one of the unit; several without shared words are ambiguous.
    let previous_words = words
        .previous
        .iter()
        .fold(previous.before.to_string(), |acc, w| {
            acc.replace(w.as_str(), "")
        });
    let sharing: Vec<&Placed<'_>> = currents
        .iter()
        .copied()
        .filter(|c| {
            shares_two(
                &masked(c.before, ' ').into_iter().collect::<String>(),
                &previous_words,
            )
        })
        .collect();
    let chosen = if ranked_current.is_some() {
        ranked_current
    } else if !sharing.is_empty() {
        sharing
            .iter()
            .copied()
            .min_by_key(|c| c.q.span.start.abs_diff(previous.q.span.start))
    } else if currents.len() == 1 {
        currents.first().copied()
    } else {
        // 化解纠纷318起，较上年的265起增长28.3%: last year's figure names nothing but the
        // year; this year's is the count ending the clause right before it.
        let bare = previous_words
            .chars()
            .filter(|c| is_han(*c) && !"较比与相的为是同期".contains(*c))
            .count()
            == 0;
        bare.then(|| {
            currents.iter().copied().find(|c| {
                c.end() <= previous.clause.start
                    && doc
                        .slice(&(c.end()..previous.clause.start))
                        .trim_matches(['，', ','])
                        .is_empty()
            })
        })
        .flatten()
    };
    let Some(current) = chosen else {
        statement.verdict = unchecked(if currents.is_empty() {
            crate::msg!("stmt-no-current-of-unit", unit = previous.unit())
        } else {
            crate::msg!("stmt-several-currents")
        });
        return statement;
    };
    // What the clause says changed (挽回损失同比增长35%) must be what the figures count; a
    // change of a rate (办结率同比提高5%) is not a change of the counts.
    let named = strip_words_end(rate.before, &words.links);
    let named = strip_words_end(named, &words.growth_up);
    let named = strip_words_end(named, &words.growth_down);
    let named = ["同比", "环比", "相比", "较", "比", "与"]
        .iter()
        .chain(
            words
                .previous
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .iter(),
        )
        .fold(named.to_string(), |acc, w| acc.replace(w, ""));
    let named = han_tail(&named, 12).to_string();
    if named.contains('率') {
        statement.verdict = unchecked(crate::msg!("stmt-change-of-rate"));
        return statement;
    }
    let counted = format!("{}{}{}", current.words(), previous.before, previous.after);
    if named.chars().count() >= 2 && !shares_two(&named, &counted) {
        statement.verdict = unchecked(crate::msg!("stmt-figures-not-named", named = named));
        return statement;
    }
    statement.figures.push(current.figure(Role::Current));
    statement.figures.push(previous.figure(Role::Previous));
    let current_text = doc.slice(&(current.q.span.start..current.end()));
    let previous_text = doc.slice(&(previous.q.span.start..previous.end()));
    statement.pairing = crate::msg!(
        "pair-growth",
        current = current_text,
        previous = previous_text,
        mark = mark,
        unit = previous.unit()
    );
    statement.verdict = if rate.q.approx || current.q.approx || previous.q.approx {
        unchecked(crate::msg!("stmt-figure-approx"))
    } else if previous.q.value <= 0.0 {
        unchecked(crate::msg!("stmt-previous-zero"))
    } else {
        let change = (current.q.value - previous.q.value) / previous.q.value;
        if growth_agrees(rate, up, current.q, previous.q) {
            Verdict::Consistent
        } else if currents
            .iter()
            .any(|c| !c.q.approx && growth_agrees(rate, up, c.q, previous.q))
        {
            unchecked(crate::msg!("stmt-other-current-agrees"))
        } else {
            Verdict::Inconsistent {
                expected: format!(
                    "({current_text} − {previous_text}) / {previous_text} = {}",
                    percent_text(change)
                ),
            }
        }
    };
    statement
}

/// Whether a figure is the difference from the previous period (比上年减少31件, 同比增加40件):
/// `Some(true)` for a rise, `Some(false)` for a fall.
fn difference_of(c: &Placed<'_>) -> Option<bool> {
    let words = vocabulary();
    let before = c.before.trim_end();
    let up = if words.growth_up.iter().any(|w| before.ends_with(w.as_str())) {
        true
    } else if words
        .growth_down
        .iter()
        .any(|w| before.ends_with(w.as_str()))
    {
        false
    } else {
        return None;
    };
    let compared = ["同比", "环比", "比", "较"]
        .iter()
        .any(|w| before.contains(w))
        || previous_mark(before).is_some();
    compared.then_some(up)
}

/// 全年受理124件次，比上年减少31件次，同比下降25%: the change stated with its difference D from
/// the previous period: that period's figure is N − D (N + D after a fall), and the rate is
/// D ÷ it. `None` when the sentence states no such difference before the rate.
fn growth_by_difference(
    doc: &Document,
    placed: &[Placed<'_>],
    rate: &Placed<'_>,
    up: bool,
    statement: &Statement,
) -> Option<Statement> {
    let is_figure = |c: &Placed<'_>| c.q.kind != QuantityKind::Percent && c.q.unit.is_some();
    let in_sentence: Vec<(usize, &Placed<'_>)> =
        near(placed, rate, rate.sentence, rate.sentence).collect();
    let &(k, difference) = in_sentence
        .iter()
        .filter(|(_, c)| c.q.span.start < rate.q.span.start && is_figure(c))
        .rfind(|(_, c)| difference_of(c).is_some())?;
    let mut statement = statement.clone();
    if difference_of(difference) != Some(up) {
        statement.verdict = unchecked(crate::msg!("stmt-difference-opposite"));
        return Some(statement);
    }
    // A change of a rate (办结率同比提高5%) is not a change of the counts.
    if rate.before.contains('率') {
        statement.verdict = unchecked(crate::msg!("stmt-change-of-rate"));
        return Some(statement);
    }
    // This period's figure: the last of the difference's kind and unit before it.
    let Some(&(_, current)) = in_sentence
        .iter()
        .filter(|(j, c)| {
            *j < k
                && is_figure(c)
                && c.q.kind == difference.q.kind
                && c.unit() == difference.unit()
                && difference_of(c).is_none()
                && previous_mark(c.before).is_none()
        })
        .last()
    else {
        statement.verdict = unchecked(crate::msg!(
            "stmt-no-current-of-unit",
            unit = difference.unit()
        ));
        return Some(statement);
    };
    let current_text = doc.slice(&(current.q.span.start..current.end()));
    let difference_text = doc.slice(&(difference.q.span.start..difference.end()));
    let mut previous = current.q.clone();
    previous.value = if up {
        current.q.value - difference.q.value
    } else {
        current.q.value + difference.q.value
    };
    previous.decimals = current.q.decimals.min(difference.q.decimals);
    statement.figures.push(current.figure(Role::Current));
    // The previous period's figure is computed; it is shown at the difference it comes from.
    let mut previous_figure = difference.figure(Role::Previous);
    previous_figure.value = previous.value;
    previous_figure.decimals = previous.decimals;
    statement.figures.push(previous_figure);
    let sign = if up { '−' } else { '+' };
    let previous_text = format!("{current_text} {sign} {difference_text}");
    statement.pairing = crate::msg!(
        "pair-growth-difference",
        current = current_text,
        previous = previous_text,
        unit = current.unit()
    );
    statement.verdict = if rate.q.approx || current.q.approx || difference.q.approx {
        unchecked(crate::msg!("stmt-figure-approx"))
    } else if previous.value <= 0.0 {
        unchecked(crate::msg!("stmt-previous-zero"))
    } else if growth_agrees(rate, up, current.q, &previous) {
        Verdict::Consistent
    } else {
        Verdict::Inconsistent {
            expected: format!(
                "{difference_text} / ({previous_text}) = {}",
                percent_text(difference.q.value / previous.value)
            ),
        }
    };
    Some(statement)
}

/// Whether a stated change agrees with `current` against `previous`.
fn growth_agrees(rate: &Placed<'_>, up: bool, current: &Quantity, previous: &Quantity) -> bool {
    let (n_lo, n_hi) = bounds(current);
    let (m_lo, m_hi) = bounds(previous);
    let m_lo = m_lo.max(f64::MIN_POSITIVE);
    let m_hi = m_hi.max(f64::MIN_POSITIVE);
    let corners = [
        (n_lo - m_hi) / m_hi,
        (n_lo - m_lo) / m_lo,
        (n_hi - m_hi) / m_hi,
        (n_hi - m_lo) / m_lo,
    ];
    let lo = corners.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = corners.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if up { (lo, hi) } else { (-hi, -lo) };
    agrees_range(rate.q.value, rate.q.decimals, (lo, hi))
}

/// The words that open a breakdown after a total.
const BREAKDOWN: &[(&str, bool)] = &[
    ("分别为", true),
    ("分别是", true),
    ("分别有", true),
    ("其中", false),
    ("包括", false),
];

/// A total followed by 其中 / 包括 / 分别为 and the list of its parts.
fn parts_statement(doc: &Document, placed: &[Placed<'_>], i: usize) -> Option<Statement> {
    let total = placed.get(i)?;
    let sentence = doc.sentences.get(total.sentence)?;
    // The breakdown word must come right after the total (its clause ends, or 其中 follows).
    let rest = doc.slice(&(total.end()..sentence.span.end));
    let rest_trimmed = rest.trim_start_matches(['，', ',', '：', ':', ' ', '\u{3000}', '（', '(']);
    let breakdown = BREAKDOWN
        .iter()
        .find(|(w, _)| rest_trimmed.starts_with(w))
        .copied();
    let Some((word, exact)) = breakdown else {
        return enumerated_parts_statement(doc, placed, i);
    };
    let list_start = sentence.span.end - rest_trimmed.len() + word.len();
    list_statement(
        doc,
        placed,
        i,
        i + 1,
        total.sentence,
        total.sentence,
        list_start,
        word,
        exact,
    )
}

/// Words that make a figure the sum of the items written just before it.
const SUM_WORDS: [&str; 3] = ["合计", "共计", "总计"];

/// `对危险化学品企业38家、非煤矿山12家、工贸企业146家开展执法检查，合计检查生产经营单位186家`:
/// a figure after 合计, 共计 or 总计 sums the items listed right before it in its sentence —
/// counts of its unit, one to a clause, with no other figure between them and it. The sum
/// says it is the whole of them: the items must add up to it (within their rounding).
fn sum_after_items_statement(doc: &Document, placed: &[Placed<'_>], i: usize) -> Option<Statement> {
    let total = placed.get(i)?;
    let lead = doc.slice(&(total.clause.start..total.q.span.start));
    let word = SUM_WORDS.iter().find(|w| lead.contains(*w))?;
    if total.q.approx || lead.contains("其中") {
        return None;
    }
    // The items: the figures right before the sum, back to the first that is not an item.
    let mut items: Vec<&Placed<'_>> = Vec::new();
    for c in placed[..i].iter().rev() {
        let item = c.sentence == total.sentence
            && c.is_measure()
            && c.q.kind == total.q.kind
            && c.unit() == total.unit()
            && items.first().is_none_or(|f| f.clause != c.clause)
            && c.clause != total.clause;
        if !item {
            break;
        }
        items.insert(0, c);
    }
    if items.len() < 2 || items.iter().any(|c| c.q.approx) {
        return None;
    }
    // Items joined as one list (、 between them), the last ending right before the sum's clause.
    let listed = items.windows(2).all(|w| listed_together(doc, w[0], w[1]));
    if !listed {
        return None;
    }
    let sum: f64 = items.iter().map(|c| c.q.value).sum();
    let (sum_low, sum_high) = items.iter().fold((0.0, 0.0), |(lo, hi), c| {
        let (l, h) = bounds(c.q);
        (lo + l, hi + h)
    });
    let (low, high) = bounds(total.q);
    let list: Vec<String> = items.iter().map(|c| number_text(c.q.value)).collect();
    let arithmetic = format!("{} = {}", list.join(" + "), number_text(sum));
    let total_text = doc.slice(&(total.q.span.start..total.end()));
    let verdict = if sum_high >= low - 1e-9 && sum_low <= high + 1e-9 {
        Verdict::Consistent
    } else {
        Verdict::Inconsistent {
            expected: format!("{arithmetic} ≠ {}", number_text(total.q.value)),
        }
    };
    let mut figures = vec![total.figure(Role::Total)];
    figures.extend(items.iter().map(|c| c.figure(Role::Item)));
    Some(Statement {
        kind: StatementKind::Parts,
        span: total.figure(Role::Total).span,
        subject: han_tail(lead.rsplit(*word).next().unwrap_or(lead), 12).to_string(),
        figures,
        verdict,
        pairing: crate::msg!(
            "pair-parts-sum-after",
            count = items.len(),
            unit = total.unit(),
            word = *word,
            total = total_text
        ),
    })
}

/// The ordinals that open the items of an enumerated list: 一是 … 十是.
const ORDINALS: [&str; 10] = [
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
];

/// `全年共作出行政复议决定58件。一是维持31件；二是撤销9件；三是驳回12件。`: a total ending its
/// sentence, and the next sentences of its paragraph opening with 一是, 二是 … in order, joined
/// by semicolons, each with one count of the total's unit: the parts of the total (a list
/// that need not be complete, as after 其中).
fn enumerated_parts_statement(
    doc: &Document,
    placed: &[Placed<'_>],
    i: usize,
) -> Option<Statement> {
    let total = placed.get(i)?;
    let sentence = doc.sentences.get(total.sentence)?;
    let rest = doc.slice(&(total.end()..sentence.span.end));
    if !rest.trim().trim_end_matches(['。', '：', ':']).is_empty() {
        return None;
    }
    // The only count of its unit in its sentence: after 受理58件，办结55件 the list may be of
    // either.
    let of_unit = placed
        .iter()
        .filter(|c| c.sentence == total.sentence && c.is_count() && c.unit() == total.unit())
        .count();
    if of_unit != 1 {
        return None;
    }
    let first = total.sentence + 1;
    let mut last = None;
    for (k, ordinal) in ORDINALS.iter().enumerate() {
        let s = doc.sentences.get(first + k)?;
        let opens = s.paragraph == sentence.paragraph
            && doc.slice(&s.span).trim_start().starts_with(ordinal);
        if !opens {
            break;
        }
        last = Some(first + k);
        if !doc.slice(&s.span).trim_end().ends_with(['；', ';']) {
            break;
        }
    }
    let last = last?;
    if last == first {
        return None;
    }
    // One count of the total's unit in each item sentence, nothing else of its kind.
    for s in first..=last {
        let counts = placed
            .iter()
            .filter(|c| c.sentence == s && c.q.kind == total.q.kind && c.q.unit.is_some())
            .count();
        if counts != 1 {
            return None;
        }
    }
    let list_start = doc.sentences.get(first)?.span.start;
    list_statement(
        doc,
        placed,
        i,
        i + 1,
        first,
        last,
        list_start,
        ORDINALS[0],
        false,
    )
}

/// `全年调处纠纷120件，其中婚姻家庭纠纷45件…；婚姻家庭纠纷中，涉及离婚的21件、…`: a sentence
/// opening with `X中` lists the parts of the count named X in the sentence before (of its
/// paragraph), when exactly one count of the unit there is named with X's words.
fn nested_parts_statement(doc: &Document, placed: &[Placed<'_>], i: usize) -> Option<Statement> {
    let first = placed.get(i)?;
    if i > 0
        && placed
            .get(i - 1)
            .is_some_and(|p| p.sentence == first.sentence)
    {
        return None;
    }
    let sentence = doc.sentences.get(first.sentence)?;
    let head = doc.slice(&(sentence.span.start..first.q.span.start));
    let opening = head.trim_end();
    let (name, rest) = opening
        .split_once(['，', ',', '：', ':'])
        .map_or((opening, ""), |(n, r)| (n, r));
    let name = name.trim().strip_suffix('中')?;
    let name = name.strip_prefix('在').unwrap_or(name);
    if name.is_empty() || !name.chars().all(is_han) || name.chars().count() > 12 {
        return None;
    }
    // The items open right after the name: no other clause between.
    if rest.contains(['，', ',', '：', ':', '、']) {
        return None;
    }
    let core = masked_string(name, ' ');
    let core = core
        .split(' ')
        .max_by_key(|w| w.len())
        .unwrap_or("")
        .to_string();
    if core.chars().count() < 2 {
        return None;
    }
    let before_sentence = first.sentence.checked_sub(1)?;
    if doc.sentences.get(before_sentence).map(|s| s.paragraph) != Some(sentence.paragraph) {
        return None;
    }
    let referents: Vec<usize> = near(placed, first, before_sentence, before_sentence)
        .filter(|(_, c)| {
            c.is_count() && c.unit() == first.unit() && c.before.contains(core.as_str())
        })
        .map(|(k, _)| k)
        .collect();
    let [total_index] = referents.as_slice() else {
        return None;
    };
    let list_start = sentence.span.start + head.len() - rest.len();
    let word = format!("{name}中");
    list_statement(
        doc,
        placed,
        *total_index,
        i,
        first.sentence,
        first.sentence,
        list_start,
        &word,
        false,
    )
}

/// The statement of a total and the list of its parts that opens at `list_start` in sentence
/// `items_sentence` (and runs on to `last_sentence`, for a list of sentences joined by
/// semicolons), its first possible item at `from`.
#[allow(clippy::too_many_arguments)]
fn list_statement(
    doc: &Document,
    placed: &[Placed<'_>],
    i: usize,
    from: usize,
    items_sentence: usize,
    last_sentence: usize,
    list_start: usize,
    word: &str,
    exact: bool,
) -> Option<Statement> {
    let total = placed.get(i)?;
    let sentence = doc.sentences.get(last_sentence)?;
    let items_sentences = items_sentence..=last_sentence;
    // Items: one count of exactly the total's unit per clause, all written alike (words then
    // number, or number then words), until a clause that is not such an item.
    let mut items: Vec<&Placed<'_>> = Vec::new();
    let mut number_first: Option<bool> = None;
    let mut complete = true;
    let mut clause_seen: Option<Span> = None;
    for c in placed.iter().skip(from).take(REACH) {
        if !items_sentences.contains(&c.sentence) {
            break;
        }
        if c.q.span.start < list_start {
            continue;
        }
        let same_unit = c.is_measure() && c.q.kind == total.q.kind && c.unit() == total.unit();
        if clause_seen.as_ref() == Some(&c.clause) {
            // A second figure in one clause: not a simple list any more.
            complete = false;
            break;
        }
        if !same_unit {
            complete = false;
            break;
        }
        let lead = doc.slice(&(c.clause.start.max(list_start)..c.q.span.start));
        // 另有, 此外, 还有: what follows is besides the total.
        if ["另", "此外", "还有", "外加", "以及"]
            .iter()
            .any(|w| lead.starts_with(w))
        {
            complete = false;
            break;
        }
        let lead = lead.trim_start_matches(['其', '中', '分', '别', '为', '是', '有']);
        let first = han_tail(lead, 20).is_empty() && lead.trim().is_empty();
        if *number_first.get_or_insert(first) != first {
            complete = false;
            break;
        }
        clause_seen = Some(c.clause.clone());
        items.push(c);
    }
    if items.is_empty() {
        return None;
    }
    // Counts of the unit after the list in the sentence: the list may go on in another form.
    let last_end = items.last().map_or(0, |l| l.end());
    let anchor = items.first().copied().unwrap_or(total);
    if near(placed, anchor, items_sentence, last_sentence)
        .any(|(_, c)| c.q.span.start > last_end && c.is_count() && c.unit() == total.unit())
    {
        complete = false;
    }
    // 分别为A 25起、B 30起等: a list ending in 等 names only some of the parts.
    let open_ended = items.last().is_some_and(|l| {
        let tail = doc.slice(&(l.end()..sentence.span.end));
        tail.starts_with('等') || l.after.contains('等')
    });
    let exact = exact && !open_ended;
    let subject = han_tail(total.before, 12).to_string();
    let mut figures = vec![total.figure(Role::Total)];
    figures.extend(items.iter().map(|c| c.figure(Role::Item)));
    let sum: f64 = items.iter().map(|c| c.q.value).sum();
    // Parts rounded as written (42.3万元) may sum to anything within their roundings.
    let (sum_low, sum_high) = items.iter().fold((0.0, 0.0), |(lo, hi), c| {
        let (l, h) = bounds(c.q);
        (lo + l, hi + h)
    });
    let total_text = doc.slice(&(total.q.span.start..total.end()));
    let list: Vec<String> = items.iter().map(|c| number_text(c.q.value)).collect();
    let arithmetic = format!("{} = {}", list.join(" + "), number_text(sum));
    let mut pairing = if number_first == Some(true) {
        crate::msg!(
            "pair-parts-number-first",
            count = items.len(),
            unit = total.unit(),
            word = word,
            total = total_text
        )
    } else {
        crate::msg!(
            "pair-parts-named",
            count = items.len(),
            unit = total.unit(),
            word = word,
            total = total_text
        )
    };
    let approx = total.q.approx || items.iter().any(|c| c.q.approx);
    let flows = items
        .iter()
        .any(|c| contains_any(c.words(), &vocabulary().flows).is_some());
    // A total rounded as written (2.3万) stands for what lies within its rounding; a whole
    // number of 万 or 亿 (312万元) whose parts are written finer (186.4万元) is rounded to it.
    let (mut low, mut high) = bounds(total.q);
    let written = doc.slice(&total.q.span);
    let multiplier = if written.contains('亿') {
        1e8
    } else if written.contains('万') {
        1e4
    } else {
        0.0
    };
    if total.q.decimals == 0 && multiplier > 0.0 && items.iter().any(|c| c.q.decimals < 0) {
        low = total.q.value - multiplier / 2.0;
        high = total.q.value + multiplier / 2.0;
    }
    // 其中女性18人，男性27人，党员30人: a first run of parts adds up to the total, and what
    // follows breaks the total down another way.
    let prefix_adds_up = items
        .iter()
        .scan(0.0, |acc, c| {
            *acc += c.q.value;
            Some(*acc)
        })
        .take(items.len().saturating_sub(1))
        .any(|partial| partial >= low - 1e-9 && partial <= high + 1e-9);
    // Items each naming another of one set of alternatives (维持, 撤销, 驳回; 优秀, 良好, 合格)
    // split the total: they cannot sum above it.
    let alternatives = (items.len() >= 3)
        .then(|| alternatives_of(items.iter().map(|c| c.before)))
        .flatten();
    // Items naming outcomes (办结, 调解成功) may overlap the others: not a partition.
    let outcomes = items.iter().filter(|c| c.groups() != 0).count();
    // The text itself says that the parts overlap (部分企业同时属于两类): looked for only
    // before accusing, and only near the list (up to 60 bytes after its last item, within
    // the sentence), so a sentence of thousands of figures stays linear.
    let overlapping = || {
        let end = items
            .last()
            .map_or(sentence.span.end, |c| (c.end() + 60).min(sentence.span.end));
        let start = total.q.span.start.min(end);
        let near = doc.text.get(start..end).unwrap_or_else(|| {
            let mut e = end;
            while !doc.text.is_char_boundary(e) {
                e -= 1;
            }
            &doc.text[start..e]
        });
        contains_any(near, &vocabulary().overlaps).is_some()
    };
    let verdict = if approx {
        unchecked(crate::msg!("stmt-figure-approx"))
    } else if items.iter().any(|c| c.q.value > high + 1e-9) {
        Verdict::Inconsistent {
            expected: format!(
                "{} > {}",
                number_text(
                    items
                        .iter()
                        .map(|c| c.q.value)
                        .fold(f64::NEG_INFINITY, f64::max)
                ),
                number_text(total.q.value)
            ),
        }
    } else if exact {
        if !complete || (prefix_adds_up && sum > high) {
            unchecked(crate::msg!("stmt-list-not-read-to-end"))
        } else if sum_high >= low - 1e-9 && sum_low <= high + 1e-9 {
            Verdict::Consistent
        } else {
            Verdict::Inconsistent {
                expected: format!("{arithmetic} ≠ {}", number_text(total.q.value)),
            }
        }
    } else if sum_low <= high + 1e-9 {
        Verdict::Consistent
    } else if overlapping() {
        unchecked(crate::msg!("stmt-parts-overlap"))
    } else if prefix_adds_up {
        unchecked(crate::msg!("stmt-prefix-adds-up"))
    } else if flows {
        unchecked(crate::msg!("stmt-part-is-a-flow"))
    } else if let Some(set) = &alternatives {
        pairing = crate::msg!("pair-parts-alternatives", pairing = pairing, set = set);
        Verdict::Inconsistent {
            expected: format!("{arithmetic} > {}", number_text(total.q.value)),
        }
    } else if outcomes >= 1 {
        unchecked(crate::msg!("stmt-part-is-an-outcome"))
    } else if items.len() < 2 {
        Verdict::Consistent
    } else {
        Verdict::Inconsistent {
            expected: format!("{arithmetic} > {}", number_text(total.q.value)),
        }
    };
    Some(Statement {
        kind: StatementKind::Parts,
        span: total.figure(Role::Total).span,
        subject,
        figures,
        verdict,
        pairing,
    })
}

/// The words of one set of `alternatives` that the items' words name, one different word per
/// item (`维持, 撤销, 驳回`); `None` unless every item names exactly one of the same set.
fn alternatives_of<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let words = vocabulary();
    let automaton = words.automata.alternatives.as_ref()?;
    let mut named: Vec<&str> = Vec::new();
    for text in items {
        let mut found = automaton.find_iter(text);
        let m = found.next()?;
        if found.next().is_some() {
            return None;
        }
        let word = text.get(m.range())?;
        if named.contains(&word) {
            return None;
        }
        named.push(word);
    }
    words
        .alternatives
        .iter()
        .any(|set| named.iter().all(|w| set.iter().any(|s| s == w)))
        .then(|| named.join(", "))
}

/// Characters that enclose words without ending a phrase: 村（社区）, “法律进乡村”宣传活动.
const ENCLOSERS: &[char] = &[
    '（', '）', '(', ')', '“', '”', '‘', '’', '《', '》', '「', '」', '"',
];

fn without_enclosers(text: &str) -> String {
    if !text.contains(ENCLOSERS) {
        return text.to_string();
    }
    text.chars().filter(|c| !ENCLOSERS.contains(c)).collect()
}

/// A count read as the figure of a fact, for comparing repeated facts.
#[derive(Debug)]
struct Mention<'p, 'd> {
    p: &'p Placed<'d>,
    /// The words before the number that name the fact, openings and markers dropped (empty
    /// when the fact is named after the number: 全镇52名持证行政执法人员).
    phrase: String,
    /// The Chinese words right after the number's unit (上述11项重大行政决策 → 重大行政决策…).
    after: String,
    /// The place the phrase opened with (全镇), which a short phrase must share.
    scope: Option<String>,
    /// The body named before the year's marker (镇调委会全年…), which the other mention must
    /// name too.
    owner: Option<String>,
    /// The words before the number refer back to a fact stated before (上述, 以上).
    back_reference: bool,
}

/// Where the last occurrence of one of `words` in `phrase` ends (the greatest such end), as
/// `words.iter().filter_map(|w| phrase.rfind(w).map(|at| at + w.len())).max()` finds it, but
/// in one pass from the end instead of one search per word; `lasts` are the words' last
/// characters ([`Edges::lasts`]).
fn last_boundary_end(phrase: &str, words: &[String], lasts: &Edges) -> Option<usize> {
    // Each word is compared only where the text's character is its last one.
    let ends = std::iter::once(phrase.len()).chain(phrase.char_indices().rev().map(|(i, _)| i));
    for end in ends {
        let head = &phrase[..end];
        let Some(last) = head.chars().next_back() else {
            continue;
        };
        if lasts.any.may_hold(last)
            && words
                .iter()
                .zip(&lasts.chars)
                .any(|(w, l)| *l == Some(last) && head.ends_with(w.as_str()))
        {
            return Some(end);
        }
    }
    None
}

/// The first `n` characters of `text` (all of it when it is shorter).
fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices()
        .nth(n)
        .map_or(text, |(at, _)| &text[..at])
}

/// Where the first marker of `markers` found in `phrase` starts, among those whose first
/// occurrence is not at its start: as `markers.iter().filter_map(|m| phrase.find(m))
/// .filter(|&at| at > 0).min()` finds it, in one pass; `firsts` are the markers' first
/// characters ([`Edges::firsts`]).
fn first_marker_after_start(phrase: &str, markers: &[String], firsts: &Edges) -> Option<usize> {
    // Each marker is compared only where the text's character is its first one.
    phrase.char_indices().skip(1).find_map(|(i, c)| {
        if !firsts.any.may_hold(c) {
            return None;
        }
        let rest = &phrase[i..];
        markers
            .iter()
            .zip(&firsts.chars)
            .any(|(m, f)| {
                *f == Some(c) && rest.starts_with(m.as_str()) && !phrase.starts_with(m.as_str())
            })
            .then_some(i)
    })
}

/// The words before a count for its fact: those of its clause, or, when the number opens its
/// clause after a colon (受理信访事项：186件), those of the clause before the colon.
fn fact_before(doc: &Document, p: &Placed<'_>) -> String {
    // A label joined to its figure by a colon (受理信访事项：186件): the label's words.
    let joined = p.before.trim_end();
    if let Some(label) = joined
        .strip_suffix('：')
        .or_else(|| joined.strip_suffix(':'))
    {
        if !label.trim().is_empty() {
            return without_enclosers(label.trim_start_matches(|c: char| {
                matches!(c, '…' | '—' | '-' | '·') || c.is_whitespace()
            }));
        }
    }
    if p.before.trim().is_empty() {
        let start = doc.sentences.get(p.sentence).map_or(0, |s| s.span.start);
        let head = doc.slice(&(start..p.q.span.start)).trim_end();
        if let Some(head) = head.strip_suffix('：').or_else(|| head.strip_suffix(':')) {
            let from = head
                .char_indices()
                .rev()
                .find(|(_, c)| matches!(c, '，' | '、' | '：' | ',' | ':' | '；'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            return without_enclosers(&head[from..]);
        }
    }
    // Marks opening the clause (……, ——) are not words of the fact.
    without_enclosers(
        p.before
            .trim_start_matches(|c: char| matches!(c, '…' | '—' | '-' | '·') || c.is_whitespace()),
    )
}

/// Whether `text` is made only of words of `endings`, one after the other (局党组 is 局 and
/// 党组; 县应急管理局 is not).
fn only_endings(text: &str, endings: &[String]) -> bool {
    // Which prefixes of `text` are made of endings (by byte offset).
    let mut made = vec![false; text.len() + 1];
    made[0] = true;
    for at in 0..text.len() {
        if !made[at] || !text.is_char_boundary(at) {
            continue;
        }
        for e in endings {
            if text[at..].starts_with(e.as_str()) {
                made[at + e.len()] = true;
            }
        }
    }
    !text.is_empty() && made[text.len()]
}

/// Reads a count as the figure of a fact. `None` when qualified (其中, 新增, a period, a
/// year), approximate, or when its words are not all Chinese right up to the number.
fn mention<'p, 'd>(
    doc: &Document,
    p: &'p Placed<'d>,
    qualified_from: Option<usize>,
) -> Option<Mention<'p, 'd>> {
    let words = vocabulary();
    if !p.is_measure() || p.q.approx {
        return None;
    }
    let clause_before = doc.slice(&(p.clause.start..p.q.span.start));
    let automata = &words.automata;
    if qualified_from.is_some_and(|at| at <= p.q.span.start)
        || clause_before
            .chars()
            .any(|c| automata.single_qualifiers.contains(&c))
    {
        return None;
    }
    // The words right before the number, nothing between them and it.
    let before = fact_before(doc, p);
    // Up to 20 characters of the fact's words, and a body's name before them.
    let mut phrase = han_tail(&before, 30);
    if phrase.len() != before.len() {
        return None;
    }
    // The phrase starts after the last preposition (对, 依托) and the neutral openings.
    if let Some(cut) = last_boundary_end(phrase, &words.boundaries, &automata.boundary_lasts) {
        phrase = &phrase[cut..];
    }
    if let Some(rest) = phrase.strip_prefix('在') {
        phrase = rest;
    }
    // A body named before the year's marker (县应急管理局全年…, 镇调委会全年共…): the fact is
    // that body's. The report's own (我局, 本镇) names no other body.
    let mut owner = None;
    if let Some(at) =
        first_marker_after_start(phrase, &words.year_markers, &automata.year_marker_firsts)
    {
        let head = &phrase[..at];
        let named = (2..=10).contains(&head.chars().count())
            && words
                .owner_endings
                .iter()
                .any(|e| head.ends_with(e.as_str()));
        if named {
            // The body the title names (某县教育局2024年…报告) is the report's own.
            let own = doc
                .title
                .as_ref()
                .is_some_and(|t| doc.slice(&t.span).contains(head));
            // Organ words alone (街道, 局党组, 镇党委) name no body but the one writing.
            let writer = only_endings(head, &words.owner_endings);
            if !automata.neutral.contains(head) && !own && !writer {
                owner = Some(head.to_string());
            }
            phrase = &phrase[at..];
        }
    }
    if phrase.chars().count() > 20 {
        return None;
    }
    // The year's marker may open the sentence on its own (本年度，我局受理…), or the figure may
    // stand on a label line of the year's statistics (收到申请：27件).
    let sentence_start = doc
        .sentences
        .get(p.sentence)
        .map_or(p.clause.start, |s| s.span.start);
    let lead = doc
        .slice(&(sentence_start..p.clause.start))
        .trim_end_matches(|c: char| matches!(c, '，' | ',' | '、') || c.is_whitespace())
        .trim();
    let label_line = p.before.trim_end().ends_with(['：', ':'])
        && doc
            .slice(&(sentence_start..p.q.span.start))
            .trim_start()
            .starts_with(p.before.trim_start());
    let (mut whole, mut scope) = (
        words.year_markers.iter().any(|m| m == lead) || label_line,
        None,
    );
    loop {
        if let Some(m) = words
            .year_markers
            .iter()
            .find(|m| phrase.starts_with(m.as_str()))
        {
            whole = true;
            phrase = &phrase[m.len()..];
        } else if let Some(at) = opening_in(&automata.neutral, phrase)
            .or_else(|| automata.neutral.contains(phrase).then_some(phrase.len()))
        {
            let opening = &phrase[..at];
            if words.scopes.iter().any(|s| s == opening) {
                scope = Some(opening.to_string());
            }
            phrase = &phrase[at..];
        } else if let Some(rest) = phrase.strip_prefix('共') {
            whole = true;
            phrase = rest;
        } else {
            break;
        }
    }
    // Words between the fact's words and the number: 共, 总数 (the whole count), 达到 (a level
    // reached, the plain fact only when it is the year's).
    let mut reached = false;
    loop {
        if let Some(rest) = phrase.strip_suffix('共') {
            whole = true;
            phrase = rest;
        } else if let Some(w) = ends_with_any(phrase, &words.total_endings) {
            whole = true;
            phrase = &phrase[..phrase.len() - w.len()];
        } else if let Some(w) = ["达到", "达", "为", "是"]
            .iter()
            .find(|w| phrase.ends_with(*w) && phrase.len() > w.len())
        {
            reached |= w.starts_with('达');
            phrase = &phrase[..phrase.len() - w.len()];
        } else {
            break;
        }
    }
    if reached && !whole {
        return None;
    }
    let back_reference = words
        .back_references
        .iter()
        .any(|w| phrase.ends_with(w.as_str()));
    let phrase: String = if phrase.contains('的') {
        phrase.chars().filter(|&c| c != '的').collect()
    } else {
        phrase.to_string()
    };
    // An event counted in two places may be two events, unless both say they are the year's.
    let event =
        opening_in(&automata.events, &phrase).is_some() || automata.events.contains(&phrase);
    if event && !whole {
        return None;
    }
    // 组织执法人员集中培训 and 开展执法人员集中培训 count one event.
    let phrase = match words
        .light_verbs
        .iter()
        .find_map(|v| phrase.strip_prefix(v.as_str()))
    {
        Some(rest) if rest.chars().count() >= 5 => rest.to_string(),
        _ => phrase,
    };
    // The first 20 characters of the Chinese words after the unit, enclosers dropped.
    let after: String = p
        .after
        .chars()
        .filter(|c| !ENCLOSERS.contains(c))
        .take_while(|&c| is_han(c))
        .take(20)
        .collect();
    Some(Mention {
        p,
        phrase: if back_reference {
            String::new()
        } else {
            phrase
        },
        after,
        scope,
        owner,
        back_reference,
    })
}

/// The key facts are compared by: the characters of their words in any order (受理信访事项
/// and 信访事项受理 name one fact), with the place for short words (全镇 村社区). `None` when
/// the words are too few to name a fact.
fn fact_key(words: &str, scope: Option<&str>, owner: Option<&str>, unit: &str) -> Option<String> {
    key_of(words, scope, owner, unit).filter(|_| meaningful_chars(words) >= 2)
}

/// [`fact_key`] without its test that the words name something besides generic words.
fn key_of(words: &str, scope: Option<&str>, owner: Option<&str>, unit: &str) -> Option<String> {
    let length = words.chars().count();
    if length < 5 && (scope.is_none() || length < 2) {
        return None;
    }
    let unit = if same_unit_class(unit, "人") {
        "人"
    } else {
        unit
    };
    let mut chars: Vec<char> = words.chars().collect();
    chars.sort_unstable();
    let owner = owner.unwrap_or("");
    let scope = scope.filter(|_| length < 5).unwrap_or("");
    let mut key = String::with_capacity(owner.len() + scope.len() + words.len() + unit.len() + 3);
    for part in [owner, "|", scope, "|"] {
        key.push_str(part);
    }
    key.extend(chars);
    key.push('|');
    key.push_str(unit);
    Some(key)
}

/// The range a count written in one place may stand for: `1.2万` is 11500 (rounded) to just
/// under 13000 (truncated).
fn count_range(q: &Quantity) -> (f64, f64) {
    if q.decimals < 0 {
        let unit = 10f64.powi(-i32::from(q.decimals));
        (q.value - unit / 2.0, q.value + unit - 1e-6)
    } else {
        (q.value, q.value)
    }
}

/// The values of mentions merged where their ranges overlap: one entry per distinct value.
fn value_clusters(mentions: &[&Mention<'_, '_>]) -> Vec<(f64, f64)> {
    let mut ranges: Vec<(f64, f64)> = mentions.iter().map(|m| count_range(m.p.q)).collect();
    ranges.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut clusters: Vec<(f64, f64)> = Vec::new();
    for (lo, hi) in ranges {
        match clusters.last_mut() {
            Some(last) if lo <= last.1 + 1e-9 => last.1 = last.1.max(hi),
            _ => clusters.push((lo, hi)),
        }
    }
    clusters
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 + 1e-9 && b.0 <= a.1 + 1e-9
}

/// Where the first qualifier of a sentence ends (a word of `qualifiers` of two characters or
/// more, of `previous`, or a year `2023年`), as a byte offset into the text.
fn first_qualifier_end(doc: &Document, sentence: usize) -> Option<usize> {
    first_qualifier_end_before(doc, sentence, usize::MAX)
}

/// [`first_qualifier_end`] when it ends by byte offset `limit`; `None` or an offset past
/// `limit` otherwise (the text after `limit` is not searched).
fn first_qualifier_end_before(doc: &Document, sentence: usize, limit: usize) -> Option<usize> {
    let mut span = doc.sentences.get(sentence)?.span.clone();
    span.end = span.end.min(limit.max(span.start));
    let text = doc.slice(&span);
    let word = vocabulary()
        .automata
        .qualifiers
        .as_ref()
        .and_then(|q| q.find(text))
        .map(|m| m.end());
    let year = text
        .match_indices('年')
        .find(|(i, _)| {
            text.get(..*i).is_some_and(|b| {
                b.ends_with(|d: char| d.is_ascii_digit() || d == '〇' || d == '零')
            })
        })
        .map(|(i, y)| i + y.len());
    [word, year]
        .into_iter()
        .flatten()
        .min()
        .map(|at| span.start + at)
}

/// The phrase a count is the figure of when the phrase follows it (全镇16名干部取得行政执法证,
/// 18个村委会均…): the Chinese words right after the unit, with nothing before the number but
/// neutral openings (全镇共有, 目前) or one character (仅). `(key, subject)`: a phrase naming
/// all of something (村委会均 …, 村（社区）全部 …) is keyed by what it names, whatever follows;
/// another must be five characters or more and name no event (参加培训 counts an event).
fn fact_phrase_after(
    doc: &Document,
    p: &Placed<'_>,
    qualified_from: Option<usize>,
) -> Option<(String, String)> {
    let words = vocabulary();
    if !p.is_count() || p.q.approx {
        return None;
    }
    let clause_before = doc.slice(&(p.clause.start..p.q.span.start));
    if !clause_before.chars().all(is_han) {
        return None;
    }
    let run_end = p
        .after
        .char_indices()
        .take_while(|(_, c)| is_han(*c) || matches!(c, '（' | '）' | '(' | ')'))
        .take(16)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let run = &p.after[..run_end];
    let all_marker = ["均", "全部", "都"]
        .iter()
        .filter_map(|w| run.find(w))
        .min();
    // Shortcut: words after the number name a fact only when they say all of something or
    // run five characters or more (the checks below refuse any other).
    if shortcuts() && all_marker.is_none() && run.chars().count() < 5 {
        return None;
    }
    let lead = strip_openings(clause_before);
    // 执法队共有18名…: who has them, then a neutral word (共有, 现有, 已有).
    let owner_lead = words.neutral.iter().any(|w| {
        w.chars().count() >= 2
            && lead
                .strip_suffix(w.as_str())
                .is_some_and(|owner| owner.chars().count() <= 5)
    });
    let plain_lead =
        lead.chars().count() <= 1 || words.automata.neutral.contains(lead) || owner_lead;
    // 平台在14个村委会已全部推广: a place after 在 / 对 and all of it.
    let place_lead = ["在", "于", "对", "向"].iter().any(|w| lead.ends_with(w));
    if !plain_lead && !place_lead {
        return None;
    }
    let automata = &words.automata;
    let qualified = qualified_from.is_some_and(|at| at <= p.q.span.start)
        || clause_before
            .chars()
            .any(|c| automata.single_qualifiers.contains(&c));
    if qualified {
        return None;
    }
    if let Some(at) = all_marker {
        let named = run[..at].trim_end_matches('已');
        // After a place, only 全部 says the figure is all of them (在3个村均开展试点 is not).
        let all_of_them = plain_lead || run[at..].starts_with("全部");
        if named.chars().count() >= 2 && all_of_them {
            return Some((format!("{named}\u{1}all"), named.to_string()));
        }
        return None;
    }
    if run.chars().count() < 5 {
        return None;
    }
    let names_event = match &words.automata.events_in {
        Some(events) => events.is_match(run),
        None => words.events.iter().any(|e| run.contains(e.as_str())),
    };
    if names_event {
        return None;
    }
    Some((format!("{run}\u{1}after"), run.to_string()))
}

/// One fact stated twice with different values: counts whose words name the same fact (in
/// either order, before or after the number; or only after it, 16名干部取得行政执法证), or a
/// back-reference (上述11项重大行政决策) to a fact stated before.
fn repeated_statements(doc: &Document, placed: &[Placed<'_>]) -> Vec<Statement> {
    let mut mentions = Vec::new();
    // Counts named by the words after them alone, with what those words name.
    let mut followed = Vec::new();
    let mut qualified_from: Option<(usize, Option<usize>)> = None;
    for (k, p) in placed.iter().enumerate() {
        // Only counts are facts (`mention` and `fact_phrase_after` take no other), so the
        // qualifiers of sentences without one are not looked for.
        if !p.is_measure() || p.q.approx {
            continue;
        }
        // Where the sentence's first qualifier (其中, 新增, a year, last year) ends: figures
        // after it are not compared. Found once per sentence.
        let from = match qualified_from {
            Some((sentence, from)) if sentence == p.sentence => from,
            _ => {
                // Shortcut: only a qualifier ending before the sentence's last figure can
                // qualify one of its counts; the rest of the sentence is not searched.
                let limit = if shortcuts() {
                    placed
                        .iter()
                        .skip(k)
                        .take_while(|q| q.sentence == p.sentence)
                        .map(|q| q.q.span.start)
                        .max()
                        .unwrap_or(usize::MAX)
                } else {
                    usize::MAX
                };
                let from = first_qualifier_end_before(doc, p.sentence, limit);
                qualified_from = Some((p.sentence, from));
                from
            }
        };
        mentions.extend(mention(doc, p, from));
        if let Some((key, subject)) = fact_phrase_after(doc, p, from) {
            let mention = Mention {
                p,
                phrase: subject,
                after: String::new(),
                scope: None,
                owner: None,
                back_reference: false,
            };
            followed.push((key, mention));
        }
    }
    // Facts named before their numbers make the groups; facts named after the number join the
    // group whose words their words start with.
    let mut groups: Vec<Vec<&Mention<'_, '_>>> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    // The lengths (in characters) of the words of the keys in `index`: a key of other words
    // cannot be there, so it is not built.
    let mut key_lengths: FxHashSet<usize> = FxHashSet::default();
    // The mentions whose endings make `endings`, built only when a mention looks one up.
    let mut ending_sources: Vec<(&str, &str, usize)> = Vec::new();
    let mut named_after = Vec::new();
    for m in &mentions {
        if m.back_reference {
            named_after.push(m);
            continue;
        }
        let Some(key) = fact_key(
            &m.phrase,
            m.scope.as_deref(),
            m.owner.as_deref(),
            m.p.unit(),
        ) else {
            named_after.push(m);
            continue;
        };
        key_lengths.insert(m.phrase.chars().count());
        let g = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(list) = groups.get_mut(g) {
            list.push(m);
        }
        ending_sources.push((m.phrase.as_str(), m.p.unit(), g));
    }
    // Endings of four characters or more, for back-references.
    let endings = std::cell::OnceCell::new();
    let endings = || {
        endings.get_or_init(|| {
            // By unit, then by ending: looked up without building a key.
            let mut endings: FxHashMap<&str, FxHashMap<&str, Vec<usize>>> = FxHashMap::default();
            for &(phrase, unit, g) in &ending_sources {
                let chars: Vec<(usize, char)> = phrase.char_indices().collect();
                for &(at, _) in chars.iter().rev().skip(3) {
                    let list = endings
                        .entry(unit)
                        .or_default()
                        .entry(&phrase[at..])
                        .or_default();
                    if !list.contains(&g) {
                        list.push(g);
                    }
                }
            }
            endings
        })
    };
    let ending = |noun: &str, unit: &str| endings().get(unit).and_then(|e| e.get(noun));
    // Shortcut: a noun of `n` characters or more opening `after` can end a fact's words only
    // if some fact of the unit has words holding its first `n` characters; else the endings
    // need not be built.
    let may_end_a_fact = |after: &str, n: usize, unit: &str| {
        !shortcuts() || {
            let opening = first_chars(after, n);
            ending_sources
                .iter()
                .any(|&(phrase, u, _)| u == unit && phrase.contains(opening))
        }
    };
    let mut back_references = Vec::new();
    'mentions: for m in named_after {
        let lengths = (1..=m.after.chars().count()).rev();
        if m.back_reference {
            back_references.push(m);
            continue;
        }
        let phrase_length = m.phrase.chars().count();
        for n in lengths {
            if !key_lengths.contains(&(phrase_length + n)) {
                continue;
            }
            let words: String = m.phrase.chars().chain(m.after.chars().take(n)).collect();
            // The key is looked up before its words are read for meaning (most keys are of
            // no fact): the same outcome as `fact_key` then the lookup.
            let found = key_of(&words, m.scope.as_deref(), m.owner.as_deref(), m.p.unit())
                .and_then(|key| index.get(&key).copied())
                .filter(|_| meaningful_chars(&words) >= 2);
            if let Some(list) = found.and_then(|g| groups.get_mut(g)) {
                list.push(m);
                continue 'mentions;
            }
        }
        // 全年共5次专题研究法治政府建设工作: words after the number (six characters or more)
        // that end the words of one fact of the unit stated before its number, by the same
        // body.
        if !m.phrase.is_empty() {
            continue;
        }
        let unit = m.p.unit();
        if m.after.chars().count() < 6 || !may_end_a_fact(&m.after, 6, unit) {
            continue;
        }
        let joined = (6..=m.after.chars().count()).rev().find_map(|n| {
            let noun = first_chars(&m.after, n);
            match ending(noun, unit).map(Vec::as_slice) {
                Some(&[g]) => Some(g),
                _ => None,
            }
        });
        if let Some(list) = joined.and_then(|g| groups.get_mut(g)) {
            if list.first().is_some_and(|f| f.owner == m.owner) {
                list.push(m);
            }
        }
    }
    // Facts named only by the words after their numbers (村委会均 …, 干部取得行政执法证) make
    // groups of their own, after the others: a pair of figures already found is not found
    // again.
    let before_groups = groups.len();
    let mut followed_index: FxHashMap<(String, &str), usize> = FxHashMap::default();
    for (key, m) in &followed {
        let unit = if same_unit_class(m.p.unit(), "人") {
            "人"
        } else {
            m.p.unit()
        };
        let g = *followed_index
            .entry((key.clone(), unit))
            .or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
        if let Some(list) = groups.get_mut(g) {
            list.push(m);
        }
    }
    let mut found: Vec<Statement> = Vec::new();
    let line = |p: &Placed<'_>| doc.position(p.q.span.start).line;
    for (g, list) in groups.iter_mut().enumerate() {
        // One mention has one value (most facts are stated once).
        if list.len() < 2 {
            continue;
        }
        list.sort_by_key(|m| m.p.q.span.start);
        let Some(first) = list.first() else {
            continue;
        };
        // Two values of a fact: one fact stated twice. More: the words are too general.
        if value_clusters(list).len() != 2 {
            continue;
        }
        let first_range = count_range(first.p.q);
        let Some(again) = list.iter().find(|m| {
            !overlaps(count_range(m.p.q), first_range) && m.p.sentence != first.p.sentence
        }) else {
            continue;
        };
        // One pair of figures is one statement, whichever words found it.
        let span = again.p.figure(Role::Again).span;
        if found.iter().any(|s| s.span == span) {
            continue;
        }
        let first_text = doc.slice(&(first.p.q.span.start..first.p.end()));
        let again_text = doc.slice(&(again.p.q.span.start..again.p.end()));
        let unit = first.p.unit();
        let how = if g >= before_groups {
            crate::msg!("pair-repeated-before-same-words")
        } else if again.phrase.chars().count() >= first.phrase.chars().count()
            && again.phrase == first.phrase
        {
            crate::msg!("pair-repeated-after-same-words")
        } else {
            let name = |m: &Mention<'_, '_>| {
                if m.phrase.chars().count() >= 5 || m.after.is_empty() {
                    crate::msg!("pair-repeated-words-before", words = m.phrase)
                } else {
                    crate::msg!(
                        "pair-repeated-words-around",
                        words = m.phrase,
                        after = m.after
                    )
                }
            };
            crate::msg!(
                "pair-repeated-named",
                first = name(first),
                again = name(again)
            )
        };
        let subject = if first.phrase.chars().count() >= 2 {
            first.phrase.clone()
        } else {
            again.phrase.clone()
        };
        found.push(Statement {
            kind: StatementKind::Repeated,
            span,
            subject: subject.clone(),
            figures: vec![first.p.figure(Role::First), again.p.figure(Role::Again)],
            verdict: Verdict::Inconsistent {
                expected: format!("{first_text} ≠ {again_text}"),
            },
            pairing: crate::msg!(
                "pair-repeated",
                subject = subject,
                unit = unit,
                how = how,
                first_line = line(first.p),
                again_line = line(again.p)
            ),
        });
    }
    // 上述11项重大行政决策: the fact stated before whose words end with the words after the
    // number, when one fact of the unit does and all its mentions before agree.
    for m in back_references {
        let unit = m.p.unit();
        if m.after.chars().count() < 4 || !may_end_a_fact(&m.after, 4, unit) {
            continue;
        }
        let hit = (4..=m.after.chars().count()).rev().find_map(|n| {
            let noun = first_chars(&m.after, n);
            ending(noun, unit).map(|g| (noun, g))
        });
        let Some((noun, [g])) = hit.as_ref().map(|(n, g)| (n, g.as_slice())) else {
            continue;
        };
        let Some(list) = groups.get(*g) else {
            continue;
        };
        let earlier: Vec<&Mention<'_, '_>> = list
            .iter()
            .copied()
            .filter(|e| e.p.q.span.start < m.p.q.span.start)
            .collect();
        let clusters = value_clusters(&earlier);
        let (Some(first), [cluster]) = (earlier.last(), clusters.as_slice()) else {
            continue;
        };
        if overlaps(*cluster, count_range(m.p.q)) {
            continue;
        }
        let span = m.p.figure(Role::Again).span;
        if found.iter().any(|s| s.span == span) {
            continue;
        }
        let first_text = doc.slice(&(first.p.q.span.start..first.p.end()));
        let again_text = doc.slice(&(m.p.q.span.start..m.p.end()));
        found.push(Statement {
            kind: StatementKind::Repeated,
            span,
            subject: first.phrase.clone(),
            figures: vec![first.p.figure(Role::First), m.p.figure(Role::Again)],
            verdict: Verdict::Inconsistent {
                expected: format!("{first_text} ≠ {again_text}"),
            },
            pairing: crate::msg!(
                "pair-repeated-refers-back",
                noun = noun,
                words = first.phrase,
                unit = unit,
                first_line = line(first.p),
                again_line = line(m.p)
            ),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The one-pass searches of a phrase's words find what one search per word finds.
        #[test]
        fn word_scans_agree_with_one_search_per_word(
            phrase in "[全年本度镇对通过依托局委会在共有的是,。a]{0,24}",
            words in proptest::collection::vec("[全年本度镇对通过依托局]{1,3}", 0..6),
            n in 0usize..30,
        ) {
            let plain_last = words
                .iter()
                .filter_map(|b| phrase.rfind(b.as_str()).map(|at| at + b.len()))
                .max();
            proptest::prop_assert_eq!(last_boundary_end(&phrase, &words, &Edges::lasts(&words)), plain_last);
            let plain_first = words
                .iter()
                .filter_map(|m| phrase.find(m.as_str()))
                .filter(|&at| at > 0)
                .min();
            proptest::prop_assert_eq!(
                first_marker_after_start(&phrase, &words, &Edges::firsts(&words)),
                plain_first
            );
            let taken: String = phrase.chars().take(n).collect();
            proptest::prop_assert_eq!(first_chars(&phrase, n), taken.as_str());
        }
    }

    /// The sentences of the analyser's case corpora (`text:` lines), the material the
    /// generated reports below are made of.
    fn case_sentences() -> &'static [String] {
        static SENTENCES: OnceLock<Vec<String>> = OnceLock::new();
        SENTENCES.get_or_init(|| {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
            let mut sentences = Vec::new();
            for file in [
                "statements/cases.yaml",
                "heldout/statements.yaml",
                "heldout2/statements.yaml",
            ] {
                let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
                for line in text.lines() {
                    if let Some(t) = line.trim_start().strip_prefix("text:") {
                        let t = t.trim().trim_matches(['"', '\'']);
                        if !t.is_empty() {
                            sentences.push(t.to_string());
                        }
                    }
                }
            }
            assert!(sentences.len() > 300, "{} sentences", sentences.len());
            sentences
        })
    }

    /// The statements of `text` with the shortcuts and without them.
    fn with_and_without_shortcuts(text: &str) -> (Vec<Statement>, Vec<Statement>) {
        let doc = Document::parse(text.to_string());
        let with = analyse(&doc);
        SHORTCUTS.with(|s| s.set(false));
        let without = analyse(&doc);
        SHORTCUTS.with(|s| s.set(true));
        (with, without)
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(256))]
        /// Reports made of the corpora's sentences, in paragraphs, some stated again with
        /// other figures (or cut short): the analysis with its shortcuts finds exactly the
        /// statements of the full analysis.
        #[test]
        fn shortcuts_find_the_statements_of_the_full_analysis(
            picks in proptest::collection::vec((0usize..10_000, 0u8..4), 1..8),
            again in proptest::collection::vec((0usize..8, 0usize..400, 0u32..10, 0usize..60), 0..4),
        ) {
            let sentences = case_sentences();
            let picked: Vec<&str> =
                picks.iter().map(|(k, _)| sentences[k % sentences.len()].as_str()).collect();
            let mut text = String::new();
            for (s, (_, breaks)) in picked.iter().zip(&picks) {
                text.push_str(s);
                if *breaks == 0 {
                    text.push('\n');
                }
            }
            // A sentence stated again with a figure changed, from a character on.
            for (which, at, digit, from) in again {
                let mut chars: Vec<char> = picked[which % picked.len()].chars().collect();
                let digits: Vec<usize> =
                    (0..chars.len()).filter(|&i| chars[i].is_ascii_digit()).collect();
                if let Some(&i) = digits.get(at % digits.len().max(1)) {
                    chars[i] = char::from_digit(digit, 10).unwrap_or('0');
                }
                let from = from.min(chars.len()) % 8;
                text.extend(&chars[from..]);
            }
            let (with, without) = with_and_without_shortcuts(&text);
            proptest::prop_assert_eq!(with, without, "{}", text);
        }
    }

    /// Every sentence of the corpora alone, and each with the next one.
    #[test]
    fn shortcuts_find_the_statements_of_the_full_analysis_on_the_corpora() {
        let sentences = case_sentences();
        for (k, s) in sentences.iter().enumerate() {
            let next = sentences.get(k + 1).map_or("", String::as_str);
            for text in [s.clone(), format!("{s}{next}")] {
                let (with, without) = with_and_without_shortcuts(&text);
                assert_eq!(with, without, "{text}");
            }
        }
    }

    #[test]
    fn the_vocabulary_file_is_read() {
        assert!(vocabulary_loaded());
    }

    /// The program reads the vocabulary file's words as the YAML parser reads the file.
    #[test]
    fn the_built_vocabulary_is_the_vocabulary_file() {
        let built = Vocabulary::read();
        let yaml: Vocabulary = serde_saphyr::from_str(VOCABULARY).expect("valid YAML");
        assert!(!built.synonyms.is_empty() && !built.light_verbs.is_empty());
        assert_eq!(format!("{built:?}"), format!("{yaml:?}"));
    }

    #[test]
    fn precision_allows_rounding_and_truncation() {
        let agrees =
            |stated, decimals, computed| agrees_range(stated, decimals, (computed, computed));
        assert!(agrees(0.99, 0, 288.0 / 290.0));
        assert!(agrees(0.964, 1, 0.9649));
        assert!(!agrees(0.97, 0, 288.0 / 290.0));
        assert!(agrees(1.0, 0, 0.996));
        assert!(!agrees(0.99, 0, 1.0));
    }
}
