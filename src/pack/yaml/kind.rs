//! What the YAML front end asks of a rule kind, so that a kind's YAML form lives with the
//! kind (`crate::eval::kinds::<kind>`) and this front end has no code of its own for any kind.
//!
//! [`YamlKind`] is one kind's form: the keys that refine it, how its model is read from the
//! value of its key (with the [`Reader`]'s shared helpers: matchers, scopes, texts,
//! expressions, errors) and written back (as [`Yaml`] entries of the rule's map), and its
//! part of the JSON schema. [`YamlCheck`] is the same for the set of kinds; the kind list
//! implements it by dispatching to each kind's [`YamlKind`].

use serde_json::Value as Json;

use super::node::Node;
use super::read::{Fields, Reader};
use super::write::Yaml;

/// One rule kind's YAML form. Its key is the kind's name.
pub trait YamlKind: Sized {
    /// The modifier keys (of `read::MODIFIER_KEYS`) that refine the kind.
    const MODIFIERS: &'static [&'static str] = &[];
    /// Another kind key this kind carries (`when` carries `require`, `match` carries `assert`).
    const COMPANION: Option<&'static str> = None;
    /// For a kind with a [`YamlKind::COMPANION`]: a rule written with the keys of several such
    /// kinds is read as the one with the highest precedence (the first in the kind list among
    /// equals), and the others are reported as a second kind.
    const PRECEDENCE: u8 = 0;

    /// The model from `body`, the value of the kind's key, and the rule's other `fields`;
    /// `None` after recording why not with [`Reader::error`].
    fn yaml_read(r: &mut Reader<'_>, body: &Node, fields: &Fields<'_>) -> Option<Self>;

    /// The kind's entries of the rule's map, in canonical order (its key first).
    fn yaml_write(&self, entries: &mut Vec<(&'static str, Yaml)>);

    /// The JSON schema of the value of the kind's key (see `schema`).
    fn yaml_schema() -> Json;

    /// What the kind checks, one sentence in the language of the run, for the schema (a
    /// catalogue key `schema-kind-<name>`). Empty by default: the schema then says only the
    /// kind's name (`schema-kind-other`).
    fn yaml_description() -> String {
        String::new()
    }
}

/// The YAML form of every kind: what the front end is generic over. The kind list implements
/// it (`crate::eval::kinds`), each method dispatching to the kind's [`YamlKind`].
pub trait YamlCheck: Sized {
    /// The kinds' names (their keys), in the order of the kind list.
    fn kind_names() -> &'static [&'static str];
    /// The modifier keys that refine kind `kind`.
    fn modifiers(kind: &str) -> &'static [&'static str];
    /// The kind key that kind `kind` carries, if any.
    fn companion(kind: &str) -> Option<&'static str>;
    /// Kind `kind`'s [`YamlKind::PRECEDENCE`].
    fn precedence(kind: &str) -> u8;
    /// Reads a check of kind `kind` (`None` for an unknown kind or after an error).
    fn read(kind: &str, r: &mut Reader<'_>, body: &Node, fields: &Fields<'_>) -> Option<Self>;
    /// The check's entries of the rule's map.
    fn write(&self, entries: &mut Vec<(&'static str, Yaml)>);
    /// The schema of kind `kind`'s value.
    fn schema(kind: &str) -> Option<Json>;
    /// The description of kind `kind`.
    fn description(kind: &str) -> String;
}
