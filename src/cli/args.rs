//! The command line's names for library settings: only `cli` knows clap, so the choices an
//! option takes are listed here and mapped onto the library's types.

use crate::config::FailOn;
use crate::output::Format;
use crate::source::ForcedEncoding;

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
