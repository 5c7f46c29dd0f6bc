import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance

/// A mistake in `charter.json` is a configuration error, exit 2, whoever finds it: `charter lint` reading its `lint`
/// section, or `charter generate` checking the file for the build plugin (`--planned-config`).
final class ConfigurationExitCodeTests: XCTestCase {
    /// Rows: diagnostic codes a run stopped with → its exit code.
    func testExitCodeOfDiagnostics() {
        let rows: [(codes: [String?], exit: ExitCode, line: UInt)] = [
            (["ref.unresolved"], .inputProblems, #line),
            (["json.syntax", "contract.invalid"], .inputProblems, #line),
            (["input.missing"], .inputProblems, #line),
            (["plugin.stale-plan"], .inputProblems, #line),
            ([nil], .inputProblems, #line),
            (["config.invalid-json"], .usageOrToolError, #line),
            (["plugin.configuration"], .usageOrToolError, #line),
            (["baseline.unreadable"], .usageOrToolError, #line),
            (["output.unwritable"], .usageOrToolError, #line),
            (["templates.invalid"], .usageOrToolError, #line),
            (["ref.unresolved", "plugin.configuration"], .usageOrToolError, #line),
        ]
        for row in rows {
            XCTAssertEqual(ExitCode(stoppedBy: row.codes.map { .error("x", code: $0) }), row.exit, "\(row.codes)", line: row.line)
        }
    }

    /// Rows: a `charter.json` → the exit code of `charter lint` and of the build plugin's check, the same.
    func testCharterJSONMistakesExitTwoEverywhere() throws {
        let rows: [(label: String, text: String, line: UInt)] = [
            ("a misspelt key", #"{"contract": ["Schemas/a.json"]}"#, #line),
            ("not JSON", #"{"access": "internal""#, #line),
            ("a duplicate key", #"{"access": "public", "access": "internal"}"#, #line),
            ("not an object", "[]", #line),
        ]
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a.json", #"{"x-contract": {"name": "a", "version": "1.0.0"}, "$defs": {"T": {"type": "string"}}}"#)
        for row in rows {
            try folder.write("charter.json", row.text)
            let lint = folder.run(["lint", "Schemas/a.json"])
            XCTAssertEqual(lint.code, .usageOrToolError, "\(row.label), lint: \(lint.err)", line: row.line)
            let plugin = folder.run(["generate", "Schemas/a.json", "--output", "out", "--file-name", "a.swift", "--planned-config", "charter.json="])
            XCTAssertEqual(plugin.code, .usageOrToolError, "\(row.label), build plugin: \(plugin.err)", line: row.line)
            XCTAssertTrue(plugin.err.contains { $0.contains("charter.json:1:") }, "\(row.label): \(plugin.err)", line: row.line)
            XCTAssertFalse(folder.exists("out"), row.label, line: row.line)
        }
    }
}
