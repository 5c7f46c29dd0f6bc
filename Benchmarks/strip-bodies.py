#!/usr/bin/env python3
"""Writes a copy of a Charter-generated Swift file with some member bodies replaced by trivial ones.

Used by Benchmarks/compile-budget.sh to measure what each part of the generated code costs the
compiler: the copy still type-checks and compiles, but `==` returns true, `hash(into:)`,
`encode(to:)` and `collectIssues(at:into:)` do nothing and `init(from:)` traps. Only for timing the
compiler; the result is not meant to run.

Usage: strip-bodies.py INPUT.swift OUTPUT.swift PART[,PART...]
  PART: eq (==), hash (hash(into:)), validation (collectIssues), decode (init(from:)), encode (encode(to:))
"""
import sys

HEADS = {
    "eq": ("public static func == (lhs: Self, rhs: Self) -> Bool {", "return true"),
    "hash": ("public func hash(into hasher: inout Hasher) {", None),
    "validation": ("public func collectIssues(at path: String, into issues: inout [ValidationIssue]) {", None),
    "decode": ("public init(from decoder: any Decoder) throws {", "fatalError()"),
    "encode": ("public func encode(to encoder: any Encoder) throws {", None),
}


def strip(lines, parts):
    heads = {HEADS[part][0]: HEADS[part][1] for part in parts}
    out, index = [], 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped in heads:  # a multi-line body: keep the head and the closing brace at the same indent
            indent = line[: len(line) - len(line.lstrip())]
            end = index + 1
            while lines[end] != indent + "}":
                end += 1
            out.append(line)
            if heads[stripped]:
                out.append(indent + "    " + heads[stripped])
            out.append(lines[end])
            index = end + 1
        else:
            out.append(line)
            index += 1
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    parts = sys.argv[3].split(",")
    unknown = [part for part in parts if part not in HEADS]
    if unknown:
        sys.exit(f"unknown part(s): {', '.join(unknown)}; expected {', '.join(HEADS)}")
    with open(sys.argv[1]) as source:
        lines = source.read().split("\n")
    with open(sys.argv[2], "w") as target:
        target.write("\n".join(strip(lines, parts)))


if __name__ == "__main__":
    main()
