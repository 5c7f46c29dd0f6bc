import CharterCore
import Foundation
import XCTest

/// The same library and data always render the same bytes, sequentially and concurrently.
final class MustacheDeterminismTests: XCTestCase {
    private static func model(_ count: Int) -> MustacheValue {
        let types: [MustacheValue] = (0..<count).map { index in
            let fields: [MustacheValue] = (0..<8).map { ["name": .string("field\($0)"), "type": $0 % 2 == 0 ? "String" : "Int?"] }
            let extra = MustacheObject(pairs: (0..<20).map { ("k\($0)", MustacheValue.string("v\($0)")) })
            return [
                "name": .string("Type\(index)"),
                "deprecated": .bool(index % 3 == 0),
                "fields": .list(fields),
                "extra": .object(extra),
            ]
        }
        return .object(["name": "Inventory", "types": .list(types)])
    }

    private static let templates = [
        "file": "// {{name}}\n{{#types}}\n{{> type}}\n{{/types}}",
        "type": "{{#deprecated}}\n@available(*, deprecated)\n{{/deprecated}}\npublic struct {{name}} {\n    {{> fields}}\n}\n",
        "fields": "{{#fields}}\npublic var {{name}}: {{type}}\n{{/fields}}",
    ]

    func testRepeatedRendersAreIdentical() throws {
        let library = try MustacheLibrary(templates: Self.templates)
        let context = Self.model(50)
        let first = try library.render("file", context, missingNames: .error)
        XCTAssertTrue(first.hasPrefix("// Inventory\n@available(*, deprecated)\npublic struct Type0 {\n    public var field0: String\n    public var field1: Int?\n"))
        for _ in 0..<20 {
            XCTAssertEqual(try library.render("file", context, missingNames: .error), first)
        }
        // A library rebuilt from the same sources (dictionary order may differ) renders the same.
        let rebuilt = try MustacheLibrary(templates: Dictionary(uniqueKeysWithValues: Self.templates.reversed().map { ($0.key, $0.value) }))
        XCTAssertEqual(try rebuilt.render("file", Self.model(50), missingNames: .error), first)
        XCTAssertEqual(rebuilt.templateNames, ["fields", "file", "type"])
    }

    func testConcurrentRendersAreIdentical() async throws {
        let library = try MustacheLibrary(templates: Self.templates)
        let context = Self.model(30)
        let expected = try library.render("file", context)
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { try library.render("file", context) }
            }
            var results: [String] = []
            for try await output in group { results.append(output) }
            return results
        }
        XCTAssertEqual(outputs.count, 8)
        XCTAssertTrue(outputs.allSatisfy { $0 == expected })
    }
}
