import CharterCore
import Foundation
import XCTest

/// The JSON-Schema-Test-Suite (draft 2020-12, `../shared/conformance/json-schema`) run through ``InstanceValidator`` —
/// what `charter lint`'s `example-matches-schema` checks examples with: every group's schema is loaded as
/// `charter lint` loads a file (the suite's remotes mapped to its folders as it asks), and each instance is validated
/// against the root schema. The suite says which instances are valid.
///
/// Every file of the suite runs; the table below pins, per file, the instances run and how many agree. Where the
/// validator disagrees by design or has a gap, the instance is listed with its reason in
/// `Tests/Fixtures/json-schema-suite/validator-divergences.txt`; the test fails when the run disagrees anywhere else —
/// or agrees where the list says it does not, so the list shrinks as the validator improves.
final class InstanceValidatorSuiteTests: XCTestCase {
    /// File → (instances run, instances the validator agrees on).
    private static let table: [String: (run: Int, agree: Int)] = [
        "additionalProperties": (21, 21),
        "allOf": (30, 30),
        "anchor": (8, 8),
        "anyOf": (18, 18),
        "boolean_schema": (18, 18),
        "const": (54, 54),
        "contains": (21, 21),
        "content": (18, 18),
        "default": (7, 7),
        "defs": (2, 1),
        "dependentRequired": (20, 20),
        "dependentSchemas": (20, 20),
        "dynamicRef": (44, 32),
        "enum": (51, 51),
        "exclusiveMaximum": (4, 4),
        "exclusiveMinimum": (4, 4),
        "format": (133, 128),
        "if-then-else": (30, 30),
        "infinite-loop-detection": (2, 2),
        "items": (29, 29),
        "maxContains": (14, 14),
        "maxItems": (6, 6),
        "maxLength": (7, 7),
        "maxProperties": (10, 10),
        "maximum": (8, 8),
        "minContains": (28, 28),
        "minItems": (6, 6),
        "minLength": (7, 7),
        "minProperties": (10, 10),
        "minimum": (11, 11),
        "multipleOf": (11, 11),
        "not": (40, 40),
        "oneOf": (27, 27),
        "pattern": (12, 12),
        "patternProperties": (25, 25),
        "prefixItems": (11, 11),
        "properties": (28, 28),
        "propertyNames": (22, 22),
        "ref": (79, 79),
        "refRemote": (31, 31),
        "required": (18, 18),
        "type": (80, 80),
        "unevaluatedItems": (71, 70),
        "unevaluatedProperties": (129, 128),
        "uniqueItems": (69, 69),
        "vocabulary": (5, 4),
    ]

    func testValidatorAgreesWithTheSuiteOutsideTheRecordedDivergences() throws {
        let suite = Repository.shared.appendingPathComponent("conformance/json-schema")
        let folder = suite.appendingPathComponent("draft2020-12")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(Set(names.map { String($0.dropLast(5)) }), Set(Self.table.keys), "every file of the suite is in the table")

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("charter-validator-suite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let loader = SchemaLoader(options: LoaderOptions(root: scratch.path, refMappings: [
            RefMapping(prefix: "http://localhost:1234/", directory: suite.appendingPathComponent("remotes").path),
            RefMapping(prefix: "https://json-schema.org/", directory: suite.appendingPathComponent("metaschemas").path),
        ]))

        var divergences: [String: String] = [:]
        var counts: [String: (run: Int, agree: Int)] = [:]
        var rejected: [String] = []
        for name in names {
            let file = String(name.dropLast(5))
            let document = try JSONReader.parse(try Data(contentsOf: folder.appendingPathComponent(name)))
            for (index, group) in (document.array ?? []).enumerated() {
                let tag = "\(file)-\(index)"
                guard let schema = group["schema"] else { continue }
                let input = scratch.appendingPathComponent("\(tag).json")
                try Data(JSONWriter.write(schema).utf8).write(to: input)
                let graph: SchemaGraph
                do {
                    graph = try loader.load(files: [input.path])
                } catch {
                    rejected.append(tag)
                    continue
                }
                let validator = InstanceValidator(graph: graph)
                let root = graph.inputDocuments[0].rootSchema
                for (number, test) in (group["tests"]?.array ?? []).enumerated() {
                    let valid = test["valid"]?.bool ?? false
                    let problems = validator.problems(of: test["data"] ?? JSONNode(.null), against: root)
                    counts[file, default: (0, 0)].run += 1
                    if problems.isEmpty == valid {
                        counts[file, default: (0, 0)].agree += 1
                    } else {
                        divergences["\(tag)/\(number)"] = valid ? "valid invalid" : "invalid valid"
                    }
                }
            }
        }

        if let path = ProcessInfo.processInfo.environment["CHARTER_VALIDATOR_DIVERGENCES"] {
            // For updating the list: every current divergence, one line each, reasons left to the editor.
            let lines = divergences.keys.sorted(by: Self.caseOrder).map { "\($0) \(divergences[$0]!)\n" }
            try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: path))
        }
        let recorded = try Self.recordedDivergences()
        for id in divergences.keys.sorted(by: Self.caseOrder) where recorded[id] == nil {
            XCTFail("\(id): the suite says \(divergences[id]!.split(separator: " ")[0]), the validator says \(divergences[id]!.split(separator: " ")[1]) — not a recorded divergence")
        }
        for id in recorded.keys.sorted(by: Self.caseOrder) where divergences[id] == nil {
            XCTFail("\(id): recorded as a divergence (\(recorded[id]!)) but the validator now agrees with the suite: remove it from the list")
        }
        for (id, outcome) in divergences where recorded[id].map({ !$0.hasPrefix(outcome) }) ?? false {
            XCTFail("\(id): recorded as \(recorded[id]!), now \(outcome)")
        }
        XCTAssertEqual(rejected, [], "groups whose schema does not load")
        for file in Self.table.keys.sorted() {
            let got = counts[file] ?? (0, 0)
            XCTAssertTrue(got == Self.table[file]!, "\(file): \(got.run) run, \(got.agree) agree; the table says \(Self.table[file]!)")
        }
        let run = counts.values.map(\.run).reduce(0, +), agree = counts.values.map(\.agree).reduce(0, +)
        print("validator against the json-schema suite: \(names.count) files, \(run) instances run, \(agree) agree, \(divergences.count) recorded divergences")
    }

    /// Orders `file-group/case` ids by file, then group and case numerically.
    private static func caseOrder(_ a: String, _ b: String) -> Bool {
        func key(_ id: String) -> (String, Int, Int) {
            let slash = id.split(separator: "/")
            let dash = slash[0].split(separator: "-")
            return (dash.dropLast().joined(separator: "-"), Int(dash.last!) ?? 0, Int(slash[1]) ?? 0)
        }
        return key(a) < key(b)
    }

    /// `id → "expected outcome  # reason"` from the fixture (lines `file-index/case expected outcome  [reason] detail`).
    private static func recordedDivergences() throws -> [String: String] {
        let text = try String(contentsOfFile: Repository.path("Tests/Fixtures/json-schema-suite/validator-divergences.txt"), encoding: .utf8)
        var recorded: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: " ", maxSplits: 1).map(String.init)
            XCTAssertNil(recorded[fields[0]], "\(fields[0]) is listed twice")
            recorded[fields[0]] = fields.count > 1 ? fields[1] : ""
        }
        return recorded
    }
}
