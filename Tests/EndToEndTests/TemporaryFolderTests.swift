import CharterTestSupport
import Foundation
import XCTest

/// Nothing piles up in /tmp: `charter` itself writes only where it is told (its atomic writes go through a file beside
/// the destination), and the programs the tests run — `swiftc`, whose driver leaves a `TemporaryDirectory.XXXXXX`
/// folder in `TMPDIR` on every run that does not link (`-typecheck`) — get a `TMPDIR` that is removed when they end.
final class TemporaryFolderTests: XCTestCase {
    /// A program run by ``ProcessRunner`` has a `TMPDIR` of its own that is gone once it ends.
    func testProgramsRunWithATemporaryFolderRemovedAfterwards() throws {
        let run = try ProcessRunner.run("/usr/bin/env", [])
        XCTAssertEqual(run.status, 0, run.stderr)
        let line = try XCTUnwrap(run.stdout.split(separator: "\n").first { $0.hasPrefix("TMPDIR=") }, run.stdout)
        let folder = String(line.dropFirst("TMPDIR=".count))
        XCTAssertTrue(folder.hasPrefix(FileManager.default.temporaryDirectory.path), folder)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "\(folder) is removed")
    }

    /// Rows: a `charter` command (run in the repository, writing into a folder of the test's) → its exit status; after
    /// each, the `TMPDIR` it was given is still empty.
    func testCharterLeavesNothingInTheTemporaryFolder() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("charter-watched-tmp-\(UUID().uuidString)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("charter-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: output)
        }
        let rows: [(arguments: [String], status: Int32)] = [
            (["generate", "Schemas", "--output", output.appendingPathComponent("Generated").path, "--quiet"], 0),
            (["generate", "Schemas", "--output", output.appendingPathComponent("Generated").path, "--quiet"], 0),  // unchanged files
            (["generate", "Schemas/orders/orders-v2.json", "--output", output.appendingPathComponent("Single").path,
              "--file-name", "Orders.swift", "--quiet"], 0),
            (["lint", "Schemas", "--fail-on", "never", "--report", "sarif=" + output.appendingPathComponent("lint.sarif").path,
              "--write-baseline", output.appendingPathComponent("baseline.json").path], 0),
            (["diff", "Schemas", "--base", "Schemas", "--report", "html=" + output.appendingPathComponent("diff.html").path], 0),
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path + "/"
        for row in rows {
            let run = try ProcessRunner.run(Repository.charterExecutable.path, row.arguments, in: Repository.root, environment: environment, timeout: 300)
            XCTAssertEqual(run.status, row.status, "\(row.arguments): \(run.stderr)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [], "\(row.arguments)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("diff.html").path), "the commands ran")
    }
}
