//! DSL text of expressions and matchers: canonical, with only the parentheses the grammar
//! needs, so that `parse_expr(&expr.to_string(), 0)` gives back an equal expression.
//! Both pack forms write expressions this way; matchers print as in `.rules` files.

use std::fmt;

use super::strings::{quote, regex_literal};
use crate::pack::expr::UnOp;
use crate::pack::model::{BinOp, CmpOp, Expr, ExprKind, Matcher, Tolerance};

/// How tightly an expression binds; a child that binds looser than its place allows is
/// parenthesised.
fn binding(kind: &ExprKind) -> u8 {
    match kind {
        ExprKind::Or(..) => 1,
        ExprKind::And(..) => 2,
        ExprKind::Not(_) => 3,
        ExprKind::Compare { .. } | ExprKind::Approx { .. } => 4,
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Sub,
            ..
        } => 5,
        ExprKind::Binary { .. } => 6,
        ExprKind::Unary { .. } => 7,
        ExprKind::Number { .. }
        | ExprKind::Percent { .. }
        | ExprKind::Text(_)
        | ExprKind::Name(_)
        | ExprKind::Fact(_)
        | ExprKind::Call { .. } => 8,
    }
}

/// Writes `expr`, in parentheses unless it binds at least as tightly as `min`.
fn child(f: &mut fmt::Formatter<'_>, expr: &Expr, min: u8) -> fmt::Result {
    if binding(&expr.kind) >= min {
        write!(f, "{expr}")
    } else {
        write!(f, "({expr})")
    }
}

fn number(f: &mut fmt::Formatter<'_>, value: f64, decimals: u8) -> fmt::Result {
    write!(f, "{:.*}", usize::from(decimals), value)
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.percent {
            number(f, self.amount * 100.0, self.decimals)?;
            f.write_str("%")?;
        } else if self.points {
            number(f, self.amount * 100.0, self.decimals)?;
            f.write_str(" points")?;
        } else {
            number(f, self.amount, self.decimals)?;
        }
        if self.relative {
            f.write_str(" relative")?;
        }
        if self.exact {
            f.write_str(" exactly")?;
        }
        Ok(())
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = binding(&self.kind);
        match &self.kind {
            ExprKind::Number { value, decimals } => number(f, *value, *decimals),
            ExprKind::Percent { value, decimals } => {
                number(f, value * 100.0, *decimals)?;
                f.write_str("%")
            }
            ExprKind::Text(text) => f.write_str(&quote(text)),
            ExprKind::Name(name) | ExprKind::Fact(name) => f.write_str(name),
            ExprKind::Unary {
                op: UnOp::Neg,
                operand,
            } => {
                f.write_str("-")?;
                child(f, operand, level)
            }
            ExprKind::Binary { op, left, right } => {
                child(f, left, level)?;
                let op = match op {
                    BinOp::Add => " + ",
                    BinOp::Sub => " - ",
                    BinOp::Mul => " * ",
                    BinOp::Div => " / ",
                };
                f.write_str(op)?;
                child(f, right, level + 1)
            }
            ExprKind::Compare { op, left, right } => {
                child(f, left, level + 1)?;
                let op = match op {
                    CmpOp::Lt => " < ",
                    CmpOp::Le => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::Ge => " >= ",
                    CmpOp::Eq => " == ",
                    CmpOp::Ne => " != ",
                };
                f.write_str(op)?;
                child(f, right, level + 1)
            }
            ExprKind::Approx {
                left,
                right,
                tolerance,
            } => {
                child(f, left, level + 1)?;
                f.write_str(" ~= ")?;
                child(f, right, level + 1)?;
                write!(f, " within {tolerance}")
            }
            ExprKind::And(left, right) | ExprKind::Or(left, right) => {
                child(f, left, level)?;
                f.write_str(if level == 2 { " and " } else { " or " })?;
                child(f, right, level + 1)
            }
            ExprKind::Not(operand) => {
                f.write_str("not ")?;
                child(f, operand, level)
            }
            ExprKind::Call { func, args } => {
                write!(f, "{}(", func.name())?;
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{arg}")?;
                }
                f.write_str(")")
            }
        }
    }
}

impl fmt::Display for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (keyword, items) = match self {
            Matcher::Text(text) => return f.write_str(&quote(text)),
            Matcher::Regex(regex) => return f.write_str(&regex_literal(regex)),
            Matcher::Pattern(pattern) => return write!(f, "pattern {}", quote(pattern)),
            Matcher::Year(expr) => return write!(f, "year({expr})"),
            Matcher::Any(items) => ("any", items),
            Matcher::All(items) => ("all", items),
            Matcher::None(items) => ("none", items),
        };
        write!(f, "{keyword}(")?;
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{item}")?;
        }
        f.write_str(")")
    }
}
