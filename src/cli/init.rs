//! `reportlint init`: write a commented starter `.reportlint.yaml` and an example pack
//! `rules/local.rules` into the current folder, so a project starts from a working setup.
//! Existing files are never overwritten: if either file exists, nothing is written.

use std::path::{Path, PathBuf};

use super::check::exit;
use crate::config::FILE_NAME;

/// The starter configuration, every setting explained.
pub const STARTER_CONFIG: &str = include_str!("init/reportlint.yaml");
/// The example pack the starter configuration names.
pub const EXAMPLE_PACK: &str = include_str!("init/local.rules");
/// Where the example pack goes, relative to the configuration.
pub const EXAMPLE_PACK_PATH: &str = "rules/local.rules";

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder to write into (default: the current folder).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

pub fn run(args: InitArgs) -> i32 {
    match init(&args.dir) {
        Ok(written) => {
            for path in written {
                eprintln!("{}", crate::tr!("init-wrote", path = path.display()));
            }
            eprintln!("{}", crate::tr!("init-next", config = FILE_NAME));
            exit::CLEAN
        }
        Err(message) => {
            eprintln!("{}", crate::tr!("error-line", message = message));
            exit::TROUBLE
        }
    }
}

/// Write both files into `dir`; returns their paths.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let config = dir.join(FILE_NAME);
    let pack = dir.join(EXAMPLE_PACK_PATH);
    let existing: Vec<String> = [&config, &pack]
        .iter()
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(crate::tr!(
            "init-exists",
            count = existing.len(),
            paths = existing.join(&crate::tr!("init-and"))
        ));
    }
    if let Some(folder) = pack.parent() {
        std::fs::create_dir_all(folder).map_err(|e| {
            crate::tr!(
                "file-cannot-create-folder",
                path = folder.display(),
                error = crate::i18n::io(&e)
            )
        })?;
    }
    for (path, text) in [(&config, STARTER_CONFIG), (&pack, EXAMPLE_PACK)] {
        write_new(path, text)?;
    }
    Ok(vec![config, pack])
}

/// Create a file that must not exist yet (a file appearing meanwhile is not overwritten).
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            crate::tr!(
                "file-cannot-create",
                path = path.display(),
                error = crate::i18n::io(&e)
            )
        })?;
    file.write_all(text.as_bytes()).map_err(|e| {
        crate::tr!(
            "file-cannot-write",
            path = path.display(),
            error = crate::i18n::io(&e)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::load::{self, Form};

    #[test]
    fn the_starter_configuration_is_valid() {
        let config = crate::config::parse(Path::new(FILE_NAME), Path::new("."), STARTER_CONFIG);
        assert!(config.is_ok(), "{:?}", config.err().map(|e| e.to_string()));
    }

    #[test]
    fn the_example_pack_is_valid() {
        let pack = load::parse(EXAMPLE_PACK_PATH, EXAMPLE_PACK, Form::Dsl);
        assert!(pack.is_ok(), "{:?}", pack.err().map(|e| e.to_string()));
    }
}
