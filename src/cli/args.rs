//! The command line's names for library settings: only `cli` knows clap, so the choices an
//! option takes are listed here and mapped onto the library's types.

use std::path::{Path, PathBuf};

use crate::config::{self, Config, ConfigError, FailOn};
use crate::eval::load::{LoadError, Reach, RuleSet};
use crate::output::Format;
use crate::source::{ForcedEncoding, ReadOptions};

/// `--fail-on`: the lowest severity that makes a run fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(arg: FailOnArg) -> FailOn {
        match arg {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// `--format`: the formats `check` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    Html,
    Xlsx,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Junit => Format::Junit,
            FormatArg::Html => Format::Html,
            FormatArg::Xlsx => Format::Xlsx,
        }
    }
}

/// `--encoding`: the encodings a text file may be decoded with instead of detecting one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingArg {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    Gb18030,
    Gbk,
    #[value(name = "utf-16le")]
    Utf16Le,
    #[value(name = "utf-16be")]
    Utf16Be,
}

impl From<EncodingArg> for ForcedEncoding {
    fn from(arg: EncodingArg) -> ForcedEncoding {
        match arg {
            EncodingArg::Utf8 => ForcedEncoding::Utf8,
            EncodingArg::Gb18030 => ForcedEncoding::Gb18030,
            EncodingArg::Gbk => ForcedEncoding::Gbk,
            EncodingArg::Utf16Le => ForcedEncoding::Utf16Le,
            EncodingArg::Utf16Be => ForcedEncoding::Utf16Be,
        }
    }
}

/// Where a run's rules come from, for every command that checks reports (`check`, `serve`):
/// the configuration file and the packs, and which of their rules run.
#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// Use this configuration file instead of looking for .reportlint.yaml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any .reportlint.yaml.
    #[arg(long)]
    pub no_config: bool,
    /// A rule pack to use in addition to the built-in one (repeatable).
    #[arg(long = "pack", value_name = "PACK")]
    pub packs: Vec<PathBuf>,
    /// Do not use the built-in pack.
    #[arg(long)]
    pub no_builtin: bool,
    /// Let the configuration name packs outside its repository (git work tree), and packs
    /// `extends` files outside the repository of the pack given.
    #[arg(long)]
    pub allow_pack_outside: bool,
    /// Only run these rules (`pack/id` or `id`; repeatable).
    #[arg(long = "rule", value_name = "ID")]
    pub only: Vec<String>,
    /// Do not run these rules (`pack/id` or `id`; repeatable).
    #[arg(long = "skip", value_name = "ID")]
    pub skip: Vec<String>,
}

impl RuleArgs {
    /// The configuration for this run: `--config`, else the nearest `.reportlint.yaml` from
    /// `cwd` up, unless `--no-config`.
    pub fn find_config(&self, cwd: &Path) -> Result<Option<Config>, ConfigError> {
        if self.no_config {
            return Ok(None);
        }
        match self.config.clone().or_else(|| config::discover(cwd)) {
            Some(file) => config::load(&file).map(Some),
            None => Ok(None),
        }
    }

    /// The built-in pack (unless `--no-builtin` or the configuration switches it off), the
    /// configuration's packs and every `--pack`; the usable rules and the packs' errors.
    pub fn load_packs(&self, config: Option<&Config>) -> (RuleSet, Vec<LoadError>) {
        let builtin = !self.no_builtin && config.is_none_or(|c| c.builtin);
        let reach = if self.allow_pack_outside {
            Reach::Anywhere
        } else {
            Reach::Repository
        };
        crate::run::packs::load_project_packs(config, &self.packs, builtin, reach)
    }
}

/// How report files are read, for every command that reads them.
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// Decode text files with this encoding instead of detecting UTF-8 / UTF-16 / GB18030.
    #[arg(long, value_enum, value_name = "ENCODING")]
    pub encoding: Option<EncodingArg>,
    /// Refuse report files larger than this (and .docx files expanding beyond it): bytes,
    /// or with a unit such as 50MB.
    #[arg(long, value_name = "SIZE", value_parser = crate::source::parse_size, default_value = "20MB")]
    pub max_file_size: u64,
}

impl ReadArgs {
    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            encoding: self.encoding.map(Into::into),
            max_file_size: self.max_file_size,
        }
    }
}
