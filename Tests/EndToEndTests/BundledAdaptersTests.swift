import CharterCore
import Foundation
import XCTest

/// The version adapters of the bundled contracts, run on every example of every type that adapts without
/// the caller's help: each loss must name a pointer that exists in the source's JSON and carry exactly the
/// value found there, and a value that lost nothing on the way up must come back equal on the way down.
final class BundledAdaptersTests: XCTestCase {
    struct Case {
        var label: String
        var source: String
        var target: String
        var example: String
        /// Whether the opposite adapter needs nothing from the caller either (then the value must round-trip).
        var returns: Bool
    }

    func testBundledExamplesAdaptWithEveryLossAccountedForAndRoundTrip() throws {
        let files = try InputCollector.collect([Repository.path("Schemas")], workingDirectory: Repository.root.path)
        let result = try GenerationPipeline().run(files: files, workingDirectory: Repository.root.path)
        let module = result.module
        let names = SwiftGenerator(templates: try TemplateSet.load()).qualifiedTypeNames(module)
        let sets = VersionAdapterPlanner(module).plan()
        XCTAssertEqual(Set(sets.map(\.contractName)), ["inventory", "orders"])
        var cases: [Case] = []
        for set in sets {
            for direction in set.directions {
                let opposite = set.directions.first { $0.source == direction.target && $0.target == direction.source }
                let returning = Set((opposite?.types ?? []).filter { !$0.needsCaller }.map { "\($0.target.rawValue)>\($0.source.rawValue)" })
                for adapter in direction.types where !adapter.needsCaller {
                    for (number, example) in module[adapter.source].examples.enumerated() {
                        cases.append(Case(
                            label: "\(names[adapter.source.rawValue])[\(number)] → \(names[adapter.target.rawValue])",
                            source: names[adapter.source.rawValue], target: names[adapter.target.rawValue],
                            example: JSONWriter.write(example),
                            returns: returning.contains("\(adapter.source.rawValue)>\(adapter.target.rawValue)")))
                    }
                }
            }
        }
        XCTAssertGreaterThan(cases.count, 10, "the bundled contracts have examples of types that adapt on their own")
        let program = Self.program(cases)
        let output: String
        switch try RoundTripHarness.buildAndRun(result.files, main: program) {
        case .success(let text): output = text
        case .failure(let failure): return XCTFail(failure.message)
        }
        let lines = output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, cases.count, output)
        let failures = lines.filter { !$0.hasPrefix("OK\t") }
        XCTAssertEqual(failures, [])
        let roundTrips = lines.filter { $0.hasSuffix("\tback") }.count
        let lossy = lines.filter { !$0.contains("\t0 lost") }.count
        print("bundled adapters: \(cases.count) examples adapted, \(roundTrips) came back equal, \(lossy) lost data (each loss checked)")
        XCTAssertGreaterThan(roundTrips, 5, "values that lost nothing came back")
        XCTAssertGreaterThan(lossy, 0, "some examples lose data between the bundled majors, and each loss was checked")
    }

    /// The harness: decode the example, adapt it, check every loss against the source's JSON at its pointer,
    /// and adapt back when nothing was lost and the way back needs no caller.
    static func program(_ cases: [Case]) -> String {
        var lines = [
            "import Foundation",
            "import CharterRuntime",
            "",
            "let decoder = JSONDecoder()",
            "let encoder = JSONEncoder()",
            "",
            "func at(_ pointer: String, in value: JSONValue) -> JSONValue? {",
            "    var current: JSONValue? = value",
            "    for token in pointer.split(separator: \"/\", omittingEmptySubsequences: false).dropFirst() {",
            "        let key = token.replacingOccurrences(of: \"~1\", with: \"/\").replacingOccurrences(of: \"~0\", with: \"~\")",
            "        if case .array = current, let index = Int(key) { current = current?[index] } else { current = current?[key] }",
            "    }",
            "    return current",
            "}",
            "",
            "func check<S: Codable & Equatable, T>(_ label: String, _ json: String, up: (S) -> VersionAdapted<T>, down: ((T) -> VersionAdapted<S>)?) {",
            "    do {",
            "        let source = try decoder.decode(S.self, from: Data(json.utf8))",
            "        let wire = try decoder.decode(JSONValue.self, from: try encoder.encode(source))",
            "        let adapted = up(source)",
            "        for loss in adapted.losses {",
            "            guard let found = at(loss.pointer, in: wire), found == loss.value else {",
            "                print(\"FAIL\\t\\(label)\\tloss \\(loss) is not what the source holds there\")",
            "                return",
            "            }",
            "        }",
            "        var outcome = \"\\(adapted.losses.count) lost\"",
            "        if adapted.losses.isEmpty, let down {",
            "            let back = down(adapted.value)",
            "            guard back.losses.isEmpty, back.value == source else {",
            "                print(\"FAIL\\t\\(label)\\tdid not come back: \\(back.losses)\")",
            "                return",
            "            }",
            "            outcome += \"\\tback\"",
            "        }",
            "        print(\"OK\\t\\(label)\\t\\(outcome)\")",
            "    } catch {",
            "        print(\"FAIL\\t\\(label)\\t\\(error)\".replacingOccurrences(of: \"\\n\", with: \" \"))",
            "    }",
            "}",
            "",
        ]
        for item in cases {
            let down = item.returns ? "{ \(item.source).adapting($0) }" : "nil"
            lines.append(
                "check(\(SwiftLiteral.string(item.label)), \(SwiftLiteral.string(item.example)), "
                    + "up: { (value: \(item.source)) in \(item.target).adapting(value) }, down: \(down))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
