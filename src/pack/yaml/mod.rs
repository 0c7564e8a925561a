//! The YAML front end (`.yaml` / `.yml` packs): the same rule model as the DSL, written as
//! YAML for those who prefer it.
//!
//! `parse_pack` reads a pack's text into a [`Pack`] (via `node`, a span-carrying YAML tree
//! built with serde-saphyr, and `read`, which checks keys and types by hand); every problem
//! found comes back at once in [`PackErrors`], each with the byte span where it is written.
//! `print_pack` (`write`) prints any pack in the canonical YAML form, which parses back to
//! an equal pack.
//!
//! The form, in short:
//!
//! ```yaml
//! pack: card-examples
//! version: "1.0"
//! rules:
//!   - id: three-systems
//!     severity: warning
//!     message: 报告未提及行政执法三项制度
//!     require:
//!       any:
//!         - 三项制度
//!         - all: [执法公示, 全过程记录, 法制审核]
//!     examples:
//!       pass: [严格落实行政执法三项制度。]
//!       fail: [加强执法队伍建设。]
//! ```
//!
//! A rule has one kind key: `require`, `forbid`, `match` (with `let` / `assert`),
//! `consistent` (with `on`), `when` (with `require`), `sections`, `headings`, `assert`
//! (document facts), `paired` or `halfwidth`. A matcher is text, `{regex: …}`,
//! `{pattern: …}`, `{any: […]}`, `{all: […]}` or `{none: […]}`, nested at will.
//! Expressions (`let`, `assert`, `if`) are strings in the expression language shared with
//! the DSL.
//!
//! Nothing here is about one rule kind: each kind reads and writes the value of its key
//! itself ([`YamlKind`], implemented in `crate::eval::kinds`).

mod kind;
pub(crate) mod node;
pub mod read;
pub mod schema;
pub mod write;

use super::error::{PackError, PackErrors};
use super::model::Pack;

pub use kind::{YamlCheck, YamlKind};
pub use node::Node;
pub use node::{MAX_ALIASES, MAX_DEPTH, MAX_NODES, MAX_PACK_BYTES, MAX_REPLAYED_EVENTS};
pub use read::{Fields, Reader};
pub use write::{print_pack, Yaml};

/// Read a YAML pack. `name` names the source in diagnostics (usually the file path).
pub fn parse_pack<C: YamlCheck>(name: &str, src: &str) -> Result<Pack<C>, PackErrors> {
    match parse_pack_partial(src) {
        (Some(pack), errors) if errors.is_empty() => Ok(pack),
        (_, errors) => Err(PackErrors::new(name, src, errors)),
    }
}

/// Reads as much of a pack as can be read: the pack without its broken rules (none when the
/// YAML itself is malformed) and every error found, for `eval::load` to validate as well.
pub fn parse_pack_partial<C: YamlCheck>(src: &str) -> (Option<Pack<C>>, Vec<PackError>) {
    let src = &*node::accept_full_width_colons(src);
    let tree = match node::parse_tree(src) {
        Ok(tree) => tree,
        Err(error) => return (None, vec![error]),
    };
    let mut reader = read::Reader::new(src);
    let pack = reader.pack(&tree);
    if pack.is_none() && reader.errors.is_empty() {
        reader
            .errors
            .push(PackError::new(crate::tr!("ymod-pack-could-not-read"), 0..0));
    }
    (pack, reader.errors)
}

/// Reads a term table in YAML (a list of `{phrase: …, suggest: …, unless: […]}` maps): the
/// entries read and every error found, with spans into `src`.
pub fn parse_term_table(src: &str) -> (Vec<super::model::TermEntry>, Vec<PackError>) {
    let tree = match node::parse_tree(src) {
        Ok(tree) => tree,
        Err(error) => return (Vec::new(), vec![error]),
    };
    let mut reader = read::Reader::new(src);
    let entries = reader.term_table(&tree);
    (entries, reader.errors)
}
