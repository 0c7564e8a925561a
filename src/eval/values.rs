//! Values and expression evaluation for `let` / `assert`.
