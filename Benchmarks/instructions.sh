#!/usr/bin/env bash
# Counts the instructions (valgrind's callgrind) of release `charter generate`, `charter lint` and `charter diff`
# on the benchmark's inputs, and compares them with the counts recorded in Benchmarks/instructions.tsv.
#
# Wall time on this kind of machine drifts by 10-20% within minutes, enough to hide a regression of that size
# (BENCHMARKS.md, "A regression the wall clock hid": a refactor doubled the cost of lint's fingerprints and two
# A/B timings called it noise). Instruction counts repeat to within a fraction of a percent, so they are the figure
# to compare two builds by. Not a unit test and not part of `swift test`: run it before and after a change that
# could touch a hot path.
#
# Inputs (Benchmarks/synthesize.py, fixed seed, made once in the work folder):
#   generate-1000  charter generate of 1,000 types (10 contract files)
#   lint-1000      charter lint --format json of 1,000 contract files of 10 types each
#   diff-1000      charter diff --format json of those 1,000 files against a copy with 10% of the types changed
#
# Usage: Benchmarks/instructions.sh [--check] [--record] [--work DIR]
#   (no option)  print the counts beside the recorded ones
#   --check      also exit 1 when a count is more than 5% above its recorded value
#   --record     write the counts to Benchmarks/instructions.tsv (with the commit they were measured at)
#   --work DIR   scratch folder for inputs and outputs (default: $TMPDIR/charter-instructions; kept between runs)
# Needs valgrind (apt-get install valgrind) and python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/Benchmarks"
recorded="$bench/instructions.tsv"
check=0 record=0 work="${TMPDIR:-/tmp}/charter-instructions"
while (($#)); do
  case $1 in
    --check) check=1 ;;
    --record) record=1 ;;
    --work) work=$2; shift ;;
    *) echo "usage: Benchmarks/instructions.sh [--check] [--record] [--work DIR]" >&2; exit 2 ;;
  esac
  shift
done
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }

(cd "$root" && swift build -c release --static-swift-stdlib --product charter --scratch-path .build-bench >/dev/null)
charter="$(cd "$root" && swift build -c release --scratch-path .build-bench --show-bin-path)/charter"
mkdir -p "$work/corpus"
synth() { # folder name, number of types, options...
  [[ -d $work/corpus/$1 ]] || python3 "$bench/synthesize.py" "$2" "$work/corpus/$1" "${@:3}" >/dev/null
}
synth 1000 1000
synth contracts-1000 10000 --per-file 10
synth contracts-1000-changed 10000 --per-file 10 --mutate 0.1

count() { # name, command...
  local name=$1; shift
  rm -rf "$work/out"
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$name" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  awk '/I +refs:/ {gsub(",", "", $NF); print $NF}' "$work/$name.err"
}

declare -A measured
measured[generate-1000]=$(count generate-1000 "$charter" generate "$work/corpus/1000" --output "$work/out" --quiet)
measured[lint-1000]=$(count lint-1000 "$charter" lint "$work/corpus/contracts-1000" --format json --fail-on never)
measured[diff-1000]=$(count diff-1000 "$charter" diff "$work/corpus/contracts-1000-changed" --base "$work/corpus/contracts-1000" --format json --fail-on never)

status=0
printf '%-14s %16s %16s %8s\n' benchmark instructions recorded change
for name in generate-1000 lint-1000 diff-1000; do
  now=${measured[$name]}
  [[ -n $now ]] || { echo "instructions.sh: no count for $name (see $work/$name.err)" >&2; exit 2; }
  before=$( [[ -f $recorded ]] && awk -F'\t' -v n="$name" '$1 == n {print $2}' "$recorded" || true)
  if [[ -n $before ]]; then
    change=$(python3 -c "print(f'{($now - $before) / $before * 100:+.1f}%')")
    over=$(python3 -c "print(1 if $now > $before * 1.05 else 0)")
    ((over)) && status=1
  else
    change="-"
  fi
  printf '%-14s %16s %16s %8s\n' "$name" "$now" "${before:--}" "$change"
done

if ((record)); then
  commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
  {
    printf '# benchmark\tinstructions\tcommit (written by Benchmarks/instructions.sh --record)\n'
    for name in generate-1000 lint-1000 diff-1000; do printf '%s\t%s\t%s\n' "$name" "${measured[$name]}" "$commit"; done
  } >"$recorded"
  echo "recorded in Benchmarks/instructions.tsv"
fi
if ((check && status)); then
  echo "instructions.sh: a count is more than 5% above the recorded one" >&2
  exit 1
fi
exit 0
