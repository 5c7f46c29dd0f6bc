#!/usr/bin/env bash
# Builds CharterRuntime as a release, whole-module module (CharterRuntime.swiftmodule + CharterRuntime.o) in
# OUTPUT_DIR, for the compile-time measurements that compile generated models against it (its own compile is
# not timed). Used by Benchmarks/run and Benchmarks/compile-budget.sh.
# Usage: Benchmarks/build-runtime.sh OUTPUT_DIR
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: build-runtime.sh OUTPUT_DIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"; cd "$1"
exec swiftc -O -wmo -parse-as-library -swift-version 6 -module-name CharterRuntime \
  -emit-module -emit-module-path CharterRuntime.swiftmodule -c -o CharterRuntime.o \
  "$root"/Sources/CharterRuntime/*.swift
