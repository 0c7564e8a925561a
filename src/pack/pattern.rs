//! The typed-capture pattern notation, compiled to regular expressions.
