#!/usr/bin/env python3
"""Writes a copy of a Charter-generated Swift file with some member bodies replaced by trivial ones.

Used by Benchmarks/compile-budget.sh to measure what each part of the generated code costs the
compiler: the copy still type-checks and compiles, but `==` returns true, `hash(into:)`,
`encode(to:)` and `collectIssues(at:into:)` do nothing and `init(from:)` traps. Only multi-line bodies
written out with the default `public` access are stripped: structs' `==`, `hash(into:)`, validation and
coding, enums' and unions' coding and validation (one-line bodies, and members the compiler derives,
stay). A part that matches nothing is an error, so a change in the templates cannot turn a row of the
budget into a silent copy of the original. Only for timing the compiler; the result is not meant to run.

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
    """The lines with the bodies of `parts` replaced, and how many bodies each part matched."""
    heads = {HEADS[part][0]: part for part in parts}
    matched = {part: 0 for part in parts}
    out, index = [], 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped in heads:  # a multi-line body: keep the head and the closing brace at the same indent
            part = heads[stripped]
            indent = line[: len(line) - len(line.lstrip())]
            end = index + 1
            # Everything up to the closing brace is blank or indented deeper than the head; anything else
            # means the file is not shaped as expected, and guessing would strip the wrong lines.
            while end < len(lines) and lines[end] != indent + "}":
                if lines[end].strip() and not lines[end].startswith(indent + " "):
                    sys.exit(f"line {end + 1}: the body of '{stripped}' (line {index + 1}) does not end at its indent")
                end += 1
            if end == len(lines):
                sys.exit(f"line {index + 1}: the body of '{stripped}' has no closing brace at its indent")
            out.append(line)
            if HEADS[part][1]:
                out.append(indent + "    " + HEADS[part][1])
            out.append(lines[end])
            matched[part] += 1
            index = end + 1
        else:
            out.append(line)
            index += 1
    return out, matched


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    parts = sys.argv[3].split(",")
    unknown = [part for part in parts if part not in HEADS]
    if unknown:
        sys.exit(f"unknown part(s): {', '.join(unknown)}; expected {', '.join(HEADS)}")
    with open(sys.argv[1]) as source:
        lines = source.read().split("\n")
    out, matched = strip(lines, parts)
    missing = [part for part, count in matched.items() if count == 0]
    if missing:
        sys.exit(f"{sys.argv[1]}: no multi-line body for part(s) {', '.join(missing)}")
    with open(sys.argv[2], "w") as target:
        target.write("\n".join(out))


if __name__ == "__main__":
    main()
