#!/usr/bin/env bash
# Compiles a folder of generated Swift models the way the compile-time comparisons time it: to object
# files and a module (not -typecheck, which would skip SIL and code generation), into a fresh folder
# every time (when the object files already exist and the new LLVM IR hashes the same, the frontend
# skips code generation, and only about half the work would be timed).
#   debug:   swiftc -c -Onone -j2                     (per file, as a debug build does)
#   release: swiftc -c -O -wmo -num-threads 2         (whole module, as a release build does)
#   swiftpm-debug: debug plus what `swift build` adds in a package's debug build: debug info (-g),
#            batch mode, -enable-testing and an index store (fresh, in OBJECT_DIR) — the flags a build
#            plugin's output is compiled with
# Used by Benchmarks/run and Benchmarks/compile-budget.sh, as the command Benchmarks/interleave.py times.
# Usage: Benchmarks/compile-models.sh debug|release|swiftpm-debug RUNTIME_MODULE_DIR SOURCE_DIR OBJECT_DIR
set -euo pipefail
[[ $# -eq 4 ]] || { echo "usage: compile-models.sh debug|release|swiftpm-debug RUNTIME_MODULE_DIR SOURCE_DIR OBJECT_DIR" >&2; exit 2; }
case $1 in
  debug) flags=(-Onone -j2) ;;
  release) flags=(-O -wmo -num-threads 2) ;;
  swiftpm-debug) flags=(-Onone -j2 -enable-batch-mode -g -enable-testing -DSWIFT_PACKAGE -DDEBUG -index-store-path "$4/index") ;;
  *) echo "compile-models.sh: mode must be debug, release or swiftpm-debug, not '$1'" >&2; exit 2 ;;
esac
runtime=$2 sources=$3 objects=$4
rm -rf "$objects"; mkdir -p "$objects"; cd "$objects"
exec swiftc -c "${flags[@]}" -parse-as-library -swift-version 6 -module-name Models -I "$runtime" \
  -emit-module -emit-module-path Models.swiftmodule -suppress-warnings "$sources"/*.swift
