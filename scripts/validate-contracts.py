#!/usr/bin/env python3
"""Validate Charter's bundled contracts (Schemas/**/*.json).

Independent of the Swift implementation: uses the reference Python JSON Schema
implementation (jsonschema + referencing) to check that the canonical contracts
are what docs/contract-format.md says they are.

Checks, in order:
  1. every file parses (duplicate keys rejected), declares draft 2020-12, and
     its $id is https://contracts.retail.example/ + its path under Schemas/;
  2. every file is valid against the draft 2020-12 metaschema;
  3. every x-contract is valid against docs/contract-extension.schema.json and
     its name/major match the file name;
  4. semantics the extension schema cannot express: every $ref resolves (by $id
     and by file path, identically, and never to the network); security schemes
     referenced and declared, scopes declared, reads vs writes; path parameters;
     idempotency of writes; SLA sanity; error bodies are Problem; event
     orderingKey pointers exist in every payload variant; x-transitions keys and
     targets are enum values; discriminator mappings; successors exist;
  5. modelling conventions: $defs types have title, description and examples;
     properties are lowerCamel; no binary-float numbers; *At properties are
     date-time; example GTINs carry a valid check digit;
  6. every `examples` entry (of $defs types and of nested schemas) validates
     against its schema with formats asserted (date-time, date, uuid, uri,
     email, decimal, int32, int64);
  7. every invalid instance in Tests/Fixtures/invalid-instances/<stem>.json is
     rejected by its type.

Prints a summary; exits 1 with file#pointer messages when anything is wrong,
2 when the environment is unusable.  --verbose prints why each invalid
instance was rejected.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

try:
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import best_match
    from referencing import Registry, Resource
    from referencing.exceptions import Unresolvable
    from referencing.jsonschema import DRAFT202012
except ImportError as error:  # pragma: no cover - environment problem
    print(
        f"validate-contracts: cannot import jsonschema/referencing ({error}).\n"
        "Install them with `pip install jsonschema` (4.18 or later) or run .ci/run.",
        file=sys.stderr,
    )
    sys.exit(2)

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "Schemas"
EXTENSION_SCHEMA = ROOT / "docs" / "contract-extension.schema.json"
INVALID_DIR = ROOT / "Tests" / "Fixtures" / "invalid-instances"
BASE_URI = "https://contracts.retail.example/"
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
MIN_INVALID_PER_CONTRACT = 3

LOWER_CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")
UPPER_CAMEL = re.compile(r"^[A-Z][a-zA-Z0-9]*$")
DECIMAL_STRING = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")
PATH_PARAM = re.compile(r"\{([A-Za-z0-9]+)\}")

# Keywords whose value is a schema, an array of schemas, or a map of schemas.
SCHEMA_KEYWORDS = {
    "additionalProperties", "items", "contains", "propertyNames", "not", "if",
    "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
}
SCHEMA_ARRAY_KEYWORDS = {"allOf", "anyOf", "oneOf", "prefixItems"}
SCHEMA_MAP_KEYWORDS = {"properties", "patternProperties", "$defs", "dependentSchemas"}


# --------------------------------------------------------------------------- #
# Reporting
# --------------------------------------------------------------------------- #

class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.counts = {
            "files": 0, "contracts": 0, "types": 0, "defExamples": 0,
            "nestedExamples": 0, "operations": 0, "events": 0, "feeds": 0,
            "refs": 0, "invalid": 0,
        }

    def error(self, file: str, pointer: str, message: str) -> None:
        self.problems.append(f"{file}#{pointer}: {message}")


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# --------------------------------------------------------------------------- #
# Loading
# --------------------------------------------------------------------------- #

def load_json(path: Path):
    def no_duplicates(pairs):
        seen = {}
        for key, value in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen[key] = value
        return seen

    def no_constants(name):
        raise ValueError(f"non-standard JSON constant {name}")

    with path.open(encoding="utf-8") as handle:
        return json.load(
            handle,
            object_pairs_hook=no_duplicates,
            parse_float=Decimal,
            parse_constant=no_constants,
        )


def format_checker() -> FormatChecker:
    checker = FormatChecker()

    @checker.checks("decimal")
    def is_decimal(instance) -> bool:
        if isinstance(instance, str):
            return bool(DECIMAL_STRING.match(instance))
        return True

    @checker.checks("int32")
    def is_int32(instance) -> bool:
        if isinstance(instance, int) and not isinstance(instance, bool):
            return -(2**31) <= instance < 2**31
        return True

    @checker.checks("int64")
    def is_int64(instance) -> bool:
        if isinstance(instance, int) and not isinstance(instance, bool):
            return -(2**63) <= instance < 2**63
        return True

    @checker.checks("uri")
    def is_uri(instance) -> bool:
        if not isinstance(instance, str):
            return True
        if not URI.match(instance):
            return False
        parts = urlsplit(instance)
        if parts.scheme in ("http", "https") and not parts.netloc:
            return False
        return True

    @checker.checks("uri-reference")
    def is_uri_reference(instance) -> bool:
        return not isinstance(instance, str) or not re.search(r"\s", instance)

    return checker


# --------------------------------------------------------------------------- #
# Schema walking
# --------------------------------------------------------------------------- #

def walk_schema(schema, pointer: str):
    """Yield (pointer, schema) for a schema and every subschema in it."""
    yield pointer, schema
    if not isinstance(schema, dict):
        return
    for keyword, value in schema.items():
        if keyword in SCHEMA_KEYWORDS:
            yield from walk_schema(value, f"{pointer}/{escape(keyword)}")
        elif keyword in SCHEMA_ARRAY_KEYWORDS and isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk_schema(item, f"{pointer}/{keyword}/{index}")
        elif keyword in SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
            for name, item in value.items():
                yield from walk_schema(item, f"{pointer}/{escape(keyword)}/{escape(name)}")


def extension_schema_roots(contract: dict):
    """Yield (pointer, schema) for the schemas embedded in x-contract."""
    base = "/x-contract"
    for op_id, op in (contract.get("operations") or {}).items():
        op_ptr = f"{base}/operations/{escape(op_id)}"
        for index, parameter in enumerate(op.get("parameters") or []):
            if "schema" in parameter:
                yield f"{op_ptr}/parameters/{index}/schema", parameter["schema"]
        if "request" in op and "schema" in op["request"]:
            yield f"{op_ptr}/request/schema", op["request"]["schema"]
        for status, response in (op.get("responses") or {}).items():
            if "schema" in response:
                yield f"{op_ptr}/responses/{status}/schema", response["schema"]
            for header, spec in (response.get("headers") or {}).items():
                if "schema" in spec:
                    yield f"{op_ptr}/responses/{status}/headers/{escape(header)}/schema", spec["schema"]
    for kind in ("events", "feeds"):
        for name, item in (contract.get(kind) or {}).items():
            if "payload" in item:
                yield f"{base}/{kind}/{escape(name)}/payload", item["payload"]


def all_schemas(document: dict):
    """Every schema location of a contract file: the root (with $defs) and x-contract schemas."""
    root = {k: v for k, v in document.items() if k != "x-contract"}
    yield from walk_schema(root, "")
    contract = document.get("x-contract")
    if isinstance(contract, dict):
        for pointer, schema in extension_schema_roots(contract):
            yield from walk_schema(schema, pointer)


# --------------------------------------------------------------------------- #
# The checker
# --------------------------------------------------------------------------- #

class ContractChecker:
    def __init__(self, verbose: bool) -> None:
        self.verbose = verbose
        self.report = Report()
        self.formats = format_checker()
        self.files: dict[str, Path] = {}        # $id -> path
        self.documents: dict[str, dict] = {}    # $id -> document
        self.registry = Registry()

    # -- 1/2: load -------------------------------------------------------- #

    def load(self) -> None:
        paths = sorted(SCHEMAS.rglob("*.json"))
        if not paths:
            self.report.error(rel(SCHEMAS), "", "no contract files found")
            return
        metaschema_validator = Draft202012Validator(Draft202012Validator.META_SCHEMA)
        resources = []
        for path in paths:
            name = rel(path)
            self.report.counts["files"] += 1
            try:
                document = load_json(path)
            except (ValueError, json.JSONDecodeError) as error:
                self.report.error(name, "", f"not valid JSON: {error}")
                continue
            if not isinstance(document, dict):
                self.report.error(name, "", "a contract must be a JSON object")
                continue
            if document.get("$schema") != DRAFT_2020_12:
                self.report.error(name, "/$schema", f"must be {DRAFT_2020_12!r}")
            expected_id = BASE_URI + path.relative_to(SCHEMAS).as_posix()
            if document.get("$id") != expected_id:
                self.report.error(name, "/$id", f"must be {expected_id!r} (base URI + path under Schemas/), found {document.get('$id')!r}")
                continue
            for error in sorted(metaschema_validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
                self.report.error(name, pointer_of(error.absolute_path), f"metaschema: {error.message}")
            self.files[expected_id] = path
            self.documents[expected_id] = document
            resources.append((expected_id, DRAFT202012.create_resource(document)))
        self.registry = Registry().with_resources(resources).crawl()

    # -- 3: x-contract against the extension schema --------------------- #

    def check_extensions(self) -> None:
        try:
            extension_schema = load_json(EXTENSION_SCHEMA)
        except (OSError, ValueError) as error:
            self.report.error(rel(EXTENSION_SCHEMA), "", f"cannot load: {error}")
            return
        for error in Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(extension_schema):
            self.report.error(rel(EXTENSION_SCHEMA), pointer_of(error.absolute_path), f"metaschema: {error.message}")
        extension_id = extension_schema.get("$id", "urn:charter:contract-extension")
        extension_registry = Registry().with_resource(extension_id, DRAFT202012.create_resource(extension_schema))
        for def_name, definition in (extension_schema.get("$defs") or {}).items():
            examples = definition.get("examples", []) if isinstance(definition, dict) else []
            example_validator = Draft202012Validator(
                {"$ref": f"{extension_id}#/$defs/{escape(def_name)}"},
                registry=extension_registry, format_checker=self.formats,
            )
            for index, example in enumerate(examples):
                self.report.counts["nestedExamples"] += 1
                where = f"/$defs/{escape(def_name)}/examples/{index}"
                for error in example_validator.iter_errors(example):
                    self.report.error(rel(EXTENSION_SCHEMA), f"{where}{pointer_of(error.absolute_path)}", f"example is invalid: {error.message}")
                if def_name == "EventEnvelope" and isinstance(example, dict):
                    try:
                        self.check_envelope_example(example, where)
                    except Unresolvable as error:
                        self.report.error(rel(EXTENSION_SCHEMA), where, f"payload does not resolve: {error}")
        validator = Draft202012Validator(extension_schema, format_checker=self.formats)
        for doc_id, document in self.documents.items():
            name = rel(self.files[doc_id])
            contract = document.get("x-contract")
            if contract is None:
                self.report.error(name, "", "bundled contracts must declare x-contract (owner, lifecycle, compatibility)")
                continue
            self.report.counts["contracts"] += 1
            for error in sorted(validator.iter_errors(contract), key=lambda e: list(e.absolute_path)):
                self.report.error(name, "/x-contract" + pointer_of(error.absolute_path), error.message)
            contract_name = contract.get("name", "")
            version = str(contract.get("version", ""))
            major = version.split(".")[0]
            stem = self.files[doc_id].stem
            if stem != f"{contract_name}-v{major}":
                self.report.error(name, "/x-contract/name", f"file name must be {contract_name}-v{major}.json for name {contract_name!r} version {version!r}")
            if self.files[doc_id].parent.name != contract_name:
                self.report.error(name, "/x-contract/name", f"file must live in Schemas/{contract_name}/")

    def check_envelope_example(self, envelope: dict, where: str) -> None:
        """An envelope example's data must match its event's payload and its partitionKey the orderingKey."""
        name = rel(EXTENSION_SCHEMA)
        for doc_id, document in self.documents.items():
            contract = document.get("x-contract") or {}
            event = (contract.get("events") or {}).get(envelope.get("type"))
            if event is None or contract.get("version") != envelope.get("dataVersion"):
                continue
            payload_ref = urljoin(doc_id, event["payload"].get("$ref", ""))
            validator = Draft202012Validator({"$ref": payload_ref}, registry=self.registry, format_checker=self.formats)
            for error in validator.iter_errors(envelope.get("data")):
                self.report.error(name, f"{where}/data{pointer_of(error.absolute_path)}", f"not a valid {envelope.get('type')} payload: {error.message}")
            values = []
            for pointer in event.get("orderingKey", []):
                value = envelope.get("data")
                for token in pointer.split("/")[1:]:
                    value = value.get(unescape(token)) if isinstance(value, dict) else None
                values.append("" if value is None else str(value))
            if envelope.get("partitionKey") != "|".join(values):
                self.report.error(name, f"{where}/partitionKey", f"must be {'|'.join(values)!r} (orderingKey values joined with '|')")
            return
        self.report.error(name, f"{where}/type", f"no bundled contract at version {envelope.get('dataVersion')!r} defines event {envelope.get('type')!r}")

    # -- 4: semantics ----------------------------------------------------- #

    def resolver_for(self, doc_id: str):
        return self.registry.resolver(base_uri=doc_id)

    def check_refs(self, doc_id: str) -> None:
        name = rel(self.files[doc_id])
        document = self.documents[doc_id]
        resolver = self.resolver_for(doc_id)
        for pointer, schema in all_schemas(document):
            if not isinstance(schema, dict) or "$ref" not in schema:
                continue
            ref = schema["$ref"]
            self.report.counts["refs"] += 1
            target, _ = urldefrag(urljoin(doc_id, ref))
            if not target.startswith(BASE_URI):
                self.report.error(name, pointer + "/$ref", f"{ref!r} leaves the contract set ({target}); remote references are not allowed")
                continue
            try:
                resolver.lookup(ref)
            except Unresolvable as error:
                self.report.error(name, pointer + "/$ref", f"{ref!r} does not resolve: {error}")
                continue
            file_part = ref.split("#", 1)[0]
            if file_part:
                on_disk = (self.files[doc_id].parent / file_part).resolve()
                if not on_disk.is_file():
                    self.report.error(name, pointer + "/$ref", f"{ref!r} resolves by $id but not by file path ({on_disk})")
                elif self.files.get(target) != on_disk:
                    self.report.error(name, pointer + "/$ref", f"{ref!r}: file path and $id resolve to different documents")

    def deref(self, schema, resolver, seen=None):
        """Follow $ref chains; return (schema, resolver)."""
        seen = seen or set()
        while isinstance(schema, dict) and "$ref" in schema:
            if id(schema) in seen:
                break  # a $ref cycle with nothing in between
            seen.add(id(schema))
            resolved = resolver.lookup(schema["$ref"])
            schema, resolver = resolved.contents, resolved.resolver
        return schema, resolver

    def property_at(self, schema, resolver, segments: list[str], trail: str) -> list[str]:
        """Check that a pointer names a required scalar property in every variant; return errors."""
        schema, resolver = self.deref(schema, resolver)
        if not segments:
            if not isinstance(schema, dict):
                return [f"{trail} is not a schema"]
            kinds = schema.get("type")
            scalar = kinds in ("string", "integer") or "const" in schema or (
                "enum" in schema and all(isinstance(v, str) for v in schema["enum"]))
            return [] if scalar else [f"{trail} must be a string or integer (found {kinds or 'a composite schema'})"]
        if not isinstance(schema, dict):
            return [f"{trail} is not an object schema"]
        for keyword in ("oneOf", "anyOf"):
            if keyword in schema:
                errors = []
                for index, variant in enumerate(schema[keyword]):
                    errors += self.property_at(variant, resolver, segments, f"{trail} ({keyword}[{index}])")
                return errors
        head, rest = segments[0], segments[1:]
        candidates = []
        required = set(schema.get("required", []))
        if head in schema.get("properties", {}):
            candidates.append((schema["properties"][head], resolver))
        for member in schema.get("allOf", []):
            member, member_resolver = self.deref(member, resolver)
            if isinstance(member, dict):
                required |= set(member.get("required", []))
                if head in member.get("properties", {}):
                    candidates.append((member["properties"][head], member_resolver))
        if not candidates:
            return [f"{trail}/{head} is not a declared property"]
        if head not in required:
            return [f"{trail}/{head} must be required to serve as an ordering key"]
        sub, sub_resolver = candidates[0]
        return self.property_at(sub, sub_resolver, rest, f"{trail}/{head}")

    def check_contract_semantics(self, doc_id: str) -> None:
        name = rel(self.files[doc_id])
        contract = self.documents[doc_id].get("x-contract")
        if not isinstance(contract, dict):
            return
        resolver = self.resolver_for(doc_id)
        base = "/x-contract"
        security = contract.get("security") or {}
        used_schemes: set[str] = set()
        known_contracts = {
            f"{d['x-contract']['name']}@{str(d['x-contract']['version']).split('.')[0]}"
            for d in self.documents.values() if isinstance(d.get("x-contract"), dict)
            and "name" in d["x-contract"] and "version" in d["x-contract"]
        }

        lifecycle = contract.get("lifecycle") or {}
        successor = lifecycle.get("successor")
        if successor and successor not in known_contracts:
            self.report.error(name, f"{base}/lifecycle/successor", f"successor {successor!r} is not a bundled contract")
        if lifecycle.get("status") == "deprecated" and lifecycle.get("sunset") and lifecycle.get("since"):
            if lifecycle["sunset"] <= lifecycle["since"]:
                self.report.error(name, f"{base}/lifecycle/sunset", "sunset must be after since")

        def check_auth(auth, pointer: str, access: str) -> None:
            """access: 'read', 'write' or 'any'."""
            if not isinstance(auth, dict):
                return
            scheme_name = auth.get("scheme")
            used_schemes.add(scheme_name)
            scheme = security.get(scheme_name)
            if scheme is None:
                self.report.error(name, f"{pointer}/scheme", f"security scheme {scheme_name!r} is not declared in x-contract.security")
                return
            scopes = auth.get("scopes") or []
            if scheme.get("type") == "oauth2":
                if not scopes:
                    self.report.error(name, f"{pointer}/scopes", "an oauth2 requirement must name at least one scope")
                declared = scheme.get("scopes") or {}
                for index, scope in enumerate(scopes):
                    if scope not in declared:
                        self.report.error(name, f"{pointer}/scopes/{index}", f"scope {scope!r} is not declared by scheme {scheme_name!r}")
                if access == "read" and any(not s.endswith(":read") for s in scopes):
                    self.report.error(name, f"{pointer}/scopes", "a read must require only :read scopes")
                if access == "write" and not any(s.endswith(":write") for s in scopes):
                    self.report.error(name, f"{pointer}/scopes", "a write must require a :write scope")
            elif scopes:
                self.report.error(name, f"{pointer}/scopes", f"scheme {scheme_name!r} ({scheme.get('type')}) has no scopes")

        routes: dict[tuple[str, str], str] = {}
        for op_id, op in (contract.get("operations") or {}).items():
            self.report.counts["operations"] += 1
            ptr = f"{base}/operations/{escape(op_id)}"
            method, path = op.get("method"), op.get("path", "")
            normalised = PATH_PARAM.sub("{}", path)
            if (method, normalised) in routes:
                self.report.error(name, ptr, f"{method} {path} duplicates operation {routes[(method, normalised)]!r}")
            routes[(method, normalised)] = op_id
            parameters = op.get("parameters") or []
            seen_params = set()
            for index, parameter in enumerate(parameters):
                key = (parameter.get("in"), parameter.get("name", "").lower() if parameter.get("in") == "header" else parameter.get("name"))
                if key in seen_params:
                    self.report.error(name, f"{ptr}/parameters/{index}", f"duplicate parameter {key}")
                seen_params.add(key)
                if parameter.get("in") in ("path", "query") and not LOWER_CAMEL.match(parameter.get("name", "")):
                    self.report.error(name, f"{ptr}/parameters/{index}/name", "path and query parameter names are lowerCamel")
            template_params = set(PATH_PARAM.findall(path))
            declared_path = {p.get("name") for p in parameters if p.get("in") == "path"}
            for missing in sorted(template_params - declared_path):
                self.report.error(name, f"{ptr}/path", f"path parameter {{{missing}}} is not declared in parameters")
            for extra in sorted(declared_path - template_params):
                self.report.error(name, f"{ptr}/parameters", f"path parameter {extra!r} does not appear in {path}")
            idempotency = op.get("idempotency") or {}
            is_write = method != "GET" and idempotency.get("required") is True
            if method == "GET":
                access = "read"
                if idempotency.get("required"):
                    self.report.error(name, f"{ptr}/idempotency", "GET is idempotent by definition; do not require a key")
            elif idempotency.get("required") is True:
                access = "write"
            else:
                access = "read"  # a POST used as a query
                if method != "POST":
                    self.report.error(name, f"{ptr}/idempotency/required", f"{method} changes state: idempotency must be required")
            check_auth(op.get("auth"), f"{ptr}/auth", access)
            sla = op.get("sla") or {}
            if isinstance(sla.get("timeoutMs"), int) and isinstance(sla.get("latencyP99Ms"), int) and sla["timeoutMs"] < sla["latencyP99Ms"]:
                self.report.error(name, f"{ptr}/sla/timeoutMs", "timeoutMs must not be below latencyP99Ms")
            for status, response in (op.get("responses") or {}).items():
                rptr = f"{ptr}/responses/{status}"
                if status.startswith(("4", "5")):
                    schema = response.get("schema")
                    ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
                    if not ref.endswith("common/common-v1.json#/$defs/Problem"):
                        self.report.error(name, f"{rptr}/schema", "error responses carry the common Problem body")
                    if response.get("contentType") != "application/problem+json":
                        self.report.error(name, f"{rptr}/contentType", "error responses are application/problem+json")
                elif status == "204" and "schema" in response:
                    self.report.error(name, rptr, "204 has no body")
            if method in ("POST", "PUT", "PATCH") and is_write and "request" not in op:
                self.report.error(name, ptr, f"{method} write without a request body")

        major = str(contract.get("version", "0")).split(".")[0]
        for event_name, event in (contract.get("events") or {}).items():
            self.report.counts["events"] += 1
            ptr = f"{base}/events/{escape(event_name)}"
            topic = event.get("topic", "")
            if not topic.endswith(f".v{major}"):
                self.report.error(name, f"{ptr}/topic", f"topic must end with .v{major} (the contract major)")
            dead_letter = (event.get("deadLetter") or {}).get("topic")
            if dead_letter == topic:
                self.report.error(name, f"{ptr}/deadLetter/topic", "dead-letter topic must differ from the topic")
            retry = event.get("retry") or {}
            if isinstance(retry.get("maxDelayMs"), int) and isinstance(retry.get("initialDelayMs"), int) and retry["maxDelayMs"] < retry["initialDelayMs"]:
                self.report.error(name, f"{ptr}/retry/maxDelayMs", "maxDelayMs must not be below initialDelayMs")
            check_auth((event.get("publish") or {}).get("auth"), f"{ptr}/publish/auth", "any")
            check_auth((event.get("subscribe") or {}).get("auth"), f"{ptr}/subscribe/auth", "read")
            payload = event.get("payload")
            if payload is not None:
                for index, key in enumerate(event.get("orderingKey") or []):
                    segments = [unescape(s) for s in key.split("/")[1:]]
                    try:
                        errors = self.property_at(payload, resolver, segments, "payload")
                    except Unresolvable as error:
                        errors = [f"payload does not resolve: {error}"]
                    for message in errors:
                        self.report.error(name, f"{ptr}/orderingKey/{index}", f"{key!r}: {message}")

        for feed_name, feed in (contract.get("feeds") or {}).items():
            self.report.counts["feeds"] += 1
            ptr = f"{base}/feeds/{escape(feed_name)}"
            if feed.get("producer") in (feed.get("consumers") or []):
                self.report.error(name, f"{ptr}/consumers", "the producer does not consume its own feed")

        for scheme_name in security:
            if scheme_name not in used_schemes:
                self.report.error(name, f"{base}/security/{escape(scheme_name)}", "security scheme is declared but never used")

    def check_schema_semantics(self, doc_id: str) -> None:
        name = rel(self.files[doc_id])
        document = self.documents[doc_id]
        resolver = self.resolver_for(doc_id)

        defs = document.get("$defs") or {}
        for def_name, definition in defs.items():
            ptr = f"/$defs/{escape(def_name)}"
            self.report.counts["types"] += 1
            if not UPPER_CAMEL.match(def_name):
                self.report.error(name, ptr, "type names in $defs are UpperCamel")
            if not isinstance(definition, dict):
                continue
            for keyword in ("title", "description"):
                if not definition.get(keyword):
                    self.report.error(name, ptr, f"missing {keyword}")
            if not definition.get("examples"):
                self.report.error(name, ptr, "needs at least one realistic entry in examples")

        for pointer, schema in all_schemas(document):
            if not isinstance(schema, dict):
                continue
            for prop in (schema.get("properties") or {}):
                if not LOWER_CAMEL.match(prop):
                    self.report.error(name, f"{pointer}/properties/{escape(prop)}", "property names are lowerCamel")
            for prop, sub in (schema.get("properties") or {}).items():
                if prop.endswith("At") and isinstance(sub, dict):
                    target, _ = self.deref(sub, resolver)
                    if not isinstance(target, dict) or target.get("format") != "date-time":
                        self.report.error(name, f"{pointer}/properties/{escape(prop)}", "timestamps (*At) are format date-time")
            kinds = schema.get("type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if "number" in kinds and schema.get("format") != "decimal" and not pointer.startswith("/x-contract"):
                self.report.error(name, pointer, "a number without format decimal is a binary float; use format decimal (money is always Money)")
            if "x-transitions" in schema:
                self.check_transitions(name, pointer, schema)
            if "discriminator" in schema:
                self.check_discriminator(name, pointer, schema, resolver)

    def check_transitions(self, name: str, pointer: str, schema: dict) -> None:
        ptr = f"{pointer}/x-transitions"
        values = schema.get("enum")
        transitions = schema["x-transitions"]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self.report.error(name, ptr, "x-transitions belongs on a string enum")
            return
        if not isinstance(transitions, dict):
            self.report.error(name, ptr, "x-transitions is an object of state -> [next states]")
            return
        for state, targets in transitions.items():
            if state not in values:
                self.report.error(name, f"{ptr}/{escape(state)}", f"{state!r} is not a value of the enum")
            if not isinstance(targets, list):
                self.report.error(name, f"{ptr}/{escape(state)}", "targets must be an array ([] for a terminal state)")
                continue
            for index, target in enumerate(targets):
                if target not in values:
                    self.report.error(name, f"{ptr}/{escape(state)}/{index}", f"{target!r} is not a value of the enum")
                if target == state:
                    self.report.error(name, f"{ptr}/{escape(state)}/{index}", "a state does not transition to itself")
            if len(set(targets)) != len(targets):
                self.report.error(name, f"{ptr}/{escape(state)}", "duplicate targets")
        for value in values:
            if value not in transitions:
                self.report.error(name, ptr, f"state {value!r} has no entry (terminal states map to [])")

    def check_discriminator(self, name: str, pointer: str, schema: dict, resolver) -> None:
        ptr = f"{pointer}/discriminator"
        discriminator = schema["discriminator"]
        variants = schema.get("oneOf") or schema.get("anyOf")
        if not variants:
            self.report.error(name, ptr, "discriminator belongs on a oneOf or anyOf")
            return
        prop = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        if not isinstance(prop, str):
            self.report.error(name, ptr, "discriminator needs propertyName")
            return
        variant_refs = [v.get("$ref") for v in variants if isinstance(v, dict)]
        mapping = discriminator.get("mapping") or {}
        for value, target in mapping.items():
            if target not in variant_refs:
                self.report.error(name, f"{ptr}/mapping/{escape(value)}", f"{target!r} is not one of the variants")
                continue
            try:
                variant, _ = self.deref({"$ref": target}, resolver)
            except Unresolvable as error:
                self.report.error(name, f"{ptr}/mapping/{escape(value)}", f"does not resolve: {error}")
                continue
            declared = (variant.get("properties") or {}).get(prop, {})
            allowed = [declared["const"]] if "const" in declared else declared.get("enum")
            if allowed is not None and value not in allowed:
                self.report.error(name, f"{ptr}/mapping/{escape(value)}", f"variant's {prop} does not admit {value!r}")
            if prop not in (variant.get("required") or []):
                self.report.error(name, f"{ptr}/mapping/{escape(value)}", f"variant must require {prop!r}")
        for index, ref in enumerate(variant_refs):
            if mapping and ref not in mapping.values():
                self.report.error(name, f"{pointer}/{'oneOf' if 'oneOf' in schema else 'anyOf'}/{index}", f"variant {ref!r} has no mapping entry")

    # -- 6: examples ------------------------------------------------------ #

    def check_examples(self, doc_id: str) -> None:
        name = rel(self.files[doc_id])
        document = self.documents[doc_id]
        for pointer, schema in all_schemas(document):
            if not isinstance(schema, dict) or "examples" not in schema:
                continue
            examples = schema["examples"]
            if not isinstance(examples, list):
                self.report.error(name, f"{pointer}/examples", "examples must be an array")
                continue
            validator = Draft202012Validator(
                {"$ref": f"{doc_id}#{pointer}"}, registry=self.registry, format_checker=self.formats,
            )
            is_def = re.fullmatch(r"/\$defs/[^/]+", pointer) is not None
            for index, example in enumerate(examples):
                self.report.counts["defExamples" if is_def else "nestedExamples"] += 1
                try:
                    errors = list(validator.iter_errors(example))
                except Unresolvable as error:
                    self.report.error(name, f"{pointer}/examples/{index}", f"cannot validate, a reference does not resolve: {error}")
                    continue
                for error in errors:
                    self.report.error(name, f"{pointer}/examples/{index}{pointer_of(error.absolute_path)}", f"example is invalid: {error.message}")
                for where, gtin in gtins_in(example, ""):
                    if not gtin_check_digit_ok(gtin):
                        self.report.error(name, f"{pointer}/examples/{index}{where}", f"GTIN {gtin} has a wrong check digit")

    # -- 7: invalid instances ---------------------------------------------- #

    def check_invalid_instances(self) -> None:
        stems = {path.stem: doc_id for doc_id, path in self.files.items()}
        fixtures = sorted(INVALID_DIR.glob("*.json")) if INVALID_DIR.is_dir() else []
        found = {path.stem for path in fixtures}
        for stem in sorted(set(stems) - found):
            self.report.error(rel(INVALID_DIR), "", f"no invalid instances for {stem}.json")
        for path in fixtures:
            name = rel(path)
            if path.stem not in stems:
                self.report.error(name, "", f"no contract Schemas/**/{path.stem}.json")
                continue
            doc_id = stems[path.stem]
            defs = self.documents[doc_id].get("$defs") or {}
            try:
                fixture = load_json(path)
            except ValueError as error:
                self.report.error(name, "", f"not valid JSON: {error}")
                continue
            total = 0
            for def_name, cases in fixture.items():
                if def_name not in defs:
                    self.report.error(name, f"/{escape(def_name)}", f"{def_name!r} is not a type in $defs of {path.stem}.json")
                    continue
                validator = Draft202012Validator(
                    {"$ref": f"{doc_id}#/$defs/{escape(def_name)}"}, registry=self.registry, format_checker=self.formats,
                )
                for index, case in enumerate(cases):
                    ptr = f"/{escape(def_name)}/{index}"
                    if not isinstance(case, dict) or not case.get("why") or "instance" not in case:
                        self.report.error(name, ptr, "each case is {\"why\": ..., \"instance\": ...}")
                        continue
                    total += 1
                    try:
                        errors = list(validator.iter_errors(case["instance"]))
                    except Unresolvable as error:
                        self.report.error(name, ptr, f"cannot validate, a reference does not resolve: {error}")
                        continue
                    if not errors:
                        self.report.error(name, ptr, f"instance was accepted but should fail: {case['why']}")
                        continue
                    self.report.counts["invalid"] += 1
                    if self.verbose:
                        best = best_match(errors)
                        print(f"  rejected {path.stem}:{def_name}[{index}] ({case['why']}): {pointer_of(best.absolute_path) or '/'} {best.message[:160]}")
            if total < MIN_INVALID_PER_CONTRACT:
                self.report.error(name, "", f"at least {MIN_INVALID_PER_CONTRACT} invalid instances per contract (found {total})")

    # -- run ----------------------------------------------------------------- #

    def run(self) -> int:
        self.load()
        self.check_extensions()
        for doc_id in self.documents:
            self.check_refs(doc_id)
        for doc_id in self.documents:
            try:
                self.check_contract_semantics(doc_id)
                self.check_schema_semantics(doc_id)
                self.check_examples(doc_id)
            except Unresolvable as error:
                self.report.error(rel(self.files[doc_id]), "", f"unresolvable reference: {error}")
        self.check_invalid_instances()

        c = self.report.counts
        print("Charter contract validation")
        print(f"  files:               {c['files']} ({c['contracts']} with x-contract)")
        print(f"  types ($defs):       {c['types']}")
        print(f"  $refs resolved:      {c['refs']}")
        print(f"  operations:          {c['operations']}")
        print(f"  events:              {c['events']}")
        print(f"  feeds:               {c['feeds']}")
        print(f"  examples validated:  {c['defExamples'] + c['nestedExamples']} ({c['defExamples']} of $defs types, {c['nestedExamples']} nested or envelope)")
        print(f"  invalid rejected:    {c['invalid']}")
        if self.report.problems:
            print(f"\n{len(self.report.problems)} problem(s):")
            for problem in self.report.problems:
                print(f"  {problem}")
            return 1
        print("OK")
        return 0


def pointer_of(path) -> str:
    return "".join(f"/{escape(str(token))}" for token in path)


def gtins_in(value, pointer: str):
    """Yield (pointer, gtin) for members named gtin / *Gtins in an example."""
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{pointer}/{escape(key)}"
            if key == "gtin" and isinstance(item, str):
                yield here, item
            elif key.endswith("Gtins") and isinstance(item, list):
                for index, gtin in enumerate(item):
                    if isinstance(gtin, str):
                        yield f"{here}/{index}", gtin
            else:
                yield from gtins_in(item, here)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from gtins_in(item, f"{pointer}/{index}")


def gtin_check_digit_ok(gtin: str) -> bool:
    if not gtin.isdigit() or len(gtin) not in (8, 12, 13, 14):
        return True  # the schema pattern reports malformed values
    digits = [int(c) for c in gtin]
    body, check = digits[:-1], digits[-1]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="print why each invalid instance was rejected")
    arguments = parser.parse_args()
    return ContractChecker(arguments.verbose).run()


if __name__ == "__main__":
    sys.exit(main())
