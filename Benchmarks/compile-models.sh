#!/usr/bin/env bash
# Compiles a folder of generated Swift models the way the compile-time comparisons time it: to object
# files and a module (not -typecheck, which would skip SIL and code generation), into a fresh folder
# every time (when the object files already exist and the new LLVM IR hashes the same, the frontend
# skips code generation, and only about half the work would be timed).
#   debug:   swiftc -c -Onone -j2                     (per file, as a debug build does)
#   release: swiftc -c -O -wmo -num-threads 2         (whole module, as a release build does)
# Used by Benchmarks/run and Benchmarks/compile-budget.sh, as the command Benchmarks/interleave.py times.
# Usage: Benchmarks/compile-models.sh debug|release RUNTIME_MODULE_DIR SOURCE_DIR OBJECT_DIR
set -euo pipefail
[[ $# -eq 4 ]] || { echo "usage: compile-models.sh debug|release RUNTIME_MODULE_DIR SOURCE_DIR OBJECT_DIR" >&2; exit 2; }
case $1 in
  debug) flags=(-Onone -j2) ;;
  release) flags=(-O -wmo -num-threads 2) ;;
  *) echo "compile-models.sh: mode must be debug or release, not '$1'" >&2; exit 2 ;;
esac
runtime=$2 sources=$3 objects=$4
rm -rf "$objects"; mkdir -p "$objects"; cd "$objects"
exec swiftc -c "${flags[@]}" -parse-as-library -swift-version 6 -module-name Models -I "$runtime" \
  -emit-module -emit-module-path Models.swiftmodule -suppress-warnings "$sources"/*.swift
