import CharterCore
import Foundation
import XCTest

/// Every event of the bundled contracts, through the generated definitions: each example of its payload is
/// wrapped in an envelope whose partition key this test derives itself (docs/contract-format.md: the values
/// at the ordering-key pointers, strings verbatim, integers in decimal; several escaped and joined with `|`). The compiled program
/// must decode the envelope, find no validation issue (so the generated `partitionKey(of:)` agrees), and
/// encode it back to the same JSON; the same envelope under another event's `type` must not decode.
final class BundledEventsTests: XCTestCase {
    struct Case {
        var label: String
        var definition: String
        var envelope: String
    }

    func testEveryEventOfTheBundledContractsRoundTripsInItsEnvelope() throws {
        let files = try InputCollector.collect([Repository.path("Schemas")], workingDirectory: Repository.root.path)
        let result = try GenerationPipeline().run(files: files, workingDirectory: Repository.root.path)
        let module = result.module
        let definitions = SwiftGenerator(templates: try TemplateSet.load()).qualifiedEventNames(module)
        var cases: [Case] = []
        var eventsWithoutExamples: [String] = []
        for (index, namespace) in module.namespaces.enumerated() where namespace.isInput {
            let version = try XCTUnwrap(namespace.contract?.version.description)
            for (event, definition) in zip(namespace.events, definitions[index]) {
                guard case .named(let id) = event.payload, !module[id].examples.isEmpty else {
                    eventsWithoutExamples.append(definition)
                    continue
                }
                for (number, example) in module[id].examples.enumerated() {
                    let key = Self.partitionKey(try event.contract.orderingKey.map { pointer in
                        try XCTUnwrap(Self.keyText(at: pointer, in: example), "\(definition): \(pointer) does not reach a string or integer")
                    })
                    let members: [(String, JSONNode)] = [
                        ("id", JSONNode(.string("0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10"))),
                        ("type", JSONNode(.string(event.name))),
                        ("source", JSONNode(.string("urn:retail:system:charter-tests"))),
                        ("time", JSONNode(.string("2026-11-27T14:03:11.482Z"))),
                        ("partitionKey", JSONNode(.string(key))),
                        ("dataVersion", JSONNode(.string(version))),
                        ("data", example),
                    ]
                    let envelope = JSONNode(.object(JSONObject(members: members.map { JSONMember(key: $0.0, value: $0.1) })))
                    cases.append(Case(label: "\(definition)[\(number)]", definition: definition, envelope: JSONWriter.write(envelope)))
                }
            }
        }
        XCTAssertEqual(eventsWithoutExamples, [], "every bundled event has payload examples to test with")
        XCTAssertGreaterThanOrEqual(Set(cases.map(\.definition)).count, 17)

        var main = [
            "import Foundation",
            "import CharterRuntime",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
            "func check<D: EventDefinition>(_ definition: D.Type, _ json: String) {",
            "    do {",
            "        let envelope = try JSONDecoder().decode(EventEnvelope<D>.self, from: Data(json.utf8))",
            "        let issues = envelope.validationIssues.map { $0.path + \" \" + $0.message }.joined(separator: \"; \")",
            "        let other = json.replacingOccurrences(of: \"\\\"type\\\":\\\"\\(D.eventType)\\\"\", with: \"\\\"type\\\":\\\"\\(D.eventType)Other\\\"\")",
            "        let refused = (try? JSONDecoder().decode(EventEnvelope<D>.self, from: Data(other.utf8))) == nil",
            "        print(\"OK\\t\\(issues)\\t\\(refused)\\t\" + String(decoding: try encoder.encode(envelope), as: UTF8.self))",
            "    } catch {",
            "        print(\"FAIL\\t\\(String(describing: error).replacingOccurrences(of: \"\\n\", with: \" \"))\")",
            "    }",
            "}",
        ]
        for item in cases {
            main.append("check(\(item.definition).self, \(SwiftLiteral.string(item.envelope)))")
        }
        let output: String
        switch try RoundTripHarness.buildAndRun(result.files, main: main.joined(separator: "\n") + "\n") {
        case .success(let text): output = text
        case .failure(let failure): return XCTFail(failure.message)
        }
        let lines = output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, cases.count, output)
        for (item, line) in zip(cases, lines) {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, fields[0] == "OK" else {
                XCTFail("\(item.label): \(line)")
                continue
            }
            XCTAssertEqual(fields[1], "", "\(item.label): validation issues")
            XCTAssertEqual(fields[2], "true", "\(item.label): decoded under another event's type")
            let expected = try JSONReader.parse(item.envelope)
            let actual = try JSONReader.parse(fields[3])
            XCTAssertNil(JSONSemantics.difference(expected, actual), "\(item.label): \(JSONSemantics.difference(expected, actual) ?? "")")
        }
        print("bundled events: \(cases.count) envelopes of \(Set(cases.map(\.definition)).count) events round-tripped")
    }

    /// The partition key of the ordering key's values, computed here independently of the runtime (docs/events.md,
    /// "The partition key"): a single value as it is; several with `\` and `|` escaped by a `\`, joined with `|`.
    static func partitionKey(_ values: [String]) -> String {
        guard values.count > 1 else { return values.first ?? "" }
        return values.map { value in
            value.unicodeScalars.map { $0 == "\\" || $0 == "|" ? "\\\($0)" : String($0) }.joined()
        }.joined(separator: "|")
    }

    /// The text a pointer's value gives in a partition key, computed here independently of the runtime.
    static func keyText(at pointer: JSONPointer, in node: JSONNode) -> String? {
        var current = node
        for token in pointer.tokens {
            switch current.value {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        switch current.value {
        case .string(let text): return text
        case .number(let number): return number.intValue.map(String.init)
        default: return nil
        }
    }
}
