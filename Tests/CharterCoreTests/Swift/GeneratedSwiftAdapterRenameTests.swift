import Foundation
import XCTest
@testable import CharterCore

/// Version adapters across renames (`x-renamed-from` on the newer major's type or property): the renamed type and
/// property pair with the older one both ways and carry the value like a same-named one (conversions, nested
/// adapters, losses for what still does not fit); a rename that names nothing is a warning at the keyword; a value
/// that is not a non-empty string is an error at the keyword.
final class GeneratedSwiftAdapterRenameTests: XCTestCase {
    /// Rows of `Line`'s properties: the v1 entry, the v2 entry (nil: that major has no such property), and where
    /// the target property's value comes from upwards (v2's property) and downwards (v1's property).
    static let rows: [(v1: String?, v2: String?, up: String, down: String)] = [
        // A renamed property.
        (#""binCode": {"type": "string"}"#, #""binLocation": {"type": "string", "x-renamed-from": "binCode"}"#,
         "binCode: as is", "binLocation: as is"),
        // A renamed type, as the type of a property of a paired type.
        (##""slot": {"$ref": "#/$defs/Slot"}"##, ##""slot": {"$ref": "#/$defs/Place"}"##,
         "slot: adapted Slot", "slot: adapted Place"),
        // A renamed property holding a renamed type, in an array.
        (##""slots": {"type": "array", "items": {"$ref": "#/$defs/Slot"}}"##,
         ##""places": {"type": "array", "items": {"$ref": "#/$defs/Place"}, "x-renamed-from": "slots"}"##,
         "slots: each element adapted Slot", "places: each element adapted Place"),
        // Renamed and widened: exact upwards only, so the caller supplies it downwards.
        (#""qty": {"type": "integer", "format": "int32"}"#, #""quantity": {"type": "integer", "x-renamed-from": "qty"}"#,
         "qty: widened", "supplied"),
        // A rename that names nothing: a new property, left absent.
        (nil, #""note": {"type": "string", "x-renamed-from": "remark"}"#, "absent", "-"),
        // A renamed property holding an inline type in an array: the item types (named after the property) pair.
        (#""items": {"type": "array", "items": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}, "count": {"type": "integer"}}}}"#,
         #""entries": {"x-renamed-from": "items", "type": "array", "items": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}, "count": {"type": "integer"}}}}"#,
         "items: each element adapted item", "entries: each element adapted entry"),
        // A renamed property holding an inline object, with a renamed property of its own.
        (#""dock": {"type": "object", "properties": {"door": {"type": "string"}}}"#,
         #""bay": {"x-renamed-from": "dock", "type": "object", "properties": {"gate": {"type": "string", "x-renamed-from": "door"}}}"#,
         "dock: adapted dock", "bay: adapted bay"),
        // A renamed constant: computed on both sides, so carried; one whose value changed too is reported.
        (#""kind": {"const": "line"}"#, #""type": {"const": "line", "x-renamed-from": "kind"}"#, "constant", "constant"),
        (#""unit": {"const": "g"}"#, #""measure": {"const": "kg", "x-renamed-from": "unit"}"#, "constant", "constant"),
    ]

    /// The two majors: `Slot` (v1) is `Place` (v2), without v1's `aisle`; `Line` holds the rows, and requires `sku`
    /// and every constant (so the type computes it).
    static func contracts(rows: [(v1: String?, v2: String?, up: String, down: String)]) -> (v1: String, v2: String) {
        func line(_ entries: [String?]) -> String {
            let constants = entries.compactMap { $0 }.filter { $0.contains(#""const""#) }.map { ", " + $0.prefix { $0 != ":" } }
            return #""Line": {"type": "object", "required": ["sku""# + constants.joined() + #"], "properties": {"sku": {"type": "string"}"#
                + entries.compactMap { $0.map { ", " + $0 } }.joined() + "}}"
        }
        let v1 = #"{"x-contract": {"name": "rn", "version": "1.0.0"}, "$defs": {"#
            + #""Slot": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}, "aisle": {"type": "string"}}}, "#
            + line(rows.map(\.v1)) + "}}"
        let v2 = #"{"x-contract": {"name": "rn", "version": "2.0.0"}, "$defs": {"#
            + #""Place": {"type": "object", "x-renamed-from": "Slot", "required": ["code"], "properties": {"code": {"type": "string"}}}, "#
            + line(rows.map(\.v2)) + "}}"
        return (v1, v2)
    }

    static func fixture(_ v1: String, _ v2: String) -> ContractFixture {
        ContractFixture(["rn-v1.json": v1, "rn-v2.json": v2], inputs: ["rn-v1.json", "rn-v2.json"])
    }

    /// The planner pairs `Slot` with `Place` both ways, and each row's properties as the table says.
    func testRenamedTypesAndPropertiesPairBothWays() throws {
        let (v1, v2) = Self.contracts(rows: Self.rows)
        let module = try XCTUnwrap(Self.fixture(v1, v2).translate().value("translate"))
        let set = try XCTUnwrap(VersionAdapterPlanner(module).plan().first)
        XCTAssertEqual(set.directions.count, 2)
        for (direction, pair) in zip(set.directions, [("Slot", "Place"), ("Place", "Slot")]) {
            let adapter = direction.types.first { module[$0.source].name == pair.0 }
            XCTAssertEqual(adapter.map { module[$0.target].name }, pair.1)
            XCTAssertEqual(adapter?.needsCaller, false, "\(pair)")
        }
        for (index, direction) in set.directions.enumerated() {
            let adapter = try XCTUnwrap(direction.types.first { module[$0.target].name == "Line" })
            guard case .object(let properties, _, _) = adapter.adaptation,
                case .object(let target) = module[adapter.target].kind, case .object(let source) = module[adapter.source].kind
            else { return XCTFail("Line is not adapted as a struct") }
            for row in Self.rows {
                guard let entry = index == 0 ? row.v2 : row.v1 else { continue }
                let name = String(entry.dropFirst().prefix { $0 != "\"" })
                let property = try XCTUnwrap(target.properties.firstIndex { $0.wireName == name })
                let described: String
                if case .adapted(let from, let conversion) = properties[property] {
                    described = source.properties[from].wireName + ": " + GeneratedSwiftAdapterTests.describe(conversion, module: module)
                } else {
                    described = GeneratedSwiftAdapterTests.describe(properties[property], module: module)
                }
                XCTAssertEqual(described, index == 0 ? row.up : row.down, name)
            }
            // Reported as lost: the constant that changed; downwards also the value the caller supplies, and v2's new note.
            guard case .object(_, let dropped, _) = adapter.adaptation else { continue }
            XCTAssertEqual(dropped.map { source.properties[$0].wireName }, index == 0 ? ["unit"] : ["quantity", "note", "measure"])
        }
    }

    /// The adapters compiled and run: a v1 line to v2 and back carries every renamed value (a nested loss at the
    /// source's pointer, under the old name; inline types under renamed properties adapted, with nothing lost; a
    /// renamed constant computed, not lost), and the caller's value on the way down and the constant whose value
    /// changed are the losses reported.
    func testRenamedValuesAreCarriedThereAndBack() throws {
        let (v1, v2) = Self.contracts(rows: Self.rows)
        let files = try XCTUnwrap(Self.fixture(v1, v2).generate().value("generate"))
        let adapters = try XCTUnwrap(files["RnAdapters.swift"])
        XCTAssertTrue(adapters.contains("///   - qty: `Int?` in RnV2, `Int32?` in RnV1. Named `quantity` in RnV2."), adapters)
        let line = #"{"sku": "A", "binCode": "B-7", "slot": {"code": "S1"}, "slots": [{"code": "S2"}, {"code": "S3", "aisle": "7"}], "qty": 4, "#
            + #""items": [{"sku": "X", "count": 2}, {"sku": "Y"}], "dock": {"door": "D1"}, "kind": "line", "unit": "g"}"#
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            "func show(_ value: some Encodable) -> String { String(decoding: try! encoder.encode(value), as: UTF8.self) }",
            "let old = try! JSONDecoder().decode(RnV1.Line.self, from: Data(\(SwiftLiteral.string(line)).utf8))",
            "let up = RnV2.Line.adapting(old)",
            "print(show(up.value), up.losses.map(\\.description))",
            "let down = RnV1.Line.adapting(up.value, qty: old.qty)",
            "print(show(down.value), down.losses.map(\\.description))",
            "print(show(RnV2.Place.adapting(RnV1.Slot(code: \"S4\")).value), show(RnV1.Slot.adapting(RnV2.Place(code: \"S5\")).value))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            #"{"bay":{"gate":"D1"},"binLocation":"B-7","entries":[{"count":2,"sku":"X"},{"sku":"Y"}],"measure":"kg","places":[{"code":"S2"},{"code":"S3"}],"quantity":4,"sku":"A","slot":{"code":"S1"},"type":"line"} ["/unit = \"g\"", "/slots/1/aisle = \"7\""]"#,
            #"{"binCode":"B-7","dock":{"door":"D1"},"items":[{"count":2,"sku":"X"},{"sku":"Y"}],"kind":"line","qty":4,"sku":"A","slot":{"code":"S1"},"slots":[{"code":"S2"},{"code":"S3"}],"unit":"g"} ["/quantity = 4", "/measure = \"kg\""]"#,
            #"{"code":"S4"} {"code":"S5"}"#,
        ])
    }

    /// Rows of `Sale`'s unions under a renamed property (or a renamed `$defs` union): the v1 entry, the v2 entry,
    /// and a v1 value of each alternative. The union is named after the property (or its `$defs` key), and so is the
    /// object alternative of a `type` list (`Settle.SettleObject`): both pair through the rename.
    static let unionRows: [(v1: String, v2: String, values: (String, String))] = [
        // An inline oneOf of two inline objects.
        (#""payment": {"oneOf": [{"type": "object", "required": ["card"], "properties": {"card": {"type": "string"}}}, {"type": "object", "required": ["cash"], "properties": {"cash": {"type": "integer"}}}]}"#,
         #""tender": {"x-renamed-from": "payment", "oneOf": [{"type": "object", "required": ["card"], "properties": {"card": {"type": "string"}}}, {"type": "object", "required": ["cash"], "properties": {"cash": {"type": "integer"}}}]}"#,
         (#""payment": {"card": "C1"}"#, #""payment": {"cash": 5}"#)),
        // An inline oneOf of $refs.
        (##""method": {"oneOf": [{"$ref": "#/$defs/Card"}, {"$ref": "#/$defs/Cash"}]}"##,
         ##""means": {"x-renamed-from": "method", "oneOf": [{"$ref": "#/$defs/Card"}, {"$ref": "#/$defs/Cash"}]}"##,
         (#""method": {"number": "4111"}"#, #""method": {"amount": 7}"#)),
        // A type list of an object and a string: the object alternative is named after the property.
        (#""settle": {"type": ["object", "string"], "properties": {"ref": {"type": "string"}}}"#,
         #""settlement": {"x-renamed-from": "settle", "type": ["object", "string"], "properties": {"ref": {"type": "string"}}}"#,
         (#""settle": {"ref": "R1"}"#, #""settle": "cash""#)),
        // The same, as an array's items.
        (#""notes": {"type": "array", "items": {"type": ["object", "integer"], "properties": {"text": {"type": "string"}}}}"#,
         #""remarks": {"x-renamed-from": "notes", "type": "array", "items": {"type": ["object", "integer"], "properties": {"text": {"type": "string"}}}}"#,
         (#""notes": [{"text": "T1"}]"#, #""notes": [3]"#)),
        // A renamed $defs union (Fee in v1, Charge in v2) of a type list: Fee.FeeObject pairs with Charge.ChargeObject.
        (##""fee": {"$ref": "#/$defs/Fee"}"##, ##""fee": {"$ref": "#/$defs/Charge"}"##,
         (#""fee": {"code": "F1"}"#, #""fee": 2.5"#)),
    ]

    /// The v1 and v2 contracts of `unionRows`, with `Sale` holding every row and `extra`: v1's `extra` is renamed
    /// `bonus` in v2, but its object alternative's `n` is an integer in v1 and a string in v2, so it really differs.
    static func unionContracts() -> (v1: String, v2: String) {
        let shared = #""Card": {"type": "object", "required": ["number"], "properties": {"number": {"type": "string"}}}, "#
            + #""Cash": {"type": "object", "required": ["amount"], "properties": {"amount": {"type": "integer"}}}, "#
        let fee = #"{"type": ["object", "number"], "properties": {"code": {"type": "string"}}}"#
        let v1 = #"{"x-contract": {"name": "un", "version": "1.0.0"}, "$defs": {"# + shared + #""Fee": "# + fee + ", "
            + #""Sale": {"type": "object", "properties": {"# + unionRows.map(\.v1).joined(separator: ", ")
            + #", "extra": {"type": ["object", "string"], "properties": {"n": {"type": "integer"}}}}}}}"#
        let v2 = #"{"x-contract": {"name": "un", "version": "2.0.0"}, "$defs": {"# + shared
            + #""Charge": {"x-renamed-from": "Fee", "# + fee.dropFirst() + ", "
            + #""Sale": {"type": "object", "properties": {"# + unionRows.map(\.v2).joined(separator: ", ")
            + #", "bonus": {"x-renamed-from": "extra", "type": ["object", "string"], "properties": {"n": {"type": "string"}}}}}}}"#
        return (v1, v2)
    }

    /// The adapters compiled and run: a v1 sale holding each row's first alternative, then one holding each row's
    /// second, go to v2 and back with every value carried and nothing lost; the union whose object alternative
    /// differs has no adapter, so its value is the caller's (`bonus` upwards, `extra` downwards) and the source's
    /// value is reported lost both ways.
    func testAUnionUnderARenamedPropertyIsCarriedThereAndBack() throws {
        let (v1, v2) = Self.unionContracts()
        let files = try XCTUnwrap(Self.fixture(v1, v2).generate().value("generate"))
        let adapters = try XCTUnwrap(files["UnAdapters.swift"])
        XCTAssertEqual(adapters.split(separator: "\n").filter { $0.hasPrefix("// No adapter") }, [
            "// No adapter for `UnV1.Sale.Extra` → `UnV2.Sale.Bonus`: an alternative, the discriminator property or `null` has no counterpart in UnV2.",
            "// No adapter for `UnV2.Sale.Bonus` → `UnV1.Sale.Extra`: an alternative, the discriminator property or `null` has no counterpart in UnV1.",
        ])
        let sales = [Self.unionRows.map(\.values.0), Self.unionRows.map(\.values.1)].map { "{" + $0.joined(separator: ", ") + #", "extra": {"n": 1}}"# }
        var main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            "func show(_ value: some Encodable) -> String { String(decoding: try! encoder.encode(value), as: UTF8.self) }",
        ]
        for sale in sales {
            main += [
                "do {",
                "    let old = try! JSONDecoder().decode(UnV1.Sale.self, from: Data(\(SwiftLiteral.string(sale)).utf8))",
                "    let up = UnV2.Sale.adapting(old, bonus: .string(\"b\"))",
                "    print(show(up.value), up.losses.map(\\.description))",
                "    let down = UnV1.Sale.adapting(up.value, extra: old.extra)",
                "    print(show(down.value) == show(old), down.losses.map(\\.description))",
                "}",
            ]
        }
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            #"{"bonus":"b","fee":{"code":"F1"},"means":{"number":"4111"},"remarks":[{"text":"T1"}],"settlement":{"ref":"R1"},"tender":{"card":"C1"}} ["/extra = {\"n\":1}"]"#,
            #"true ["/bonus = \"b\""]"#,
            #"{"bonus":"b","fee":2.5,"means":{"amount":7},"remarks":[3],"settlement":"cash","tender":{"cash":5}} ["/extra = {\"n\":1}"]"#,
            #"true ["/bonus = \"b\""]"#,
        ])
    }

    /// Rows: a rename in v2 that names nothing in v1, or names something that pairs otherwise → a warning at the
    /// keyword's value (the lowest major's renames have nothing to check against, and a rename that pairs is not
    /// reported); a type that pairs with nothing is listed in the adapters file.
    func testARenameTheAdaptersCannotUseIsAWarningAtTheKeyword() throws {
        let v1 = #"{"x-contract": {"name": "rn", "version": "1.0.0"}, "$defs": {"#
            + #""Slot": {"type": "object", "x-renamed-from": "Bay", "properties": {"code": {"type": "string"}}}, "#
            + #""Line": {"type": "object", "properties": {"binCode": {"type": "string"}, "shelf": {"type": "string"}, "#
            + #""dock": {"type": "object", "properties": {"door": {"type": "string"}}}}}}}"#
        let v2 = #"{"x-contract": {"name": "rn", "version": "2.0.0"}, "$defs": {"#
            + #""Ghost": {"type": "object", "x-renamed-from": "Nothing", "properties": {"n": {"type": "integer"}}}, "#
            + #""Place": {"type": "object", "x-renamed-from": "Slot", "properties": {"label": {"type": "string", "x-renamed-from": "name"}}}, "#
            + #""Crate": {"type": "object", "x-renamed-from": "Line", "properties": {"n": {"type": "integer"}}}, "#
            + #""Line": {"type": "object", "properties": {"binLocation": {"type": "string", "x-renamed-from": "binCode"}, "x": {"type": "string", "x-renamed-from": "nope"}, "#
            + #""shelf": {"type": "string"}, "shelfCode": {"type": "string", "x-renamed-from": "shelf"}, "#
            + #""bay": {"type": "object", "x-renamed-from": "dock", "properties": {"gate": {"type": "string", "x-renamed-from": "doorway"}}}}}}}"#
        let rows: [(value: String, code: String, pointer: String)] = [
            (#""Nothing""#, "adapters.rename-unmatched", "/$defs/Ghost/x-renamed-from"),                // a type
            (#""name""#, "adapters.rename-unmatched", "/$defs/Place/properties/label/x-renamed-from"),  // a property of a renamed type
            (#""nope""#, "adapters.rename-unmatched", "/$defs/Line/properties/x/x-renamed-from"),       // a property of a same-named type
            (#""Line""#, "adapters.rename-ignored", "/$defs/Crate/x-renamed-from"),            // v2 still declares Line
            (#""shelf""#, "adapters.rename-ignored", "/$defs/Line/properties/shelfCode/x-renamed-from"),  // v2 still declares shelf
            (#""doorway""#, "adapters.rename-unmatched", "/$defs/Line/properties/bay/properties/gate/x-renamed-from"),  // in an inline type under a renamed property
        ]
        let fixture = Self.fixture(v1, v2)
        let result = try GenerationPipeline(options: GenerationOptions(loader: fixture.options), fileSource: fixture.source)
            .run(files: fixture.inputs, workingDirectory: fixture.workingDirectory)
        let warnings = result.warnings.filter { $0.code?.hasPrefix("adapters.") == true }
        XCTAssertEqual(warnings.count, rows.count, warnings.map(\.description).joined(separator: "\n"))
        for row in rows {
            let keyword = #""x-renamed-from": "#
            let column = try XCTUnwrap(v2.range(of: keyword + row.value).map { v2.distance(from: v2.startIndex, to: $0.lowerBound) + keyword.count + 1 })
            let expected = ExpectedDiagnostic(code: row.code, at: "rn-v2.json:1:\(column)", pointer: row.pointer, severity: .warning)
            assertDiagnostic(expected, in: warnings, row.pointer)
        }
        XCTAssertTrue(warnings.allSatisfy { $0.message.hasPrefix("x-renamed-from names ") && $0.message.contains("rn v1") })
        let adapters = try XCTUnwrap(result.files.first { $0.name == "RnAdapters.swift" }?.contents)
        XCTAssertEqual(adapters.split(separator: "\n").filter { $0.hasPrefix("// MARK:") || $0.hasPrefix("// No adapter") }, [
            "// MARK: RnV1 → RnV2",
            "// No adapter for `RnV2.Ghost`: no type of this name or renamed from it in RnV1.",
            "// No adapter for `RnV2.Crate`: no type of this name or renamed from it in RnV1.",
            "// MARK: RnV2 → RnV1",
        ])
        // The renames that name something still pair; a property whose rename names nothing or is ignored is new (Place's
        // label, Line's shelfCode): absent upwards, lost downwards.
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(
            files: Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) }),
            main: [
                "let up = RnV2.Line.adapting(RnV1.Line(binCode: \"B\", shelf: \"S\"))",
                "let down = RnV1.Slot.adapting(RnV2.Place(label: \"L\"))",
                "print(up.value.binLocation ?? \"-\", up.value.shelf ?? \"-\", up.value.shelfCode ?? \"-\", up.losses.count, down.losses.map(\\.pointer))",
            ])
        else { return }
        XCTAssertEqual(run.output, "B S - 0 [\"/label\"]\n")
    }

    /// Rows: an `x-renamed-from` value on a type or a property → an error at the value, naming what it must be;
    /// a non-empty string loads, with its location kept.
    func testRenamedFromMustBeANonEmptyString() throws {
        let rows: [(value: String, onProperty: Bool)] = [
            ("42", false),
            (#""""#, false),
            (#"{"name": "Old"}"#, false),
            ("null", true),
            (#"["old"]"#, true),
            (#""""#, true),
        ]
        func contract(_ value: String, onProperty: Bool) -> String {
            onProperty
                ? #"{"$defs": {"T": {"type": "object", "properties": {"p": {"type": "string", "x-renamed-from": \#(value)}}}}}"#
                : #"{"$defs": {"T": {"type": "object", "properties": {"n": {"type": "integer"}}, "x-renamed-from": \#(value)}}}"#
        }
        for row in rows {
            let text = contract(row.value, onProperty: row.onProperty)
            let column = try XCTUnwrap(text.range(of: #""x-renamed-from": "#).map { text.distance(from: text.startIndex, to: $0.upperBound) + 1 })
            let pointer = row.onProperty ? "/$defs/T/properties/p/x-renamed-from" : "/$defs/T/x-renamed-from"
            guard case .failure(let error) = ContractFixture(text).load() else {
                XCTFail("\(row.value) loaded")
                continue
            }
            assertDiagnostic(ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:\(column)", pointer: pointer), in: error.diagnostics, row.value)
            XCTAssertTrue(error.diagnostics.contains { $0.message.contains("\"x-renamed-from\" must be a non-empty string") }, row.value)
        }
        for onProperty in [false, true] {
            let text = contract(#""Old""#, onProperty: onProperty)
            let module = try XCTUnwrap(ContractFixture(text).translate().value("valid"))
            let type = try XCTUnwrap(module.types.first { $0.name == "T" })
            guard case .object(let object) = type.kind else { return XCTFail("T is not a struct") }
            XCTAssertEqual(onProperty ? type.renamedFrom : object.properties.first?.renamedFrom, nil)
            let rename = try XCTUnwrap(onProperty ? object.properties.first?.renamedFrom : type.renamedFrom)
            let column = try XCTUnwrap(text.range(of: #""Old""#).map { text.distance(from: text.startIndex, to: $0.lowerBound) + 1 })
            XCTAssertEqual(rename.name, "Old")
            XCTAssertEqual(rename.location.description, "a.json:1:\(column)")
            XCTAssertEqual(rename.location.pointer.description, onProperty ? "/$defs/T/properties/p/x-renamed-from" : "/$defs/T/x-renamed-from")
        }
    }
}
