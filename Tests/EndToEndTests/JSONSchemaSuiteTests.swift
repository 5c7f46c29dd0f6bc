import CharterTestSupport
import CharterCore
import Foundation
import XCTest

/// The JSON-Schema-Test-Suite (draft 2020-12, `../shared/conformance/json-schema`) run through generated code: every
/// test group whose schema Charter turns into a root type is generated, compiled into one program with the suite's
/// instances, and each instance is decoded and validated (`validationIssues`, or for a root that is an alias with
/// constraints of its own, the namespace's `validationIssues(ofRoot:)`) — as `Root?` when the root's schema allows
/// `null` and its type cannot hold it, as generated code uses such a type where it stands alone. "Valid" for
/// generated code means the instance decodes and has no issue; the suite says which instances are valid.
///
/// Generated code is typed Swift, not a JSON Schema validator, so it disagrees with the suite by design in places
/// `docs/contract-format.md` describes (a schema with `properties` but no `type` is an object; `enum` values a
/// newer contract adds are kept; unknown keys of a closed object are dropped; conditional keywords are not checked).
/// Every disagreement is listed, with its reason, in `Tests/Fixtures/json-schema-suite/divergences.txt`; the test
/// fails when the run disagrees with the suite anywhere else — or agrees where the list says it does not, so the list
/// shrinks as the generator improves.
final class JSONSchemaSuiteTests: XCTestCase {
    /// One test group of the suite: its schema and instances.
    private struct Group {
        var tag: String
        var schema: JSONNode
        var cases: [(data: JSONNode, valid: Bool, description: String)]
    }

    func testGeneratedCodeAgreesWithTheSuiteOutsideTheRecordedDivergences() throws {
        let suite = Repository.shared.appendingPathComponent("conformance/json-schema")
        let groups = try Self.groups(in: suite.appendingPathComponent("draft2020-12"))
        XCTAssertEqual(groups.count, 381, "the suite's draft 2020-12 folder should hold 381 groups with object schemas")

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("charter-jsonschema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputs = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)

        // Generate each group on its own (one group's error must not hide the others), with the suite's remotes
        // mapped to its folders as the suite asks.
        var sources: [String: (path: String, text: String)] = [:]
        var dispatch: [String] = []
        var casesFile = ""
        var expected: [String: Bool] = [:]
        var rejected: [String] = []
        var rootless = 0
        for group in groups {
            let input = inputs.appendingPathComponent("\(group.tag).json")
            try Data(JSONWriter.write(group.schema).utf8).write(to: input)
            let output = scratch.appendingPathComponent("out/\(group.tag)")
            let run = try ProcessRunner.run(Repository.charterExecutable.path, [
                "generate", input.path, "--output", output.path, "--root", inputs.path, "--quiet",
                "--ref-map", "http://localhost:1234/=\(suite.appendingPathComponent("remotes").path)",
                "--ref-map", "https://json-schema.org/=\(suite.appendingPathComponent("metaschemas").path)",
            ], timeout: 60)
            guard run.status == 0 else {
                XCTAssertEqual(run.status, 1, "\(group.tag): charter exited \(run.status):\n\(run.stderr.prefix(2000))")
                rejected.append(group.tag)
                continue
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".swift") }.sorted()
            let own = Self.namespace(for: group.tag)
            guard files.contains("\(own).swift") else { return XCTFail("\(group.tag): no \(own).swift among \(files)") }
            let ownText = try String(contentsOf: output.appendingPathComponent("\(own).swift"), encoding: .utf8)
            guard ownText.contains(" Root ") || ownText.contains(" Root:") else {
                rootless += 1
                continue
            }
            for file in files {
                // Remotes two groups reference generate the same file: compile it once.
                let text = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
                if let existing = sources[file] {
                    XCTAssertEqual(existing.text, text, "\(file) generated differently for two groups")
                } else {
                    sources[file] = (output.appendingPathComponent(file).path, text)
                }
            }
            // A root that is an alias with constraints of its own is checked with its namespace's entry point; one
            // whose schema allows `null` that the type cannot hold is decoded as `Root?`, as generated code uses it
            // where it stands alone (a body, a payload).
            let hasEntryPoint = ownText.contains("func validationIssues(ofRoot value: Root)")
            let nullable = try Self.rootAllowsNullApart(input, root: inputs, suite: suite)
            let type = "\(own).Root\(nullable ? "?" : "").self"
            let checks = !hasEntryPoint ? "" : nullable ? ", { $0.map(\(own).validationIssues(ofRoot:)) ?? [] }" : ", \(own).validationIssues(ofRoot:)"
            dispatch.append("    \(JSONWriter.quoted(group.tag)): { check(\(type), $0\(checks)) },")
            for (index, item) in group.cases.enumerated() {
                casesFile += "\(group.tag)\t\(index)\t\(JSONWriter.write(item.data))\n"
                expected["\(group.tag)/\(index)"] = item.valid
            }
        }

        let program = scratch.appendingPathComponent("program")
        try FileManager.default.createDirectory(at: program, withIntermediateDirectories: true)
        let main = program.appendingPathComponent("main.swift")
        try Data((Self.mainPrelude + dispatch + Self.mainLoop).joined(separator: "\n").utf8).write(to: main)
        let cases = program.appendingPathComponent("cases.tsv")
        try Data(casesFile.utf8).write(to: cases)
        let executable = program.appendingPathComponent("suite")
        let build = try SwiftCompiler.buildExecutable([main.path] + sources.values.map(\.path).sorted(), output: executable)
        guard build.status == 0 else {
            return XCTFail("the suite's generated code does not compile:\n" + build.stderr.split(separator: "\n").prefix(30).joined(separator: "\n"))
        }
        let run = try ProcessRunner.run(executable.path, [cases.path])
        XCTAssertEqual(run.status, 0, run.stderr)

        var outcomes: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 1).map(String.init)
            if fields.count == 2 { outcomes[fields[0]] = fields[1] }
        }
        XCTAssertEqual(Set(outcomes.keys), Set(expected.keys), "every instance should have an outcome")

        // A divergence is an instance the suite calls valid that fails, or one it calls invalid that passes.
        var divergences: [String: String] = [:]
        for (id, valid) in expected {
            let outcome = outcomes[id] ?? "missing"
            if (outcome == "valid") != valid { divergences[id] = "\(valid ? "valid" : "invalid") \(outcome)" }
        }
        if let path = ProcessInfo.processInfo.environment["CHARTER_SUITE_DIVERGENCES"] {
            // For updating the list: every current divergence, one line each, reasons left to the editor.
            let lines = divergences.keys.sorted(by: Self.caseOrder).map { "\($0) \(divergences[$0]!)\n" }
            try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: path))
        }
        let recorded = try Self.recordedDivergences()
        for id in divergences.keys.sorted() where recorded[id] == nil {
            XCTFail("\(id): the suite says \(divergences[id]!.split(separator: " ")[0]), generated code says \(divergences[id]!.split(separator: " ")[1]) — not a recorded divergence")
        }
        for id in recorded.keys.sorted() where divergences[id] == nil {
            XCTFail("\(id): recorded as a divergence (\(recorded[id]!)) but generated code now agrees with the suite: remove it from the list")
        }
        for (id, outcome) in divergences where recorded[id].map({ !$0.hasPrefix(outcome) }) ?? false {
            XCTFail("\(id): recorded as \(recorded[id]!), now \(outcome)")
        }
        // Pinned, so a group that stops generating (or loses its root type) cannot take its instances out of the
        // comparison unnoticed; update these when a change makes more groups run.
        XCTAssertEqual(rejected, ["anchor-3"], "groups charter rejects (anchor-3's $defs/A is unsatisfiable: number and string)")
        XCTAssertEqual(dispatch.count, 187, "groups with a root type, run")
        XCTAssertEqual(expected.count, 563, "instances run")
        print("json-schema suite: \(groups.count) groups; \(rejected.count) rejected with an error \(rejected), \(rootless) without a root type; "
              + "\(expected.count) instances of \(dispatch.count) groups run, \(expected.count - divergences.count) agree, \(divergences.count) recorded divergences")
    }

    /// The groups of every suite file whose schema is an object (boolean root schemas have nothing to generate),
    /// tagged `file-index`.
    private static func groups(in folder: URL) throws -> [Group] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var groups: [Group] = []
        for name in names {
            let document = try JSONReader.parse(try Data(contentsOf: folder.appendingPathComponent(name)))
            for (index, group) in (document.array ?? []).enumerated() {
                guard let schema = group["schema"], schema.object != nil else { continue }
                let cases = (group["tests"]?.array ?? []).map { test in
                    (data: test["data"] ?? JSONNode(.null), valid: test["valid"]?.bool ?? false, description: test["description"]?.string ?? "")
                }
                groups.append(Group(tag: "\(name.dropLast(5))-\(index)", schema: schema, cases: cases))
            }
        }
        return groups
    }

    /// Whether the group's root type is nullable but cannot hold `null` itself (`{"enum": [6, null]}` is `Int`, a
    /// nullable object a struct): generated code then uses `Root?` where the value stands alone. Read from the
    /// translated module, loaded as `charter generate` loads it.
    private static func rootAllowsNullApart(_ input: URL, root: URL, suite: URL) throws -> Bool {
        let loader = SchemaLoader(options: LoaderOptions(root: root.path, refMappings: [
            RefMapping(prefix: "http://localhost:1234/", directory: suite.appendingPathComponent("remotes").path),
            RefMapping(prefix: "https://json-schema.org/", directory: suite.appendingPathComponent("metaschemas").path),
        ]))
        let module = try Translator().translate(try loader.load(files: [input.path]))
        return module.types.contains { decl in
            decl.parent == nil && decl.name == "Root" && module.namespaces[decl.namespace].isInput && decl.isNullable
                && !IRTypeRef.named(decl.id).holdsNull(in: module.types)
        }
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

    /// The namespace Charter names a file's code after: `additionalProperties-3` → `AdditionalProperties3`.
    private static func namespace(for tag: String) -> String {
        tag.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `id → "expected outcome  # reason"` from the fixture (lines `file-index/case expected outcome  # reason`).
    private static func recordedDivergences() throws -> [String: String] {
        let text = try String(contentsOfFile: Repository.path("Tests/Fixtures/json-schema-suite/divergences.txt"), encoding: .utf8)
        var recorded: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: " ", maxSplits: 1).map(String.init)
            XCTAssertNil(recorded[fields[0]], "\(fields[0]) is listed twice")
            recorded[fields[0]] = fields.count > 1 ? fields[1] : ""
        }
        return recorded
    }

    private static let mainPrelude = [
        "import CharterRuntime",
        "import Foundation",
        "",
        "func check<T: Decodable>(_ type: T.Type, _ json: String) -> String {",
        "    (try? JSONDecoder().decode(T.self, from: Data(json.utf8))) == nil ? \"decode-error\" : \"valid\"",
        "}",
        "func check<T: Decodable & Validatable>(_ type: T.Type, _ json: String) -> String {",
        "    guard let value = try? JSONDecoder().decode(T.self, from: Data(json.utf8)) else { return \"decode-error\" }",
        "    return value.validationIssues.isEmpty ? \"valid\" : \"invalid\"",
        "}",
        "func check<T: Decodable>(_ type: T.Type, _ json: String, _ issues: (T) -> [ValidationIssue]) -> String {",
        "    guard let value = try? JSONDecoder().decode(T.self, from: Data(json.utf8)) else { return \"decode-error\" }",
        "    return issues(value).isEmpty ? \"valid\" : \"invalid\"",
        "}",
        "",
        "let groups: [String: (String) -> String] = [",
    ]

    private static let mainLoop = [
        "]",
        "",
        "let cases = try! String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)",
        "for line in cases.split(separator: \"\\n\") {",
        "    let fields = line.split(separator: \"\\t\", maxSplits: 2).map(String.init)",
        "    print(\"\\(fields[0])/\\(fields[1]) \\(groups[fields[0]]!(fields[2]))\")",
        "}",
        "",
    ]
}
