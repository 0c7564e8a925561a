//! Files replaced atomically: what is written goes into a new temporary file beside the
//! target, which is synced and renamed over the target only when everything was written. A
//! run that fails half-way (a full disk, a file-size limit, a kill) leaves the earlier file
//! untouched; no reader ever sees half of one. One writer serves every command that writes a
//! file (`-o`, `--write-baseline`, `fmt`, `--fix`); a [`Policy`] says what differs.
//!
//! The temporary file is `.rl-PID-N.tmp` (short, so any name that fits in its folder can be
//! written), created exclusively (never an existing file or link) and readable by its owner
//! only until it takes the target's permissions. One left by a killed run is removed by
//! [`remove_stale_temporaries`].

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// What a writer does besides replacing the file. Every policy follows a symbolic link (its
/// target is replaced, the link stays) and keeps the permission bits of the file it replaces.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Write devices and pipes (`/dev/stdout`, `/dev/null`) directly instead of refusing them.
    pub devices_directly: bool,
    /// The target must exist (a fixed file replaces the report it was read from).
    pub must_exist: bool,
    /// Refuse a file its owner may not write, or this process may not open for writing.
    pub refuse_read_only: bool,
    /// Refuse a file with several hard links, whose replacement would split it from its other
    /// names.
    pub refuse_hard_links: bool,
    /// Give the new file the old one's owner and group (refusing when that cannot be done).
    pub keep_owner: bool,
    /// Sync the folder after the rename, so the rename is durable.
    pub sync_folder: bool,
}

impl Policy {
    /// An output file (`-o`, `--write-baseline`, `fmt`): created when missing; devices and
    /// pipes are written directly.
    pub const OUTPUT: Policy = Policy {
        devices_directly: true,
        must_exist: false,
        refuse_read_only: false,
        refuse_hard_links: false,
        keep_owner: false,
        sync_folder: false,
    };

    /// A report fixed in place (`--fix`): it keeps what made it the file it was (owner, group,
    /// permission bits); read-only and hard-linked files are refused.
    pub const IN_PLACE: Policy = Policy {
        devices_directly: false,
        must_exist: true,
        refuse_read_only: true,
        refuse_hard_links: true,
        keep_owner: true,
        sync_folder: true,
    };
}

/// Why a file was not written. The file is left as it was in every case.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}", crate::tr!("write-read-only"))]
    ReadOnly,
    #[error("{}", crate::tr!("write-hard-links", links = .0))]
    HardLinks(u64),
    #[error("{}", crate::tr!("write-not-a-file"))]
    NotAFile,
    #[error("{}", crate::tr!("write-owner", uid = .uid, gid = .gid, error = crate::i18n::io(.source)))]
    Owner {
        uid: u32,
        gid: u32,
        source: io::Error,
    },
    #[error("{}", crate::tr!("write-io", error = crate::i18n::io(.0)))]
    Io(#[from] io::Error),
}

impl WriteError {
    /// The error as an I/O error (an I/O failure as it was, a refusal as its message).
    pub fn into_io(self) -> io::Error {
        match self {
            WriteError::Io(e) => e,
            other => io::Error::other(other.to_string()),
        }
    }
}

/// A file being written; [`AtomicFile::commit`] puts it in place, dropping it without
/// committing discards it.
pub struct AtomicFile {
    out: BufWriter<File>,
    /// The temporary file and the path it is renamed to; `None` when writing directly.
    rename: Option<(PathBuf, PathBuf)>,
    policy: Policy,
    /// The replaced file's metadata, when there is one.
    original: Option<std::fs::Metadata>,
}

impl AtomicFile {
    /// Start writing `path` under `policy`. Nothing at `path` changes until
    /// [`AtomicFile::commit`].
    pub fn create(path: &Path, policy: Policy) -> Result<AtomicFile, WriteError> {
        let target = if policy.must_exist {
            std::fs::canonicalize(path)?
        } else {
            match std::fs::symlink_metadata(path) {
                Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)
                    .ok()
                    .filter(|t| t.is_file())
                    .unwrap_or_else(|| path.to_path_buf()),
                _ => path.to_path_buf(),
            }
        };
        let original = match std::fs::metadata(&target) {
            Ok(meta) => Some(meta),
            Err(e) if policy.must_exist => return Err(e.into()),
            Err(_) => None,
        };
        if let Some(meta) = &original {
            if !meta.is_file() {
                if !policy.devices_directly {
                    return Err(WriteError::NotAFile);
                }
                if meta.is_dir() {
                    return Err(io::Error::other(crate::tr!("write-is-folder")).into());
                }
                // A device or a pipe: nothing to replace, nothing half-written to remove.
                let file = OpenOptions::new().write(true).open(&target)?;
                return Ok(AtomicFile {
                    out: BufWriter::new(file),
                    rename: None,
                    policy,
                    original: None,
                });
            }
            if policy.refuse_read_only {
                refuse_read_only(&target, meta)?;
            }
            #[cfg(unix)]
            if policy.refuse_hard_links {
                use std::os::unix::fs::MetadataExt;
                if meta.nlink() > 1 {
                    return Err(WriteError::HardLinks(meta.nlink()));
                }
            }
        }
        let dir = folder_of(&target);
        // A new file gets the usual permissions; one that replaces a file is private until it
        // takes that file's permissions.
        let (tmp, file) = create_temporary(&dir, original.is_some())?;
        let made = AtomicFile {
            out: BufWriter::new(file),
            rename: Some((tmp, target)),
            policy,
            original,
        };
        if let Some(meta) = &made.original {
            if policy.keep_owner {
                keep_owner(made.out.get_ref(), meta)?;
            }
        }
        Ok(made)
    }

    /// Flush, sync and rename the written file into place (keeping the permissions of the
    /// file it replaces). On error the temporary file is removed and the target is as it was.
    pub fn commit(mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        let Some((tmp, target)) = self.rename.take() else {
            return Ok(());
        };
        let result = (|| {
            if let Some(meta) = &self.original {
                self.out.get_ref().set_permissions(meta.permissions())?;
            }
            self.out.get_ref().sync_all()?;
            std::fs::rename(&tmp, &target)?;
            if self.policy.sync_folder {
                // The rename is durable once the folder is; a failure here changes nothing
                // written.
                if let Ok(folder) = File::open(folder_of(&target)) {
                    let _ = folder.sync_all();
                }
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some((tmp, _)) = &self.rename {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Write `bytes` to `path` under `policy`, atomically.
pub fn write_with(path: &Path, bytes: &[u8], policy: Policy) -> Result<(), WriteError> {
    let mut file = AtomicFile::create(path, policy)?;
    file.write_all(bytes)?;
    file.commit()
}

fn folder_of(target: &Path) -> PathBuf {
    target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .to_path_buf()
}

/// Refuse a file its owner may not write, or this process may not open for writing (what
/// `access(W_OK)` asks; opening without truncating changes nothing).
fn refuse_read_only(target: &Path, meta: &std::fs::Metadata) -> Result<(), WriteError> {
    #[cfg(unix)]
    let owner_may_not_write = {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o200 == 0
    };
    #[cfg(not(unix))]
    let owner_may_not_write = meta.permissions().readonly();
    if owner_may_not_write {
        return Err(WriteError::ReadOnly);
    }
    match OpenOptions::new().write(true).open(target) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Err(WriteError::ReadOnly),
        Err(e) => Err(WriteError::Io(e)),
    }
}

#[cfg(unix)]
fn keep_owner(file: &File, original: &std::fs::Metadata) -> Result<(), WriteError> {
    use std::os::unix::fs::MetadataExt;
    let (uid, gid) = (original.uid(), original.gid());
    let made = file.metadata()?;
    if (made.uid(), made.gid()) == (uid, gid) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(uid), Some(gid)).map_err(|source| WriteError::Owner {
        uid,
        gid,
        source,
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &std::fs::Metadata) -> Result<(), WriteError> {
    Ok(())
}

/// Temporary files made by this process so far, numbering the next one.
static TEMPORARIES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A new temporary file `.rl-PID-N.tmp` in `dir`; `private`: readable by its owner only
/// (until it takes the permissions of the file it replaces).
fn create_temporary(dir: &Path, private: bool) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut tries = 0;
    loop {
        let n = TEMPORARIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = dir.join(format!(".rl-{pid}-{n}.tmp"));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        match options.open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 100 => {
                tries += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Folders already cleaned of stale temporary files in this run.
static CLEANED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Remove, once per run and folder, the temporary files that a run killed while writing
/// (`kill -9`, a power cut) left in the folder of `file` (after links): names of exactly the
/// form `.rl-PID-N.tmp` (or `.NAME.reportlint-PID.tmp`, from earlier versions) whose process
/// is no longer running. Whether it runs is read from `/proc`; where there is none, nothing
/// is removed. Returns how many were removed.
pub fn remove_stale_temporaries(file: &Path) -> usize {
    let Some(dir) = std::fs::canonicalize(file)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
    else {
        return 0;
    };
    {
        let Ok(mut cleaned) = CLEANED.lock() else {
            return 0;
        };
        if cleaned.contains(&dir) {
            return 0;
        }
        cleaned.push(dir.clone());
    }
    if !Path::new("/proc/self").exists() {
        return 0;
    }
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_of) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        let running = Path::new("/proc").join(pid.to_string()).exists();
        if is_file && !running && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The process id in the name of one of our temporary files, `None` for any other name.
pub(crate) fn temporary_of(name: &str) -> Option<u32> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let rest = name.strip_suffix(".tmp")?;
    if let Some(numbers) = rest.strip_prefix(".rl-") {
        let (pid, n) = numbers.split_once('-')?;
        return (digits(pid) && digits(n)).then(|| pid.parse().ok())?;
    }
    let (stem, pid) = rest.strip_prefix('.')?.rsplit_once(".reportlint-")?;
    (!stem.is_empty() && digits(pid)).then(|| pid.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("reportlint-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn nothing_changes_until_commit_and_a_dropped_file_leaves_no_trace() {
        let dir = scratch("commit");
        let target = dir.join("report.json");
        std::fs::write(&target, "old").expect("old report");
        let mut out = AtomicFile::create(&target, Policy::OUTPUT).expect("created");
        out.write_all(b"new").expect("written");
        assert_eq!(std::fs::read(&target).ok(), Some(b"old".to_vec()));
        drop(out);
        assert_eq!(std::fs::read(&target).ok(), Some(b"old".to_vec()));
        assert_eq!(entries(&dir), ["report.json"]);
        let mut out = AtomicFile::create(&target, Policy::OUTPUT).expect("created");
        out.write_all(b"new").expect("written");
        out.commit().expect("committed");
        assert_eq!(std::fs::read(&target).ok(), Some(b"new".to_vec()));
        assert_eq!(entries(&dir), ["report.json"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_rename_that_fails_removes_the_temporary_file() {
        let dir = scratch("rename");
        // A folder where the report should go: the rename cannot replace it.
        let target = dir.join("report.json");
        let out = AtomicFile::create(&target, Policy::OUTPUT).expect("created");
        std::fs::create_dir(&target).expect("folder in the way");
        std::fs::write(target.join("kept"), "x").expect("folder content");
        assert!(out.commit().is_err());
        assert_eq!(entries(&dir), ["report.json"]);
        assert_eq!(entries(&target), ["kept"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_a_device_is_written_directly() {
        let dir = scratch("link");
        let target = dir.join("real.json");
        std::fs::write(&target, "old").expect("old report");
        let link = dir.join("link.json");
        std::os::unix::fs::symlink("real.json", &link).expect("symlink");
        let mut out = AtomicFile::create(&link, Policy::OUTPUT).expect("created");
        out.write_all(b"new").expect("written");
        out.commit().expect("committed");
        assert_eq!(std::fs::read(&target).ok(), Some(b"new".to_vec()));
        assert!(std::fs::symlink_metadata(&link)
            .map(|m| m.file_type().is_symlink())
            .unwrap_or(false));
        let mut null =
            AtomicFile::create(Path::new("/dev/null"), Policy::OUTPUT).expect("/dev/null opens");
        null.write_all(b"gone").expect("written");
        null.commit().expect("nothing to rename");
        assert!(std::fs::metadata("/dev/null")
            .map(|m| !m.is_file())
            .unwrap_or(false));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn an_output_file_never_writes_through_a_name_planted_for_its_temporary() {
        let dir = scratch("planted");
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, "keep").expect("victim");
        let target = dir.join("pack.rules");
        std::fs::write(&target, "old").expect("old pack");
        // The fixed temporary name `fmt` and `--write-baseline` once used, linked elsewhere.
        let planted = dir.join(format!(".pack.rules.reportlint-{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).expect("symlink");
        crate::source::write_atomic(&target, b"new").expect("written");
        assert_eq!(std::fs::read(&victim).ok(), Some(b"keep".to_vec()));
        assert_eq!(std::fs::read(&target).ok(), Some(b"new".to_vec()));
        assert!(std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_file()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_names_of_our_temporary_files_are_taken_for_them() {
        assert_eq!(temporary_of(".rl-4242-0.tmp"), Some(4242));
        assert_eq!(temporary_of(".河口镇.txt.reportlint-17.tmp"), Some(17));
        for other in [
            "rl-1-0.tmp",
            ".rl-1.tmp",
            ".rl-1-x.tmp",
            ".rl--0.tmp",
            ".rl-1-0.tmp.bak",
            ".reportlint-17.tmp",
            ".a.reportlint-.tmp",
            ".a.reportlint-1a.tmp",
            "a.reportlint-17.tmp",
        ] {
            assert_eq!(temporary_of(other), None, "{other}");
        }
    }
}
