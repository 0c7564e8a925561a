# Sourced by the shell tests: sets `bin` to the reportlint binary they run. REPORTLINT_BIN names
# it; otherwise it is looked for where cargo puts it: under CARGO_TARGET_DIR (or
# build.target-dir in a cargo configuration) when set, else under target/; cargo itself says
# which. Needs `root` (the repository) set by the caller. `build_binary` builds it when missing.
cargo="${CARGO:-cargo}"
if [ -n "${REPORTLINT_BIN:-}" ]; then
  bin="$REPORTLINT_BIN"
else
  target_dir="$(cd "$root" && "$cargo" metadata --format-version 1 --no-deps --locked |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
  bin="$target_dir/debug/reportlint"
fi
build_binary() {
  if [ ! -x "$bin" ]; then
    (cd "$root" && "$cargo" build --locked --quiet --bin reportlint)
  fi
}
