//! `--output FILE`, written atomically: the report goes into a new temporary file beside the
//! target, which is synced and renamed over the target only once the whole report is
//! written. A run that fails half-way (a full disk, a file-size limit) removes the temporary
//! file and leaves any earlier report untouched; no reader ever sees a truncated one.
//!
//! A target that is not a regular file (`/dev/stdout`, `/dev/null`, a named pipe) cannot be
//! replaced and is written directly. A symbolic link is followed: its target is replaced,
//! the link stays.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// An output file being written; [`OutputFile::commit`] puts it in place, dropping it
/// without committing discards it.
pub struct OutputFile {
    out: BufWriter<File>,
    /// The temporary file and the path it is renamed to; `None` when writing directly.
    rename: Option<(PathBuf, PathBuf)>,
}

impl OutputFile {
    /// Start writing `path`. Nothing at `path` changes until [`OutputFile::commit`].
    pub fn create(path: &Path) -> io::Result<OutputFile> {
        let target = match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)
                .ok()
                .filter(|t| t.is_file())
                .unwrap_or_else(|| path.to_path_buf()),
            _ => path.to_path_buf(),
        };
        if let Ok(meta) = std::fs::metadata(&target) {
            if !meta.is_file() {
                if meta.is_dir() {
                    return Err(io::Error::other("it is a folder"));
                }
                // A device or a pipe: nothing to replace, nothing half-written to remove.
                let file = OpenOptions::new().write(true).open(&target)?;
                return Ok(OutputFile {
                    out: BufWriter::new(file),
                    rename: None,
                });
            }
        }
        let (tmp, file) = temporary_beside(&target)?;
        Ok(OutputFile {
            out: BufWriter::new(file),
            rename: Some((tmp, target)),
        })
    }

    /// Flush, sync and rename the written file into place (keeping the permissions of the
    /// file it replaces). On error the temporary file is removed and the target is as it was.
    pub fn commit(mut self) -> io::Result<()> {
        self.out.flush()?;
        let Some((tmp, target)) = self.rename.take() else {
            return Ok(());
        };
        let result = (|| {
            self.out.get_ref().sync_all()?;
            if let Ok(meta) = std::fs::metadata(&target) {
                std::fs::set_permissions(&tmp, meta.permissions())?;
            }
            std::fs::rename(&tmp, &target)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

impl Write for OutputFile {
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

impl Drop for OutputFile {
    fn drop(&mut self) {
        if let Some((tmp, _)) = &self.rename {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// A new file `.NAME.reportlint-PID-N.tmp` in the folder of `target`, created exclusively
/// (never an existing file or link).
fn temporary_beside(target: &Path) -> io::Result<(PathBuf, File)> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    let mut n = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.reportlint-{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    }
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
        let mut out = OutputFile::create(&target).expect("created");
        out.write_all(b"new").expect("written");
        assert_eq!(std::fs::read(&target).ok(), Some(b"old".to_vec()));
        drop(out);
        assert_eq!(std::fs::read(&target).ok(), Some(b"old".to_vec()));
        assert_eq!(entries(&dir), ["report.json"]);
        let mut out = OutputFile::create(&target).expect("created");
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
        let out = OutputFile::create(&target).expect("created");
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
        let mut out = OutputFile::create(&link).expect("created");
        out.write_all(b"new").expect("written");
        out.commit().expect("committed");
        assert_eq!(std::fs::read(&target).ok(), Some(b"new".to_vec()));
        assert!(std::fs::symlink_metadata(&link)
            .map(|m| m.file_type().is_symlink())
            .unwrap_or(false));
        let mut null = OutputFile::create(Path::new("/dev/null")).expect("/dev/null opens");
        null.write_all(b"gone").expect("written");
        null.commit().expect("nothing to rename");
        assert!(std::fs::metadata("/dev/null")
            .map(|m| !m.is_file())
            .unwrap_or(false));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
