//! Build-time forms of data files, so that the program does not parse them at every start:
//! the statement analyser's vocabulary (`src/model/statements/vocabulary.yaml`) is read here
//! with the same YAML parser and written to `$OUT_DIR/vocabulary.json`, which the program reads
//! with serde_json (a few times faster than reading the YAML). A vocabulary that is not valid
//! YAML stops the build.

use std::path::PathBuf;

fn main() {
    let source = "src/model/statements/vocabulary.yaml";
    println!("cargo::rerun-if-changed={source}");
    let yaml = std::fs::read_to_string(source).expect("the vocabulary file is readable");
    let value: serde_json::Value = match serde_saphyr::from_str(&yaml) {
        Ok(value) => value,
        Err(e) => panic!("{source} is not valid YAML: {e}"),
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("vocabulary.json"),
        serde_json::to_string(&value).expect("the vocabulary is written as JSON"),
    )
    .expect("OUT_DIR is writable");
}
