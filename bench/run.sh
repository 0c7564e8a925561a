#!/usr/bin/env bash
# Benchmark `reportlint check` (built-in pack, JSON to a file) against ripgrep searching the
# pack's literal terms (bench/terms.txt) on the same generated corpus, in one run. A third row,
# `floor`, is reportlint with a one-rule pack (bench/one-rule.rules): reading, decoding,
# modelling and printing every report without the built-in pack's rules.
#
#   bench/run.sh [N ...]        corpus sizes, default: 2000 20000
#
# Needs: a release build (built here), ripgrep (`rg`), GNU time (/usr/bin/time) and, for the
# one-file start-up time, hyperfine. REPORTLINT_BIN runs that binary instead of building one
# (to compare two builds on the same corpora: run the script once per binary). Corpora go to ${BENCH_DIR:-/tmp/reportlint-bench} and are
# deleted afterwards (200 000 files take about 2.2 GB).
set -euo pipefail
# The timing table is read by its English heading.
export REPORTLINT_LANG=en
cd "$(dirname "$0")/.."
sizes=("${@:-2000 20000}")
read -r -a sizes <<<"${sizes[*]}"
work=${BENCH_DIR:-/tmp/reportlint-bench}
if [ -n "${REPORTLINT_BIN:-}" ]; then
  cargo build --release --quiet --example gen_corpus
  bin=$REPORTLINT_BIN
else
  cargo build --release --quiet --bin reportlint --example gen_corpus
  bin=$PWD/target/release/reportlint
fi
gen=$PWD/target/release/examples/gen_corpus
terms=$PWD/bench/terms.txt
floor_pack=$PWD/bench/one-rule.rules
mkdir -p "$work"
timing_tables=()

# Wall seconds and peak RSS (KB) of a command, from GNU time. The command's standard error
# goes to $work/stderr.txt.
measure() {
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
  tail -n 1 "$work/time.txt"
}

printf '%-8s %-10s %9s %9s %10s %10s %9s\n' files tool wall_s MB/s files/s peak_MB ratio
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  rm -rf "$corpus"
  "$gen" "$corpus" "$n" >/dev/null
  mb=$(du -sm --apparent-size "$corpus" | cut -f1)
  # Warm the page cache so both tools read from memory.
  find "$corpus" -name "*.txt" -exec cat {} + >/dev/null
  read -r rg_s rg_kb < <(measure rg -c -F -f "$terms" "$corpus")
  # `--timings=5` costs two clock readings per rule and file, well under 1% of the run.
  read -r rl_s rl_kb < <(measure "$bin" check "$corpus" --format json --output "$work/out.json" \
    --timings=5)
  timings=$(sed -n '/^timings: /,/^checked /p' "$work/stderr.txt" | grep -v '^checked ' || true)
  read -r fl_s fl_kb < <(measure "$bin" check "$corpus" --no-builtin --pack "$floor_pack" \
    --format json --output "$work/floor.json")
  for row in "rg $rg_s $rg_kb" "reportlint $rl_s $rl_kb" "floor $fl_s $fl_kb"; do
    read -r tool s kb <<<"$row"
    awk -v n="$n" -v t="$tool" -v s="$s" -v kb="$kb" -v mb="$mb" -v rg="$rg_s" 'BEGIN {
      s2 = (s > 0 ? s : 0.001)
      r = (t == "rg" || rg <= 0 ? "" : sprintf("%.1f", s / rg))
      printf "%-8s %-10s %9.2f %9.1f %10.0f %10.1f %9s\n", n, t, s, mb / s2, n / s2, kb / 1024, r
    }'
  done
  rm -rf "$corpus"
  timing_tables+=("$timings")
done
for t in "${timing_tables[@]}"; do
  printf '\n%s\n' "$t"
done

# The pre-commit case: one report of about 10 KB, whole process.
one="$work/one"
rm -rf "$one"
"$gen" "$one" 2 >/dev/null
file=$(ls "$one"/000/*.txt | head -1)
if command -v hyperfine >/dev/null; then
  hyperfine -N -i --warmup 5 --runs 50 "$bin check $file --format json --output $work/one.json"
else
  echo "hyperfine not found; one file:"; measure "$bin" check "$file" --format json --output "$work/one.json"
fi
rm -rf "$one"
