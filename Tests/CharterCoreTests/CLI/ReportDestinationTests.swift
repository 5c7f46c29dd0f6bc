import Foundation
import XCTest
@testable import CharterCore
@testable import CharterGovernance

/// The files `charter lint` and `charter diff` write — `--report` files and a baseline — never replace a contract the
/// run reads, two options never write one file, and a report reaches what a path names: through a symbolic link, or
/// into a device such as `/dev/null`.
final class ReportDestinationTests: XCTestCase {
    private let contract = ExampleContract.make(defs: ExampleContract.item)

    /// Rows: a command → its exit code and the error it prints (nil: none); the contracts are unchanged after every row.
    func testReportsNeverReplaceContracts() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a/a-v1.json", contract)
        try folder.write("Schemas/b/b-v1.json", ExampleContract.make(defs: #""Ref": {"title": "Ref", "description": "A reference.", "$ref": "../a/a-v1.json#/$defs/Item", "examples": [{"sku": "A1"}]}"#))
        let rows: [(arguments: [String], code: ExitCode, error: String?)] = [
            (["lint", "Schemas", "--report", "json=Schemas/a/a-v1.json"], .usageOrToolError,
             "error: --report json=Schemas/a/a-v1.json would write over Schemas/a/a-v1.json, a contract this run reads: choose another file"),
            (["lint", "Schemas/a/a-v1.json", "--report", "sarif=Schemas/a/../a/a-v1.json"], .usageOrToolError,
             "error: --report sarif=Schemas/a/../a/a-v1.json would write over Schemas/a/a-v1.json, a contract this run reads: choose another file"),
            (["lint", "Schemas/b", "--write-baseline", "Schemas/a/a-v1.json"], .usageOrToolError,
             "error: --write-baseline Schemas/a/a-v1.json would write over Schemas/a/a-v1.json, a contract this run reads: choose another file"),
            (["lint", "Schemas", "--report", "sarif=ci.sarif", "--report", "json=ci.sarif"], .usageOrToolError,
             "error: --report sarif=ci.sarif and --report json=ci.sarif both write ci.sarif: give each its own file"),
            (["diff", "Schemas", "--base", "Schemas", "--report", "html=Schemas/b/b-v1.json"], .usageOrToolError,
             "error: --report html=Schemas/b/b-v1.json would write over Schemas/b/b-v1.json, a contract this run reads: choose another file"),
            // A path that matches nothing does not stop the check of the others: the contracts that do load are not
            // overwritten by the report of the run that fails to load them.
            (["lint", "missing.json", "Schemas", "--report", "json=Schemas/a/a-v1.json"], .usageOrToolError,
             "error: --report json=Schemas/a/a-v1.json would write over Schemas/a/a-v1.json, a contract this run reads: choose another file"),
            (["diff", "gone", "--base", "Schemas", "--report", "sarif=Schemas/a/a-v1.json"], .usageOrToolError,
             "error: --report sarif=Schemas/a/a-v1.json would write over Schemas/a/a-v1.json, a contract this run reads: choose another file"),
            // A report an earlier run wrote beside the contracts is rewritten, and not read as a contract.
            (["lint", "Schemas", "--report", "json=Schemas/lint.json", "--fail-on", "never"], .success, nil),
            (["lint", "Schemas", "--report", "json=Schemas/lint.json", "--fail-on", "never"], .success, nil),
        ]
        for row in rows {
            let run = folder.run(row.arguments)
            XCTAssertEqual(run.code, row.code, "\(row.arguments): \(run.err)")
            XCTAssertEqual(run.err.first, row.error, "\(row.arguments)")
            XCTAssertEqual(folder.read("Schemas/a/a-v1.json"), contract, "\(row.arguments)")
        }
        XCTAssertEqual(try XCTUnwrap(folder.read("Schemas/lint.json")).contains(#""name": "charter""#), true)
    }

    /// A report path that is a symbolic link is written through it (the link stays); one that is a device is written
    /// into (`/dev/null` is not replaced by a file).
    func testReportsAreWrittenThroughLinksAndIntoDevices() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a/a-v1.json", contract)
        try FileManager.default.createSymbolicLink(atPath: folder.url("latest.sarif").path, withDestinationPath: "run-42.sarif")
        XCTAssertEqual(folder.run(["lint", "Schemas", "--report", "sarif=latest.sarif"]).code, .success)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: folder.url("latest.sarif").path), "run-42.sarif")
        XCTAssertTrue(try XCTUnwrap(folder.read("run-42.sarif")).contains(#""version": "2.1.0""#))

        XCTAssertEqual(folder.run(["lint", "Schemas", "--report", "junit=/dev/null"]).code, .success)
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
    }

    /// `--write-baseline` beside a machine format: the note goes to standard error, so nothing but a document could be
    /// on standard output (writing a baseline prints none).
    func testBaselineNoteKeepsMachineOutputClean() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a/a-v1.json", contract)
        let run = folder.run(["lint", "Schemas", "--format", "sarif", "--write-baseline", "baseline.json"])
        XCTAssertEqual(run.code, .success)
        XCTAssertEqual(run.out, [])
        XCTAssertEqual(run.err, ["Recorded 0 findings in baseline.json"])
    }
}
