//! Which reports a run checks: paths named and folders walked (sorted, `.gitignore`
//! honoured, a file reached twice kept once), the files a change touched, and reading one
//! input. Also the refusal to write an output over a report being checked.

use std::io;
use std::path::{Path, PathBuf};

use crate::config::select;
use crate::output::FileReport;

/// Default extensions of report files found when walking a directory.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "docx", "html", "htm"];

/// One input to check.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => display_path(p),
        }
    }
}

/// The bytes of a file name that is not UTF-8 (its [`display_path`] is then lossy), as
/// shown: without a leading `./`. `None` for UTF-8 names, and on systems whose file names
/// are not bytes.
pub fn path_bytes(p: &Path) -> Option<Vec<u8>> {
    if p.to_str().is_some() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = p.as_os_str().as_bytes();
        Some(bytes.strip_prefix(b"./").unwrap_or(bytes).to_vec())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

pub fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    let s = s.strip_prefix("./").unwrap_or(&s).to_string();
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s
    }
}

/// List the inputs: named files as given, directories walked (sorted, .gitignore honoured).
pub fn collect_inputs(paths: &[PathBuf], extensions: &[String]) -> (Vec<Input>, Vec<FileReport>) {
    collect_inputs_where(paths, extensions, &|_, _| true)
}

/// What makes two paths one file: device and inode on Unix, so `r.txt`, `./r.txt`, a
/// symbolic link to it and a hard link of it are the same file; elsewhere the canonical path.
#[cfg(unix)]
pub type FileId = (u64, u64);

#[cfg(not(unix))]
pub type FileId = PathBuf;

/// The identity of the file at `path` (links followed); `None` when it cannot be read.
pub fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok()
    }
}

/// Inputs in order with every file named twice (`a.txt ./a.txt`, a link and its target)
/// kept once, under its first spelling, so that it is checked, fixed and reported once.
pub fn dedup_files(inputs: Vec<Input>) -> Vec<Input> {
    let mut seen = std::collections::HashSet::new();
    inputs
        .into_iter()
        .filter(|input| match input {
            Input::File(p) => file_id(p).is_none_or(|id| seen.insert(id)),
            Input::Stdin => true,
        })
        .collect()
}

/// [`collect_inputs`], where `keep(path, named)` decides on each file; `named` is true for
/// a file named on the command line, false for one found by walking. A file reached twice
/// (named twice, or through a link) is listed once, under the first path it was reached by.
pub fn collect_inputs_where(
    paths: &[PathBuf],
    extensions: &[String],
    keep: &dyn Fn(&Path, bool) -> bool,
) -> (Vec<Input>, Vec<FileReport>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        if path.is_dir() {
            // Links are followed so linked report folders are checked; a link loop is then
            // reported as a walk error and the rest of the walk goes on.
            let walker = ignore::WalkBuilder::new(path)
                .follow_links(true)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build();
            for entry in walker {
                match entry {
                    Ok(e) => {
                        let p = e.path();
                        let wanted = e.file_type().is_some_and(|t| t.is_file())
                            && has_extension(p, extensions);
                        if wanted && keep(p, false) {
                            inputs.push(Input::File(p.to_path_buf()));
                        }
                    }
                    Err(err) => problems.push(FileReport {
                        path: display_path(path),
                        path_bytes: path_bytes(path),
                        error: Some(crate::tr!("input-cannot-walk", error = err)),
                        findings: Vec::new(),
                        source: None,
                    }),
                }
            }
        } else if keep(path, true) {
            inputs.push(Input::File(path.clone()));
        }
    }
    let mut inputs = dedup_files(inputs);
    inputs.sort();
    inputs.dedup();
    (inputs, problems)
}

pub fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.iter().any(|w| w.eq_ignore_ascii_case(x)))
}

/// The inputs among the files a change touched (`--since`, `--files-from`): those inside a
/// path named on the command line, with a report extension, selected by the configuration.
pub fn changed_inputs(
    files: Vec<PathBuf>,
    roots: &[PathBuf],
    extensions: &[String],
    cwd: &Path,
    selected: &dyn Fn(&Path) -> bool,
) -> Vec<Input> {
    let roots: Vec<PathBuf> = roots.iter().map(|r| real_absolute(r, cwd)).collect();
    let mut inputs: Vec<Input> = files
        .into_iter()
        .filter(|file| {
            let full = real_absolute(file, cwd);
            has_extension(file, extensions)
                && roots.iter().any(|root| full.starts_with(root))
                && selected(file)
        })
        .map(|file| {
            let full = select::absolute(&file, cwd);
            Input::File(
                full.strip_prefix(cwd)
                    .map(Path::to_path_buf)
                    .unwrap_or(full),
            )
        })
        .collect();
    inputs = dedup_files(inputs);
    inputs.sort();
    inputs.dedup();
    inputs
}

pub fn real_absolute(path: &Path, cwd: &Path) -> PathBuf {
    let full = select::absolute(path, cwd);
    std::fs::canonicalize(&full).unwrap_or(full)
}

pub fn read_input(
    input: &Input,
    options: &crate::source::ReadOptions,
) -> Result<crate::source::SourceFile, String> {
    let read = match input {
        Input::Stdin => {
            let name = Path::new("<stdin>");
            crate::source::read_limited(io::stdin().lock(), name, options)
                .and_then(|bytes| crate::source::decode_with(name, bytes, options))
        }
        Input::File(p) => crate::source::read_with(p, options),
    };
    read.map_err(|e| e.to_string())
}

/// Refuse to run when a file the run writes (`--output`, `--write-baseline`) is one of the
/// reports it checks, however it is spelled (`./r.txt`, a link, a hard link): the report
/// would be destroyed. Checked before anything is written. Also refuses the two options
/// naming one file.
pub fn refuse_overwriting_inputs(
    written: &[(&str, Option<&Path>)],
    inputs: &[Input],
    cwd: &Path,
) -> Result<(), String> {
    let written: Vec<(&str, &Path)> = written
        .iter()
        .filter_map(|(option, path)| path.map(|p| (*option, p)))
        .collect();
    for (option, path) in &written {
        let Some(id) = file_id(path) else {
            continue;
        };
        let input = inputs.iter().find_map(|input| match input {
            Input::File(p) if file_id(p).as_ref() == Some(&id) => Some(p),
            _ => None,
        });
        if let Some(input) = input {
            let same_as = if select::absolute(input, cwd) == select::absolute(path, cwd) {
                String::new()
            } else {
                crate::tr!("input-same-file-as", path = display_path(input))
            };
            return Err(crate::tr!(
                "input-would-overwrite",
                option = option,
                path = path.display(),
                same_as = same_as
            ));
        }
    }
    if let [(a, pa), (b, pb)] = written.as_slice() {
        let same = match (file_id(pa), file_id(pb)) {
            (Some(x), Some(y)) => x == y,
            _ => select::absolute(pa, cwd) == select::absolute(pb, cwd),
        };
        if same {
            return Err(crate::tr!(
                "input-same-output",
                a = a,
                b = b,
                path = pa.display()
            ));
        }
    }
    Ok(())
}
