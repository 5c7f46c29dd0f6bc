#!/usr/bin/env bash
# Measures release `charter generate`: the bundled contracts, and synthetic sets of 100, 1,000 and
# 10,000 types (scaling). Needs hyperfine (apt-get install hyperfine) and GNU time (/usr/bin/time).
# Usage: Benchmarks/generate.sh   (prints markdown rows for BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product charter >/dev/null
charter=.build/release/charter
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in 100 1000 10000; do python3 Benchmarks/synthesize.py "$n" "$work/syn-$n"; done

row() { # label, runs, command...
  local label=$1 runs=$2; shift 2
  hyperfine -N -w 2 -r "$runs" --export-json "$work/h.json" "$*" >/dev/null 2>&1
  local median
  median=$(python3 -c "import json,sys; r=json.load(open('$work/h.json'))['results'][0]; print(f\"{r['median']*1000:.1f}\")")
  local rss
  rss=$(/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}')
  echo "| $label | $median ms | $rss MiB |"
}

echo "| input | median wall time | peak RSS |"
echo "|---|---|---|"
row "bundled contracts (Schemas/, 7 files)" 20 $charter generate Schemas -o "$work/out-bundled" -q
row "100 synthetic types" 20 $charter generate "$work/syn-100" -o "$work/out-100" -q
row "1,000 synthetic types" 10 $charter generate "$work/syn-1000" -o "$work/out-1000" -q
row "10,000 synthetic types" 5 $charter generate "$work/syn-10000" -o "$work/out-10000" -q
