import CharterTestSupport
import CharterCore
import Foundation

/// Generates a program that decodes every `examples` value of every generated type, re-encodes it and
/// prints the result, then compiles it with the generated code and CharterRuntime, runs it, and compares
/// each re-encoded value with its example semantically.
struct RoundTripHarness {
    struct Case {
        var label: String
        var typeName: String
        var example: JSONNode
    }

    struct Outcome {
        var cases: Int
        var failures: [String]
    }

    let result: GenerationResult

    /// One case per example of every declared type (nested types included).
    var cases: [Case] {
        let names = SwiftGenerator(templates: try! TemplateSet.load()).qualifiedTypeNames(result.module)
        return result.module.types.flatMap { decl in
            decl.examples.enumerated().map { index, example in
                Case(label: "\(decl.documentation.reference)[\(index)]", typeName: names[decl.id.rawValue], example: example)
            }
        }
    }

    /// The harness program's source.
    func program(_ cases: [Case]) -> String {
        var lines = [
            "import Foundation",
            "import CharterRuntime",
            "",
            "let decoder = JSONDecoder()",
            "let encoder: JSONEncoder = {",
            "    let encoder = JSONEncoder()",
            "    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
            "    return encoder",
            "}()",
            "",
            "func report<T: Codable>(_ value: T, _ label: String, issues: Int) throws {",
            "    let text = String(decoding: try encoder.encode(value), as: UTF8.self)",
            "    print(\"OK\\t\\(label)\\t\\(issues)\\t\\(text)\")",
            "}",
            "",
            "func check<T: Codable>(_ type: T.Type, _ label: String, _ json: String) {",
            "    do { try report(try decoder.decode(T.self, from: Data(json.utf8)), label, issues: 0) }",
            "    catch { print(\"FAIL\\t\\(label)\\t\\(String(describing: error).replacingOccurrences(of: \"\\n\", with: \" \"))\") }",
            "}",
            "",
            "func check<T: Codable & Validatable>(_ type: T.Type, _ label: String, _ json: String) {",
            "    do {",
            "        let value = try decoder.decode(T.self, from: Data(json.utf8))",
            "        try report(value, label, issues: value.validationIssues.count)",
            "    } catch { print(\"FAIL\\t\\(label)\\t\\(String(describing: error).replacingOccurrences(of: \"\\n\", with: \" \"))\") }",
            "}",
            "",
        ]
        for item in cases {
            lines.append("check(\(item.typeName).self, \(SwiftLiteral.string(item.label)), \(SwiftLiteral.string(JSONWriter.write(item.example))))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the generated files and `main` into a scratch folder, compiles them with CharterRuntime into
    /// one program and runs it: its standard output, or why there is none.
    static func buildAndRun(_ generated: [GeneratedFile], main: String) throws -> Result<String, HarnessFailure> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charter-harness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for file in generated {
            let url = directory.appendingPathComponent(file.name)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        let mainFile = directory.appendingPathComponent("main.swift")
        try main.write(to: mainFile, atomically: true, encoding: .utf8)
        let executable = directory.appendingPathComponent("harness")
        let build = try SwiftCompiler.buildExecutable(files + [mainFile.path], output: executable)
        guard build.status == 0 else {
            return .failure(HarnessFailure(message: "compilation failed:\n" + build.stderr.split(separator: "\n").prefix(60).joined(separator: "\n")))
        }
        let run = try ProcessRunner.run(executable.path, [], timeout: 120)
        guard run.status == 0 else { return .failure(HarnessFailure(message: "harness exited \(run.status): \(run.stderr)")) }
        return .success(run.stdout)
    }

    /// Why a harness program produced no output.
    struct HarnessFailure: Error {
        var message: String
    }

    /// Writes, compiles and runs everything; returns one failure message per case that did not round-trip.
    func run(requireValid: Bool) throws -> Outcome {
        let cases = self.cases
        let output: String
        switch try Self.buildAndRun(result.files, main: program(cases)) {
        case .success(let text): output = text
        case .failure(let failure): return Outcome(cases: cases.count, failures: [failure.message])
        }
        var failures: [String] = []
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        if lines.count != cases.count { failures.append("expected \(cases.count) results, got \(lines.count)") }
        for (item, line) in zip(cases, lines) {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, fields[1] == item.label else {
                failures.append("\(item.label): unexpected output \(line)")
                continue
            }
            guard fields[0] == "OK", fields.count == 4 else {
                failures.append("\(item.label): decoding failed: \(fields[2])")
                continue
            }
            if requireValid, fields[2] != "0" {
                failures.append("\(item.label): example decodes but validate() reports \(fields[2]) issue(s)")
            }
            do {
                let actual = try JSONReader.parse(fields[3])
                if let diff = JSONSemantics.difference(item.example, actual) {
                    failures.append("\(item.label): re-encoded value differs at \(diff)\n  example:    \(JSONWriter.write(item.example))\n  re-encoded: \(fields[3])")
                }
            } catch {
                failures.append("\(item.label): re-encoded output is not JSON: \(error)")
            }
        }
        return Outcome(cases: cases.count, failures: failures)
    }
}
