//! `reportlint inspect FILE`: print the document model.

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// Report file to model.
    pub file: std::path::PathBuf,
}

pub fn run(_args: InspectArgs) -> i32 {
    eprintln!("reportlint inspect: not implemented yet");
    2
}
