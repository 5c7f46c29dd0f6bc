import CharterTestSupport
import Foundation
import XCTest
@testable import CharterCore

/// The generated code for a contract that uses every construct is compiled (one `swiftc` invocation)
/// against the `CharterRuntime` module and run: JSON must survive decode → encode unchanged,
/// unknown enum values and union tags included, and validation must report each broken constraint at
/// the JSON pointer of the instance.
final class GeneratedSwiftRuntimeTests: XCTestCase {
    static let contract = ##"""
        {
          "x-contract": {"name": "inventory", "version": "2.1.0"},
          "$defs": {
            "Stock": {"type": "object", "required": ["sku", "note", "kind"], "properties": {
              "sku": {"type": "string", "maxLength": 40, "pattern": "^[A-Z0-9-]+$"},
              "on_hand": {"type": "integer", "format": "int32", "minimum": 0},
              "price": {"type": "string", "format": "decimal", "default": "19.99"},
              "amount": {"type": "number", "format": "decimal"},
              "at": {"type": "string", "format": "date-time"},
              "day": {"type": "string", "format": "date"},
              "id": {"type": "string", "format": "uuid"},
              "note": {"type": ["string", "null"]},
              "nick": {"type": ["string", "null"]},
              "default": {"type": "string"},
              "self": {"type": "string"},
              "old": {"type": "string", "deprecated": true},
              "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1},
              "where": {"type": "object", "properties": {"x": {"type": "integer", "maximum": 10}}},
              "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"$ref": "#/$defs/Sku"}}}},
              "channel": {"$ref": "#/$defs/Channel"},
              "fulfilment": {"$ref": "#/$defs/Fulfilment"},
              "method": {"$ref": "#/$defs/Method"},
              "kind": {"const": "stock"},
              "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
              "anything": {},
              "mixed": {"type": ["string", "integer"]},
              "state": {"$ref": "#/$defs/State"},
              "tree": {"$ref": "#/$defs/Expr"}
            }, "additionalProperties": {"type": "string"}},
            "Sku": {"type": "string"},
            "Channel": {"type": "string", "enum": ["BOPIS", "SHIP_TO_HOME", "2-day", "unrecognized", "default"]},
            "State": {"type": "string", "enum": ["open", "closed"], "x-transitions": {"open": ["closed"], "closed": []}},
            "Home": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "home"}, "address": {"type": "string"}}},
            "Store": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "store"}}},
            "Fulfilment": {"oneOf": [{"$ref": "#/$defs/Home"}, {"$ref": "#/$defs/Store"}]},
            "Pickup": {"type": "object", "properties": {"at": {"type": "string"}}},
            "Courier": {"type": "object", "properties": {"by": {"type": "string"}}},
            "Method": {"oneOf": [{"$ref": "#/$defs/Pickup"}, {"$ref": "#/$defs/Courier"}], "discriminator": {"propertyName": "method"}},
            "Node": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "next": {"$ref": "#/$defs/Node"}}},
            "Expr": {"oneOf": [{"type": "integer"}, {"type": "array", "items": {"$ref": "#/$defs/Expr"}}, {"$ref": "#/$defs/Node"}]},
            "Date": {"type": "object", "properties": {"d": {"type": "string"}}},
            "Legacy": {"type": "object", "deprecated": true, "properties": {"a": {"type": "string"}}},
            "Bin": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}, "slots": {"type": "array", "items": {"type": "integer"}}, "label": {"type": "string"}}},
            "Derived": {"allOf": [{"$ref": "#/$defs/Home"}, {"type": "object", "properties": {"extra": {"type": "boolean"}}}]},
            "When": {"type": "string", "format": "date-time"},
            "Key": {"type": "string", "format": "uuid"},
            "Stamped": {"type": "object", "required": ["w"], "properties": {"w": {"$ref": "#/$defs/When"}, "ws": {"type": "array", "items": {"$ref": "#/$defs/When"}}, "key": {"$ref": "#/$defs/Key"}}}
          }
        }
        """##

    /// Rows: a generated type and JSON for it → the JSON must come back equal after decode → encode.
    static let roundTrips: [(type: String, json: String)] = [
        ("Stock", ##"{"sku":"A-1","note":null,"on_hand":3,"price":"19.99","amount":0.1,"at":"2024-02-29T10:00:00.123Z","day":"2024-02-29","id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","nick":null,"default":"d","self":"s","old":"o","tags":["x"],"where":{"x":1},"lines":[{"sku":"B"}],"channel":"NEW_CHANNEL","fulfilment":{"kind":"home","address":"x"},"method":{"method":"Courier","by":"bike"},"kind":"stock","counts":{"a":1},"anything":[1,{"b":null}],"mixed":5,"state":"open","tree":[1,[2,{"id":3,"next":{"id":4}}]],"extra":"kept"}"##),
        ("Stock", ##"{"sku":"A","note":"n","kind":"stock"}"##),
        ("Stock", ##"{"sku":"A","note":"n","kind":"stock","nick":"x","channel":"2-day","mixed":"text"}"##),
        // Optional properties that may be `null`: nullable (`nick`) and free-form JSON (`anything`).
        ("Stock", ##"{"sku":"A","note":"n","kind":"stock","nick":null,"anything":null}"##),
        ("Fulfilment", ##"{"kind":"locker","id":1}"##),
        ("Fulfilment", ##"{"kind":"store"}"##),
        ("Method", ##"{"method":"Pickup","at":"door"}"##),
        ("Channel", ##""unrecognized""##),
        ("Channel", ##""SHIP_TO_HOME""##),
        ("Expr", ##"[[[]],{"id":1}]"##),
        ("Derived", ##"{"kind":"home","extra":true}"##),
        ("DateModel", ##"{"d":"x"}"##),
        // Structs with nothing but plain properties (optional, required, arrays).
        ("Bin", ##"{"code":"A","slots":[1,2]}"##),
        ("Bin", ##"{"code":"A","label":"top"}"##),
        ("Pickup", ##"{}"##),
        // Aliases of date-times and UUIDs travel as the contract says, like the types they stand for.
        ("Stamped", ##"{"w":"2024-02-29T10:00:00.5Z","ws":["2024-01-01T00:00:00Z"],"key":"6ba7b810-9dad-11d1-80b4-00c04fd430c8"}"##),
    ]

    /// Rows: a generated type and JSON it must refuse to decode (missing required key, wrong types).
    static let rejected: [(type: String, json: String)] = [
        ("Bin", ##"{"slots":[1]}"##),
        ("Bin", ##"{"code":5}"##),
        ("Bin", ##"{"code":"A","slots":["x"]}"##),
        ("Stock", ##"{"sku":"A","kind":"stock"}"##),
        // `null` for an optional property that is not nullable is not a value of its type (and not absent).
        ("Bin", ##"{"code":"A","label":null}"##),
        ("Bin", ##"{"code":"A","slots":null}"##),
        ("Stock", ##"{"sku":"A","note":"n","kind":"stock","on_hand":null}"##),
        ("Stock", ##"{"sku":"A","note":"n","kind":"stock","at":null}"##),
        ("Stock", ##"{"sku":"A","note":"n","kind":"stock","where":null}"##),
        ("Stock", ##"{"sku":"A","note":"n","kind":"stock","channel":null}"##),
        ("Stock", ##"{"sku":"A","note":"n","kind":"stock","fulfilment":null}"##),
        ("Stock", ##"{"sku":"A","note":"n","kind":"stock","mixed":null}"##),
    ]

    /// Rows: a generated type, two JSON values of it → whether they are `==` (equal values must also hash
    /// the same). Every kind of stored member: plain, optional, nullable, private storage of a deprecated
    /// or boxed (recursive) property, and the map of undeclared properties.
    static let equalities: [(type: String, a: String, b: String, equal: Bool)] = [
        ("Bin", ##"{"code":"A","slots":[1,2]}"##, ##"{"slots":[1,2],"code":"A"}"##, true),
        ("Bin", ##"{"code":"A"}"##, ##"{"code":"B"}"##, false),
        ("Bin", ##"{"code":"A","slots":[1,2]}"##, ##"{"code":"A","slots":[2,1]}"##, false),
        ("Bin", ##"{"code":"A"}"##, ##"{"code":"A","label":"top"}"##, false),
        ("Stock", ##"{"sku":"A","note":null,"kind":"stock"}"##, ##"{"sku":"A","note":null,"kind":"stock"}"##, true),
        ("Stock", ##"{"sku":"A","note":null,"kind":"stock"}"##, ##"{"sku":"A","note":"n","kind":"stock"}"##, false),
        ("Stock", ##"{"sku":"A","note":null,"kind":"stock"}"##, ##"{"sku":"A","note":null,"kind":"stock","nick":null}"##, false),
        ("Stock", ##"{"sku":"A","note":null,"kind":"stock","old":"a"}"##, ##"{"sku":"A","note":null,"kind":"stock","old":"b"}"##, false),
        ("Stock", ##"{"sku":"A","note":null,"kind":"stock","zz":"1"}"##, ##"{"sku":"A","note":null,"kind":"stock","zz":"2"}"##, false),
        ("Stock", ##"{"sku":"A","note":null,"kind":"stock","amount":1.50}"##, ##"{"sku":"A","note":null,"kind":"stock","amount":1.5}"##, true),
        ("Node", ##"{"id":1,"next":{"id":2,"next":{"id":3}}}"##, ##"{"id":1,"next":{"id":2,"next":{"id":3}}}"##, true),
        ("Node", ##"{"id":1,"next":{"id":2,"next":{"id":3}}}"##, ##"{"id":1,"next":{"id":2,"next":{"id":4}}}"##, false),
        ("Pickup", ##"{}"##, ##"{}"##, true),
    ]

    /// A value breaking constraints → the issues, as `pointer keyword`, sorted.
    static let invalid = ##"{"sku":"bad sku","note":null,"kind":"stock","on_hand":-1,"tags":[],"where":{"x":11}}"##
    static let expectedIssues = ["/on_hand minimum", "/sku pattern", "/tags minItems", "/where/x maximum"]

    /// Lines of a test program: a thread-safe `Log` of lines (providers and transports record what they saw in it).
    static let logClass = [
        "final class Log: @unchecked Sendable {",
        "    let lock = NSLock(); var lines: [String] = []",
        "    func add(_ line: String) { lock.withLock { lines.append(line) } }",
        "}",
    ]

    /// Compiles one generated file with `main` and runs it (``compileAndRun(files:main:)``).
    static func compileAndRun(generated: String, fileName: String, main: [String]) throws -> (status: Int32, output: String)? {
        try compileAndRun(files: [fileName: generated], main: main)
    }

    /// Compiles generated files (name → text) and `main` into one program linked with CharterRuntime (built once
    /// per test process, `SwiftCompiler.runtime`; `main` may `@testable import` it), fails the test on errors or on
    /// warnings in a generated file, and runs the program.
    static func compileAndRun(files: [String: String], main: [String]) throws -> (status: Int32, output: String)? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charter-program-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            paths.append(directory.appendingPathComponent(name).path)
        }
        let program = directory.appendingPathComponent("main.swift")
        try (["@testable import CharterRuntime"] + main).joined(separator: "\n").appending("\n").write(to: program, atomically: true, encoding: .utf8)

        let executable = directory.appendingPathComponent("check")
        let compile = try SwiftCompiler.buildExecutable([program.path] + paths, output: executable, moduleName: "Check", warningsAsErrors: false)
        let output = compile.stdout + compile.stderr
        guard compile.status == 0 else {
            XCTFail("generated code does not compile:\n\(output.prefix(4000))")
            return nil
        }
        let warnings = output.split(separator: "\n").filter { line in line.contains("warning:") && files.keys.contains { line.contains($0) } }
        XCTAssertEqual(warnings, [], "generated code compiles with warnings")
        let run = try ProcessRunner.run(executable.path, [])
        return (run.status, run.stdout + run.stderr)
    }

    func testGeneratedCodeCompilesAndRoundTrips() throws {
        try checkCompiledRoundTrips(filesPerContract: 1)
    }

    /// The same program over the contract's code split into four files (types in one part use types
    /// in others; only part 1 declares the namespace): it compiles and behaves the same.
    func testCodeSplitIntoFilesCompilesAndRoundTrips() throws {
        try checkCompiledRoundTrips(filesPerContract: 4)
    }

    func checkCompiledRoundTrips(filesPerContract: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate(swift: SwiftOptions(filesPerContract: filesPerContract)).value("generate"))
        let expectedNames = ["InventoryV2.swift"] + (1..<filesPerContract).map { "InventoryV2+Part\($0 + 1).swift" }
        XCTAssertEqual(files.keys.sorted(), expectedNames.sorted(), file: file, line: line)
        var main = ["import Foundation", "let encoder = JSONEncoder()", "encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
                    "func roundTrip<T: Codable>(_ type: T.Type, _ json: String) {",
                    "    do { print(\"ok:\" + String(decoding: try encoder.encode(try JSONDecoder().decode(T.self, from: Data(json.utf8))), as: UTF8.self)) }",
                    "    catch { print(\"error:\\(error)\") }",
                    "}"]
        for row in Self.roundTrips {
            main.append("roundTrip(InventoryV2.\(row.type).self, \(SwiftLiteral.string(row.json)))")
        }
        main.append("func reject<T: Codable>(_ type: T.Type, _ json: String) { print((try? JSONDecoder().decode(T.self, from: Data(json.utf8))) == nil ? \"rejected\" : \"accepted\") }")
        for row in Self.rejected {
            main.append("reject(InventoryV2.\(row.type).self, \(SwiftLiteral.string(row.json)))")
        }
        main.append("func same<T: Codable & Hashable>(_ type: T.Type, _ a: String, _ b: String) { let x = try! JSONDecoder().decode(T.self, from: Data(a.utf8)), y = try! JSONDecoder().decode(T.self, from: Data(b.utf8)); print(\"equal:\\(x == y) hashes:\\(x.hashValue == y.hashValue ? \"same\" : \"different\")\") }")
        for row in Self.equalities {
            main.append("same(InventoryV2.\(row.type).self, \(SwiftLiteral.string(row.a)), \(SwiftLiteral.string(row.b)))")
        }
        main.append("let invalid = try! JSONDecoder().decode(InventoryV2.Stock.self, from: Data(\(SwiftLiteral.string(Self.invalid)).utf8))")
        main.append("print(\"issues:\" + invalid.validationIssues.map { $0.path + \" \" + $0.keyword }.sorted().joined(separator: \"|\"))")
        main.append("print(\"transition:\", InventoryV2.State.open.canTransition(to: .closed), InventoryV2.State.closed.canTransition(to: .open))")
        guard let run = try Self.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, Self.roundTrips.count + Self.rejected.count + Self.equalities.count + 2, run.output)
        for (row, line) in zip(Self.roundTrips, lines) {
            guard line.hasPrefix("ok:") else {
                XCTFail("\(row.type) \(row.json): \(line)")
                continue
            }
            let original = try JSONReader.parse(row.json)
            let encoded = try JSONReader.parse(String(line.dropFirst(3)))
            XCTAssertEqual(encoded, original, "\(row.type) \(row.json) came back as \(line.dropFirst(3))")
        }
        for (row, line) in zip(Self.rejected, lines.dropFirst(Self.roundTrips.count)) {
            XCTAssertEqual(line, "rejected", "\(row.type) \(row.json)")
        }
        for (row, line) in zip(Self.equalities, lines.dropFirst(Self.roundTrips.count + Self.rejected.count)) {
            if row.equal {
                XCTAssertEqual(line, "equal:true hashes:same", "\(row.type) \(row.a) vs \(row.b)")
            } else {
                XCTAssertTrue(line.hasPrefix("equal:false"), "\(row.type) \(row.a) vs \(row.b): \(line)")
            }
        }
        XCTAssertEqual(lines.dropFirst(Self.roundTrips.count + Self.rejected.count + Self.equalities.count).first,
                       "issues:" + Self.expectedIssues.joined(separator: "|"))
        XCTAssertEqual(lines.last, "transition: true false")
    }
}
