//! A JSON Schema (draft 7) of YAML packs, for editors: with it the VS Code YAML extension
//! completes keys, shows what each kind checks, and underlines unknown keys and wrong types
//! while a pack is written.
//!
//! The schema is generated, not written by hand, so that it cannot drift from what the
//! reader accepts: the rule kinds, each kind's value and its modifier keys come from the
//! kinds themselves ([`super::YamlCheck`], made from the kind list in `crate::eval::kinds`),
//! every other key list (pack, rule metadata, modifiers, matchers, scopes) is the reader's
//! own constant. The
//! schema checks keys and value types; what only reportlint can judge (a regex that does not
//! compile, a pattern's placeholders, an expression's names, one kind per rule) is left to
//! `reportlint test` and `check`. Titles and descriptions come from the message catalogues
//! (`schema-*` keys), so a Chinese run prints them in Chinese. `schema/pack.schema.json` is
//! this schema as shipped, in English; a test fails when it differs from [`pack_schema_text`]
//! generated in English.

use serde_json::{json, Map, Value};

use super::kind::YamlCheck;
use super::read::{MATCHER_KEYS, METADATA_KEYS, MODIFIER_KEYS, PACK_KEYS, SCOPE_KEYS, SCOPE_WORDS};

/// Where the shipped schema lives in the repository.
pub const SCHEMA_PATH: &str = "schema/pack.schema.json";

/// The schema as pretty-printed JSON with a final newline (the shipped file's text).
pub fn pack_schema_text<C: YamlCheck>() -> String {
    let mut text = serde_json::to_string_pretty(&pack_schema::<C>()).unwrap_or_default();
    text.push('\n');
    text
}

/// The kind names with their description in the language of the run, in the order of the
/// kind list.
fn kind_descriptions<C: YamlCheck>() -> Vec<(&'static str, String)> {
    C::kind_names()
        .iter()
        .map(|name| (*name, C::description(name)))
        .collect()
}

/// A reference to one of the schema's definitions (`matcher`, `text`, `texts`, …).
pub fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/definitions/{name}") })
}

/// The schema of the value of a matcher's key (`regex: …`, `any: […]`).
fn matcher_value(key: &str) -> Option<Value> {
    Some(match key {
        "regex" | "pattern" => reference("text"),
        "any" | "all" | "none" => {
            json!({ "type": "array", "items": reference("matcher"), "minItems": 1 })
        }
        "year" => json!({
            "allOf": [reference("expression")],
            "description": crate::tr!("schema-matcher-year")
        }),
        _ => return None,
    })
}

/// The schema of a modifier key's value.
fn modifier_value(key: &str) -> Option<Value> {
    Some(match key {
        "scope" => reference("scope"),
        "min" => json!({ "type": "integer", "minimum": 1 }),
        "unless" => json!({
            "anyOf": [reference("matcher"), { "type": "array", "items": reference("matcher") }]
        }),
        "suggest" => reference("texts"),
        "let" => json!({
            "type": "object",
            "additionalProperties": reference("expression"),
            "description": crate::tr!("schema-modifier-let")
        }),
        "on" => json!({
            "allOf": [reference("text")],
            "description": crate::tr!("schema-modifier-on")
        }),
        "subject" => reference("matcher"),
        _ => return None,
    })
}

/// The schema of a rule's metadata key.
fn metadata_value(key: &str) -> Option<Value> {
    Some(match key {
        "id" => json!({
            "allOf": [reference("text")],
            "description": crate::tr!("schema-rule-id")
        }),
        "severity" => json!({ "enum": ["error", "warning", "info"] }),
        "message" => json!({
            "allOf": [reference("text")],
            "description": crate::tr!("schema-rule-message")
        }),
        "help" | "reference" => reference("text"),
        "tags" => reference("texts"),
        "once_per_file" => json!({ "type": "boolean" }),
        "examples" => {
            let examples = json!({
                "type": "object",
                "properties": { "pass": reference("texts"), "fail": reference("texts") },
                "additionalProperties": false
            });
            json!({
                "anyOf": [examples, { "type": "array", "items": examples }],
                "description": crate::tr!("schema-rule-examples")
            })
        }
        _ => return None,
    })
}

fn rule_schema<C: YamlCheck>() -> Value {
    let mut properties = Map::new();
    for key in METADATA_KEYS {
        properties.insert((*key).to_string(), metadata_value(key).unwrap_or(json!({})));
    }
    let descriptions = kind_descriptions::<C>();
    for kind in C::kind_names() {
        let value = C::schema(kind).unwrap_or(json!({}));
        let description = descriptions
            .iter()
            .find(|(name, _)| name == kind)
            .map_or_else(String::new, |(_, text)| text.clone());
        // Beside `$ref`, draft 7 ignores other keys: the description goes around it.
        properties.insert(
            (*kind).to_string(),
            json!({ "allOf": [value], "description": description }),
        );
    }
    for key in MODIFIER_KEYS {
        properties.insert((*key).to_string(), modifier_value(key).unwrap_or(json!({})));
    }
    // A modifier needs a kind it refines (`min` with `require` or `when`, …).
    let conditions: Vec<Value> = MODIFIER_KEYS
        .iter()
        .map(|modifier| {
            let kinds: Vec<Value> = C::kind_names()
                .iter()
                .filter(|kind| C::modifiers(kind).contains(modifier))
                .map(|kind| json!({ "required": [kind] }))
                .collect();
            json!({ "if": { "required": [modifier] }, "then": { "anyOf": kinds } })
        })
        .collect();
    let one_kind: Vec<Value> = C::kind_names()
        .iter()
        .map(|kind| json!({ "required": [kind] }))
        .collect();
    let mut all_of = vec![json!({ "anyOf": one_kind })];
    all_of.extend(conditions);
    json!({
        "type": "object",
        "description": crate::tr!("schema-rule"),
        "properties": properties,
        "required": ["id", "message"],
        "additionalProperties": false,
        "allOf": all_of
    })
}

fn pack_properties() -> Map<String, Value> {
    let mut properties = Map::new();
    for key in PACK_KEYS {
        let value = match *key {
            "pack" => json!({
                "allOf": [reference("text")],
                "description": crate::tr!("schema-pack-name")
            }),
            "version" | "description" => reference("text"),
            "extends" => json!({
                "allOf": [reference("texts")],
                "description": crate::tr!("schema-pack-extends")
            }),
            "disable" => json!({
                "allOf": [reference("texts")],
                "description": crate::tr!("schema-pack-disable")
            }),
            "overrides" => json!({
                "type": "object",
                "additionalProperties": { "enum": ["error", "warning", "info"] },
                "description": crate::tr!("schema-pack-overrides")
            }),
            // `type` and `items` side by side rather than `anyOf`, so that an editor names
            // the rule at fault instead of the whole list.
            "rules" => json!({ "type": ["array", "null"], "items": reference("rule") }),
            _ => json!({}),
        };
        properties.insert((*key).to_string(), value);
    }
    properties
}

/// The JSON Schema of a YAML pack.
pub fn pack_schema<C: YamlCheck>() -> Value {
    let matcher_forms: Vec<Value> = std::iter::once(reference("text"))
        .chain(MATCHER_KEYS.iter().map(|key| {
            let value = matcher_value(key).unwrap_or(json!({}));
            json!({
                "type": "object",
                "properties": { (*key): value },
                "required": [key],
                "additionalProperties": false
            })
        }))
        .collect();
    let scope_maps: Vec<Value> = SCOPE_KEYS
        .iter()
        .map(|key| {
            json!({
                "type": "object",
                "properties": { (*key): reference("matcher") },
                "required": [key],
                "additionalProperties": false
            })
        })
        .collect();
    let mut scope_forms = vec![json!({ "enum": SCOPE_WORDS })];
    scope_forms.extend(scope_maps);
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": crate::tr!("schema-title"),
        "description": crate::tr!("schema-pack"),
        "type": "object",
        "properties": pack_properties(),
        "required": ["pack"],
        "additionalProperties": false,
        "definitions": {
            "text": {
                "type": ["string", "number", "boolean"],
                "description": crate::tr!("schema-text")
            },
            "texts": {
                "anyOf": [
                    reference("text"),
                    { "type": "array", "items": reference("text") },
                    { "type": "null" }
                ]
            },
            "expression": {
                "type": ["string", "number", "boolean"],
                "description": crate::tr!("schema-expression")
            },
            "expressions": {
                "anyOf": [
                    reference("expression"),
                    { "type": "array", "items": reference("expression") }
                ]
            },
            "matcher": {
                "description": crate::tr!("schema-matcher"),
                "anyOf": matcher_forms
            },
            "scope": {
                "description": crate::tr!("schema-scope"),
                "anyOf": scope_forms
            },
            "condition": {
                "anyOf": [
                    reference("matcher"),
                    {
                        "type": "object",
                        "properties": { "match": reference("matcher"), "if": reference("expression") },
                        "required": ["match"],
                        "additionalProperties": false
                    },
                    {
                        "type": "object",
                        "properties": { "mention": reference("matcher"), "scope": reference("scope") },
                        "required": ["mention"],
                        "additionalProperties": false
                    }
                ]
            },
            "section": {
                "type": "object",
                "properties": { "name": reference("text"), "heading": reference("matcher") },
                "required": ["name"],
                "additionalProperties": false
            },
            "term": {
                "type": "object",
                "properties": {
                    "phrase": reference("text"),
                    "suggest": reference("text"),
                    "unless": reference("texts")
                },
                "required": ["phrase", "suggest"],
                "additionalProperties": false
            },
            "rule": rule_schema::<C>()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every modifier, matcher key and metadata key has a schema of its own (the kinds'
    /// schemas are the kinds' own, tested in `crate::eval::kinds`).
    #[test]
    fn every_key_the_reader_knows_has_a_schema() {
        for key in MODIFIER_KEYS {
            assert!(
                modifier_value(key).is_some(),
                "modifier `{key}` has no schema"
            );
        }
        for key in METADATA_KEYS {
            assert!(metadata_value(key).is_some(), "key `{key}` has no schema");
        }
        for key in MATCHER_KEYS {
            assert!(
                matcher_value(key).is_some(),
                "matcher key `{key}` has no schema"
            );
        }
        for key in PACK_KEYS {
            assert!(
                pack_properties().get(*key).is_some_and(|v| v != &json!({})),
                "pack key `{key}` has no schema"
            );
        }
    }
}
