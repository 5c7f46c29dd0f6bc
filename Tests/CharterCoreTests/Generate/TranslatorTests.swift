import XCTest
@testable import CharterCore

/// Schema fragments → the language-neutral facts the generators rely on.
final class TranslatorTests: XCTestCase {
    /// Rows: a property schema → (its type, required, nullable), in schema order.
    func testObjectProperties() throws {
        let text = ##"""
            {"$defs": {
              "Stock": {"type": "object", "required": ["sku", "note", "kind", "mandatoryMaybe"], "properties": {
                "sku": {"type": "string"},
                "qty": {"type": "integer", "format": "int32"},
                "note": {"type": ["string", "null"]},
                "comment": {"oneOf": [{"type": "string"}, {"type": "null"}]},
                "legacy": {"type": "string", "nullable": true},
                "price": {"type": "string", "format": "decimal"},
                "amount": {"type": "number", "format": "decimal"},
                "ratio": {"type": "number"},
                "count": {"type": "integer"},
                "big": {"type": "integer", "format": "int64"},
                "at": {"type": "string", "format": "date-time"},
                "day": {"type": "string", "format": "date"},
                "id": {"type": "string", "format": "uuid"},
                "link": {"type": "string", "format": "uri"},
                "email": {"type": "string", "format": "email"},
                "flag": {"type": "boolean"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "maybeIds": {"type": "array", "items": {"type": ["string", "null"]}},
                "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                "anything": {},
                "mixed": {"type": ["integer", "number"]},
                "kind": {"const": "stock"},
                "sku2": {"$ref": "#/$defs/Sku"},
                "mandatoryMaybe": {"anyOf": [{"$ref": "#/$defs/Sku"}, {"type": "null"}]}
              }},
              "Sku": {"type": "string"}
            }}
            """##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("properties"))
        guard case .object(let object) = try XCTUnwrap(module.decl("Stock")).kind else { return XCTFail("Stock is not an object") }
        let rows: [(name: String, type: String, required: Bool, nullable: Bool)] = [
            ("sku", "string", true, false),
            ("qty", "int32", false, false),
            ("note", "string", true, true),
            ("comment", "string", false, true),
            ("legacy", "string", false, true),
            ("price", "decimalString", false, false),
            ("amount", "decimalNumber", false, false),
            ("ratio", "double", false, false),
            ("count", "int", false, false),
            ("big", "int64", false, false),
            ("at", "dateTime", false, false),
            ("day", "date", false, false),
            ("id", "uuid", false, false),
            ("link", "uri", false, false),
            ("email", "string", false, false),
            ("flag", "bool", false, false),
            ("tags", "[string]", false, false),
            ("maybeIds", "[string?]", false, false),
            ("counts", "[String: int]", false, false),
            ("anything", "any", false, false),
            ("mixed", "double", false, false),
            ("kind", "string", true, false),
            ("sku2", "Sku", false, false),
            ("mandatoryMaybe", "Sku", true, true),
        ]
        XCTAssertEqual(object.properties.map(\.wireName), rows.map(\.name), "properties in schema order")
        for (property, row) in zip(object.properties, rows) {
            XCTAssertEqual(module.describe(property.type), row.type, "\(row.name): type")
            XCTAssertEqual(property.isRequired, row.required, "\(row.name): required")
            XCTAssertEqual(property.isNullable, row.nullable, "\(row.name): nullable")
        }
        XCTAssertEqual(object.properties.first { $0.wireName == "kind" }?.constValue.flatMap(\.string), "stock")
        XCTAssertEqual(object.additionalProperties, .ignored)
    }

    /// Rows: an object's `additionalProperties` → what happens to undeclared properties.
    func testAdditionalProperties() throws {
        let text = ##"""
            {"$defs": {
              "Open": {"type": "object", "properties": {"a": {"type": "string"}}},
              "Closed": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false},
              "Allowed": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": true},
              "Extra": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer"}},
              "Patterned": {"type": "object", "properties": {"a": {"type": "string"}}, "patternProperties": {"^x-": {"type": "string"}}},
              "PatternedClosed": {"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false},
              "PatternedExtra": {"type": "object", "properties": {"a": {"type": "string"}}, "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": {"type": "integer"}}
            }}
            """##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("additionalProperties"))
        let rows: [(name: String, expected: IRAdditionalProperties)] = [
            ("Open", .ignored),
            ("Closed", .forbidden),
            ("Allowed", .map(.any)),  // an explicit `true` keeps the extra properties (docs/contract-format.md)
            ("Extra", .map(.primitive(.integer(bits: nil)))),
            // A name no pattern matches may hold anything (additionalProperties is absent): free-form JSON keeps both.
            ("Patterned", .map(.any)),
            ("PatternedClosed", .map(.primitive(.string))),
            ("PatternedExtra", .map(.any)),
        ]
        for row in rows {
            guard case .object(let object)? = module.decl(row.name)?.kind else {
                XCTFail("\(row.name) is not an object")
                continue
            }
            XCTAssertEqual(object.additionalProperties, row.expected, row.name)
        }
    }

    /// Rows: a `$defs` entry → the kind of declaration it becomes.
    func testDeclarationKinds() throws {
        let text = ##"""
            {"$defs": {
              "Stock": {"type": "object", "properties": {"sku": {"type": "string"}}},
              "Empty": {"type": "object", "additionalProperties": false},
              "Channel": {"type": "string", "enum": ["POS", "ECOM"]},
              "Priority": {"type": "integer", "enum": [1, 2, 3]},
              "Single": {"enum": ["only"]},
              "Mixed": {"enum": [1, "a"]},
              "Fulfilment": {"oneOf": [{"$ref": "#/$defs/Stock"}, {"type": "string"}]},
              "TypeList": {"type": ["string", "integer"]},
              "Sku": {"type": "string", "maxLength": 20},
              "Skus": {"type": "array", "items": {"$ref": "#/$defs/Sku"}},
              "Counts": {"type": "object", "additionalProperties": {"type": "integer"}},
              "Free": {},
              "Another": {"$ref": "#/$defs/Stock"},
              "Annotated": {"allOf": [{"$ref": "#/$defs/Stock"}], "description": "A stock, annotated"},
              "Constant": {"const": 42}
            }}
            """##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("kinds"))
        let rows: [(name: String, kind: String)] = [
            ("Stock", "object"), ("Empty", "object"), ("Channel", "enum"), ("Priority", "enum"), ("Single", "alias"),
            ("Mixed", "alias"), ("Fulfilment", "union"), ("TypeList", "union"), ("Sku", "alias"), ("Skus", "alias"),
            ("Counts", "alias"), ("Free", "alias"), ("Another", "alias"), ("Annotated", "alias"), ("Constant", "alias"),
        ]
        XCTAssertEqual(module.namespaces.first?.types.map { module[$0].name }, rows.map(\.name), "one top-level type per $defs entry, in order")
        for row in rows {
            XCTAssertEqual(module.kind(row.name), row.kind, row.name)
        }
        // Rows: alias → its target.
        let aliases: [(name: String, target: String)] = [
            ("Single", "string"), ("Mixed", "any"), ("Sku", "string"), ("Skus", "[Sku]"), ("Counts", "[String: int]"),
            ("Free", "any"), ("Another", "Stock"), ("Annotated", "Stock"), ("Constant", "int"),
        ]
        for row in aliases {
            guard case .alias(let target, _)? = module.decl(row.name)?.kind else { continue }
            XCTAssertEqual(module.describe(target), row.target, row.name)
        }
        guard case .alias(_, let constraints)? = module.decl("Sku")?.kind else { return XCTFail("Sku") }
        XCTAssertEqual(constraints.maxLength, 20)
    }

    /// Rows: an enumeration → its raw kind, its cases in order (duplicates once), and nullability.
    func testEnumerations() throws {
        let text = ##"""
            {"$defs": {
              "Channel": {"type": "string", "enum": ["POS", "ECOM", "POS", "BOPIS"]},
              "Priority": {"type": "integer", "enum": [3, 1, 2]},
              "MaybeChannel": {"enum": ["POS", "ECOM", null]},
              "State": {"type": "string", "enum": ["open", "closed"], "x-transitions": {"open": ["closed"], "closed": []}}
            }}
            """##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("enums"))
        let rows: [(name: String, isString: Bool, cases: [String], nullable: Bool)] = [
            ("Channel", true, ["POS", "ECOM", "BOPIS"], false),
            ("Priority", false, ["3", "1", "2"], false),
            ("MaybeChannel", true, ["POS", "ECOM"], true),
            ("State", true, ["open", "closed"], false),
        ]
        for row in rows {
            guard let decl = module.decl(row.name), case .enumeration(let enumeration) = decl.kind else {
                XCTFail("\(row.name) is not an enumeration")
                continue
            }
            XCTAssertEqual(enumeration.isString, row.isString, row.name)
            XCTAssertEqual(enumeration.cases.map(\.value), row.cases, row.name)
            XCTAssertEqual(decl.isNullable, row.nullable, row.name)
        }
        guard case .enumeration(let state)? = module.decl("State")?.kind else { return }
        XCTAssertEqual(state.transitions?.map(\.from), ["open", "closed"])
        XCTAssertEqual(state.transitions?.map(\.to), [["closed"], []])
    }

    /// Rows: a union → its discriminator and, per variant, its type, tags and whether it declares the tag.
    func testUnions() throws {
        let text = ##"""
            {"$defs": {
              "Home": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "home"}, "address": {"type": "string"}}},
              "Store": {"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["store"]}, "storeId": {"type": "string"}}},
              "Inferred": {"oneOf": [{"$ref": "#/$defs/Home"}, {"$ref": "#/$defs/Store"}]},
              "Mapped": {"oneOf": [{"$ref": "#/$defs/Home"}, {"$ref": "#/$defs/Store"}],
                         "discriminator": {"propertyName": "kind", "mapping": {"home": "#/$defs/Home", "store": "Store"}}},
              "Plain": {"oneOf": [{"$ref": "#/$defs/Ship"}, {"$ref": "#/$defs/Store"}],
                        "discriminator": {"propertyName": "kind", "mapping": {"SHIP": "#/$defs/Ship", "S2": "#/$defs/Ship", "store": "#/$defs/Store"}}},
              "Ship": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
              "ByName": {"oneOf": [{"$ref": "#/$defs/Pickup"}, {"$ref": "#/$defs/Courier"}], "discriminator": {"propertyName": "method"}},
              "Pickup": {"type": "object", "properties": {"at": {"type": "string"}}},
              "Courier": {"type": "object", "properties": {"by": {"type": "string"}}},
              "Untagged": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
              "TypeList": {"type": ["string", "integer", "null"]},
              "MaybeUnion": {"oneOf": [{"$ref": "#/$defs/Home"}, {"$ref": "#/$defs/Pickup"}, {"type": "null"}]}
            }}
            """##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("unions"))
        let rows: [(name: String, discriminator: String?, explicit: Bool, variants: [(type: String, tags: [String], declares: Bool)])] = [
            ("Inferred", "kind", false, [("Home", ["home"], true), ("Store", ["store"], true)]),
            ("Mapped", "kind", true, [("Home", ["home"], true), ("Store", ["store"], true)]),
            // A variant that declares the tag as a plain string does not fix it: the union writes the case's tag.
            ("Plain", "kind", true, [("Ship", ["SHIP", "S2"], false), ("Store", ["store"], true)]),
            ("ByName", "method", true, [("Pickup", ["Pickup"], false), ("Courier", ["Courier"], false)]),
            ("Untagged", nil, false, [("string", [], false), ("int", [], false)]),
            ("TypeList", nil, false, [("string", [], false), ("int", [], false)]),
            ("MaybeUnion", nil, false, [("Home", [], false), ("Pickup", [], false)]),
        ]
        for row in rows {
            guard let decl = module.decl(row.name), case .union(let union) = decl.kind else {
                XCTFail("\(row.name) is not a union")
                continue
            }
            XCTAssertEqual(union.discriminator?.propertyName, row.discriminator, "\(row.name): discriminator")
            XCTAssertEqual(union.discriminator?.isExplicit ?? false, row.explicit, "\(row.name): explicit")
            XCTAssertEqual(union.variants.map { module.describe($0.type) }, row.variants.map(\.type), "\(row.name): variant types")
            XCTAssertEqual(union.variants.map(\.tags), row.variants.map(\.tags), "\(row.name): tags")
            XCTAssertEqual(union.variants.map(\.declaresDiscriminator), row.variants.map(\.declares), "\(row.name): declares the tag")
        }
    }

    /// Rows: a `$defs` entry that allows `null` → a property referencing it is nullable too.
    func testNullabilityTravelsThroughReferences() throws {
        let text = ##"""
            {"$defs": {
              "Holder": {"type": "object", "properties": {
                "plainObject": {"$ref": "#/$defs/PlainObject"},
                "nullableAlias": {"$ref": "#/$defs/NullableAlias"},
                "nullableEnum": {"$ref": "#/$defs/NullableEnum"},
                "nullableUnion": {"$ref": "#/$defs/NullableUnion"},
                "nullableTypeList": {"$ref": "#/$defs/NullableTypeList"},
                "nullableObject": {"$ref": "#/$defs/NullableObject"}
              }},
              "PlainObject": {"type": "object", "properties": {"a": {"type": "string"}}},
              "NullableAlias": {"type": ["string", "null"]},
              "NullableEnum": {"enum": ["a", "b", null]},
              "NullableUnion": {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/PlainObject"}, {"type": "null"}]},
              "NullableTypeList": {"type": ["string", "integer", "null"]},
              "NullableObject": {"type": ["object", "null"], "properties": {"a": {"type": "string"}}}
            }}
            """##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("nullability"))
        guard case .object(let holder)? = module.decl("Holder")?.kind else { return XCTFail("Holder is not an object") }
        let rows: [(property: String, type: String, nullable: Bool)] = [
            ("plainObject", "PlainObject", false),
            ("nullableAlias", "NullableAlias", true),
            ("nullableEnum", "NullableEnum", true),
            ("nullableUnion", "NullableUnion", true),
            ("nullableTypeList", "NullableTypeList", true),
            ("nullableObject", "NullableObject", true),
        ]
        XCTAssertEqual(holder.properties.map(\.wireName), rows.map(\.property))
        for (property, row) in zip(holder.properties, rows) {
            XCTAssertEqual(module.describe(property.type), row.type, row.property)
            XCTAssertEqual(property.isNullable, row.nullable, "\(row.property): a property referencing \(row.type) must accept null")
        }
    }

    /// `allOf` members merge into one record, base properties first; the more specific duplicate wins.
    func testAllOfMergesIntoOneObject() throws {
        let text = ##"""
            {"$defs": {
              "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "status": {"type": "string"}}},
              "Derived": {"allOf": [
                {"$ref": "#/$defs/Base"},
                {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "status": {"enum": ["open", "closed"]}}}
              ]}
            }}
            """##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("allOf"))
        guard let derived = module.decl("Derived"), case .object(let object) = derived.kind else { return XCTFail("Derived is not an object") }
        let rows: [(name: String, type: String, required: Bool)] = [
            ("id", "string", true),
            ("status", "status", false),
            ("name", "string", true),
        ]
        XCTAssertEqual(object.properties.map(\.wireName), rows.map(\.name))
        for (property, row) in zip(object.properties, rows) {
            XCTAssertEqual(module.describe(property.type), row.type, row.name)
            XCTAssertEqual(property.isRequired, row.required, row.name)
        }
        XCTAssertEqual(module.kind("status"), "enum")
        XCTAssertFalse(module.types.contains { $0.name.hasPrefix("value") || $0.name.hasPrefix("Option") }, "no value1/value2 wrappers")
    }

    /// Inline schemas that need a declaration are nested in the type that uses them, named after the property.
    func testInlineTypesAreNested() throws {
        let text = ##"""
            {"$defs": {"Stock": {"type": "object", "properties": {
              "location": {"type": "object", "properties": {"id": {"type": "string"}}},
              "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}},
              "categories": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
              "status": {"type": "string", "enum": ["open", "closed"]},
              "point": {"title": "Geo Point", "type": "object", "properties": {"lat": {"type": "number"}}}
            }}}}
            """##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("nested"))
        let stock = try XCTUnwrap(module.decl("Stock"))
        guard case .object(let object) = stock.kind else { return XCTFail("Stock is not an object") }
        let rows: [(property: String, type: String, nested: String, kind: String)] = [
            ("location", "location", "location", "object"),
            ("lines", "[line]", "line", "object"),
            ("categories", "[category]", "category", "enum"),
            ("status", "status", "status", "enum"),
            ("point", "Geo Point", "Geo Point", "object"),
        ]
        XCTAssertEqual(stock.nested.map { module[$0].name }, rows.map(\.nested))
        for (property, row) in zip(object.properties, rows) {
            XCTAssertEqual(module.describe(property.type), row.type, row.property)
            XCTAssertEqual(module.kind(row.nested), row.kind, row.property)
            XCTAssertEqual(module.decl(row.nested)?.parent, stock.id, "\(row.property): nested in Stock")
        }
        XCTAssertEqual(module.namespaces[0].types.map { module[$0].name }, ["Stock"], "only $defs entries are top level")
    }

    /// A recursive record refers to itself.
    func testRecursiveRecords() throws {
        let text = ##"""
            {"$defs": {"Node": {"type": "object", "properties": {
              "next": {"$ref": "#/$defs/Node"},
              "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
              "byName": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Node"}}
            }}}}
            """##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("recursion"))
        guard case .object(let object)? = module.decl("Node")?.kind else { return XCTFail("Node is not an object") }
        XCTAssertEqual(object.properties.map { module.describe($0.type) }, ["Node", "[Node]", "[String: Node]"])
        XCTAssertEqual(module.types.count, 1)
    }

    /// Rows: documents → the namespaces they become (contract name and major, or the title / file name).
    func testNamespaces() throws {
        let fixture = ContractFixture([
            "inventory-v2.json": ##"{"x-contract": {"name": "inventory", "version": "2.3.1"}, "$defs": {"A": {"type": "string"}}}"##,
            "inventory-v1.json": ##"{"x-contract": {"name": "inventory", "version": "1.9.0"}, "$defs": {"A": {"type": "string"}}}"##,
            "pricing.schema.json": ##"{"$defs": {"Price": {"type": "string"}}}"##,
            "titled.json": ##"{"title": "Orders", "$defs": {"Order": {"type": "string"}}}"##,
        ], inputs: ["inventory-v2.json", "inventory-v1.json", "pricing.schema.json", "titled.json"])
        let module = try XCTUnwrap(fixture.translate().value("namespaces"))
        let rows: [(name: String, major: Int?, source: String)] = [
            ("inventory", 2, "inventory-v2.json"),
            ("inventory", 1, "inventory-v1.json"),
            ("pricing", nil, "pricing.schema.json"),
            ("Orders", nil, "titled.json"),
        ]
        XCTAssertEqual(module.namespaces.map(\.contractName), rows.map(\.name))
        XCTAssertEqual(module.namespaces.map(\.majorVersion), rows.map(\.major))
        XCTAssertEqual(module.namespaces.map(\.sourcePath), rows.map(\.source))
    }

    /// Rows: inputs that cannot be translated → the error.
    func testTranslationErrors() {
        let contract = { (version: String) in ##"{"x-contract": {"name": "inventory", "version": ""## + version + ##""}}"## }
        let rows: [(label: String, fixture: ContractFixture, expected: ExpectedDiagnostic)] = [
            ("same name and major in two files",
             ContractFixture(["a.json": contract("2.0.0"), "b.json": contract("2.3.1")], inputs: ["a.json", "b.json"]),
             ExpectedDiagnostic(code: "contract.duplicate-identity", at: "b.json:1:16", pointer: "/x-contract")),
            ("transition to a state that is not a value",
             ContractFixture(##"{"$defs": {"State": {"type": "string", "enum": ["open", "closed"], "x-transitions": {"open": ["shipped"]}}}}"##),
             ExpectedDiagnostic(code: "schema.invalid-transition", at: "a.json:1:85", pointer: "/$defs/State/x-transitions")),
            ("int32 default outside the range",
             ContractFixture(##"{"$defs": {"T": {"type": "object", "properties": {"n": {"type": "integer", "format": "int32", "default": 3000000000}}}}}"##),
             ExpectedDiagnostic(code: "schema.default-out-of-range", at: "a.json:1:106", pointer: "/$defs/T/properties/n/default")),
            ("integer default with a fraction",
             ContractFixture(##"{"$defs": {"T": {"type": "object", "properties": {"n": {"type": "integer", "default": 1.5}}}}}"##),
             ExpectedDiagnostic(code: "schema.default-out-of-range", at: "a.json:1:87", pointer: "/$defs/T/properties/n/default")),
            ("minimum above every int32",
             ContractFixture(##"{"$defs": {"T": {"type": "object", "properties": {"n": {"type": "integer", "format": "int32", "minimum": 3000000000}}}}}"##),
             ExpectedDiagnostic(code: "schema.unsatisfiable-bound", at: "a.json:1:106", pointer: "/$defs/T/properties/n/minimum")),
            ("maximum below every 64-bit integer",
             ContractFixture(##"{"$defs": {"T": {"type": "integer", "exclusiveMaximum": -9223372036854775808}}}"##),
             ExpectedDiagnostic(code: "schema.unsatisfiable-bound", at: "a.json:1:57", pointer: "/$defs/T/exclusiveMaximum")),
            ("minimum above every Double",
             ContractFixture(##"{"$defs": {"T": {"type": "array", "items": {"type": "number", "minimum": 1e400}}}}"##),
             ExpectedDiagnostic(code: "schema.unsatisfiable-bound", at: "a.json:1:74", pointer: "/$defs/T/items/minimum")),
            ("a bound no number type of the list can meet",
             ContractFixture(##"{"$defs": {"T": {"type": ["integer", "number"], "minimum": 1e400}}}"##),
             ExpectedDiagnostic(code: "schema.unsatisfiable-bound", at: "a.json:1:60", pointer: "/$defs/T/minimum")),
            ("an inline request body's bound no value meets (its constraints are checked, so fitted)",
             ContractFixture(##"{"x-contract": {"name": "x", "version": "1.0.0", "operations": {"put": {"method": "PUT", "path": "/n", "request": {"schema": {"type": "integer", "minimum": 1e30}}, "responses": {"204": {}}}}}}"##),
             ExpectedDiagnostic(code: "schema.unsatisfiable-bound", at: "a.json:1:157", pointer: "/x-contract/operations/put/request/schema/minimum")),
            ("multipleOf no int32 but 0 meets",
             ContractFixture(##"{"$defs": {"T": {"type": "integer", "format": "int32", "multipleOf": 3000000000}}}"##),
             ExpectedDiagnostic(code: "schema.unsatisfiable-bound", at: "a.json:1:70", pointer: "/$defs/T/multipleOf")),
            ("a property two allOf members give types that exclude each other",
             ContractFixture(##"{"$defs": {"Base": {"type": "object", "properties": {"id": {"type": "string"}}}, "T": {"allOf": [{"$ref": "#/$defs/Base"}, {"properties": {"id": {"type": "integer"}}}]}}}"##),
             ExpectedDiagnostic(code: "schema.conflicting-types", at: "a.json:1:146", pointer: "/$defs/T/allOf/1/properties/id")),
            ("a discriminator mapping to a schema outside the oneOf",
             ContractFixture(##"{"$defs": {"A": {"type": "object"}, "B": {"type": "object"}, "C": {"type": "object"}, "U": {"oneOf": [{"$ref": "#/$defs/A"}, {"$ref": "#/$defs/B"}], "discriminator": {"propertyName": "t", "mapping": {"z": "#/$defs/C"}}}}}"##),
             ExpectedDiagnostic(code: "schema.discriminator-mapping", at: "a.json:1:206", pointer: "/$defs/U/discriminator/mapping/z")),
            ("a discriminator over a string alternative",
             ContractFixture(##"{"$defs": {"U": {"oneOf": [{"type": "object", "properties": {"t": {"const": "p"}}}, {"type": "string"}], "discriminator": {"propertyName": "t"}}}}"##),
             ExpectedDiagnostic(code: "schema.discriminator-alternative", at: "a.json:1:85", pointer: "/$defs/U/oneOf/1")),
            ("an alternative whose const the mapping does not name",
             ContractFixture(##"{"$defs": {"A": {"type": "object", "properties": {"t": {"const": "a"}}}, "B": {"type": "object"}, "U": {"oneOf": [{"$ref": "#/$defs/A"}, {"$ref": "#/$defs/B"}], "discriminator": {"propertyName": "t", "mapping": {"A": "#/$defs/A"}}}}}"##),
             ExpectedDiagnostic(code: "schema.discriminator-mismatch", at: "a.json:1:115", pointer: "/$defs/U/oneOf/0")),
            ("a required name additionalProperties: false forbids",
             ContractFixture(##"{"$defs": {"T": {"type": "object", "required": ["a", "ghost"], "properties": {"a": {"type": "string"}}, "additionalProperties": false}}}"##),
             ExpectedDiagnostic(code: "schema.unsatisfiable-required", at: "a.json:1:54", pointer: "/$defs/T/required/1")),
            ("a required name no pattern matches beside additionalProperties: false",
             ContractFixture(##"{"$defs": {"T": {"allOf": [{"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}, {"required": ["x-a", "y"]}]}}}"##),
             ExpectedDiagnostic(code: "schema.unsatisfiable-required", at: "a.json:1:150", pointer: "/$defs/T/allOf/1/required/1")),
            ("a required name a pattern matches only as ICU reads \\w (ECMA-262's is ASCII), beside additionalProperties: false",
             ContractFixture(##"{"$defs": {"T": {"type": "object", "required": ["größe"], "patternProperties": {"^\\w+$": {"type": "string"}}, "additionalProperties": false}}}"##),
             ExpectedDiagnostic(code: "schema.unsatisfiable-required", at: "a.json:1:49", pointer: "/$defs/T/required/0")),
            ("allOf members whose types exclude each other",
             ContractFixture(##"{"$defs": {"T": {"type": "object", "properties": {"n": {"allOf": [{"type": "string"}, {"type": "integer"}]}}}}}"##),
             ExpectedDiagnostic(code: "schema.conflicting-types", at: "a.json:1:56", pointer: "/$defs/T/properties/n")),
        ]
        for row in rows {
            guard let error = row.fixture.translate().failure(row.label) else { continue }
            assertDiagnostic(row.expected, in: error.diagnostics, row.label)
        }
    }

    /// Rows: a type list with a number type whose bounds no value of its Swift type meets → what the schema is generated
    /// as (that type dropped, the others kept), and the warning at the bound. When no type is left the bound is an error
    /// (`testTranslationErrors`).
    func testNumberTypesNoValueOfWhichMeetsTheBoundsAreDroppedFromTypeLists() throws {
        let rows: [(schema: String, type: String, keyword: String)] = [
            (#"{"type": ["integer", "string"], "minimum": 1e30}"#, "string", "minimum"),
            (#"{"type": ["string", "integer"], "format": "int32", "maximum": -3000000000}"#, "string", "maximum"),
            (#"{"type": ["integer", "null"], "exclusiveMinimum": 9223372036854775807}"#, "null", "exclusiveMinimum"),
            (#"{"type": ["number", "boolean"], "minimum": 1e400}"#, "bool", "minimum"),
            (#"{"type": "array", "items": {"type": ["integer", "boolean"], "maximum": -1e20}}"#, "[bool]", "items/maximum"),
        ]
        for row in rows {
            let text = #"{"$defs": {"T": "# + row.schema + "}}"
            guard let module = ContractFixture(text).translate().value(row.schema) else { continue }
            guard case .alias(let target, _)? = module.decl("T")?.kind else {
                XCTAssertEqual(module.kind("T"), "union", row.schema)
                if case .union(let union)? = module.decl("T")?.kind {
                    XCTAssertEqual(union.variants.map { module.describe($0.type) }, ["double", "string"], row.schema)
                }
                continue
            }
            XCTAssertEqual(module.describe(target), row.type, row.schema)
            let keyword = try XCTUnwrap(row.keyword.split(separator: "/").last)
            let column = try XCTUnwrap(text.range(of: "\"\(keyword)\"")).upperBound.utf16Offset(in: text) + 3
            assertDiagnostic(
                ExpectedDiagnostic(code: "translate.type-dropped", at: "a.json:1:\(column)", pointer: "/$defs/T/" + row.keyword, severity: .warning),
                in: module.warnings, row.schema)
        }
    }

    /// Rows: a type list whose `integer` a bound drops → the types generated and the kinds the warnings name. Beside a
    /// `number` that stays, a dropped integer is not reported: the number holds every integer the bounds admit (the
    /// warning used to say the integer was dropped, as if integers were refused).
    func testAnIntegerDroppedBesideANumberThatStaysIsNotReported() throws {
        let rows: [(schema: String, variants: [String], warned: [String])] = [
            (#"{"type": ["integer", "number", "string"], "minimum": 1e30}"#, ["double", "string"], []),
            (#"{"type": ["number", "boolean", "integer"], "format": "int32", "maximum": -3000000000}"#, ["double", "bool"], []),
            (#"{"type": ["integer", "number", "string"], "minimum": 1e400}"#, ["string"], ["integer", "number"]),
            (#"{"type": ["integer", "string"], "minimum": 1e30}"#, ["string"], ["integer"]),
        ]
        for row in rows {
            guard let module = ContractFixture(#"{"$defs": {"T": "# + row.schema + "}}").translate().value(row.schema) else { continue }
            switch module.decl("T")?.kind {
            case .union(let union)?: XCTAssertEqual(union.variants.map { module.describe($0.type) }, row.variants, row.schema)
            case .alias(let target, _)?: XCTAssertEqual([module.describe(target)], row.variants, row.schema)
            default: XCTFail("T is neither a union nor an alias: \(row.schema)")
            }
            let warned = module.warnings.filter { $0.code == "translate.type-dropped" }.compactMap { warning in
                ["integer", "number"].first { warning.message.contains("the type list's \($0) is dropped") }
            }
            XCTAssertEqual(warned, row.warned, row.schema)
        }
    }

    /// Rows: bounds no value of the type meets where other values stay valid → a warning at the keyword, not an error:
    /// an `anyOf`/`oneOf` alternative that never holds for the type (left out of its group), and a `multipleOf` only 0
    /// meets in a type list with another type or in an alternative (the integer checked to be 0). Both used to stop
    /// generation.
    func testBoundsNoValueMeetsBesideOtherValidValuesAreWarnings() throws {
        let rows: [(schema: String, code: String, pointer: String)] = [
            (#"{"type": "integer", "anyOf": [{"minimum": 1e30}, {"maximum": 5}]}"#, "translate.alternative-dropped", "anyOf/0/minimum"),
            (#"{"type": "number", "oneOf": [{"minimum": 0}, {"maximum": -1e400}]}"#, "translate.alternative-dropped", "oneOf/1/maximum"),
            (#"{"type": "integer", "format": "int32", "anyOf": [{"exclusiveMinimum": 2147483647}]}"#, "translate.alternative-dropped", "anyOf/0/exclusiveMinimum"),
            // Every alternative left out: a warning at the group too, saying no value is valid (not "0 alternatives").
            (#"{"type": "integer", "oneOf": [{"minimum": 1e30}, {"maximum": -1e30}]}"#, "translate.alternative-dropped", "oneOf"),
            (#"{"type": ["integer", "string"], "multipleOf": 1e30}"#, "translate.only-zero-valid", "multipleOf"),
            (#"{"type": ["integer", "null"], "format": "int32", "multipleOf": 3000000000}"#, "translate.only-zero-valid", "multipleOf"),
            (#"{"type": "integer", "anyOf": [{"multipleOf": 1e30}, {"minimum": 1}]}"#, "translate.only-zero-valid", "anyOf/0/multipleOf"),
        ]
        for row in rows {
            let text = #"{"$defs": {"T": "# + row.schema + "}}"
            guard let module = ContractFixture(text).translate().value(row.schema) else { continue }
            let keyword = try XCTUnwrap(row.pointer.split(separator: "/").last)
            let column = try XCTUnwrap(text.range(of: "\"\(keyword)\"")).upperBound.utf16Offset(in: text) + 3
            assertDiagnostic(
                ExpectedDiagnostic(code: row.code, at: "a.json:1:\(column)", pointer: "/$defs/T/" + row.pointer, severity: .warning),
                in: module.warnings, row.schema)
        }
        // The integer of the type list is kept, checked to be 0.
        let module = try XCTUnwrap(ContractFixture(#"{"$defs": {"T": {"type": ["integer", "string"], "multipleOf": 1e30}}}"#).translate().value("zero"))
        guard case .union(let union)? = module.decl("T")?.kind else { return XCTFail("T is not a union") }
        XCTAssertEqual(union.variants.map { module.describe($0.type) }, ["int", "string"])
        XCTAssertEqual(union.variants[0].constraints.minimum, JSONNumber(0))
        XCTAssertEqual(union.variants[0].constraints.maximum, JSONNumber(0))
        XCTAssertNil(union.variants[0].constraints.multipleOf)
    }

    /// A `$ref` alternative cannot take the properties written beside the `oneOf` (its type is used elsewhere):
    /// a warning names each such alternative, since a value decoded as it loses them.
    func testSharedPropertiesAReferencedAlternativeCannotHoldAreReported() throws {
        let text = ##"{"$defs": {"A": {"type": "object", "properties": {"a": {"type": "string"}}}, "U": {"properties": {"id": {"type": "string"}}, "oneOf": [{"$ref": "#/$defs/A"}, {"type": "object", "properties": {"b": {"type": "integer"}}}]}}}"##
        let module = try XCTUnwrap(ContractFixture(text).translate().value("shared"))
        let expected = ExpectedDiagnostic(
            code: "translate.shared-properties-dropped", at: "a.json:1:\(text.range(of: "{\"$ref\"")!.lowerBound.utf16Offset(in: text) + 1)",
            pointer: "/$defs/U/oneOf/0", severity: .warning)
        assertDiagnostic(expected, in: module.warnings, "referenced alternative")
        XCTAssertEqual(module.warnings.filter { $0.code == "translate.shared-properties-dropped" }.count, 1, "the inline alternative takes them")
        guard case .union(let union)? = module.decl("U")?.kind, case .named(let inline) = union.variants[1].type,
              case .object(let object) = module[inline].kind
        else { return XCTFail("U is not a union of two alternatives") }
        XCTAssertEqual(object.properties.map(\.wireName), ["id", "b"])
    }

    func testDuplicateIdentityNamesBothFiles() throws {
        let contract = { (version: String) in ##"{"x-contract": {"name": "inventory", "version": ""## + version + ##""}}"## }
        let fixture = ContractFixture(["a.json": contract("2.0.0"), "b.json": contract("2.3.1")], inputs: ["a.json", "b.json"])
        let error = try XCTUnwrap(fixture.translate().failure("duplicate"))
        let diagnostic = try XCTUnwrap(error.diagnostics.first { $0.code == "contract.duplicate-identity" })
        XCTAssertEqual(diagnostic.related.map(\.file), ["a.json"])
        XCTAssertTrue(diagnostic.message.contains("inventory") && diagnostic.message.contains("2"), diagnostic.message)
        // Different majors of one contract live side by side.
        XCTAssertNotNil(ContractFixture(["a.json": contract("1.0.0"), "b.json": contract("2.0.0")], inputs: ["a.json", "b.json"]).translate().value("majors"))
    }
}
