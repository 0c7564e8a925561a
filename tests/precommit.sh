#!/usr/bin/env bash
# The reportlint pre-commit hook in a real pre-commit installation: a scratch git repository
# whose .pre-commit-config.yaml uses the hook of .pre-commit-hooks.yaml (as a local hook
# running the built binary, so no network or release build is needed), a commit of a report
# with defects that the hook must stop, and a commit of a clean report that must pass.
# Needs python3 with venv and access to PyPI for `pip install pre-commit`.
# REPORTLINT_BIN names the binary to use; REPORTLINT_PRECOMMIT_LOCATE_ONLY=1 only prints the
# binary it would use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/tests/binary.sh"
if [ -n "${REPORTLINT_PRECOMMIT_LOCATE_ONLY:-}" ]; then
  printf '%s\n' "$bin"
  exit 0
fi
build_binary

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-cache"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
pre_commit="$work/venv/bin/pre-commit"
"$pre_commit" validate-manifest "$root/.pre-commit-hooks.yaml"

repo="$work/reports"
mkdir -p "$repo/rules" "$repo/乡镇"
cd "$repo"
git init -q -b main
git config user.name "县司法局"
git config user.email "fazhi@example.org"
git config commit.gpgsign false

cp "$root/tests/fixtures/gate/gate.rules" rules/gate.rules
printf 'packs: [rules/gate.rules]\nbuiltin: false\nfail_on: warning\n' > .reportlint.yaml

# The hook as published, run from the built binary: id, entry arguments, files and the rest
# come from .pre-commit-hooks.yaml; only the language and the program path differ.
"$work/venv/bin/python" - "$root/.pre-commit-hooks.yaml" "$bin" > .pre-commit-config.yaml <<'PY'
import sys, yaml
hook = dict(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))[0])
program, _, arguments = hook["entry"].partition(" ")
assert program == "reportlint", hook["entry"]
hook["entry"] = f"{sys.argv[2]} {arguments}"
hook["language"] = "system"
print(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, allow_unicode=True))
PY

git add .pre-commit-config.yaml .reportlint.yaml rules
git commit -q -m "reportlint 配置"
"$pre_commit" install --install-hooks >/dev/null

cp "$root/tests/fixtures/gate/township-slips.txt" 乡镇/河口镇.txt
git add 乡镇/河口镇.txt
if git commit -q -m "河口镇报告（有错）" >"$work/bad.log" 2>&1; then
  cat "$work/bad.log"
  echo "FAIL: the hook let a report with defects through" >&2
  exit 1
fi
grep -q "gate/first-duty" "$work/bad.log" || { cat "$work/bad.log"; echo "FAIL: the hook did not show the finding" >&2; exit 1; }

cp "$root/tests/fixtures/gate/township-clean.txt" 乡镇/河口镇.txt
git add 乡镇/河口镇.txt
if ! git commit -q -m "河口镇报告" >"$work/good.log" 2>&1; then
  cat "$work/good.log"
  echo "FAIL: the hook stopped a clean report" >&2
  exit 1
fi

# A staged report whose name looks like an option is checked as a file, not obeyed: the
# untracked victim.txt beside it must survive the commit.
printf 'keep me\n' > victim.txt
cp "$root/tests/fixtures/gate/township-clean.txt" -- "--output=victim.txt"
git add -- "--output=victim.txt"
if ! git commit -q -m "城关镇报告" >"$work/option.log" 2>&1; then
  cat "$work/option.log"
  echo "FAIL: the hook stopped a clean report named like an option" >&2
  exit 1
fi
if [ "$(cat victim.txt)" != "keep me" ]; then
  echo "FAIL: a file name passed by pre-commit was taken as --output" >&2
  exit 1
fi
echo "pre-commit hook: a report with defects is stopped, a clean one is committed, a file named like an option is checked as a file"
echo "pre-commit: 3 passed, 0 failed"
