//! The YAML front end (`.yaml` / `.yml` packs).
