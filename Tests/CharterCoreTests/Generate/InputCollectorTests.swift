import Foundation
import XCTest
@testable import CharterCore

/// Which files a command line names: folders searched for `*.json` in byte order, hidden entries and
/// `.build` skipped, each file once.
final class InputCollectorTests: XCTestCase {
    func testCollectedFiles() throws {
        let folder = try TemporaryFolder()
        for path in ["Schemas/b.json", "Schemas/a.json", "Schemas/Z.json", "Schemas/sub/c.json", "Schemas/.hidden/x.json", "Schemas/.build/y.json",
                     "Schemas/.dot.json", "Schemas/notes.txt", "Schemas/dir.json/inner.json", "other/d.json"] {
            try folder.write(path, "{}")
        }
        let rows: [(paths: [String], files: [String])] = [
            (["Schemas"], ["Schemas/Z.json", "Schemas/a.json", "Schemas/b.json", "Schemas/dir.json/inner.json", "Schemas/sub/c.json"]),
            (["Schemas/"], ["Schemas/Z.json", "Schemas/a.json", "Schemas/b.json", "Schemas/dir.json/inner.json", "Schemas/sub/c.json"]),
            (["Schemas/b.json", "Schemas"], ["Schemas/b.json", "Schemas/Z.json", "Schemas/a.json", "Schemas/dir.json/inner.json", "Schemas/sub/c.json"]),
            (["other", "Schemas/sub"], ["other/d.json", "Schemas/sub/c.json"]),
            (["Schemas/notes.txt"], ["Schemas/notes.txt"]),
            (["Schemas/a.json", "./Schemas/a.json", folder.path + "/Schemas/a.json"], ["Schemas/a.json"]),
            // Glob patterns the shell left alone: matched below their fixed leading folders, hidden entries skipped.
            (["Schemas/*.json"], ["Schemas/Z.json", "Schemas/a.json", "Schemas/b.json"]),
            (["Schemas/**/*.json"], ["Schemas/Z.json", "Schemas/a.json", "Schemas/b.json", "Schemas/dir.json/inner.json", "Schemas/sub/c.json"]),
            (["**/?.json"], ["Schemas/Z.json", "Schemas/a.json", "Schemas/b.json", "Schemas/sub/c.json", "other/d.json"]),
            (["Schemas/a.json", "Schemas/[ab].json".replacingOccurrences(of: "[ab]", with: "?")], ["Schemas/a.json", "Schemas/Z.json", "Schemas/b.json"]),
        ]
        for row in rows {
            do {
                let files = try InputCollector.collect(row.paths, workingDirectory: folder.path)
                XCTAssertEqual(files, row.files, "\(row.paths): each file once, in order")
            } catch {
                XCTFail("\(row.paths): \(error)")
            }
        }
    }

    /// Rows: a folder or pattern never yields Charter's own files — `charter.json`, and the files a command skips (a
    /// baseline, a report written beside the contracts) — but a file named as it is still counts.
    func testCharterOwnFilesAreNotContracts() throws {
        let folder = try TemporaryFolder()
        for path in ["Schemas/a.json", "Schemas/charter.json", "Schemas/sub/charter.json", "Schemas/lint-baseline.json", "Schemas/report.sarif.json"] {
            try folder.write(path, "{}")
        }
        let skipping = ["Schemas/lint-baseline.json", folder.path + "/Schemas/report.sarif.json"]
        let rows: [(paths: [String], files: [String])] = [
            (["Schemas"], ["Schemas/a.json"]),
            (["Schemas/**/*.json"], ["Schemas/a.json"]),
            (["Schemas/charter.json", "Schemas/lint-baseline.json"], ["Schemas/charter.json", "Schemas/lint-baseline.json"]),
        ]
        for row in rows {
            XCTAssertEqual(try InputCollector.collect(row.paths, workingDirectory: folder.path, skipping: skipping), row.files, "\(row.paths)")
        }
        XCTAssertEqual(try InputCollector.collect(["Schemas"], workingDirectory: folder.path),
                       ["Schemas/a.json", "Schemas/lint-baseline.json", "Schemas/report.sarif.json"], "only charter.json without skipping")
    }

    /// Rows: a path → what it names and the files it yields before a command leaves out its own (`charter.json` never).
    func testExpansionsNameWhatEachPathIs() throws {
        let folder = try TemporaryFolder()
        for path in ["Schemas/a.json", "Schemas/charter.json", "Schemas/sub/b.json", "Schemas/report.json"] { try folder.write(path, "{}") }
        let rows: [(path: String, kind: InputCollector.Expansion.Kind, files: [String])] = [
            ("Schemas/a.json", .file, ["Schemas/a.json"]),
            ("Schemas/charter.json", .file, ["Schemas/charter.json"]),
            ("Schemas", .folder, ["Schemas/a.json", "Schemas/report.json", "Schemas/sub/b.json"]),
            ("Schemas/*.json", .pattern, ["Schemas/a.json", "Schemas/report.json"]),
            ("Schemas/*.yaml", .pattern, []),
            ("nothere", .missing, []),
        ]
        let expansions = InputCollector.expansions(rows.map(\.path), workingDirectory: folder.path)
        XCTAssertEqual(expansions, rows.map { InputCollector.Expansion(path: $0.path, kind: $0.kind, files: $0.files) })
        // Leaving a command's own files out afterwards: a folder left with none matches nothing.
        let own = InputCollector.expansions(["Schemas/*.json", "Schemas/report.json"], workingDirectory: folder.path)
        XCTAssertEqual(try InputCollector.files(of: own, workingDirectory: folder.path, skipping: ["Schemas/report.json"]),
                       ["Schemas/a.json", "Schemas/report.json"], "skipped from the pattern, kept where named")
        XCTAssertThrowsError(try InputCollector.files(of: InputCollector.expansions(["Schemas/sub"], workingDirectory: folder.path),
                                                      workingDirectory: folder.path, skipping: ["Schemas/sub/b.json"])) { error in
            XCTAssertEqual((error as? DiagnosticsError)?.diagnostics.map(\.message), ["folder Schemas/sub contains no *.json files"])
        }
    }

    /// Rows: paths that match nothing → the error codes, one per path.
    func testPathsThatMatchNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("empty/readme.md", "none\n")
        try folder.write("Schemas/a.json", "{}")
        let rows: [(paths: [String], codes: [String])] = [
            (["nothere"], ["input.missing"]),
            (["empty"], ["input.empty"]),
            (["Schemas", "nothere", "empty"], ["input.missing", "input.empty"]),
            (["Schemas/*.yaml"], ["input.empty"]),
            (["nothere/**/*.json"], ["input.empty"]),
        ]
        for row in rows {
            do {
                let files = try InputCollector.collect(row.paths, workingDirectory: folder.path)
                XCTFail("\(row.paths): accepted as \(files)")
            } catch {
                XCTAssertEqual(error.diagnostics.map { $0.code ?? "" }, row.codes, "\(row.paths)")
            }
        }
    }
}
