import CharterCore
import Foundation
import XCTest

/// Runs the required Mustache spec suites from `../shared/conformance/mustache`
/// (comments, delimiters, interpolation, inverted, partials, sections; not
/// `optional/`) with HTML escaping and missing names rendering empty, as the
/// spec demands.
final class MustacheSpecTests: XCTestCase {
    /// The required spec files; every one must be present.
    private static let requiredFiles = [
        "comments.json", "delimiters.json", "interpolation.json",
        "inverted.json", "partials.json", "sections.json",
    ]

    /// `<repo root>/../shared/conformance/mustache`, found from this file's path
    /// (the repo root is three levels above `Tests/CharterCoreTests/Templating`).
    private static var specDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Templating
            .deletingLastPathComponent()  // CharterCoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repo root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/conformance/mustache", isDirectory: true)
    }

    func testMustacheSpecConformance() throws {
        let directory = Self.specDirectory
        let present = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        XCTAssertEqual(present, Self.requiredFiles, "unexpected spec files in \(directory.path)")

        var declared = 0
        var run = 0
        var passed = 0
        for file in Self.requiredFiles {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], file)
            let tests = try XCTUnwrap(root["tests"] as? [[String: Any]], "\(file): no tests array")
            declared += tests.count
            for test in tests {
                run += 1
                let name = "\(file): \(test["name"] as? String ?? "?")"
                let template = try XCTUnwrap(test["template"] as? String, name)
                let expected = try XCTUnwrap(test["expected"] as? String, name)
                let partials = test["partials"] as? [String: String] ?? [:]
                let context = Self.mustacheValue(fromJSON: test["data"] ?? NSNull())
                // The test's template is added under a name no partial uses.
                let mainName = "\u{0}spec-main"
                var sources = partials
                sources[mainName] = template
                do {
                    let library = try MustacheLibrary(templates: sources)
                    let output = try library.render(mainName, context, escaping: .html, missingNames: .empty)
                    XCTAssertEqual(output, expected, "\(name) — template: \(template.debugDescription)")
                    if output == expected { passed += 1 }
                } catch {
                    XCTFail("\(name): unexpected error \(error)")
                }
            }
        }
        XCTAssertGreaterThan(run, 100, "the spec folder looks empty or truncated")
        XCTAssertEqual(run, declared)
        XCTAssertEqual(passed, declared)
        print("Mustache spec: \(passed)/\(declared) required tests passed")
    }

    /// Converts `JSONSerialization` output into a `MustacheValue`. Numbers become
    /// strings the way the spec prints them: integers without a fraction
    /// (`85`), other numbers as the shortest round-tripping decimal (`1.21`).
    /// The required suites never use a number as a section condition other
    /// than a non-zero one (`{{#five}}`), which is truthy as a non-empty string.
    static func mustacheValue(fromJSON json: Any) -> MustacheValue {
        switch json {
        case is NSNull:
            return .null
        case let text as String:
            return .string(text)
        case let number as NSNumber:
            let type = String(cString: number.objCType)
            if type == "c" { return .bool(number.boolValue) }
            let double = number.doubleValue
            if ["d", "f"].contains(type) {
                if double.rounded() == double, abs(double) < 1e15 { return .string(String(Int64(double))) }
                return .string("\(double)")
            }
            return .string(number.stringValue)
        case let list as [Any]:
            return .list(list.map(mustacheValue(fromJSON:)))
        case let object as [String: Any]:
            return .object(MustacheObject(object.mapValues(mustacheValue(fromJSON:))))
        default:
            return .string("\(json)")
        }
    }
}
