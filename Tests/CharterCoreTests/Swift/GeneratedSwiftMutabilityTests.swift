import XCTest
@testable import CharterCore

/// Struct properties are `let` by default and `var` with `mutableProperties`: snippet rows for both
/// shapes, and the mutable shape compiled and run (every kind of stored member set, then encoded).
final class GeneratedSwiftMutabilityTests: XCTestCase {
    /// A plain, an optional, a deprecated (private storage), a recursive (boxed storage) and a nullable
    /// property, a nested object, and undeclared properties kept in a map.
    static let contract = ##"""
        {
          "x-contract": {"name": "stock", "version": "1.0.0"},
          "$defs": {
            "Node": {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "integer"},
              "label": {"type": "string"},
              "old": {"type": "string", "deprecated": true},
              "next": {"$ref": "#/$defs/Node"},
              "nick": {"type": ["string", "null"]},
              "where": {"type": "object", "properties": {"x": {"type": "integer"}}}
            }, "additionalProperties": {"type": "integer"}}
          }
        }
        """##

    /// Rows: mutableProperties → lines the generated file must contain, and lines it must not start with
    /// (compared with leading indentation removed).
    func testPropertyDeclarations() throws {
        let rows: [(mutable: Bool, lines: [String], absent: [String])] = [
            (false,
             ["public let id: Int", "public let label: String?", "public let nick: Nullable<String>?",
              "public var old: String? { _old }", "let _old: String?",
              "public var next: Node? { _next.value }", "private let _next: Indirect<Node?>",
              "public let additionalProperties: [String: Int]", "public let x: Int?"],
             ["public var id", "public var label", "private var", "set {"]),
            (true,
             ["public var id: Int", "public var label: String?", "public var nick: Nullable<String>?",
              "public var old: String? {", "get { _old }", "set { _old = newValue }", "var _old: String?",
              "public var next: Node? {", "get { _next.value }", "set { _next = Indirect(newValue) }", "private var _next: Indirect<Node?>",
              "public var additionalProperties: [String: Int]", "public var x: Int?"],
             ["public let", "private let"]),
        ]
        for row in rows {
            let files = try XCTUnwrap(ContractFixture(Self.contract).generate(swift: SwiftOptions(mutableProperties: row.mutable)).value("\(row.mutable)"))
            let text = try XCTUnwrap(files["StockV1.swift"], "files: \(files.keys)")
            let lines = GeneratedSwiftSnippetTests.trimmedLines(text)
            for expected in row.lines {
                XCTAssertTrue(lines.contains(expected), "mutable \(row.mutable): missing \(expected)")
            }
            for forbidden in row.absent {
                XCTAssertFalse(lines.contains { $0.hasPrefix(forbidden) }, "mutable \(row.mutable): a line starts with \(forbidden)")
            }
        }
    }

    /// With `mutableProperties`, every kind of stored member can be set, and the change is what is
    /// encoded, compared and hashed.
    func testMutablePropertiesCompileAndSet() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate(swift: SwiftOptions(mutableProperties: true)).value("generate"))
        let generated = try XCTUnwrap(files["StockV1.swift"])
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            ##"var node = try! JSONDecoder().decode(StockV1.Node.self, from: Data(#"{"id":1,"label":"a","old":"o","next":{"id":2},"nick":null,"where":{"x":1},"z":9}"#.utf8))"##,
            "let original = node",
            "node.id = 5",
            "node.label = nil",
            "node.old = \"p\"",
            "node.next?.id = 3",
            "node.next?.next = StockV1.Node(id: 4)",
            "node.nick = .value(\"n\")",
            "node.where?.x = 2",
            "node.additionalProperties[\"z\"] = 10",
            "print(String(decoding: try! encoder.encode(node), as: UTF8.self))",
            "print(node == original, node.hashValue == original.hashValue)",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(generated: generated, fileName: "StockV1.swift", main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, run.output)
        let encoded = try JSONReader.parse(lines.first ?? "")
        let expected = try JSONReader.parse(#"{"id":5,"old":"p","next":{"id":3,"next":{"id":4}},"nick":"n","where":{"x":2},"z":10}"#)
        XCTAssertEqual(encoded, expected, lines.first ?? "")
        XCTAssertEqual(lines.last, "false false")
    }
}
