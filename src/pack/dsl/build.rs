//! Builds the rule model from the pest parse tree: one function per grammar rule, each taking
//! that rule's pair and returning the model value (or `None` after recording why not).
//!
//! Semantic problems (duplicate ids, a missing message, an unknown function …) are pushed to
//! `errors` and building goes on with the rest of the file, so one run reports all of them.

use std::cell::Cell;
use std::sync::LazyLock;

use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};

use super::depth::{self, MAX_EXPR_DEPTH, MAX_NESTING};
use super::kind::{DslCheck, LetLines};
use super::strings;
use super::Rule;
use crate::pack::error::PackError;
use crate::pack::expr::{UnOp, FACTS};
use crate::pack::model::{
    BinOp, CmpOp, Example, ExampleKind, Expr, ExprKind, Func, Let, Matcher, Pack, Rule as PackRule,
    Scope, Severity, SeverityOverride, Span, Spanned, Tolerance,
};

/// `and` / `or` / `not`, loosest first.
static LOGIC: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::op_or, Assoc::Left))
        .op(Op::infix(Rule::op_and, Assoc::Left))
        .op(Op::prefix(Rule::op_not))
});

/// Arithmetic, loosest first.
static ARITH: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
        .op(Op::infix(Rule::op_mul, Assoc::Left) | Op::infix(Rule::op_div, Assoc::Left))
        .op(Op::prefix(Rule::op_neg))
});

/// The words that start each kind in the DSL, for help texts: "`require`, … or `digits`".
pub fn check_keywords<C: DslCheck>() -> String {
    let words: Vec<String> = C::keywords()
        .into_iter()
        .map(|w| format!("`{w}`"))
        .collect();
    match words.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => crate::tr!("build-list-or", rest = rest.join(", "), last = last),
        None => String::new(),
    }
}

pub struct Builder<'s> {
    src: &'s str,
    /// Where the parsed text starts in the pack file.
    base: usize,
    errors: Vec<PackError>,
    /// Brackets open around what is being built (see [`depth`]).
    nesting: usize,
}

/// An expression and the depth of its tree (a number or a name is 1).
type Deep = (Expr, usize);

/// The lines of one rule as they are read, before they are checked to fit together.
struct RuleLines<C> {
    severity: Option<Spanned<Severity>>,
    message: Option<Spanned<String>>,
    help: Option<Spanned<String>>,
    reference: Option<Spanned<String>>,
    tags: Vec<Spanned<String>>,
    once_per_file: Option<Span>,
    examples: Vec<Example>,
    /// The check and the span of its keyword line.
    check: Option<(C, Span)>,
    lets: Vec<(Let, Span)>,
    asserts: Vec<(Expr, Span)>,
    /// A line failed to build: the rule is left out, its errors are already recorded.
    broken: bool,
    /// A `message` / `assert` line was written, even if it failed to build.
    wrote_message: bool,
    wrote_assert: bool,
}

impl<C> Default for RuleLines<C> {
    fn default() -> Self {
        RuleLines {
            severity: None,
            message: None,
            help: None,
            reference: None,
            tags: Vec::new(),
            once_per_file: None,
            examples: Vec::new(),
            check: None,
            lets: Vec::new(),
            asserts: Vec::new(),
            broken: false,
            wrote_message: false,
            wrote_assert: false,
        }
    }
}

impl<'s> Builder<'s> {
    pub fn new(src: &'s str, base: usize) -> Self {
        Builder {
            src,
            base,
            errors: Vec::new(),
            nesting: 0,
        }
    }

    /// The built value, or every error recorded while building it.
    /// The value read so far, with every error found, even when there are errors.
    pub fn finish_partial<T>(self, value: Option<T>) -> (Option<T>, Vec<PackError>) {
        (value, self.errors)
    }

    pub fn finish<T>(self, value: Option<T>) -> Result<T, Vec<PackError>> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            None if self.errors.is_empty() => Err(vec![PackError::new(
                crate::tr!("build-pack-could-not-read"),
                self.base..self.base,
            )]),
            _ => Err(self.errors),
        }
    }

    pub fn span(&self, pair: &Pair<Rule>) -> Span {
        let span = pair.as_span();
        self.base + span.start()..self.base + span.end()
    }

    pub fn error(&mut self, error: PackError) {
        self.errors.push(error);
    }

    /// 1-based line of a byte offset in the pack file, for messages that refer to another place.
    pub fn line_of(&self, offset: usize) -> usize {
        let local = offset.saturating_sub(self.base);
        self.src
            .get(..local)
            .map_or(1, |before| before.matches('\n').count() + 1)
    }

    /// Complains about a second occurrence of a line that a rule or pack has only once.
    fn once<T>(&mut self, slot: &mut Option<T>, value: T, keyword: &str, span: Span) {
        if slot.is_some() {
            self.error(
                PackError::new(
                    crate::tr!("build-keyword-given-twice", keyword = keyword),
                    span,
                )
                .with_label(crate::tr!("build-second-keyword", keyword = keyword))
                .with_help(crate::tr!("build-keep-one-keyword-line", keyword = keyword)),
            );
        } else {
            *slot = Some(value);
        }
    }

    // ------------------------------------------------------------------ pack

    pub fn pack<C: DslCheck>(&mut self, pair: Pair<Rule>) -> Option<Pack<C>> {
        let mut name = None;
        let mut version = None;
        let mut description = None;
        let mut pack = Pack::default();
        let mut broken = false;
        for item in pair.into_inner() {
            let span = self.span(&item);
            match item.as_rule() {
                Rule::pack_name => match self.keyword_string(item) {
                    Some(value) => self.once(&mut name, value, "pack", span),
                    None => broken = true,
                },
                Rule::version => match self.keyword_string(item) {
                    Some(value) => self.once(&mut version, value, "version", span),
                    None => broken = true,
                },
                Rule::description => match self.keyword_string(item) {
                    Some(value) => self.once(&mut description, value, "description", span),
                    None => broken = true,
                },
                Rule::extends => match self.keyword_string(item) {
                    Some(value) => pack.extends.push(value),
                    None => broken = true,
                },
                Rule::disable => match self.keyword_string(item) {
                    Some(value) => pack.disable.push(value),
                    None => broken = true,
                },
                Rule::severity_override => match self.severity_override(item) {
                    Some(value) => pack.overrides.push(value),
                    None => broken = true,
                },
                Rule::rule_def => match self.rule(item) {
                    Some(rule) => pack.rules.push(rule),
                    None => broken = true,
                },
                _ => {}
            }
        }
        let Some(name) = name else {
            self.error(
                PackError::new(crate::tr!("build-pack-has-no-name"), self.base..self.base)
                    .with_label(crate::tr!("build-pack-starts-here"))
                    .with_help(crate::tr!("build-start-file-with-line")),
            );
            return None;
        };
        if name.value.is_empty() {
            self.error(PackError::new(
                crate::tr!("build-pack-name-empty"),
                name.span.clone(),
            ));
        }
        pack.name = name;
        pack.version = version;
        pack.description = description;
        // A broken line has been reported and left out; the rest of the pack is still
        // returned so that validation can report its problems in the same run.
        let _ = broken;
        Some(pack)
    }

    /// `keyword "text"` lines: the text.
    pub fn keyword_string(&mut self, pair: Pair<Rule>) -> Option<Spanned<String>> {
        let string = pair.into_inner().find(|p| p.as_rule() == Rule::string)?;
        self.string(string)
    }

    fn severity_override(&mut self, pair: Pair<Rule>) -> Option<SeverityOverride> {
        let mut rule = None;
        let mut severity = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::string => rule = self.string(part),
                Rule::word => severity = self.severity_word(part),
                _ => {}
            }
        }
        Some(SeverityOverride {
            rule: rule?,
            severity: severity?,
        })
    }

    fn severity_word(&mut self, word: Pair<Rule>) -> Option<Spanned<Severity>> {
        let span = self.span(&word);
        match Severity::parse(word.as_str()) {
            Some(severity) => Some(Spanned::new(severity, span)),
            None => {
                self.error(
                    PackError::new(
                        crate::tr!("build-unknown-severity-word", word = word.as_str()),
                        span,
                    )
                    .with_label(crate::tr!("build-not-severity"))
                    .with_help(crate::tr!("build-severity-error-warning-info")),
                );
                None
            }
        }
    }

    // ------------------------------------------------------------------ rules

    fn rule<C: DslCheck>(&mut self, pair: Pair<Rule>) -> Option<PackRule<C>> {
        let mut inner = pair.into_inner();
        let id_pair = inner.find(|p| p.as_rule() == Rule::rule_id)?;
        let id = self.rule_id(id_pair);
        let mut lines = RuleLines::default();
        for item in inner {
            self.rule_item(item, &mut lines);
        }
        let id = id?;
        if !lines.wrote_message {
            self.error(
                PackError::new(
                    crate::tr!("build-rule-id-has-no", id = id.value),
                    id.span.clone(),
                )
                .with_label(crate::tr!("build-rule-needs-message-line"))
                .with_help(crate::tr!("build-add-message-saying-what")),
            );
        }
        let check = self.rule_check(&id, &mut lines);
        if lines.broken {
            return None;
        }
        Some(PackRule {
            id,
            severity: lines
                .severity
                .unwrap_or_else(|| Spanned::unspanned(Severity::default())),
            message: lines.message?,
            help: lines.help,
            reference: lines.reference,
            tags: lines.tags,
            once_per_file: lines.once_per_file.is_some(),
            examples: lines.examples,
            check: check?,
        })
    }

    fn rule_id(&mut self, pair: Pair<Rule>) -> Option<Spanned<String>> {
        let span = self.span(&pair);
        Some(Spanned::new(pair.as_str().to_string(), span))
    }

    fn rule_item<C: DslCheck>(&mut self, item: Pair<Rule>, lines: &mut RuleLines<C>) {
        let span = self.span(&item);
        let rule = item.as_rule();
        lines.wrote_message |= rule == Rule::message;
        lines.wrote_assert |= rule == Rule::assertion;
        match rule {
            Rule::severity => {
                let severity = item
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::word)
                    .and_then(|word| self.severity_word(word));
                match severity {
                    Some(severity) => self.once(&mut lines.severity, severity, "severity", span),
                    None => lines.broken = true,
                }
            }
            Rule::message | Rule::help | Rule::reference => {
                let keyword = match rule {
                    Rule::message => "message",
                    Rule::help => "help",
                    _ => "reference",
                };
                let Some(text) = self.keyword_string(item) else {
                    lines.broken = true;
                    return;
                };
                let slot = match rule {
                    Rule::message => &mut lines.message,
                    Rule::help => &mut lines.help,
                    _ => &mut lines.reference,
                };
                self.once(slot, text, keyword, span);
            }
            Rule::tags => {
                for tag in item.into_inner().filter(|p| p.as_rule() == Rule::string) {
                    match self.string(tag) {
                        Some(tag) => lines.tags.push(tag),
                        None => lines.broken = true,
                    }
                }
            }
            Rule::once_per_file => self.once(
                &mut lines.once_per_file,
                span.clone(),
                "once per file",
                span,
            ),
            Rule::example => match self.example(item) {
                Some(example) => lines.examples.push(example),
                None => lines.broken = true,
            },
            Rule::let_binding => match self.let_binding(item) {
                Some(binding) => lines.lets.push((binding, span)),
                None => lines.broken = true,
            },
            Rule::assertion => match item.into_inner().find(|p| p.as_rule() == Rule::expr) {
                Some(expr) => match self.expr(expr) {
                    Some(expr) => lines.asserts.push((expr, span)),
                    None => lines.broken = true,
                },
                None => lines.broken = true,
            },
            _ => {
                let Some(check) = C::build(self, item) else {
                    return;
                };
                let Some(check) = check else {
                    lines.broken = true;
                    return;
                };
                if let Some((first, first_span)) = &lines.check {
                    let keyword_span = span.start..span.start + check.keyword().len();
                    let line = self.line_of(first_span.start);
                    self.error(
                        PackError::new(
                            crate::tr!(
                                "build-rule-checks-one-thing",
                                dsl_keyword = first.keyword()
                            ),
                            keyword_span,
                        )
                        .with_label(crate::tr!("build-second-check"))
                        .with_help(crate::tr!("build-first-check-on-line", line = line)),
                    );
                    lines.broken = true;
                } else {
                    lines.check = Some((check, span));
                }
            }
        }
    }

    /// Puts the check together with the rule's `let` and `assert` lines.
    fn rule_check<C: DslCheck>(
        &mut self,
        id: &Spanned<String>,
        lines: &mut RuleLines<C>,
    ) -> Option<C> {
        let mut lets = LetLines {
            lets: std::mem::take(&mut lines.lets),
            asserts: std::mem::take(&mut lines.asserts),
            wrote_assert: lines.wrote_assert,
        };
        match lines.check.take() {
            Some((mut check, span)) if check.takes_lets() => {
                check.take_lets(self, span, lets)?;
                Some(check)
            }
            Some((check, _)) => {
                let stray = lets
                    .lets
                    .first()
                    .map(|(_, span)| (span.clone(), "let"))
                    .into_iter()
                    .chain(
                        lets.asserts
                            .first()
                            .map(|(_, span)| (span.clone(), "assert")),
                    )
                    .min_by_key(|(span, _)| span.start);
                if let Some((span, keyword)) = stray {
                    self.error(
                        PackError::new(
                            crate::tr!(
                                "build-keyword-does-not-go",
                                keyword = keyword,
                                check = check.keyword()
                            ),
                            span.start..span.start + keyword.len(),
                        )
                        .with_label(crate::tr!("build-not-part-check"))
                        .with_help(crate::tr!("build-let-assert-work-on")),
                    );
                    return None;
                }
                Some(check)
            }
            None => {
                if let Some(check) = C::from_lets(&mut lets) {
                    return Some(check);
                }
                if let Some((_, span)) = lets.lets.first() {
                    self.error(
                        PackError::new(crate::tr!("build-let-without-assert"), span.clone())
                            .with_help(crate::tr!("build-add-assert-that-uses")),
                    );
                } else if !lines.broken {
                    self.error(
                        PackError::new(
                            crate::tr!("build-rule-id-checks-nothing", id = id.value),
                            id.span.clone(),
                        )
                        .with_label(crate::tr!("build-rule-has-no-check"))
                        .with_help(crate::tr!("build-add-one", limit = check_keywords::<C>())),
                    );
                }
                None
            }
        }
    }

    fn example(&mut self, pair: Pair<Rule>) -> Option<Example> {
        let mut kind = ExampleKind::Pass;
        let mut text = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_fail => kind = ExampleKind::Fail,
                Rule::kw_pass => kind = ExampleKind::Pass,
                Rule::string => text = self.string(part),
                Rule::long_string => text = self.long_string(part),
                _ => {}
            }
        }
        Some(Example { kind, text: text? })
    }

    fn let_binding(&mut self, pair: Pair<Rule>) -> Option<Let> {
        let mut name = None;
        let mut value = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::name => {
                    name = Some(Spanned::new(part.as_str().to_string(), self.span(&part)))
                }
                Rule::expr => value = self.expr(part),
                _ => {}
            }
        }
        Some(Let {
            name: name?,
            value: value?,
        })
    }

    // ------------------------------------------------------------------ matchers

    pub fn matcher(&mut self, pair: Pair<Rule>) -> Option<Matcher> {
        let alternatives: Vec<Option<Matcher>> = pair
            .into_inner()
            .map(|atom| self.matcher_atom(atom))
            .collect();
        let mut alternatives: Vec<Matcher> = alternatives.into_iter().collect::<Option<_>>()?;
        if alternatives.len() == 1 {
            alternatives.pop()
        } else {
            Some(Matcher::Any(alternatives))
        }
    }

    pub fn matcher_list(&mut self, pairs: Pairs<Rule>) -> Option<Vec<Matcher>> {
        let matchers: Vec<Option<Matcher>> = pairs
            .filter(|p| p.as_rule() == Rule::matcher)
            .map(|p| self.matcher(p))
            .collect();
        matchers.into_iter().collect()
    }

    fn matcher_atom(&mut self, pair: Pair<Rule>) -> Option<Matcher> {
        match pair.as_rule() {
            Rule::string => {
                let text = self.string(pair)?;
                Some(Matcher::Text(text))
            }
            Rule::regex => Some(Matcher::Regex(self.regex(pair)?)),
            Rule::pattern => {
                let text = self.keyword_string(pair)?;
                Some(Matcher::Pattern(text))
            }
            Rule::any_of | Rule::all_of | Rule::none_of => {
                let kind = pair.as_rule();
                let list = self.nested(&pair, |b| b.matcher_list(pair.clone().into_inner()))?;
                Some(match kind {
                    Rule::any_of => Matcher::Any(list),
                    Rule::all_of => Matcher::All(list),
                    _ => Matcher::None(list),
                })
            }
            Rule::year_of => {
                let expr = pair.into_inner().find(|p| p.as_rule() == Rule::expr)?;
                Some(Matcher::Year(self.expr(expr)?))
            }
            _ => None,
        }
    }

    /// Builds what is inside one more bracket, unless that is one too many. pest stops at
    /// the same depth when the pack is measured before parsing ([`depth::too_deep`]); this
    /// keeps the builder's recursion bounded on its own.
    fn nested<T>(
        &mut self,
        pair: &Pair<Rule>,
        build: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<T> {
        if self.nesting >= MAX_NESTING {
            let at = self.span(pair).start;
            self.error(depth::error(at));
            return None;
        }
        self.nesting += 1;
        let built = build(self);
        self.nesting -= 1;
        built
    }

    /// The error for a run of more than [`MAX_EXPR_DEPTH`] prefix operators (`not not …`,
    /// `- - …`) among the parts of an expression, which the precedence parser would follow
    /// one recursion per operator.
    fn prefix_run_too_long(&mut self, pair: &Pair<Rule>, prefix: Rule) -> bool {
        let mut run = 0;
        for part in pair.clone().into_inner() {
            if part.as_rule() != prefix {
                run = 0;
                continue;
            }
            run += 1;
            if run > MAX_EXPR_DEPTH {
                let span = self.span(&part);
                self.error(depth::expr_error(span));
                return true;
            }
        }
        false
    }

    /// Checks the depth of an expression being built over `span`.
    fn within_depth(&mut self, depth: usize, span: &Span) -> Option<()> {
        if depth > MAX_EXPR_DEPTH {
            self.error(depth::expr_error(span.clone()));
            return None;
        }
        Some(())
    }

    fn regex(&mut self, pair: Pair<Rule>) -> Option<Spanned<String>> {
        let content = pair
            .into_inner()
            .find(|p| p.as_rule() == Rule::regex_content)?;
        let span = self.span(&content);
        Some(Spanned::new(strings::regex_value(content.as_str()), span))
    }

    pub fn scope(&mut self, pair: Pair<Rule>) -> Option<Scope> {
        let place = pair.into_inner().find(|p| p.as_rule() != Rule::kw_in)?;
        match place.as_rule() {
            Rule::scope_document => Some(Scope::Document),
            Rule::scope_paragraph => Some(Scope::Paragraph),
            Rule::scope_sentence => Some(Scope::Sentence),
            Rule::scope_title => Some(Scope::Title),
            Rule::scope_body => self.scope_body(place),
            Rule::scope_section | Rule::scope_heading => {
                let is_section = place.as_rule() == Rule::scope_section;
                let matcher = place.into_inner().find(|p| p.as_rule() == Rule::matcher)?;
                let matcher = Box::new(self.matcher(matcher)?);
                Some(if is_section {
                    Scope::Section(matcher)
                } else {
                    Scope::Heading(matcher)
                })
            }
            _ => None,
        }
    }

    /// `body` or `body of section M`.
    fn scope_body(&mut self, place: Pair<Rule>) -> Option<Scope> {
        match place.into_inner().find(|p| p.as_rule() == Rule::matcher) {
            None => Some(Scope::Body),
            Some(matcher) => Some(Scope::SectionBody(Box::new(self.matcher(matcher)?))),
        }
    }

    // ------------------------------------------------------------------ strings

    pub fn string(&mut self, pair: Pair<Rule>) -> Option<Spanned<String>> {
        let literal = pair.into_inner().next()?;
        let terminated = literal.as_rule() == Rule::closed_string;
        let quote_start = self.span(&literal).start;
        let content = literal
            .into_inner()
            .find(|p| p.as_rule() == Rule::string_content)?;
        let span = self.span(&content);
        if !terminated {
            self.error(
                PackError::new(
                    crate::tr!("build-unterminated-string"),
                    quote_start..span.end,
                )
                .with_label(crate::tr!("build-string-has-no-closing"))
                .with_help(crate::tr!("build-close-string-on-same")),
            );
            return None;
        }
        let value = strings::unescape(content.as_str(), span.start, &mut self.errors);
        Some(Spanned::new(value, span))
    }

    fn long_string(&mut self, pair: Pair<Rule>) -> Option<Spanned<String>> {
        let content = pair
            .into_inner()
            .find(|p| p.as_rule() == Rule::long_content)?;
        let span = self.span(&content);
        Some(Spanned::new(
            strings::long_string_value(content.as_str()),
            span,
        ))
    }

    // ------------------------------------------------------------------ expressions

    pub fn expr(&mut self, pair: Pair<Rule>) -> Option<Expr> {
        self.deep_expr(pair).map(|(expr, _)| expr)
    }

    fn deep_expr(&mut self, pair: Pair<Rule>) -> Option<Deep> {
        let span = self.span(&pair);
        let base = self.base;
        if self.prefix_run_too_long(&pair, Rule::op_not) {
            return None;
        }
        let too_deep: Cell<Option<Span>> = Cell::new(None);
        let built = LOGIC
            .map_primary(|comparison| self.comparison(comparison))
            .map_prefix(|op, operand: Option<Deep>| {
                let (operand, depth) = operand?;
                let op_span = base + op.as_span().start()..base + op.as_span().end();
                if depth + 1 > MAX_EXPR_DEPTH {
                    too_deep.set(too_deep.take().or(Some(op_span)));
                    return None;
                }
                Some((
                    Expr {
                        span: op_span.start..operand.span.end,
                        kind: ExprKind::Not(Box::new(operand)),
                    },
                    depth + 1,
                ))
            })
            .map_infix(|left: Option<Deep>, op: Pair<Rule>, right: Option<Deep>| {
                let ((left, left_depth), (right, right_depth)) = (left?, right?);
                let depth = 1 + left_depth.max(right_depth);
                if depth > MAX_EXPR_DEPTH {
                    let op_span = base + op.as_span().start()..base + op.as_span().end();
                    too_deep.set(too_deep.take().or(Some(op_span)));
                    return None;
                }
                let span = left.span.start..right.span.end;
                let kind = if op.as_rule() == Rule::op_and {
                    ExprKind::And(Box::new(left), Box::new(right))
                } else {
                    ExprKind::Or(Box::new(left), Box::new(right))
                };
                Some((Expr { kind, span }, depth))
            })
            .parse(pair.into_inner());
        if let Some(at) = too_deep.take() {
            self.error(depth::expr_error(at));
        }
        built.map(|(expr, depth)| (Expr { span, ..expr }, depth))
    }

    fn comparison(&mut self, pair: Pair<Rule>) -> Option<Deep> {
        let span = self.span(&pair);
        let mut parts = pair.into_inner();
        let left = self.arith(parts.next()?);
        let Some(tail) = parts.next() else {
            return left;
        };
        let (kind, depth) = match tail.as_rule() {
            Rule::compare_tail => {
                let mut tail = tail.into_inner();
                let op = match tail.next()?.as_str() {
                    "<" => CmpOp::Lt,
                    "<=" => CmpOp::Le,
                    ">" => CmpOp::Gt,
                    ">=" => CmpOp::Ge,
                    "==" => CmpOp::Eq,
                    _ => CmpOp::Ne,
                };
                let right = self.arith(tail.next()?);
                let ((left, left_depth), (right, right_depth)) = (left?, right?);
                let kind = ExprKind::Compare {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                };
                (kind, 1 + left_depth.max(right_depth))
            }
            _ => {
                let mut right = None;
                let mut tolerance = None;
                for part in tail.into_inner() {
                    match part.as_rule() {
                        Rule::arith => right = self.arith(part),
                        Rule::tolerance => tolerance = self.tolerance(part),
                        _ => {}
                    }
                }
                let ((left, left_depth), (right, right_depth)) = (left?, right?);
                let kind = ExprKind::Approx {
                    left: Box::new(left),
                    right: Box::new(right),
                    tolerance: tolerance?,
                };
                (kind, 1 + left_depth.max(right_depth))
            }
        };
        self.within_depth(depth, &span)?;
        Some((Expr { kind, span }, depth))
    }

    fn tolerance(&mut self, pair: Pair<Rule>) -> Option<Tolerance> {
        let mut amount = None;
        let mut relative = false;
        let mut points = None;
        let mut exact = false;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_relative => relative = true,
                Rule::kw_points => points = Some(self.span(&part)),
                Rule::kw_exactly => exact = true,
                Rule::number | Rule::percent => amount = self.number_like(part),
                _ => {}
            }
        }
        let (amount, decimals, percent) = match amount?.kind {
            ExprKind::Number { value, decimals } => (value, decimals, false),
            ExprKind::Percent { value, decimals } => (value, decimals, true),
            _ => return None,
        };
        if let Some(span) = &points {
            if percent || relative {
                self.error(
                    PackError::new(crate::tr!("build-points-plain-number"), span.clone())
                        .with_label(crate::tr!("build-points-label"))
                        .with_help(crate::tr!("build-points-help")),
                );
                return None;
            }
        }
        let points = points.is_some();
        Some(Tolerance {
            amount: if points { amount / 100.0 } else { amount },
            percent,
            relative,
            decimals,
            points,
            exact,
        })
    }

    fn arith(&mut self, pair: Pair<Rule>) -> Option<Deep> {
        let base = self.base;
        if self.prefix_run_too_long(&pair, Rule::op_neg) {
            return None;
        }
        let too_deep: Cell<Option<Span>> = Cell::new(None);
        let built = ARITH
            .map_primary(|operand| self.operand(operand))
            .map_prefix(|op, operand: Option<Deep>| {
                let (operand, depth) = operand?;
                let op_span = base + op.as_span().start()..base + op.as_span().end();
                if depth + 1 > MAX_EXPR_DEPTH {
                    too_deep.set(too_deep.take().or(Some(op_span)));
                    return None;
                }
                Some((
                    Expr {
                        span: op_span.start..operand.span.end,
                        kind: ExprKind::Unary {
                            op: UnOp::Neg,
                            operand: Box::new(operand),
                        },
                    },
                    depth + 1,
                ))
            })
            .map_infix(|left: Option<Deep>, op: Pair<Rule>, right: Option<Deep>| {
                let ((left, left_depth), (right, right_depth)) = (left?, right?);
                let depth = 1 + left_depth.max(right_depth);
                if depth > MAX_EXPR_DEPTH {
                    let op_span = base + op.as_span().start()..base + op.as_span().end();
                    too_deep.set(too_deep.take().or(Some(op_span)));
                    return None;
                }
                let op = match op.as_rule() {
                    Rule::op_add => BinOp::Add,
                    Rule::op_sub => BinOp::Sub,
                    Rule::op_mul => BinOp::Mul,
                    _ => BinOp::Div,
                };
                Some((
                    Expr {
                        span: left.span.start..right.span.end,
                        kind: ExprKind::Binary {
                            op,
                            left: Box::new(left),
                            right: Box::new(right),
                        },
                    },
                    depth,
                ))
            })
            .parse(pair.into_inner());
        if let Some(at) = too_deep.take() {
            self.error(depth::expr_error(at));
        }
        built
    }

    fn operand(&mut self, pair: Pair<Rule>) -> Option<Deep> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::number | Rule::percent => return self.number_like(pair).map(|e| (e, 1)),
            Rule::string => ExprKind::Text(self.string(pair)?.value),
            Rule::fact => {
                let fact = pair.as_str();
                if !FACTS.contains(&fact) {
                    self.error(
                        PackError::new(crate::tr!("build-unknown-fact", fact = fact), span)
                            .with_label(crate::tr!("build-not-document-fact"))
                            .with_help(crate::tr!(
                                "build-document-facts-are-arg",
                                facts = FACTS.join(", ")
                            )),
                    );
                    return None;
                }
                ExprKind::Fact(fact.to_string())
            }
            Rule::call => return self.nested(&pair, |b| b.call(pair.clone())),
            Rule::name => ExprKind::Name(pair.as_str().to_string()),
            Rule::expr => return self.nested(&pair, |b| b.deep_expr(pair.clone())),
            _ => return None,
        };
        Some((Expr { kind, span }, 1))
    }

    /// A `number` or `percent` pair as `ExprKind::Number` / `ExprKind::Percent`.
    fn number_like(&mut self, pair: Pair<Rule>) -> Option<Expr> {
        let span = self.span(&pair);
        let is_percent = pair.as_rule() == Rule::percent;
        let digits = pair.as_str().trim_end_matches(['%', '％']);
        let decimals = digits
            .split_once('.')
            .map_or(0, |(_, fraction)| fraction.len());
        let value = digits.parse::<f64>().ok().filter(|v| v.is_finite());
        let (Some(value), Ok(decimals)) = (value, u8::try_from(decimals)) else {
            self.error(
                PackError::new(
                    crate::tr!("build-bad-number-pair", pair = pair.as_str()),
                    span,
                )
                .with_label(crate::tr!("build-too-long-number"))
                .with_help(crate::tr!("build-write-number-with-at")),
            );
            return None;
        };
        let kind = if is_percent {
            ExprKind::Percent {
                value: value / 100.0,
                decimals,
            }
        } else {
            ExprKind::Number { value, decimals }
        };
        Some(Expr { kind, span })
    }

    fn call(&mut self, pair: Pair<Rule>) -> Option<Deep> {
        let span = self.span(&pair);
        let mut parts = pair.into_inner();
        let name = parts.next()?;
        let name_span = self.span(&name);
        let args: Vec<Option<Deep>> = parts
            .filter(|p| p.as_rule() == Rule::expr)
            .map(|arg| self.deep_expr(arg))
            .collect();
        let Some(func) = Func::from_name(name.as_str()) else {
            let known: Vec<&str> = Func::ALL.iter().map(|f| f.name()).collect();
            self.error(
                PackError::new(
                    crate::tr!("build-unknown-function-arg", name = name.as_str()),
                    name_span,
                )
                .with_label(crate::tr!("build-not-function"))
                .with_help(crate::tr!(
                    "build-functions-are-known",
                    known = known.join(", ")
                )),
            );
            return None;
        };
        let args: Vec<Deep> = args.into_iter().collect::<Option<_>>()?;
        let depth = 1 + args.iter().map(|(_, depth)| *depth).max().unwrap_or(0);
        let args: Vec<Expr> = args.into_iter().map(|(arg, _)| arg).collect();
        let (wanted, ok) = match func {
            Func::Date => (crate::tr!("build-wants-date-parts"), args.len() == 3),
            Func::Min | Func::Max => (crate::tr!("build-wants-at-least-one"), !args.is_empty()),
            _ => (crate::tr!("build-wants-one"), args.len() == 1),
        };
        if !ok {
            self.error(
                PackError::new(
                    crate::tr!(
                        "build-func-takes-wanted-not",
                        func = func.name(),
                        wanted = wanted,
                        args = args.len()
                    ),
                    span,
                )
                .with_label(crate::tr!("build-wrong-number-arguments")),
            );
            return None;
        }
        self.within_depth(depth, &span)?;
        Some((
            Expr {
                kind: ExprKind::Call { func, args },
                span,
            },
            depth,
        ))
    }
}
