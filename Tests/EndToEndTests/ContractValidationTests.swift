import Foundation
import XCTest

/// Runs `scripts/validate-contracts.py`: an independent check of the bundled
/// contracts in `Schemas/` with the reference Python JSON Schema implementation
/// (draft 2020-12 metaschema, the x-contract extension schema, references,
/// status machines, ordering keys, every `examples` entry, and every invalid
/// instance in `Tests/Fixtures/invalid-instances/`); and `charter lint`'s
/// judgement of examples against that implementation's.
///
/// The check never skips: a machine without python3 or the `jsonschema`
/// module fails with instructions, so that a green run always means the
/// contracts were actually validated.
final class ContractValidationTests: XCTestCase {
    func testBundledContractsValidateWithTheReferenceImplementation() throws {
        let root = Self.repositoryRoot
        let script = root.appendingPathComponent("scripts/validate-contracts.py")
        guard FileManager.default.fileExists(atPath: script.path) else {
            XCTFail("Missing \(script.path).")
            return
        }
        guard let python = try Self.pythonWithJSONSchema(in: root) else { return }

        let result = try Self.run(python, arguments: [script.path], in: root)
        XCTAssertEqual(
            result.status, 0,
            "scripts/validate-contracts.py exited with status \(result.status):\n\(result.output)"
        )
    }

    /// `charter lint`'s `example-matches-schema` against the reference implementation: `scripts/example-oracle.py` adds
    /// mutated copies of every example of the bundled contracts (values of another kind or format, members removed or
    /// added; fixed seed) and fails when the two disagree on which examples are invalid.
    func testLintJudgesExamplesAsTheReferenceImplementationDoes() throws {
        let root = Self.repositoryRoot
        guard let python = try Self.pythonWithJSONSchema(in: root) else { return }
        let script = root.appendingPathComponent("scripts/example-oracle.py")
        let result = try Self.run(python, arguments: [script.path, Repository.charterExecutable.path, "--seed", "1"], in: root)
        XCTAssertEqual(result.status, 0, "scripts/example-oracle.py exited with status \(result.status):\n\(result.output)")
    }

    /// python3 from PATH when it can import jsonschema and referencing; otherwise the test fails with instructions.
    private static func pythonWithJSONSchema(in root: URL) throws -> URL? {
        guard let python = executable(named: "python3") else {
            XCTFail("""
                python3 is not on PATH, so the bundled contracts cannot be validated. \
                Run the tests through .ci/run, or install Python 3 and `pip install jsonschema` (4.18 or later).
                """)
            return nil
        }
        let probe = try run(python, arguments: ["-c", "import jsonschema, referencing"], in: root)
        guard probe.status == 0 else {
            XCTFail("""
                The Python modules jsonschema and referencing are missing, so the bundled contracts cannot be validated. \
                Run the tests through .ci/run, or `pip install jsonschema` (4.18 or later).
                \(probe.output)
                """)
            return nil
        }
        return python
    }

    /// The repository root: this file is `<root>/Tests/EndToEndTests/ContractValidationTests.swift`.
    private static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The first executable called `name` in the directories of PATH.
    private static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// Runs a process to completion and returns its exit status and combined output.
    private static func run(
        _ executable: URL,
        arguments: [String],
        in directory: URL
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONIOENCODING"] = "utf-8"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read before waiting: a full pipe would otherwise block the child forever.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
