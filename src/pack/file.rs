//! Reading the small text files reportlint is configured with: rule packs, the
//! configuration, a baseline.
//!
//! They are read whole, so they are bounded: [`MAX_FILE_BYTES`] is checked on the file's
//! metadata before anything is read, and the read itself stops one byte past it (a file
//! that grows meanwhile is refused too). Only regular files are read: a FIFO, a device or a
//! folder named as a pack (or reached through a link) is refused before it is opened, since
//! reading a FIFO would wait forever. Where the platform allows, the file is opened
//! non-blocking and checked again once open, so swapping in a FIFO between the check and the
//! open does not hang either.
//!
//! Text must be UTF-8 without NUL bytes; anything else is reported as binary, without
//! showing any of it.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// The largest pack or configuration file accepted, in bytes. Real packs and configurations
/// are a few kilobytes; one cap for the DSL, YAML and the configuration.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Why a small text file could not be read.
#[derive(Debug)]
pub enum FileProblem {
    /// Not a regular file: a folder, a FIFO, a device, a socket.
    NotRegular(&'static str),
    /// Larger than `limit` bytes; the size when known.
    TooLarge {
        size: Option<u64>,
        limit: u64,
    },
    /// NUL bytes or not UTF-8.
    Binary,
    Io(std::io::Error),
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::NotRegular(kind) => {
                f.write_str(&crate::tr!("file-not-regular", kind = file_kind(kind)))
            }
            FileProblem::TooLarge {
                size: Some(size),
                limit,
            } => f.write_str(&crate::tr!("file-too-large", size = size, limit = limit)),
            FileProblem::TooLarge { size: None, limit } => {
                f.write_str(&crate::tr!("file-larger-than", limit = limit))
            }
            FileProblem::Binary => f.write_str(&crate::tr!("file-not-utf8")),
            FileProblem::Io(e) => f.write_str(&crate::i18n::io(e)),
        }
    }
}

/// A kind of file named by [`FileProblem::NotRegular`], in the current language.
fn file_kind(kind: &str) -> String {
    match kind {
        "a folder" => crate::tr!("file-kind-folder"),
        "a FIFO (named pipe)" => crate::tr!("file-kind-fifo"),
        "a socket" => crate::tr!("file-kind-socket"),
        "a device" => crate::tr!("file-kind-device"),
        _ => crate::tr!("file-kind-special"),
    }
}

/// What kind of file `metadata` describes, in words, when it is not a regular file.
fn kind_of(metadata: &std::fs::Metadata) -> Option<&'static str> {
    let file_type = metadata.file_type();
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// `O_NONBLOCK` where its value is known: opening a FIFO then returns at once instead of
/// waiting for a writer. It changes nothing for regular files.
#[cfg(all(
    any(target_os = "linux", target_os = "android"),
    not(any(target_arch = "mips", target_arch = "mips64", target_arch = "sparc64"))
))]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(any(
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
))]
const O_NONBLOCK: i32 = 0x0004;
#[cfg(not(any(
    all(
        any(target_os = "linux", target_os = "android"),
        not(any(target_arch = "mips", target_arch = "mips64", target_arch = "sparc64"))
    ),
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
)))]
const O_NONBLOCK: i32 = 0;

fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(O_NONBLOCK);
    }
    #[cfg(not(unix))]
    let _ = O_NONBLOCK;
    options.open(path)
}

/// The bytes of a regular file of at most `limit` bytes.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, FileProblem> {
    let too_large = |size| FileProblem::TooLarge { size, limit };
    let metadata = std::fs::metadata(path).map_err(FileProblem::Io)?;
    if let Some(kind) = kind_of(&metadata) {
        return Err(FileProblem::NotRegular(kind));
    }
    if metadata.len() > limit {
        return Err(too_large(Some(metadata.len())));
    }
    let file = open(path).map_err(FileProblem::Io)?;
    // The path may have been swapped for something else since it was looked at.
    let opened = file.metadata().map_err(FileProblem::Io)?;
    if let Some(kind) = kind_of(&opened) {
        return Err(FileProblem::NotRegular(kind));
    }
    if opened.len() > limit {
        return Err(too_large(Some(opened.len())));
    }
    let capacity = usize::try_from(opened.len()).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(FileProblem::Io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// The text of a regular file of at most [`MAX_FILE_BYTES`]: UTF-8 without NUL bytes.
pub fn read_text(path: &Path) -> Result<String, FileProblem> {
    read_text_at_most(path, MAX_FILE_BYTES as u64)
}

/// The text of a regular file of at most `limit` bytes: UTF-8 without NUL bytes.
pub fn read_text_at_most(path: &Path, limit: u64) -> Result<String, FileProblem> {
    let bytes = read_bytes(path, limit)?;
    if bytes.contains(&0) {
        return Err(FileProblem::Binary);
    }
    String::from_utf8(bytes).map_err(|_| FileProblem::Binary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("reportlint-file-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).ok();
        dir
    }

    #[test]
    fn text_binary_size_and_folders() {
        let dir = scratch("kinds");
        let text = dir.join("a.rules");
        std::fs::write(&text, "pack \"t\"\n").ok();
        assert_eq!(read_text(&text).ok().as_deref(), Some("pack \"t\"\n"));
        let nul = dir.join("nul.rules");
        std::fs::write(&nul, b"pack\0").ok();
        assert!(matches!(read_text(&nul), Err(FileProblem::Binary)));
        let latin = dir.join("latin.rules");
        std::fs::write(&latin, b"pack \xe9\n").ok();
        assert!(matches!(read_text(&latin), Err(FileProblem::Binary)));
        let big = dir.join("big.rules");
        let file = std::fs::File::create(&big).ok();
        if let Some(f) = file {
            f.set_len(MAX_FILE_BYTES as u64 + 1).ok();
        }
        assert!(matches!(
            read_text(&big),
            Err(FileProblem::TooLarge { size: Some(n), .. }) if n == MAX_FILE_BYTES as u64 + 1
        ));
        assert!(matches!(
            read_text(&dir),
            Err(FileProblem::NotRegular("a folder"))
        ));
        std::fs::remove_dir_all(&dir).ok();
    }

    /// A FIFO is refused before it is opened: reading it would wait for a writer forever.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = scratch("fifo");
        let fifo = dir.join("p.rules");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let problem = read_text(&fifo);
        assert!(
            matches!(problem, Err(FileProblem::NotRegular(kind)) if kind.contains("FIFO")),
            "{problem:?}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
