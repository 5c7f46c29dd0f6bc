#!/usr/bin/env bash
# What each part of Charter's generated code costs the compiler: compiles the 100-type benchmark file as
# generated, and copies with one part's bodies replaced by trivial ones (Benchmarks/strip-bodies.py:
# `==` and `hash(into:)`, `collectIssues`, `init(from:)` and `encode(to:)`, then all of them), debug and
# release as Benchmarks/run's compile comparison does (Benchmarks/compile-models.sh), in interleaved
# rounds (Benchmarks/interleave.py). Prints a Markdown table of medians for BENCHMARKS.md.
#
# Needs: swift/swiftc, python3, GNU time (/usr/bin/time). Takes about 2 min a round on 2 cores.
# Usage: Benchmarks/compile-budget.sh [ROUNDS]   (default 3)
set -euo pipefail
rounds=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/Benchmarks"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# interleave.py splits each command like a shell would, so the paths in them may not contain spaces.
[[ $work != *[[:space:]]* ]] || { echo "compile-budget: the temporary folder may not contain spaces: '$work' (set TMPDIR)" >&2; exit 1; }

swift build --package-path "$root" -c release --static-swift-stdlib --product charter \
  --scratch-path "$root/.build-bench" >/dev/null
charter="$root/.build-bench/release/charter"

"$bench/build-runtime.sh" "$work/runtime"

python3 "$bench/synthesize.py" 100 "$work/corpus" >/dev/null
"$charter" generate "$work/corpus" --output "$work/generated" --quiet
generated=("$work/generated"/*.swift)
[[ ${#generated[@]} -eq 1 && -f ${generated[0]} ]] \
  || { echo "compile-budget: expected one generated Swift file, found: ${generated[*]}" >&2; exit 1; }
file=$(basename "${generated[0]}")

# name|parts removed (empty: the file as generated)|label
variants=(
  "as-generated||nothing (the file as generated)"
  "equality|eq,hash|\`==\` and \`hash(into:)\`"
  "validation|validation|\`collectIssues(at:into:)\`"
  "coding|decode,encode|\`init(from:)\` and \`encode(to:)\`"
  "all|eq,hash,validation,decode,encode|all of the above"
)
jobs=()
for variant in "${variants[@]}"; do
  IFS='|' read -r name parts _ <<<"$variant"
  mkdir -p "$work/$name"
  if [[ -z $parts ]]; then cp "$work/generated/$file" "$work/$name/"
  else python3 "$bench/strip-bodies.py" "$work/generated/$file" "$work/$name/$file" "$parts"; fi
  for mode in debug release; do
    jobs+=(--name "$name-$mode" --command "$(printf %q "$bench/compile-models.sh") $mode $work/runtime $work/$name $work/obj-$name-$mode")
  done
done

python3 "$bench/interleave.py" --runs "$rounds" --export-prefix "$work/result" "${jobs[@]}" >&2

median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
base_debug=$(median "$work/result-as-generated-debug.json")
base_release=$(median "$work/result-as-generated-release.json")
echo "| bodies removed | debug (\`-Onone -j2\`) | release (\`-O -wmo -num-threads 2\`) |"
echo "|---|---:|---:|"
for variant in "${variants[@]}"; do
  IFS='|' read -r name _ label <<<"$variant"
  debug=$(median "$work/result-$name-debug.json")
  release=$(median "$work/result-$name-release.json")
  python3 - "$label" "$debug" "$release" "$base_debug" "$base_release" <<'EOF'
import sys
label, debug, release, base_debug, base_release = sys.argv[1], *map(float, sys.argv[2:])
def cell(value, base):
    if value == base:
        return f"{value:.2f} s"
    change = round(100 * (value - base) / base)
    sign = "\u00b1" if change == 0 else "+" if change > 0 else "\u2212"
    return f"{value:.2f} s ({sign}{abs(change)}%)"
print(f"| {label} | {cell(debug, base_debug)} | {cell(release, base_release)} |")
EOF
done
echo
echo "$rounds interleaved round(s), medians; $(wc -l <"$work/generated/$file") lines of Swift; $(swiftc --version 2>&1 | head -1)."
