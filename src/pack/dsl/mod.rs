//! The DSL front end (`.rules` files): pest grammar in `grammar/pack.pest`.
