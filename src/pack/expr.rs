//! Numeric and date expressions used by `let`, `assert` and `when … if`.
//!
//! Written the same way in both pack forms (in YAML as a string), parsed by the pest grammar
//! in `grammar/pack.pest` (`pack::dsl::parse_expr`), printed canonically by `Expr`'s
//! `Display` so that `convert` round-trips.
//!
//! Values: counts and amounts are numbers; a percentage literal or capture is a ratio
//! (`97%` is 0.97), so `rate ~= ok / total within 1%` compares ratios and the tolerance
//! `1%` is one percentage point; `within 0.5 points` says the same in percentage points, and a
//! tolerance ending in `exactly` is not widened by the written precision of the figures (see
//! `pack::values`).

use crate::model::Span;

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    /// Byte span in the pack source.
    pub span: Span,
}

impl Expr {
    /// Whether the expression reads the name `name` (a capture, a `let` or a bound figure).
    pub fn refers_to(&self, name: &str) -> bool {
        match &self.kind {
            ExprKind::Name(n) => n == name,
            ExprKind::Number { .. }
            | ExprKind::Percent { .. }
            | ExprKind::Text(_)
            | ExprKind::Fact(_) => false,
            ExprKind::Unary { operand, .. } | ExprKind::Not(operand) => operand.refers_to(name),
            ExprKind::Binary { left, right, .. }
            | ExprKind::Compare { left, right, .. }
            | ExprKind::Approx { left, right, .. } => left.refers_to(name) || right.refers_to(name),
            ExprKind::And(a, b) | ExprKind::Or(a, b) => a.refers_to(name) || b.refers_to(name),
            ExprKind::Call { args, .. } => args.iter().any(|a| a.refers_to(name)),
        }
    }
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A number as written; `decimals` is the count of digits after the point.
    Number {
        value: f64,
        decimals: u8,
    },
    /// A percentage literal such as `1%` or `0.5%`; `value` is the ratio (0.01).
    Percent {
        value: f64,
        decimals: u8,
    },
    /// A string literal (compared with `==` against text captures).
    Text(String),
    /// A capture of the pattern or a `let` name.
    Name(String),
    /// A document fact: `report.year`, `document.date`.
    Fact(String),
    Unary {
        op: UnOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Compare {
        op: CmpOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `left ~= right within tolerance`.
    Approx {
        left: Box<Expr>,
        right: Box<Expr>,
        tolerance: Tolerance,
    },
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Call {
        func: Func,
        args: Vec<Expr>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

/// Allowed difference for `~=`.
#[derive(Clone, Debug, PartialEq)]
pub struct Tolerance {
    /// Absolute amount (a ratio for percent tolerances: `1%` is 0.01), or a relative fraction.
    pub amount: f64,
    /// Written as a percentage (`1%`) rather than a plain number.
    pub percent: bool,
    /// `within 5% relative`: the allowed difference is `amount × |right|`.
    pub relative: bool,
    pub decimals: u8,
    /// `within 0.5 points`: percentage points, written as a plain number (`amount` is the
    /// ratio, 0.005).
    pub points: bool,
    /// `exactly`: the tolerance is not widened by the written precision of either side.
    pub exact: bool,
}

/// Built-in functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    /// Sum of a repeated capture.
    Sum,
    /// Number of values of a repeated capture.
    Count,
    Min,
    Max,
    Abs,
    /// `exists(x)`: the capture or fact has a value.
    Exists,
    /// `date(y, m, d)`.
    Date,
    /// `year(d)` of a date.
    Year,
}

impl Func {
    pub const ALL: [Func; 8] = [
        Func::Sum,
        Func::Count,
        Func::Min,
        Func::Max,
        Func::Abs,
        Func::Exists,
        Func::Date,
        Func::Year,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Func::Sum => "sum",
            Func::Count => "count",
            Func::Min => "min",
            Func::Max => "max",
            Func::Abs => "abs",
            Func::Exists => "exists",
            Func::Date => "date",
            Func::Year => "year",
        }
    }

    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Document facts an expression may name.
pub const FACTS: &[&str] = &["report.year", "document.date", "title.year", "body.year"];
