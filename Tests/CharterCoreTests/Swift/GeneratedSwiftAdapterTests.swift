import Foundation
import XCTest
@testable import CharterCore

/// Version adapters: where each target property comes from (a table over a v1/v2 pair that holds one row
/// per kind of change), and the generated adapters compiled with CharterRuntime and run both ways: what is
/// carried, what the caller supplies, and every dropped value reported with its pointer and wire form.
final class GeneratedSwiftAdapterTests: XCTestCase {
    static let v1 = ##"""
        {
          "x-contract": {"name": "stock", "version": "1.4.0"},
          "$defs": {
            "Status": {"type": "string", "enum": ["open", "closed", "archived"]},
            "Line": {"type": "object", "required": ["sku", "qty"], "properties": {
              "sku": {"type": "string"}, "qty": {"type": "integer"}, "binCode": {"type": "string"}, "giftNote": {"type": "string"}}},
            "Gain": {"type": "object", "required": ["kind", "sku"], "properties": {"kind": {"const": "gain"}, "sku": {"type": "string"}, "why": {"type": "string"}}},
            "Loss": {"type": "object", "required": ["kind", "sku"], "properties": {"kind": {"const": "loss"}, "sku": {"type": "string"}}},
            "Adjustment": {"oneOf": [{"$ref": "#/$defs/Gain"}, {"$ref": "#/$defs/Loss"}], "discriminator": {"propertyName": "kind"}},
            "Item": {"type": "object",
              "required": ["schemaVersion", "id", "status", "lines", "locationId", "when", "price", "count", "source", "losses"],
              "properties": {
                "schemaVersion": {"const": "1"},
                "id": {"type": "string", "format": "uuid"},
                "status": {"$ref": "#/$defs/Status"},
                "lines": {"type": "array", "items": {"$ref": "#/$defs/Line"}},
                "byBin": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Line"}},
                "locationId": {"type": "string"},
                "note": {"type": "string"},
                "when": {"type": "string", "format": "date-time"},
                "price": {"type": "string", "format": "decimal"},
                "count": {"type": "integer"},
                "legacyCode": {"type": "string", "deprecated": true},
                "adjustment": {"$ref": "#/$defs/Adjustment"},
                "source": {"type": "string"},
                "losses": {"type": "integer"},
                "default": {"type": "string"},
                "unit": {"type": "string", "const": "celsius"},
                "scale": {"type": "string", "const": "metric"}
              },
              "additionalProperties": {"type": "string"}}
          }
        }
        """##

    static let v2 = ##"""
        {
          "x-contract": {"name": "stock", "version": "2.0.0"},
          "$defs": {
            "Status": {"type": "string", "enum": ["open", "closed", "on-hold"]},
            "Line": {"type": "object", "required": ["sku", "qty"], "properties": {
              "sku": {"type": "string"}, "qty": {"type": "integer"}, "giftNote": {"type": "string"}, "warehouse": {"type": "string"}}},
            "Gain": {"type": "object", "required": ["kind", "sku"], "properties": {"kind": {"const": "gain"}, "sku": {"type": "string"}}},
            "Loss": {"type": "object", "required": ["kind", "sku"], "properties": {"kind": {"const": "loss"}, "sku": {"type": "string"}}},
            "Recount": {"type": "object", "required": ["kind", "n"], "properties": {"kind": {"const": "recount"}, "n": {"type": "integer"}}},
            "Adjustment": {"oneOf": [{"$ref": "#/$defs/Gain"}, {"$ref": "#/$defs/Loss"}, {"$ref": "#/$defs/Recount"}], "discriminator": {"propertyName": "kind"}},
            "Location": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}},
            "Item": {"type": "object",
              "required": ["schemaVersion", "id", "status", "lines", "location", "price", "count", "source", "losses"],
              "properties": {
                "schemaVersion": {"const": "2"},
                "id": {"type": "string", "format": "uuid"},
                "status": {"$ref": "#/$defs/Status"},
                "lines": {"type": "array", "items": {"$ref": "#/$defs/Line"}},
                "byBin": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Line"}},
                "location": {"$ref": "#/$defs/Location"},
                "note": {"type": ["string", "null"]},
                "when": {"type": "string", "format": "date-time"},
                "price": {"type": "number", "format": "decimal"},
                "count": {"type": "string"},
                "adjustment": {"$ref": "#/$defs/Adjustment"},
                "channel": {"type": "string"},
                "source": {"type": "string"},
                "losses": {"type": "integer"},
                "default": {"type": "string"},
                "priority": {"type": "integer", "default": 5},
                "unit": {"type": "string", "const": "kelvin"},
                "scale": {"type": "string", "const": "metric"}
              },
              "additionalProperties": {"type": "string"}}
          }
        }
        """##

    static var fixture: ContractFixture {
        ContractFixture(["stock-v1.json": v1, "stock-v2.json": v2], inputs: ["stock-v1.json", "stock-v2.json"])
    }

    /// Describes a property's adaptation as the table spells it.
    static func describe(_ adaptation: IRPropertyAdaptation, module: IRModule) -> String {
        switch adaptation {
        case .adapted(_, let conversion): return "from source, " + describe(conversion, module: module)
        case .supplied: return "supplied"
        case .absent: return "absent"
        case .constant: return "constant"
        }
    }

    static func describe(_ conversion: IRConversion, module: IRModule) -> String {
        switch conversion {
        case .identity: return "as is"
        case .widen: return "widened"
        case .rawValue: return "as its string"
        case .enumeration(let target): return "as \(module[target].name)"
        case .adapter(let source, _): return "adapted \(module[source].name)"
        case .array(let inner): return "each element " + describe(inner, module: module)
        case .map(let inner): return "each value " + describe(inner, module: module)
        case .optional(let inner): return "if present " + describe(inner, module: module)
        }
    }

    /// Rows: a property of `Item` (wire name) → where its value comes from, upgrading (v1 → v2) and
    /// downgrading (v2 → v1).
    func testWhereEachPropertyComesFrom() throws {
        let module = try XCTUnwrap(Self.fixture.translate().value("translate"))
        let sets = VersionAdapterPlanner(module).plan()
        XCTAssertEqual(sets.map(\.contractName), ["stock"])
        let set = try XCTUnwrap(sets.first)
        XCTAssertEqual(set.directions.count, 2)
        let upgrade: [String: String] = [
            "schemaVersion": "constant",
            "id": "from source, as is",
            "status": "from source, adapted Status",
            "lines": "from source, each element adapted Line",
            "byBin": "from source, each value adapted Line",
            "location": "supplied",                    // new and required
            "note": "from source, as is",              // optional → optional and nullable
            "when": "from source, as is",              // required → optional
            "price": "from source, as is",             // a decimal string → a decimal number: the same values
            "count": "supplied",                       // integer → string: not exact
            "adjustment": "from source, adapted Adjustment",
            "channel": "absent",                       // new and optional
            "source": "from source, as is",
            "losses": "from source, as is",
            "default": "from source, as is",           // a keyword
            "priority": "absent",                      // new and optional: absent, not its schema default
            "unit": "absent",                          // an optional constant that changed: v1's value is not v2's
            "scale": "from source, as is",             // the same optional constant
        ]
        let downgrade: [String: String] = [
            "schemaVersion": "constant",
            "id": "from source, as is",
            "status": "from source, adapted Status",
            "lines": "from source, each element adapted Line",
            "byBin": "from source, each value adapted Line",
            "locationId": "supplied",                  // required, and v2 has no such property
            "note": "supplied",                        // a null has no place in a non-nullable property
            "when": "supplied",                        // absent has no place in a required property
            "price": "from source, as is",
            "count": "supplied",
            "legacyCode": "absent",
            "adjustment": "supplied",                  // v2's union has an alternative v1 lacks
            "source": "from source, as is",
            "losses": "from source, as is",
            "default": "from source, as is",
            "unit": "absent",
            "scale": "from source, as is",
        ]
        for (direction, expected, dropped, additional) in [
            (set.directions[0], upgrade, ["schemaVersion", "locationId", "count", "legacyCode", "unit"], IRAdditionalAdaptation.carried(excluding: ["location", "channel", "priority"])),
            (set.directions[1], downgrade, ["schemaVersion", "location", "note", "when", "count", "adjustment", "channel", "priority", "unit"], IRAdditionalAdaptation.carried(excluding: ["locationId", "legacyCode"])),
        ] {
            let adapter = try XCTUnwrap(direction.types.first { module[$0.target].name == "Item" })
            guard case .object(let properties, let droppedIndices, let additionalAdaptation) = adapter.adaptation,
                case .object(let target) = module[adapter.target].kind, case .object(let source) = module[adapter.source].kind
            else { return XCTFail("Item is not adapted as a struct") }
            for (property, adaptation) in zip(target.properties, properties) {
                XCTAssertEqual(Self.describe(adaptation, module: module), expected[property.wireName], property.wireName)
            }
            XCTAssertEqual(Set(target.properties.map(\.wireName)), Set(expected.keys))
            XCTAssertEqual(droppedIndices.map { source.properties[$0].wireName }, dropped)
            XCTAssertEqual(additionalAdaptation, additional)
            XCTAssertTrue(adapter.needsCaller)
        }
        // Line converts on its own both ways (a new optional property stays absent, a removed one is a loss), so
        // Item's adapters call its adapter; the union only upwards (v2 has an alternative v1 lacks).
        for (direction, expected) in zip(set.directions, [["Status", "Line", "Gain", "Loss", "Adjustment"], ["Status", "Line", "Gain", "Loss"]]) {
            let names = direction.types.filter { !$0.needsCaller }.map { module[$0.target].name }
            XCTAssertEqual(Set(names), Set(expected), "\(direction.source) → \(direction.target)")
        }
    }

    /// Rows: a property the source contract requires but marks `readOnly` / `writeOnly` (so its Swift property is
    /// optional: one direction never carries it) and the target requires outright → the Quick Help line of the
    /// parameter the caller supplies, which says why the source may not hold it (not "Optional in …").
    func testSuppliedParameterSaysWhyAReadOnlySourceMayLackIt() throws {
        let rows: [(keyword: String, line: String)] = [
            ("readOnly", "///   - code: Read-only in ShelfV1 (absent in requests), so the source may not hold it; required in ShelfV2."),
            ("writeOnly", "///   - code: Write-only in ShelfV1 (never in responses), so the source may not hold it; required in ShelfV2."),
        ]
        for row in rows {
            func contract(_ version: String, _ access: String) -> String {
                ##"{"x-contract": {"name": "shelf", "version": ""## + version + ##""}, "$defs": {"R": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string""## + access + "}}}}}"
            }
            let fixture = ContractFixture(
                ["shelf-v1.json": contract("1.0.0", #", "\#(row.keyword)": true"#), "shelf-v2.json": contract("2.0.0", "")],
                inputs: ["shelf-v1.json", "shelf-v2.json"])
            let adapters = try XCTUnwrap(fixture.generate().value(row.keyword)?["ShelfAdapters.swift"])
            XCTAssertTrue(adapters.contains(row.line), "\(row.keyword):\n\(adapters)")
        }
    }

    /// The adapters compiled and run: v1 → v2 with the caller's values, what was dropped reported with
    /// pointers (nested ones too) and wire values, and the way back.
    func testAdaptersCompileAndRunBothWays() throws {
        let files = try XCTUnwrap(Self.fixture.generate().value("generate"))
        XCTAssertEqual(files.keys.sorted(), ["StockAdapters.swift", "StockV1.swift", "StockV2.swift"])
        // Quick Help says why each supplied value is the caller's.
        let adapters = try XCTUnwrap(files["StockAdapters.swift"])
        for line in [
            "///   - location: New in StockV2, and required.",
            "///   - count: `Int` in StockV1, `String` in StockV2.",
            "///   - note: May be null in StockV2, not in StockV1.",
            "///   - when: Optional in StockV2, required in StockV1.",
            "/// - Parameter source: The `StockV1.Status` to adapt.",
        ] {
            XCTAssertTrue(adapters.contains(line), line)
        }
        let v1Item = #"""
            {"schemaVersion": "1", "id": "0f8fad5b-d9cb-469f-a165-70867728950e", "status": "archived",
             "lines": [{"sku": "A", "qty": 2, "binCode": "B-7"}, {"sku": "B", "qty": 1, "giftNote": "hi"}],
             "byBin": {"b2": {"sku": "C", "qty": 3}, "b1": {"sku": "D", "qty": 4, "binCode": "X"}},
             "locationId": "L1", "note": "fragile", "when": "2024-05-01T10:00:00.5Z", "price": "19.990",
             "count": 7, "legacyCode": "Z9", "adjustment": {"kind": "gain", "sku": "A", "why": "found"},
             "source": "erp", "losses": 3, "default": "d", "colour": "red", "location": "L1-undeclared"}
            """#
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
            "func show(_ value: some Encodable) -> String { String(decoding: try! encoder.encode(value), as: UTF8.self) }",
            "let old = try! JSONDecoder().decode(StockV1.Item.self, from: Data(\(SwiftLiteral.string(v1Item)).utf8))",
            "let up = StockV2.Item.adapting(old, location: StockV2.Location(code: \"DC-1\"), count: \"7\")",
            "print(show(up.value))",
            "for loss in up.losses { print(\"lost \\(loss)\") }",
            "do { _ = try up.lossless(); print(\"lossless\") } catch { print(\"refused \\(error.losses.count)\") }",
            "do { _ = try up.accepting([\"/locationId\", \"/legacyCode\", \"/lines/*/binCode\", \"/byBin/*/binCode\", \"/location\", \"/count\", \"/schemaVersion\"]); print(\"accepted\") } catch { print(\"refused \\(error.losses.map(\\.pointer))\") }",
            "do { _ = try up.accepting([\"/locationId\", \"/legacyCode\", \"/lines/*/binCode\"]); print(\"accepted\") } catch { print(\"refused \\(error.losses.map(\\.pointer))\") }",
            "let down = StockV1.Item.adapting(up.value, locationId: \"L1\", note: old.note, when: old.when, count: 7, adjustment: old.adjustment)",
            "print(show(down.value))",
            "for loss in down.losses { print(\"lost \\(loss)\") }",
            // A union alternative v1 keeps as unrecognized is the one v2 knows (nothing to report); one neither knows
            // stays unrecognized and is reported, as is an enum value the target does not know, though both are carried
            // (an enum value v1 does not know survives the trip through it).
            "let recount = try! JSONDecoder().decode(StockV1.Adjustment.self, from: Data(#\"{\"kind\":\"recount\",\"n\":1}\"#.utf8))",
            "if case .recount(let known) = StockV2.Adjustment.adapting(recount).value { print(\"recount\", known.n, StockV2.Adjustment.adapting(recount).losses) } else { print(\"unrecognized\") }",
            // …but not when that would lose members it does not declare: then it stays unrecognized, as received.
            "let extra = try! JSONDecoder().decode(StockV1.Adjustment.self, from: Data(#\"{\"kind\":\"recount\",\"n\":2,\"by\":\"ann\"}\"#.utf8))",
            "let keptExtra = StockV2.Adjustment.adapting(extra)",
            "if case .unrecognized(let kept) = keptExtra.value { print(\"kept\", show(kept), keptExtra.losses.map(\\.description)) } else { print(\"decoded\") }",
            "let audit = try! JSONDecoder().decode(StockV1.Adjustment.self, from: Data(#\"{\"kind\":\"audit\"}\"#.utf8))",
            "print(show(StockV2.Adjustment.adapting(audit).value), StockV2.Adjustment.adapting(audit).losses.map(\\.description))",
            "for status in [StockV2.Status.onHold, .open, .unrecognized(\"archived\"), .unrecognized(\"lost\")] {",
            "    let down = StockV1.Status.adapting(status)",
            "    print(String(describing: down.value), down.losses.map(\\.description))",
            "}",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        let expected = [
            // Upgraded: the caller's location and count (the v1 count, which the caller replaced, reported), the undeclared `colour` carried, the undeclared `location`
            // (v2 declares it) lost; status kept as v2's unrecognized value; the nested binCodes lost. The price is
            // the same decimal as a JSON number (Foundation's `Decimal` keeps no trailing zeros: 19.990 is 19.99).
            #"{"adjustment":{"kind":"gain","sku":"A"},"byBin":{"b1":{"qty":4,"sku":"D"},"b2":{"qty":3,"sku":"C"}},"colour":"red","count":"7","default":"d","id":"0f8fad5b-d9cb-469f-a165-70867728950e","lines":[{"qty":2,"sku":"A"},{"giftNote":"hi","qty":1,"sku":"B"}],"location":{"code":"DC-1"},"losses":3,"note":"fragile","price":19.99,"schemaVersion":"2","source":"erp","status":"archived","when":"2024-05-01T10:00:00.5Z"}"#,
            #"lost /schemaVersion = "1""#,
            #"lost /locationId = "L1""#,
            #"lost /count = 7"#,
            #"lost /legacyCode = "Z9""#,
            #"lost /location = "L1-undeclared""#,
            #"lost /status = "archived""#,  // carried as v2's unrecognized value, and reported: v2 has no such status
            #"lost /lines/0/binCode = "B-7""#,
            #"lost /byBin/b1/binCode = "X""#,
            #"lost /adjustment/why = "found""#,
            "refused 9",
            #"refused ["/status", "/adjustment/why"]"#,
            #"refused ["/schemaVersion", "/count", "/location", "/status", "/byBin/b1/binCode", "/adjustment/why"]"#,
            // Downgraded with the v1 values the caller kept: everything v1 had, except what v2 could not carry. The
            // v2 values the caller replaced (note, when, count, adjustment) are reported too: the adapter did not carry
            // them. The constants differ between the versions (a version marker): reported like any value not carried.
            #"{"adjustment":{"kind":"gain","sku":"A","why":"found"},"byBin":{"b1":{"qty":4,"sku":"D"},"b2":{"qty":3,"sku":"C"}},"colour":"red","count":7,"default":"d","id":"0f8fad5b-d9cb-469f-a165-70867728950e","lines":[{"qty":2,"sku":"A"},{"giftNote":"hi","qty":1,"sku":"B"}],"locationId":"L1","losses":3,"note":"fragile","price":"19.99","schemaVersion":"1","source":"erp","status":"archived","when":"2024-05-01T10:00:00.5Z"}"#,
            #"lost /schemaVersion = "2""#,
            #"lost /location = {"code":"DC-1"}"#,
            #"lost /note = "fragile""#,
            #"lost /when = "2024-05-01T10:00:00.5Z""#,
            #"lost /count = "7""#,
            #"lost /adjustment = {"kind":"gain","sku":"A"}"#,
            "recount 1 []",
            #"kept {"by":"ann","kind":"recount","n":2} [" = {\"by\":\"ann\",\"kind\":\"recount\",\"n\":2}"]"#,
            #"{"kind":"audit"} [" = {\"kind\":\"audit\"}"]"#,
            #"unrecognized("on-hold") [" = \"on-hold\""]"#,
            "open []",
            "archived []",  // v2 did not know it, v1 does: the known case again
            #"unrecognized("lost") [" = \"lost\""]"#,
        ]
        XCTAssertEqual(lines, expected)
    }

    /// Rows: a property's schema in v1 and in v2 → where v2's value comes from upwards, and v1's downwards.
    /// Widening is exact one way only; a string enumeration and a string convert both ways (an unknown string
    /// is kept as unrecognized, and reported). The adapters compile and run.
    func testScalarsThatWidenOrChangeBetweenEnumAndString() throws {
        let rows: [(v1: String, v2: String, up: String, down: String)] = [
            (#"{"type": "integer", "format": "int32"}"#, #"{"type": "integer", "format": "int64"}"#, "widened", "supplied"),
            (#"{"type": "integer", "format": "int32"}"#, #"{"type": "integer"}"#, "widened", "supplied"),
            (#"{"type": "integer"}"#, #"{"type": "integer", "format": "int64"}"#, "widened", "supplied"),
            (#"{"type": "integer", "format": "int64"}"#, #"{"type": "number", "format": "decimal"}"#, "widened", "supplied"),
            (#"{"type": "integer"}"#, #"{"type": "string", "format": "decimal"}"#, "widened", "supplied"),
            (#"{"type": "integer"}"#, #"{"type": "number"}"#, "supplied", "supplied"),
            (#"{"type": "string"}"#, ##"{"$ref": "#/$defs/Colour"}"##, "as Colour", "as its string"),
            (##"{"type": "array", "items": {"type": "integer", "format": "int32"}}"##, ##"{"type": "array", "items": {"type": "integer", "format": "int64"}}"##, "each element widened", "supplied"),
        ]
        func contract(_ version: String, _ schemas: [String]) -> String {
            let properties = schemas.enumerated().map { "\"p\($0.offset)\": \($0.element)" }.joined(separator: ", ")
            let required = schemas.indices.map { "\"p\($0)\"" }.joined(separator: ", ")
            return #"{"x-contract": {"name": "w", "version": "\#(version)"}, "$defs": {"#
                + #""Colour": {"type": "string", "enum": ["red", "green"]}, "#
                + #""T": {"type": "object", "required": [\#(required)], "properties": {\#(properties)}}}}"#
        }
        let fixture = ContractFixture(
            ["w-v1.json": contract("1.0.0", rows.map(\.v1)), "w-v2.json": contract("2.0.0", rows.map(\.v2))],
            inputs: ["w-v1.json", "w-v2.json"])
        let module = try XCTUnwrap(fixture.translate().value("translate"))
        let set = try XCTUnwrap(VersionAdapterPlanner(module).plan().first)
        for (direction, expected) in zip(set.directions, [rows.map(\.up), rows.map(\.down)]) {
            let adapter = try XCTUnwrap(direction.types.first { module[$0.target].name == "T" })
            guard case .object(let properties, _, _) = adapter.adaptation else { return XCTFail("T is not a struct") }
            XCTAssertEqual(properties.map { Self.describe($0, module: module).replacingOccurrences(of: "from source, ", with: "") }, expected)
        }
        let files = try XCTUnwrap(fixture.generate().value("generate"))
        let main = [
            "import Foundation",
            "let json = #\"{\"p0\": 2147483647, \"p1\": -5, \"p2\": 9007199254740993, \"p3\": 12, \"p4\": 7, \"p5\": 1, \"p6\": \"mauve\", \"p7\": [1, 2]}\"#",
            "let old = try! JSONDecoder().decode(WV1.T.self, from: Data(json.utf8))",
            "let new = WV2.T.adapting(old, p5: 1.5)",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            "print(String(decoding: try! encoder.encode(new.value), as: UTF8.self), new.losses.map { $0.pointer })",
            "let back = WV1.T.adapting(new.value, p0: 1, p1: 2, p2: 3, p3: 4, p4: 5, p5: 6, p7: [])",
            "print(back.value.p6, back.losses.count)",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            #"{"p0":2147483647,"p1":-5,"p2":9007199254740993,"p3":12,"p4":"7","p5":1.5,"p6":"mauve","p7":[1,2]} ["/p5", "/p6"]"#,  // mauve: no Colour of v2
            "mauve 7",  // every value the caller replaced on the way down is reported
        ])
    }

    /// Names that are keywords (as argument labels at call sites too), a dropped wire name with a line break (in
    /// the doc comment), supplied parameters named like the adapter's own locals and like the adapter itself
    /// (`adapting`), a type named like a runtime type and types named like majors of the contract: the adapters
    /// compile without warnings and run.
    func testHostileNamesCompileWithoutWarnings() throws {
        func contract(_ version: String, _ properties: String) -> String {
            #"{"x-contract": {"name": "odd", "version": "\#(version)"}, "$defs": {"#
                + #""VersionAdapted": {"type": "object", "properties": {"n": {"type": "integer"}}}, "#
                + #""OddV1": {"type": "object", "properties": {"oddV3": {"type": "object", "properties": {"n": {"type": "integer"}}}}}, "#
                + #""T": {"type": "object", "required": ["source", "losses"], "properties": {\#(properties)}}}}"#
        }
        let v1 = contract("1.0.0", ##""for": {"type": "string"}, "inout": {"type": "string"}, "a\nb */": {"type": "string"}, "source": {"type": "string"}, "losses": {"type": "string"}, "x": {"$ref": "#/$defs/VersionAdapted"}, "adapting": {"type": "string"}"##)
        let v2 = contract("2.0.0", ##""for": {"type": "string"}, "inout": {"type": "string"}, "source": {"type": "integer"}, "losses": {"type": "integer"}, "x": {"$ref": "#/$defs/VersionAdapted"}, "adapting": {"type": "integer"}"##)
        let files = try XCTUnwrap(ContractFixture(["odd-v1.json": v1, "odd-v2.json": v2], inputs: ["odd-v1.json", "odd-v2.json"]).generate().value("generate"))
        // A type named like a major of its own contract is renamed whether or not that major is generated with it
        // (the build plugin generates v2's models alone and the adapters with both: the names must agree).
        let alone = try XCTUnwrap(ContractFixture(["odd-v2.json": v2], inputs: ["odd-v2.json"]).generate().value("alone"))
        for text in [try XCTUnwrap(alone["OddV2.swift"]), try XCTUnwrap(files["OddV2.swift"])] {
            XCTAssertTrue(text.contains("public struct OddV1Model:") && text.contains("public struct OddV3Model:"))
        }
        let main = [
            "import Foundation",
            "let json = #\"{\"for\": \"f\", \"inout\": \"i\", \"a\\nb */\": \"gone\", \"source\": \"s\", \"losses\": \"l\", \"x\": {\"n\": 1}, \"adapting\": \"a\"}\"#",
            "let old = try! JSONDecoder().decode(OddV1.T.self, from: Data(json.utf8))",
            "let new = OddV2.T.adapting(old, source: 1, losses: 2, adapting: 3)",
            "let pointers: [String] = new.losses.map { $0.pointer }",
            "print(new.value.for ?? \"-\", new.value.`inout` ?? \"-\", new.value.x?.n ?? 0, pointers)",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.output, "f i 1 [\"/a\\nb *~1\", \"/source\", \"/losses\", \"/adapting\"]\n")
    }

    /// Rows: a same-named type of both majors that gets no adapter → the comment the adapters file lists it with,
    /// under the direction's heading, so a missing `adapting` is explained where the user looks for it. Aliases need
    /// none (their values convert as the underlying type); a type only the target major has is listed as having no
    /// counterpart.
    func testSameNamedTypesWithoutAnAdapterAreListedWithTheReason() throws {
        func contract(_ version: String, _ defs: String) -> String {
            #"{"x-contract": {"name": "gap", "version": "\#(version)"}, "$defs": {\#(defs)}}"#
        }
        let shared = ##""A": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "a"}}}, "##
            + ##""B": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "b"}}}, "##
            + ##""Old": {"type": "object", "deprecated": true, "properties": {"n": {"type": "integer"}}}, "##
            + ##""Code": {"type": "string", "pattern": "^[A-Z]+$"}, "##
        let v1 = contract("1.0.0", shared
            + ##""Kind": {"type": "object", "properties": {"n": {"type": "integer"}}}, "##
            + ##""U": {"oneOf": [{"$ref": "#/$defs/A"}, {"$ref": "#/$defs/B"}], "discriminator": {"propertyName": "kind"}}"##)
        let v2 = contract("2.0.0", shared
            + ##""C": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "c"}}}, "##
            + ##""Kind": {"type": "string", "enum": ["x", "y"]}, "##
            + ##""U": {"oneOf": [{"$ref": "#/$defs/A"}, {"$ref": "#/$defs/B"}, {"$ref": "#/$defs/C"}], "discriminator": {"propertyName": "kind"}}"##)
        let files = try XCTUnwrap(ContractFixture(["gap-v1.json": v1, "gap-v2.json": v2], inputs: ["gap-v1.json", "gap-v2.json"]).generate().value("generate"))
        let adapters = try XCTUnwrap(files["GapAdapters.swift"])
        let listed = adapters.split(separator: "\n").filter { $0.hasPrefix("// MARK:") || $0.hasPrefix("// No adapter") }
        XCTAssertEqual(listed, [
            "// MARK: GapV1 → GapV2",
            "// No adapter for `GapV1.Old` → `GapV2.Old`: deprecated (its declaration carries `@available(*, deprecated)`).",
            "// No adapter for `GapV1.Kind` → `GapV2.Kind`: a different kind of type in each version.",
            "// No adapter for `GapV2.C`: no type of this name or renamed from it in GapV1.",
            "// MARK: GapV2 → GapV1",
            "// No adapter for `GapV2.Old` → `GapV1.Old`: deprecated (its declaration carries `@available(*, deprecated)`).",
            "// No adapter for `GapV2.Kind` → `GapV1.Kind`: a different kind of type in each version.",
            "// No adapter for `GapV2.U` → `GapV1.U`: an alternative, the discriminator property or `null` has no counterpart in GapV1.",
        ])
        // The pairs that do adapt still do, and the file compiles without warnings.
        XCTAssertTrue(adapters.contains("extension GapV2.U {") && !adapters.contains("extension GapV1.U {"))
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: ["print(GapV2.A.adapting(GapV1.A()).losses.count)"]) else { return }
        XCTAssertEqual(run.output, "0\n")
    }

    /// The adapters file is part of `--emit`: left out with it, and no file for a contract given in one major.
    func testAdaptersFollowEmitAndNeedTwoMajors() throws {
        var options = SwiftOptions()
        options.emit = [.events, .client, .provider]
        XCTAssertEqual(try XCTUnwrap(Self.fixture.generate(swift: options).value("generate")).keys.sorted(), ["StockV1.swift", "StockV2.swift"])
        let one = ContractFixture(["stock-v1.json": Self.v1], inputs: ["stock-v1.json"])
        XCTAssertEqual(try XCTUnwrap(one.generate().value("generate")).keys.sorted(), ["StockV1.swift"])
        options = SwiftOptions()
        options.namespaceFiles = false
        XCTAssertEqual(try XCTUnwrap(Self.fixture.generate(swift: options).value("generate")).keys.sorted(), ["StockAdapters.swift"])
    }
}
