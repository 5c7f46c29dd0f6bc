import CharterCore
import Foundation
import XCTest

/// Generate → compile with swiftc → run: every `examples` value of every type decodes, re-encodes to the
/// same JSON (semantically: same keys, exact numbers, unknown enum values and union alternatives kept),
/// and passes the generated `validate()`.
final class GeneratedCodeRoundTripTests: XCTestCase {
    func generate(_ inputs: [String]) throws -> GenerationResult {
        let files = try InputCollector.collect(inputs.map(Repository.path), workingDirectory: Repository.root.path)
        return try GenerationPipeline().run(files: files, workingDirectory: Repository.root.path)
    }

    func testMappingFixtureRoundTripsEveryExample() throws {
        let result = try generate(["Tests/Fixtures/mapping"])
        let outcome = try RoundTripHarness(result: result).run(requireValid: true)
        XCTAssertGreaterThan(outcome.cases, 40, "the fixture should exercise many examples")
        XCTAssertEqual(outcome.failures, [], outcome.failures.joined(separator: "\n"))
        print("mapping fixture: \(outcome.cases) examples round-tripped")
    }
}

/// The harness itself must catch a type that loses data, or a passing round trip would mean nothing.
final class RoundTripHarnessSelfTests: XCTestCase {
    func testHarnessReportsDroppedPropertiesAndDecodingFailures() throws {
        let contract = """
            {
              "$defs": {
                "Closed": {
                  "type": "object",
                  "properties": { "kept": { "type": "string" } },
                  "examples": [ { "kept": "k", "dropped": 1 } ]
                },
                "Strict": {
                  "type": "object",
                  "required": ["n"],
                  "properties": { "n": { "type": "integer" } },
                  "examples": [ { "n": "not a number" } ]
                }
              }
            }
            """
        let source = MemoryFileSource(["/fixture/harness.json": contract])
        let result = try GenerationPipeline(fileSource: source).run(files: ["/fixture/harness.json"], workingDirectory: "/fixture")
        let outcome = try RoundTripHarness(result: result).run(requireValid: true)
        XCTAssertEqual(outcome.cases, 2)
        XCTAssertEqual(outcome.failures.count, 2, outcome.failures.joined(separator: "\n"))
        XCTAssertTrue(outcome.failures.contains { $0.contains("Closed") && $0.contains("keys differ") && $0.contains("dropped") }, outcome.failures.joined(separator: "\n"))
        XCTAssertTrue(outcome.failures.contains { $0.contains("Strict") && $0.contains("decoding failed") }, outcome.failures.joined(separator: "\n"))
    }
}

/// The bundled retail contracts: every example of every type round-trips through the generated Swift.
final class BundledContractsRoundTripTests: XCTestCase {
    func testBundledContractsRoundTripEveryExample() throws {
        let files = try InputCollector.collect([Repository.path("Schemas")], workingDirectory: Repository.root.path)
        let result = try GenerationPipeline().run(files: files, workingDirectory: Repository.root.path)
        XCTAssertGreaterThanOrEqual(result.files.count, 7, "common, inventory v1/v2, orders v1/v2, pricing, returns")
        let outcome = try RoundTripHarness(result: result).run(requireValid: true)
        XCTAssertGreaterThan(outcome.cases, 100)
        XCTAssertEqual(outcome.failures, [], outcome.failures.joined(separator: "\n"))
        print("bundled contracts: \(outcome.cases) examples round-tripped")
    }
}
