import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance

/// Diagnostics are printed the way compilers print them — errors, then warnings, then notes; each group by file, then
/// line:column, then pointer and message — whatever order the loader found them in.
final class DiagnosticOrderTests: XCTestCase {
    /// Rows: diagnostics in the order they were found → their lines in print order.
    func testPrintOrder() throws {
        func at(_ file: String, _ line: Int, _ column: Int, _ pointer: String? = nil) throws -> SourceLocation {
            SourceLocation(file: file, position: SourcePosition(line: line, column: column, offset: line * 100 + column),
                           pointer: try pointer.map { try JSONPointer(parsing: $0) })
        }
        let rows: [(label: String, found: [Diagnostic], printed: [String])] = [
            ("files by path, whatever order they were read in",
             [.error("b", at: try at("b.json", 1, 1)), .error("a", at: try at("a.json", 9, 9))],
             ["a.json:9:9: error: a", "b.json:1:1: error: b"]),
            ("in one file, by line, then column",
             [.error("late", at: try at("a.json", 6, 38)), .error("early", at: try at("a.json", 3, 19)), .error("same line", at: try at("a.json", 3, 2))],
             ["a.json:3:2: error: same line", "a.json:3:19: error: early", "a.json:6:38: error: late"]),
            ("errors before warnings before notes, each group in source order",
             [.warning("w", at: try at("a.json", 1, 1)), Diagnostic(.note, "n", at: try at("a.json", 1, 1)), .error("e", at: try at("b.json", 2, 2))],
             ["b.json:2:2: error: e", "a.json:1:1: warning: w", "a.json:1:1: note: n"]),
            ("a file as a whole before places in it",
             [.error("at a value", at: try at("a.json", 1, 5)), .error("the file", at: SourceLocation(file: "a.json"))],
             ["a.json: error: the file", "a.json:1:5: error: at a value"]),
            ("the run as a whole before any file",
             [.error("in a file", at: try at("a.json", 1, 1)), .error("more than 10 files reached through $ref")],
             ["error: more than 10 files reached through $ref", "a.json:1:1: error: in a file"]),
            ("one place: by pointer, then message",
             [.error("b", at: try at("a.json", 1, 1, "/b")), .error("z", at: try at("a.json", 1, 1, "/a")), .error("y", at: try at("a.json", 1, 1, "/a"))],
             ["a.json:1:1: error: y [/a]", "a.json:1:1: error: z [/a]", "a.json:1:1: error: b [/b]"]),
            ("a file at a git revision sorts as it is shown",
             [.error("head", at: try at("a.json", 1, 1)),
              .error("base", at: SourceLocation(file: "a.json", position: SourcePosition(line: 1, column: 1, offset: 101), revision: "HEAD"))],
             ["HEAD:a.json:1:1: error: base", "a.json:1:1: error: head"]),
        ]
        for row in rows {
            XCTAssertEqual(row.found.inPrintOrder().map(\.description), row.printed, row.label)
            XCTAssertEqual(row.found.reversed().inPrintOrder().map(\.description), row.printed, "\(row.label), found the other way round")
        }
    }

    /// Rows: a command on two contracts with errors, the second named first → what standard error says, in print order
    /// (found: b.json's x-contract while walking, then every unresolved `$ref` once all files are read), with the count
    /// whether or not the run also writes a machine-readable report of them.
    func testCommandsPrintLoadErrorsByFileAndPosition() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/b.json", """
            {
              "$defs": {
                "A": {"$ref": "#/$defs/Missing"}
              },
              "x-contract": {"name": "b", "version": "1.0.0",
                "operations": {"get": {"method": "FETCH", "path": "/a"}}}
            }
            """)
        try folder.write("Schemas/a.json", """
            {
              "$defs": {
                "A": {"$ref": "#/$defs/Gone"},
                "B": {"type": "string", "colour": "red"}
              }
            }
            """)
        try folder.write("old/a.json", #"{"$defs": {"A": {"type": "string"}}}"#)
        let printed = [
            ##"Schemas/a.json:3:19: error: $ref "#/$defs/Gone" points at nothing: Schemas/a.json has no value at /$defs/Gone [/$defs/A/$ref]"##,
            ##"Schemas/b.json:3:19: error: $ref "#/$defs/Missing" points at nothing: Schemas/b.json has no value at /$defs/Missing [/$defs/A/$ref]"##,
            ##"Schemas/b.json:6:38: error: unknown HTTP method "FETCH" [/x-contract/operations/get/method]"##,
            ##"Schemas/a.json:4:29: warning: unknown keyword "colour" kept but ignored [/$defs/B/colour]"##,
        ]
        let rows: [(arguments: [String], err: [String])] = [
            (["generate", "Schemas/b.json", "Schemas/a.json", "-o", "out"], printed + ["3 errors found"]),
            (["lint", "Schemas/b.json", "Schemas/a.json"], printed + ["3 errors found"]),
            (["lint", "Schemas/b.json", "Schemas/a.json", "--format", "json"], printed + ["3 errors found"]),
            (["diff", "Schemas/b.json", "Schemas/a.json", "--base", "old"], printed + ["3 errors found"]),
            (["diff", "Schemas/b.json", "Schemas/a.json", "--base", "old", "--format", "sarif"], printed + ["3 errors found"]),
        ]
        for row in rows {
            let result = folder.run(row.arguments)
            XCTAssertEqual(result.code, .inputProblems, "\(row.arguments)")
            XCTAssertEqual(result.err.flatMap { $0.components(separatedBy: "\n") }.filter { !$0.hasPrefix("    ") }, row.err, "\(row.arguments)")
        }
    }
}
