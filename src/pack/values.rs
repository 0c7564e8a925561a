//! Values and expression evaluation for `let`, `assert` and `when … if`.
//!
//! Data enters as an [`Expr`] from the rule model plus an [`Env`] that resolves names
//! (captures of the current match, earlier `let`s) and document facts (`report.year`,
//! `document.date`) to [`Value`]s. It leaves as a [`Value`] ([`eval`]), as an [`AssertResult`] of
//! an assertion ([`check`]), or as text for a finding's message ([`format_value`]).
//!
//! # Semantics
//!
//! - **Numbers** keep how they were written: `decimals` is `Some(n)` for a figure written
//!   with `n` digits after the point (a capture or a literal), `None` for a computed one.
//!   A percentage is a ratio (`97%` is 0.97) with `percent` set.
//! - **Arithmetic** `+ − × ÷` works on numbers only. A result is approximate when an operand
//!   is (`120余起 + 3` is still "about"). Division by zero is
//!   [`EvalError::DivisionByZero`]; a result that is not finite (overflow) is
//!   [`EvalError::NotFinite`]: never a panic, never a silent NaN or infinity.
//! - **Functions**: `sum`, `count`, `min`, `max` take one repeated capture (a list) or
//!   several numbers; `abs(n)`; `date(y, m, d)` builds a date (an impossible date is
//!   [`EvalError::InvalidDate`]); `year(d)` is the year of a date; `exists(x)` is true iff the
//!   name or fact has a value.
//! - **Missing values**: a name or fact without a value is [`EvalError::Missing`] from
//!   [`eval`]; [`check`] turns it into [`AssertResult::NotApplicable`] — the assertion is skipped —
//!   except inside `exists()`, which turns it into `false`. `and` / `or` short-circuit, so
//!   `exists(x) and x > 0` is false rather than skipped when `x` is missing.
//! - **Approximate figures** (written with 约/近/超/余/多/以上/左右) never make an assertion
//!   fail: [`check`] returns [`AssertResult::NotApplicable`] for any assertion whose evaluation
//!   read an approximate number. Reports write 120余起; they are not arithmetic errors.
//! - **`a ~= b within T`** passes when `|a − b| ≤ T + slack`; with `relative`, when
//!   `|a − b| ≤ T × |b| + slack`. The slack is half a unit of the last decimal written on the
//!   *stated* side — a number written in the report or the pack, not a computed one: `99%`
//!   has slack 0.005 (as a ratio), `99.31%` has 0.00005, a computed ratio has none. When both
//!   sides were written, the larger slack applies (a report is never accused over rounding).
//!   So `288 / 290 = 99.31%` against a stated `99%` within `1%` passes, against `97%` fails.
//!   A written *percentage* may also have been truncated, as reports often do (96.49% written
//!   96.4%): the other side may lie up to one unit of its last decimal above it (excluded),
//!   the same precision rule as the statement analyser's, so `rate ~= part / total within 0%`
//!   accepts exactly the rates the analyser accepts for those figures.
//!   So the tolerance written is widened by the written precision: a rate written as a whole
//!   percentage (95%) checked `within 0.5%` (or `within 0.5 points`) accepts a computed rate
//!   from 94% up to (excluding) 96.5%: half a point below, one point above, plus the 0.5.
//!   A tolerance ending in `exactly` (`within 0.5 points exactly`) is not widened: the
//!   difference of the two values as they stand must be at most the tolerance (94.5%–95.5%).
//! - **Tolerances**: `within 1%` and `within 0.5 points` are absolute, in percentage points
//!   when the sides are ratios (`1%` is 0.01); `within 1% relative` is a fraction of the
//!   right side; a plain number (`within 2`) is absolute in the sides' own units.
//! - **Comparisons** `< <= > >= == !=` compare numbers (`==` tolerates float rounding) and
//!   dates; `==` / `!=` also compare texts and booleans. Comparing values of different kinds
//!   is [`EvalError::TypeMismatch`] (validation normally rejects such rules earlier).

use std::cmp::Ordering;

use crate::model::ParsedNumber;
use crate::model::Span;
use crate::pack::expr::{BinOp, CmpOp, Expr, ExprKind, Func, Tolerance, UnOp};

/// A value computed or captured while a rule runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number {
        value: f64,
        /// Written with an approximation marker (约, 余, 多 …), or computed from such a figure.
        approx: bool,
        /// Written precision: digits after the point as written; negative for a figure
        /// rounded to tens or more (`2.3万` is -3: rounded to 1000); `None` for a computed
        /// number.
        decimals: Option<i16>,
        /// A percentage; `value` is the ratio (97% is 0.97).
        percent: bool,
    },
    /// A repeated capture (`{parts:counts}`).
    List(Vec<Value>),
    Date {
        year: i32,
        month: u32,
        day: u32,
    },
    Text(String),
    Bool(bool),
}

impl Value {
    /// A number as written with `decimals` digits after the point.
    pub fn written(value: f64, decimals: u8) -> Value {
        Value::Number {
            value,
            approx: false,
            decimals: Some(i16::from(decimals)),
            percent: false,
        }
    }

    /// A figure as the report states it, read by [`crate::model::numbers`]: its value,
    /// whether it is approximate, its written precision, whether it is a percentage.
    pub fn stated(figure: &ParsedNumber) -> Value {
        Value::Number {
            value: figure.value,
            approx: figure.approx,
            decimals: Some(figure.decimals),
            percent: figure.percent,
        }
    }

    /// A whole count as written (no decimals), e.g. a number of findings.
    pub fn count(value: f64) -> Value {
        Value::written(value, 0)
    }

    /// A computed number (no written precision).
    pub fn computed(value: f64) -> Value {
        Value::Number {
            value,
            approx: false,
            decimals: None,
            percent: false,
        }
    }

    /// What kind of value this is, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Number { percent: true, .. } => "a percentage",
            Value::Number { .. } => "a number",
            Value::List(_) => "a list",
            Value::Date { .. } => "a date",
            Value::Text(_) => "a text",
            Value::Bool(_) => "a truth value",
        }
    }

    fn is_approx(&self) -> bool {
        match self {
            Value::Number { approx, .. } => *approx,
            Value::List(items) => items.iter().any(Value::is_approx),
            _ => false,
        }
    }
}

/// Resolves names and document facts while an expression is evaluated.
pub trait Env {
    /// A capture of the current match or a `let` value; `None` when it has no value.
    fn name(&self, name: &str) -> Option<Value>;
    /// A document fact such as `report.year`; `None` when the document does not state it.
    fn fact(&self, name: &str) -> Option<Value>;
}

/// The result of checking one assertion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssertResult {
    Pass,
    Fail,
    /// Skipped: a value it needs is missing, or it reads an approximate figure and is false.
    NotApplicable,
}

/// Why an expression could not be evaluated. Everything except [`EvalError::Missing`] is a
/// problem of the rule, reported as a diagnostic about the rule.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EvalError {
    #[error("{}", crate::tr!("eval-missing", name = .name))]
    Missing { name: String, span: Span },
    #[error("{}", crate::tr!("eval-division-by-zero"))]
    DivisionByZero { span: Span },
    #[error("{}", crate::tr!("eval-not-finite"))]
    NotFinite { span: Span },
    #[error("{}", crate::tr!("eval-type-mismatch", expected = value_words(.expected), found = value_words(.found)))]
    TypeMismatch {
        expected: String,
        found: &'static str,
        span: Span,
    },
    #[error("{}", crate::tr!("eval-arity", func = .func, expected = value_words(.expected)))]
    Arity {
        func: &'static str,
        expected: &'static str,
        span: Span,
    },
    #[error("{}", crate::tr!("eval-empty-list", func = .func))]
    EmptyList { func: &'static str, span: Span },
    #[error("{}", crate::tr!("eval-invalid-date", year = .year, month = .month, day = .day))]
    InvalidDate {
        year: f64,
        month: f64,
        day: f64,
        span: Span,
    },
}

/// A kind of value or what a function takes, as [`EvalError`] names it, in the current
/// language (the names are written in English where the error is made).
fn value_words(phrase: &str) -> String {
    let key = match phrase {
        "a percentage" => "value-percentage",
        "a number" => "value-number",
        "a list" => "value-list",
        "a date" => "value-date",
        "a text" => "value-text",
        "a truth value" => "value-truth",
        "a condition (true or false)" => "value-condition",
        "a list of numbers" => "value-numbers",
        "one name" => "value-one-name",
        "one number" => "value-one-number",
        "three numbers: year, month, day" => "value-ymd",
        "one date" => "value-one-date",
        "a repeated capture or some numbers" => "value-repeated",
        other => return other.to_string(),
    };
    crate::i18n::text(key, &[])
}

impl EvalError {
    /// Where in the pack the failing expression is written.
    pub fn span(&self) -> &Span {
        match self {
            EvalError::Missing { span, .. }
            | EvalError::DivisionByZero { span }
            | EvalError::NotFinite { span }
            | EvalError::TypeMismatch { span, .. }
            | EvalError::Arity { span, .. }
            | EvalError::EmptyList { span, .. }
            | EvalError::InvalidDate { span, .. } => span,
        }
    }
}

/// Evaluate an expression to a value.
pub fn eval(expr: &Expr, env: &dyn Env) -> Result<Value, EvalError> {
    let mut reads_approx = false;
    Evaluator {
        env,
        reads_approx: &mut reads_approx,
    }
    .eval(expr)
}

/// Check an assertion: it must evaluate to a truth value.
pub fn check(expr: &Expr, env: &dyn Env) -> Result<AssertResult, EvalError> {
    let mut reads_approx = false;
    let result = Evaluator {
        env,
        reads_approx: &mut reads_approx,
    }
    .eval(expr);
    match result {
        Err(EvalError::Missing { .. }) => Ok(AssertResult::NotApplicable),
        Err(other) => Err(other),
        Ok(_) if reads_approx => Ok(AssertResult::NotApplicable),
        Ok(Value::Bool(true)) => Ok(AssertResult::Pass),
        Ok(Value::Bool(false)) => Ok(AssertResult::Fail),
        Ok(other) => Err(EvalError::TypeMismatch {
            expected: "a condition (true or false)".into(),
            found: other.kind_name(),
            span: expr.span.clone(),
        }),
    }
}

/// Format a value for a finding's message. `spec` is what follows `:` in `{name:spec}`.
///
/// Numbers taken from the report keep their written decimals; computed numbers show at most
/// two decimals (trailing zeros dropped). `%` shows a ratio as a percentage with two decimals
/// (`99.31%`); `.N` fixes N decimals; `.N%` is a percentage with N decimals. Dates read
/// `2025年2月11日`, lists `11、9、1、1`, truth values `是` / `否`.
pub fn format_value(value: &Value, spec: Option<&str>) -> String {
    match value {
        Value::Number {
            value,
            decimals,
            percent,
            ..
        } => match parse_format_spec(spec) {
            Some(FormatSpec {
                as_percent: true,
                decimals: fixed,
            }) => format!("{}%", fixed_decimals(value * 100.0, fixed.unwrap_or(2))),
            Some(FormatSpec {
                as_percent: false,
                decimals: Some(fixed),
            }) => fixed_decimals(*value, fixed),
            _ => {
                let shown = if *percent { value * 100.0 } else { *value };
                let digits = match decimals {
                    Some(d) => fixed_decimals(shown, u8::try_from(*d).unwrap_or(0)),
                    None => trimmed_decimals(shown, 2),
                };
                if *percent {
                    format!("{digits}%")
                } else {
                    digits
                }
            }
        },
        Value::List(items) => {
            let parts: Vec<String> = items.iter().map(|v| format_value(v, spec)).collect();
            parts.join("、")
        }
        Value::Date { year, month, day } => format!("{year}年{month}月{day}日"),
        Value::Text(text) => text.clone(),
        Value::Bool(true) => "是".to_string(),
        Value::Bool(false) => "否".to_string(),
    }
}

/// Whether `spec` is a format [`format_value`] understands (`%`, `.N`, `.N%`).
pub fn is_known_format_spec(spec: &str) -> bool {
    parse_format_spec(Some(spec)).is_some()
}

struct FormatSpec {
    as_percent: bool,
    decimals: Option<u8>,
}

fn parse_format_spec(spec: Option<&str>) -> Option<FormatSpec> {
    let spec = spec?;
    let (body, as_percent) = match spec.strip_suffix('%') {
        Some(body) => (body, true),
        None => (spec, false),
    };
    if body.is_empty() {
        return as_percent.then_some(FormatSpec {
            as_percent,
            decimals: None,
        });
    }
    let digits = body.strip_prefix('.')?;
    let decimals: u8 = digits.parse().ok().filter(|d| *d <= 6)?;
    Some(FormatSpec {
        as_percent,
        decimals: Some(decimals),
    })
}

fn fixed_decimals(value: f64, decimals: u8) -> String {
    let text = format!("{value:.prec$}", prec = usize::from(decimals));
    // `-0` reads as a sign error in a report message.
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_string()
    } else {
        text
    }
}

fn trimmed_decimals(value: f64, max_decimals: u8) -> String {
    let text = fixed_decimals(value, max_decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// Float noise allowed in `==` and `~=`, relative to the magnitudes compared.
const ROUNDING: f64 = 1e-9;

struct Evaluator<'a> {
    env: &'a dyn Env,
    /// Set when any approximate number was read.
    reads_approx: &'a mut bool,
}

impl Evaluator<'_> {
    fn eval(&mut self, expr: &Expr) -> Result<Value, EvalError> {
        let value = match &expr.kind {
            ExprKind::Number { value, decimals } => Value::written(*value, *decimals),
            ExprKind::Percent { value, decimals } => Value::Number {
                value: *value,
                approx: false,
                decimals: Some(i16::from(*decimals)),
                percent: true,
            },
            ExprKind::Text(text) => Value::Text(text.clone()),
            ExprKind::Name(name) => self.env.name(name).ok_or_else(|| EvalError::Missing {
                name: name.clone(),
                span: expr.span.clone(),
            })?,
            ExprKind::Fact(name) => self.env.fact(name).ok_or_else(|| EvalError::Missing {
                name: name.clone(),
                span: expr.span.clone(),
            })?,
            ExprKind::Unary {
                op: UnOp::Neg,
                operand,
            } => {
                let n = self.number(operand)?;
                Value::Number {
                    value: -n.value,
                    approx: n.approx,
                    decimals: n.decimals,
                    percent: n.percent,
                }
            }
            ExprKind::Binary { op, left, right } => self.arithmetic(*op, left, right, expr)?,
            ExprKind::Compare { op, left, right } => {
                let l = self.eval(left)?;
                let r = self.eval(right)?;
                Value::Bool(compare(*op, &l, &r, expr)?)
            }
            ExprKind::Approx {
                left,
                right,
                tolerance,
            } => {
                let l = self.number(left)?;
                let r = self.number(right)?;
                Value::Bool(approx_equal(&l, &r, tolerance))
            }
            ExprKind::And(left, right) => {
                Value::Bool(self.condition(left)? && self.condition(right)?)
            }
            ExprKind::Or(left, right) => {
                Value::Bool(self.condition(left)? || self.condition(right)?)
            }
            ExprKind::Not(operand) => Value::Bool(!self.condition(operand)?),
            ExprKind::Call { func, args } => self.call(*func, args, expr)?,
        };
        if value.is_approx() {
            *self.reads_approx = true;
        }
        Ok(value)
    }

    fn condition(&mut self, expr: &Expr) -> Result<bool, EvalError> {
        match self.eval(expr)? {
            Value::Bool(b) => Ok(b),
            other => Err(mismatch("a condition (true or false)", &other, expr)),
        }
    }

    fn number(&mut self, expr: &Expr) -> Result<Number, EvalError> {
        let value = self.eval(expr)?;
        Number::from_value(&value).ok_or_else(|| mismatch("a number", &value, expr))
    }

    fn arithmetic(
        &mut self,
        op: BinOp,
        left: &Expr,
        right: &Expr,
        whole: &Expr,
    ) -> Result<Value, EvalError> {
        let l = self.number(left)?;
        let r = self.number(right)?;
        let value = match op {
            BinOp::Add => l.value + r.value,
            BinOp::Sub => l.value - r.value,
            BinOp::Mul => l.value * r.value,
            BinOp::Div => {
                if r.value == 0.0 {
                    return Err(EvalError::DivisionByZero {
                        span: whole.span.clone(),
                    });
                }
                l.value / r.value
            }
        };
        finite(value, whole)?;
        // A sum or difference of percentages is a percentage; a product or quotient is a
        // plain ratio, formatted as a percentage only when the message asks with `{x:%}`.
        let percent = matches!(op, BinOp::Add | BinOp::Sub) && l.percent && r.percent;
        Ok(Value::Number {
            value,
            // A figure rounded to tens or more (2.3万) has an error no computed number
            // tracks: what is computed from it is approximate.
            approx: l.approx || r.approx || l.is_coarse() || r.is_coarse(),
            decimals: None,
            percent,
        })
    }

    fn call(&mut self, func: Func, args: &[Expr], whole: &Expr) -> Result<Value, EvalError> {
        match func {
            Func::Exists => {
                let [arg] = args else {
                    return Err(arity(func, "one name", whole));
                };
                // Whether a figure is there is certain even when the figure is approximate.
                let reads_approx_before = *self.reads_approx;
                let found = self.eval(arg);
                *self.reads_approx = reads_approx_before;
                match found {
                    Ok(_) => Ok(Value::Bool(true)),
                    Err(EvalError::Missing { .. }) => Ok(Value::Bool(false)),
                    Err(other) => Err(other),
                }
            }
            Func::Sum => self.aggregate(Aggregate::Sum, args, whole),
            Func::Count => self.aggregate(Aggregate::Count, args, whole),
            Func::Min => self.aggregate(Aggregate::Min, args, whole),
            Func::Max => self.aggregate(Aggregate::Max, args, whole),
            Func::Abs => {
                let [arg] = args else {
                    return Err(arity(func, "one number", whole));
                };
                let n = self.number(arg)?;
                Ok(Value::Number {
                    value: n.value.abs(),
                    approx: n.approx,
                    decimals: n.decimals,
                    percent: n.percent,
                })
            }
            Func::Date => {
                let [y, m, d] = args else {
                    return Err(arity(func, "three numbers: year, month, day", whole));
                };
                let (y, m, d) = (self.number(y)?, self.number(m)?, self.number(d)?);
                calendar_date(y.value, m.value, d.value)
                    .map(|(year, month, day)| Value::Date { year, month, day })
                    .ok_or(EvalError::InvalidDate {
                        year: y.value,
                        month: m.value,
                        day: d.value,
                        span: whole.span.clone(),
                    })
            }
            Func::Year => {
                let [arg] = args else {
                    return Err(arity(func, "one date", whole));
                };
                match self.eval(arg)? {
                    Value::Date { year, .. } => Ok(Value::written(f64::from(year), 0)),
                    other => Err(mismatch("a date", &other, arg)),
                }
            }
        }
    }

    fn aggregate(
        &mut self,
        aggregate: Aggregate,
        args: &[Expr],
        whole: &Expr,
    ) -> Result<Value, EvalError> {
        let items = self.numbers_of(aggregate.func(), args, whole)?;
        aggregate.apply(&items, whole)
    }

    /// The numbers an aggregate works on: the items of one list argument, or the arguments.
    fn numbers_of(
        &mut self,
        func: Func,
        args: &[Expr],
        whole: &Expr,
    ) -> Result<Vec<Number>, EvalError> {
        match args {
            [] => Err(arity(func, "a repeated capture or some numbers", whole)),
            [single] => match self.eval(single)? {
                Value::List(items) => items
                    .iter()
                    .map(|item| {
                        Number::from_value(item).ok_or_else(|| mismatch("a number", item, single))
                    })
                    .collect(),
                other if func == Func::Count => Err(mismatch("a list", &other, single)),
                other => Number::from_value(&other)
                    .map(|n| vec![n])
                    .ok_or_else(|| mismatch("a list of numbers", &other, single)),
            },
            several => several.iter().map(|arg| self.number(arg)).collect(),
        }
    }
}

/// A number's parts, read out of a [`Value::Number`].
#[derive(Clone, Copy, Debug)]
struct Number {
    value: f64,
    approx: bool,
    decimals: Option<i16>,
    percent: bool,
}

impl Number {
    fn from_value(value: &Value) -> Option<Number> {
        match value {
            Value::Number {
                value,
                approx,
                decimals,
                percent,
            } => Some(Number {
                value: *value,
                approx: *approx,
                decimals: *decimals,
                percent: *percent,
            }),
            _ => None,
        }
    }

    /// Rounded to tens or more as written (`2.3万`).
    fn is_coarse(&self) -> bool {
        self.decimals.is_some_and(|d| d < 0)
    }

    /// What a written number may have been written from, as (how far below, (how far above,
    /// whether that bound is excluded)): half a unit of its last decimal either side when
    /// rounded; a percentage may also be truncated (96.49% written 96.4%), so up to one unit
    /// above, excluded. A computed number stands for itself.
    fn written_range(&self) -> (f64, (f64, bool)) {
        let half = self.rounding_slack();
        match self.decimals {
            Some(d) if self.percent && d >= 0 => (half, (2.0 * half, true)),
            _ => (half, (half, false)),
        }
    }

    /// Half a unit of the last written decimal; 0 for a computed number.
    fn rounding_slack(&self) -> f64 {
        match self.decimals {
            None => 0.0,
            Some(d) => {
                let unit = 10f64.powi(-i32::from(d));
                let unit = if self.percent { unit / 100.0 } else { unit };
                unit / 2.0
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Aggregate {
    Sum,
    Count,
    Min,
    Max,
}

impl Aggregate {
    fn func(self) -> Func {
        match self {
            Aggregate::Sum => Func::Sum,
            Aggregate::Count => Func::Count,
            Aggregate::Min => Func::Min,
            Aggregate::Max => Func::Max,
        }
    }

    fn apply(self, items: &[Number], whole: &Expr) -> Result<Value, EvalError> {
        let value = match self {
            Aggregate::Count => items.len() as f64,
            Aggregate::Sum => items.iter().map(|n| n.value).sum(),
            Aggregate::Min | Aggregate::Max => {
                let mut values = items.iter().map(|n| n.value);
                let first = values.next().ok_or(EvalError::EmptyList {
                    func: self.func().name(),
                    span: whole.span.clone(),
                })?;
                values.fold(first, |acc, v| {
                    if self == Aggregate::Min {
                        acc.min(v)
                    } else {
                        acc.max(v)
                    }
                })
            }
        };
        finite(value, whole)?;
        let counted = self == Aggregate::Count;
        let percent = !counted && !items.is_empty() && items.iter().all(|n| n.percent);
        Ok(Value::Number {
            value,
            // How many figures there are is exact even when the figures are not.
            approx: !counted && items.iter().any(|n| n.approx || n.is_coarse()),
            decimals: None,
            percent,
        })
    }
}

fn approx_equal(stated: &Number, other: &Number, tolerance: &Tolerance) -> bool {
    let allowed = if tolerance.relative {
        tolerance.amount.abs() * other.value.abs()
    } else {
        tolerance.amount.abs()
    };
    let noise = ROUNDING * stated.value.abs().max(other.value.abs()).max(1.0);
    // Each written side stands for what it may have been written from: the right may lie
    // within the left's range, or the left within the right's.
    let within = |offset: f64, range: (f64, (f64, bool))| {
        let (below, (above, excluded)) = range;
        let low_ok = offset >= -below - allowed - noise;
        let high_ok = if excluded {
            offset < above + allowed - noise
        } else {
            offset <= above + allowed + noise
        };
        low_ok && high_ok
    };
    let offset = other.value - stated.value;
    if tolerance.exact {
        // `exactly`: the figures stand for themselves, whatever precision they were written in.
        return within(offset, (0.0, (0.0, false)));
    }
    within(offset, stated.written_range()) || within(-offset, other.written_range())
}

fn compare(op: CmpOp, left: &Value, right: &Value, whole: &Expr) -> Result<bool, EvalError> {
    let ordering = match (left, right) {
        (Value::Number { value: l, .. }, Value::Number { value: r, .. }) => {
            // A figure rounded to tens or more (2.3万) equals what lies within its rounding.
            let noise = ROUNDING * l.abs().max(r.abs()).max(1.0)
                + coarse_slack(left).max(coarse_slack(right));
            if (l - r).abs() <= noise {
                Ordering::Equal
            } else if l < r {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (
            Value::Date {
                year: y1,
                month: m1,
                day: d1,
            },
            Value::Date {
                year: y2,
                month: m2,
                day: d2,
            },
        ) => (y1, m1, d1).cmp(&(y2, m2, d2)),
        (Value::Text(l), Value::Text(r)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => l.cmp(r),
        (Value::Bool(l), Value::Bool(r)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => l.cmp(r),
        _ => {
            return Err(EvalError::TypeMismatch {
                expected: crate::tr!("value-compare", kind = value_words(left.kind_name())),
                found: right.kind_name(),
                span: whole.span.clone(),
            })
        }
    };
    Ok(match op {
        CmpOp::Lt => ordering == Ordering::Less,
        CmpOp::Le => ordering != Ordering::Greater,
        CmpOp::Gt => ordering == Ordering::Greater,
        CmpOp::Ge => ordering != Ordering::Less,
        CmpOp::Eq => ordering == Ordering::Equal,
        CmpOp::Ne => ordering != Ordering::Equal,
    })
}

/// Half the rounding unit of a figure written rounded to tens or more (500 for `2.3万`);
/// 0 for every other value, whose comparisons allow only float noise.
pub fn coarse_slack(value: &Value) -> f64 {
    match Number::from_value(value) {
        Some(n) if n.is_coarse() => n.rounding_slack(),
        _ => 0.0,
    }
}

fn finite(value: f64, whole: &Expr) -> Result<(), EvalError> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(EvalError::NotFinite {
            span: whole.span.clone(),
        })
    }
}

fn mismatch(expected: &str, found: &Value, expr: &Expr) -> EvalError {
    EvalError::TypeMismatch {
        expected: expected.to_string(),
        found: found.kind_name(),
        span: expr.span.clone(),
    }
}

fn arity(func: Func, expected: &'static str, whole: &Expr) -> EvalError {
    EvalError::Arity {
        func: func.name(),
        expected,
        span: whole.span.clone(),
    }
}

/// A real calendar date from whole numbers, or `None`.
pub fn calendar_date(year: f64, month: f64, day: f64) -> Option<(i32, u32, u32)> {
    let whole = |v: f64| v.is_finite() && v.fract() == 0.0;
    if !(whole(year) && whole(month) && whole(day)) {
        return None;
    }
    if !(1.0..=9999.0).contains(&year) || !(1.0..=12.0).contains(&month) || day < 1.0 {
        return None;
    }
    // The ranges were checked above, so these conversions are exact (a day past u32 saturates
    // and is no day of any month).
    let date = crate::model::facts::Date::new(year as i32, month as u32, day as u32)?;
    Some((date.year, date.month, date.day))
}
