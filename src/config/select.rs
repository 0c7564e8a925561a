//! Paths as the configuration sees them, and which files it selects.
//!
//! Globs of the configuration (`include`, `exclude`, `overrides[].paths`, `suppress[].path`)
//! match a file's path relative to the configuration folder, with `/` separators: `*`
//! stays within one folder, `**` crosses folders. A [`ProjectPaths`] turns the path of a
//! checked file (as given on the command line or found by walking) into that relative form.

use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobMatcher, GlobSet, GlobSetBuilder};

/// Compile one configuration glob.
pub fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .backslash_escape(true)
        .build()
}

/// Compile one glob to a matcher. Globs were checked when the configuration was read; a
/// glob that fails here matches nothing.
pub fn matcher(pattern: &str) -> Option<GlobMatcher> {
    glob(pattern).ok().map(|g| g.compile_matcher())
}

/// Compile globs into one set; an empty list gives `None`.
pub fn glob_set<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Option<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    let mut any = false;
    for p in patterns {
        if let Ok(g) = glob(p) {
            builder.add(g);
            any = true;
        }
    }
    if any {
        builder.build().ok()
    } else {
        None
    }
}

/// Turns file paths into paths relative to a project folder.
#[derive(Clone, Debug)]
pub struct ProjectPaths {
    /// The folder, absolute and without `.`/`..`.
    root: PathBuf,
    /// The current folder, to make relative paths absolute.
    cwd: PathBuf,
}

impl ProjectPaths {
    pub fn new(root: &Path, cwd: &Path) -> Self {
        let cwd = absolute(cwd, Path::new("/"));
        ProjectPaths {
            root: real(&absolute(root, &cwd)),
            cwd,
        }
    }

    /// `path` relative to the project folder with `/` separators, or `None` when the file
    /// is outside it.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let full = real(&absolute(path, &self.cwd));
        let rel = full.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }
}

/// The file selection of a configuration: `include` (all when empty) minus `exclude`.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Selection {
    pub fn new<'a>(
        include: impl IntoIterator<Item = &'a str>,
        exclude: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        Selection {
            include: glob_set(include),
            exclude: glob_set(exclude),
        }
    }

    /// Whether the file at `relative` (to the configuration folder) is selected. A file
    /// outside the folder (`None`) is selected only when there is no `include` list.
    pub fn selects(&self, relative: Option<&str>) -> bool {
        match relative {
            Some(rel) => {
                self.include.as_ref().is_none_or(|set| set.is_match(rel))
                    && !self.exclude.as_ref().is_some_and(|set| set.is_match(rel))
            }
            None => self.include.is_none(),
        }
    }
}

/// `path` made absolute against `base`, with `.` and `..` resolved by name.
pub fn absolute(path: &Path, base: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The path with symbolic links resolved when it exists (a temporary folder reached through
/// a link must still be inside the project), as it is otherwise.
fn real(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_stays_in_one_folder_and_double_star_crosses_folders() {
        let selection = Selection::new(["*.txt", "部门/**"], ["部门/草稿/**"]);
        assert!(selection.selects(Some("a.txt")));
        assert!(!selection.selects(Some("2024/a.txt")));
        assert!(selection.selects(Some("部门/司法局/2024.md")));
        assert!(!selection.selects(Some("部门/草稿/2024.md")));
    }

    #[test]
    fn without_include_everything_but_the_excluded_is_selected() {
        let selection = Selection::new([], ["drafts/**"]);
        assert!(selection.selects(Some("2024/a.txt")));
        assert!(selection.selects(None));
        assert!(!selection.selects(Some("drafts/a.txt")));
    }

    #[test]
    fn paths_are_made_relative_to_the_project_folder() {
        let paths = ProjectPaths::new(Path::new("/no/such/repo"), Path::new("/no/such/repo/sub"));
        assert_eq!(
            paths.relative(Path::new("a/../b.txt")).as_deref(),
            Some("sub/b.txt")
        );
        assert_eq!(
            paths.relative(Path::new("../x/y.txt")).as_deref(),
            Some("x/y.txt")
        );
        assert_eq!(paths.relative(Path::new("/elsewhere/y.txt")), None);
    }
}
