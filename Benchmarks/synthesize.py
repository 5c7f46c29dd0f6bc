#!/usr/bin/env python3
"""Synthesises contract sets of N types with realistic shapes, deterministically (fixed seed).

usage: synthesize.py TYPES OUTDIR [--openapi FILE] [--per-file K] [--mutate FRACTION]

Writes OUTDIR/contract-XXX.json files of up to 100 types each: objects with nested inline objects,
string enums, arrays, $refs to earlier types (in the same and in other files), oneOf unions with a
const discriminator, decimals, dates and optional/nullable fields. With --openapi, also writes the
same schemas as one OpenAPI 3.1 document (components, one GET operation per contract) for
swift-openapi-generator. --per-file K puts K types in each file instead of 100 (1,000 contracts of 10 types:
10000 OUTDIR --per-file 10). --mutate FRACTION writes the same set with that fraction of the types changed the way
contracts evolve (a property added, removed, made required or retyped, an enum value added or removed), each file's
minor version bumped: the head side of a `charter diff` benchmark.
"""
import argparse
import json
import os
import random
import sys

PER_FILE = 100


def type_name(i):
    return f"Entity{i:05d}"


def make_type(rng, i, file_index, names_in_file):
    kind = rng.random()
    if kind < 0.12:
        return {
            "title": type_name(i),
            "type": "string",
            "enum": [f"state{j}" for j in range(rng.randint(3, 9))],
            "examples": ["state0"],
        }
    if kind < 0.2 and len(names_in_file) >= 2:
        a, b = rng.sample(names_in_file, 2)
        return {
            "title": type_name(i),
            "oneOf": [
                {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "a"}, "value": {"$ref": f"#/$defs/{a}"}}},
                {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "b"}, "value": {"$ref": f"#/$defs/{b}"}}},
            ],
        }
    properties = {}
    required = []
    for p in range(rng.randint(4, 12)):
        name = f"field{p}_{rng.choice(['id', 'name', 'amount', 'at', 'count', 'tags', 'detail', 'ref'])}"
        r = rng.random()
        if r < 0.25:
            prop = {"type": "string", "maxLength": 80}
        elif r < 0.35:
            prop = {"type": "integer", "minimum": 0}
        elif r < 0.45:
            prop = {"type": "string", "format": "decimal"}
        elif r < 0.52:
            prop = {"type": "string", "format": "date-time"}
        elif r < 0.6:
            prop = {"type": "array", "items": {"type": "string"}}
        elif r < 0.68:
            prop = {"type": ["string", "null"]}
        elif r < 0.78 and names_in_file:
            prop = {"$ref": f"#/$defs/{rng.choice(names_in_file)}"}
        elif r < 0.84 and file_index > 0:
            other = rng.randrange(0, file_index)
            target = type_name(other * PER_FILE + rng.randrange(0, PER_FILE))
            prop = {"$ref": f"contract-{other:03d}.json#/$defs/{target}"}
        elif r < 0.92:
            prop = {
                "type": "object",
                "properties": {"street": {"type": "string"}, "city": {"type": "string"}, "zip": {"type": "string"}},
            }
        else:
            prop = {"type": "boolean"}
        properties[name] = prop
        if rng.random() < 0.4:
            required.append(name)
    schema = {"title": type_name(i), "description": f"Synthetic type {i}.", "type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def mutate(rng, schema):
    """Changes one type in place, the way a contract evolves between versions."""
    if "enum" in schema:
        if rng.random() < 0.5 and len(schema["enum"]) > 3:
            schema["enum"].pop()
        else:
            schema["enum"].append(f"state{len(schema['enum'])}x")
        return
    properties = schema.get("properties")
    if not properties:
        schema.setdefault("description", "")
        schema["description"] += " Changed."
        return
    names = list(properties)
    r = rng.random()
    if r < 0.4:
        properties[f"added{len(names)}"] = {"type": "string", "maxLength": 40}
    elif r < 0.6:
        removed = rng.choice(names)
        del properties[removed]
        if removed in schema.get("required", []):
            schema["required"].remove(removed)
    elif r < 0.8:
        optional = [n for n in names if n not in schema.get("required", [])]
        if optional:
            schema.setdefault("required", []).append(rng.choice(optional))
    else:
        properties[rng.choice(names)] = {"type": "integer", "minimum": 0}


def main():
    global PER_FILE
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--openapi")
    parser.add_argument("--per-file", type=int, default=PER_FILE)
    parser.add_argument("--mutate", type=float, default=0.0)
    args = parser.parse_args()
    count, out, openapi, PER_FILE = args.count, args.out, args.openapi, args.per_file
    rng = random.Random(20261128)
    changes = random.Random(20261129)
    os.makedirs(out, exist_ok=True)
    files = (count + PER_FILE - 1) // PER_FILE
    components = {}
    paths = {}
    for f in range(files):
        defs = {}
        names = []
        for k in range(min(PER_FILE, count - f * PER_FILE)):
            i = f * PER_FILE + k
            defs[type_name(i)] = make_type(rng, i, f, names)
            names.append(type_name(i))
        changed = 0
        for name in names:
            if args.mutate and changes.random() < args.mutate:
                if "oneOf" not in defs[name]:
                    mutate(changes, defs[name])
                    changed += 1
        doc = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://bench.charter.example/contract-{f:03d}.json",
            "title": f"Synthetic contract {f}",
            "x-contract": {"name": f"synthetic-{f:03d}", "version": "1.1.0" if changed else "1.0.0"},
            "$defs": defs,
        }
        with open(os.path.join(out, f"contract-{f:03d}.json"), "w") as fh:
            json.dump(doc, fh, indent=2)
        if openapi:
            text = json.dumps(defs).replace('"#/$defs/', '"#/components/schemas/')
            for other in range(files):
                text = text.replace(f'"contract-{other:03d}.json#/$defs/', '"#/components/schemas/')
            components.update(json.loads(text))
            paths[f"/contract-{f:03d}"] = {
                "get": {
                    "operationId": f"getContract{f:03d}",
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{names[0]}"}}}}},
                }
            }
    if openapi:
        with open(openapi, "w") as fh:
            json.dump({"openapi": "3.1.0", "info": {"title": "Synthetic", "version": "1.0.0"}, "paths": paths, "components": {"schemas": components}}, fh, indent=2)


if __name__ == "__main__":
    main()
