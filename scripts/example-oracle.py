#!/usr/bin/env python3
"""Differential check of `charter lint`'s example-matches-schema against the reference Python implementation.

Copies Schemas/ to a scratch folder, adds mutated copies of every schema's first `examples` entry (a value
replaced by one of another kind or format, a member removed or added, an element repeated; fixed seed), then
asks both `charter lint` and `jsonschema` (draft 2020-12, with scripts/validate-contracts.py's format checker:
date-time, date, uuid, uri, email, decimal, int32, int64 asserted) which examples are invalid. Exits 1 when
they disagree on any, listing them; 2 when the environment is unusable.

usage: example-oracle.py CHARTER [--seed N] [--rounds N]
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("validate_contracts", ROOT / "scripts" / "validate-contracts.py")
contracts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(contracts)  # exits 2 itself when jsonschema is missing

from jsonschema import Draft202012Validator  # noqa: E402
from referencing import Registry  # noqa: E402
from referencing.jsonschema import DRAFT202012  # noqa: E402

REPLACEMENTS = [
    "x", "", "A", "ABC-123", -1, 0, 1.5, 3.0, 2147483648, 10**20, True, None, [], {}, "2026-13-01", "2026-11-30",
    "2026-11-30T10:00:00Z", "2026-11-30T10:00:00", "0b7e3f9a-5c1d-4e8b-9f2a-6d4c3b2a1908", "not-a-uuid",
    "https://example.com/x", "relative/x", "19.99", "-0.50", "1e5", "a@b.example", "GBP", "gbp", "EACH", "PT1H",
]
REMOVE = object()


def values(value, path=()):
    """Every (path, value) in a JSON value, the value itself first."""
    yield path, value
    if isinstance(value, dict):
        for key, member in value.items():
            yield from values(member, path + (key,))
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from values(element, path + (index,))


def replaced(value, path, new):
    if not path:
        return new
    value = copy.deepcopy(value)
    holder = value
    for step in path[:-1]:
        holder = holder[step]
    if new is REMOVE:
        del holder[path[-1]]
    else:
        holder[path[-1]] = new
    return value


def mutations(rng: random.Random, example, rounds: int):
    places = list(values(example))
    for _ in range(rounds):
        path, value = rng.choice(places)
        roll = rng.random()
        if roll < 0.15 and path and isinstance(path[-1], str):
            yield replaced(example, path, REMOVE)
        elif roll < 0.25 and isinstance(value, dict):
            yield replaced(example, path, {**copy.deepcopy(value), "zzExtra": 1})
        elif roll < 0.32 and isinstance(value, list) and value:
            yield replaced(example, path, value + [copy.deepcopy(value[0])])
        else:
            yield replaced(example, path, rng.choice(REPLACEMENTS))


def schemas_with_examples(document):
    for pointer, schema in contracts.walk_schema(document, ""):
        if isinstance(schema, dict) and isinstance(schema.get("examples"), list) and schema["examples"]:
            yield pointer, schema


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("charter")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    charter = str(Path(args.charter).resolve())
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "Schemas"
        shutil.copytree(ROOT / "Schemas", folder)
        documents = {}
        mutated = 0
        for path in sorted(folder.rglob("*.json")):
            document = json.loads(path.read_text(encoding="utf-8"))
            for _, schema in schemas_with_examples(document):
                extra = list(mutations(rng, schema["examples"][0], args.rounds))
                schema["examples"] = schema["examples"] + extra
                mutated += len(extra)
            path.write_text(json.dumps(document, indent=1), encoding="utf-8")
            documents[path.relative_to(folder).as_posix()] = document

        registry = Registry().with_resources(
            (document["$id"], DRAFT202012.create_resource(document)) for document in documents.values()
        ).crawl()
        formats = contracts.format_checker()
        expected = set()
        total = 0
        for name, document in documents.items():
            for pointer, schema in schemas_with_examples(document):
                validator = Draft202012Validator({"$ref": f"{document['$id']}#{pointer}"}, registry=registry, format_checker=formats)
                for index, example in enumerate(schema["examples"]):
                    total += 1
                    if next(validator.iter_errors(example), None) is not None:
                        expected.add(f"{name}#{pointer}/examples/{index}")

        run = subprocess.run(
            [charter, "lint", ".", "--format", "json", "--fail-on", "never", "--rule", "example-matches-schema=error"],
            cwd=folder, capture_output=True, text=True,
        )
        if run.returncode != 0:
            print(f"charter lint exited {run.returncode}:\n{run.stderr}", file=sys.stderr)
            return 2
        found = set()
        for finding in json.loads(run.stdout)["findings"]:
            match = re.match(r".*?/examples/\d+", finding["pointer"])
            if finding["rule"] == "example-matches-schema" and match:
                found.add(f"{finding['file']}#{match.group(0)}")

    print(f"example-oracle: {total} examples ({mutated} mutated, seed {args.seed}); "
          f"jsonschema finds {len(expected)} invalid, charter lint {len(found)}")
    for item in sorted(expected - found):
        print(f"  invalid for jsonschema, not for charter lint: {item}")
    for item in sorted(found - expected):
        print(f"  invalid for charter lint, not for jsonschema: {item}")
    return 0 if expected == found else 1


if __name__ == "__main__":
    sys.exit(main())
