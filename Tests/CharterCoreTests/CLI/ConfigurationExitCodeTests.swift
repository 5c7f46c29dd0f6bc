import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance

/// A mistake in `charter.json` is a configuration error, exit 2, whoever finds it: `charter lint` reading its `lint`
/// section, or `charter generate` checking the file for the build plugin (`--planned-config`).
final class ConfigurationExitCodeTests: XCTestCase {
    /// Rows: diagnostic codes a run stopped with → its exit code. One row (at least) per family of
    /// ``DiagnosticCodes/families``: problems with the contracts exit 1, with the run's setup (output, templates,
    /// configuration, a baseline) 2.
    func testExitCodeOfDiagnostics() {
        let rows: [(codes: [String?], exit: ExitCode, line: UInt)] = [
            (["ref.unresolved"], .inputProblems, #line),
            (["json.syntax", "contract.invalid"], .inputProblems, #line),
            (["contract.unknown-key"], .inputProblems, #line),
            (["input.missing"], .inputProblems, #line),
            (["limit.file-size"], .inputProblems, #line),
            (["load.unreadable"], .inputProblems, #line),
            (["schema.invalid-keyword"], .inputProblems, #line),
            (["translate.type-dropped"], .inputProblems, #line),
            (["plugin.stale-plan"], .inputProblems, #line),
            ([nil], .inputProblems, #line),
            (["config.invalid-json"], .usageOrToolError, #line),
            (["config.unreadable"], .usageOrToolError, #line),
            (["plugin.configuration"], .usageOrToolError, #line),
            (["baseline.unreadable"], .usageOrToolError, #line),
            (["baseline.invalid"], .usageOrToolError, #line),
            (["output.unwritable"], .usageOrToolError, #line),
            (["output.foreign-file"], .usageOrToolError, #line),
            (["templates.invalid"], .usageOrToolError, #line),
            (["templates.render"], .usageOrToolError, #line),
            (["ref.unresolved", "plugin.configuration"], .usageOrToolError, #line),
        ]
        for row in rows {
            XCTAssertEqual(ExitCode(stoppedBy: row.codes.map { .error("x", code: $0) }), row.exit, "\(row.codes)", line: row.line)
        }
    }

    /// Every diagnostic code the sources make (`code: "family.name"`, `…Code = "…"`) belongs to a family of
    /// ``DiagnosticCodes/families``, so a new code cannot leave its exit code to chance; and every family there is made
    /// by some source, so the table lists no family that no longer exists.
    func testEveryCodeInTheSourcesHasAFamily() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources").standardized
        let pattern = try NSRegularExpression(pattern: #"[cC]ode\s*[:=]\s*"([a-z]+\.[a-z0-9.-]+)""#)
        var codes: Set<String> = []
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                codes.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        XCTAssertGreaterThan(codes.count, 40, "the scan found the codes")
        for code in codes.sorted() {
            XCTAssertNotNil(DiagnosticCodes.family(of: code), "\(code) belongs to no family of DiagnosticCodes.families")
        }
        for family in DiagnosticCodes.families {
            XCTAssertTrue(codes.contains { DiagnosticCodes.family(of: $0)?.prefix == family.prefix }, "no source makes a \(family.prefix) code")
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
