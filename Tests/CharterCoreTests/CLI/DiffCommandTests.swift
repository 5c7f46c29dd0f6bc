import Foundation
import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `charter diff` end to end: bases from folders and git revisions, exit codes, reports.
final class DiffCommandTests: XCTestCase {
    private let base = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"], version: "1.2.0")
    /// `name` removed from a response (breaking) without a major version.
    private let breaking = DiffExample.response(#""sku": {"type": "string"}"#, version: "1.3.0")
    /// An optional property added, with a minor version.
    private let compatible = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}, "note": {"type": "string"}"#, required: ["sku", "name"], version: "1.3.0")

    /// Two plain schema files given directly pair with each other, whatever they are called: their changes are compared,
    /// not reported as one file removed and another added.
    func testPlainFilesGivenDirectlyArePaired() throws {
        let folder = try TemporaryFolder()
        let item = #"{"title": "Item", "type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}, "status": {"enum": ["a", "b"]}}}"#
        try folder.write("base/item.json", item)
        try folder.write("head/item.json", item.replacingOccurrences(of: #"["a", "b"]"#, with: #"["a"]"#))
        try folder.write("head/renamed.json", item)
        let changed = folder.run(["diff", "head/item.json", "--base", "base/item.json", "--format", "json", "--fail-on", "never"]).out.joined(separator: "\n")
        let changes = (try JSONSerialization.jsonObject(with: Data(changed.utf8)) as? [String: Any])?["findings"] as? [[String: Any]]
        XCTAssertEqual(changes?.compactMap { $0["rule"] as? String }, ["enum-value-removed"], changed)
        let renamed = folder.run(["diff", "head/renamed.json", "--base", "base/item.json"])
        XCTAssertEqual(renamed.code, .success, renamed.out.joined(separator: "\n"))
        XCTAssertTrue(renamed.out.joined(separator: "\n").lowercased().contains("no findings"), renamed.out.joined(separator: "\n"))
    }

    /// A base folder laid out like the head (`old/Schemas/orders` against `Schemas/orders`) reaches what the head reaches:
    /// a `../common` reference resolves inside the base's mirror of the root instead of escaping the base folder.
    func testBaseLaidOutLikeTheHeadReachesSiblingFolders() throws {
        let folder = try TemporaryFolder()
        let common = #"{"$defs": {"Sku": {"title": "Sku", "description": "S.", "type": "string"}}}"#
        let orders = DiffExample.contract(defs: DiffExample.item(##""sku": {"$ref": "../common/common.json#/$defs/Sku"}"##))
        for side in ["", "old/"] {
            try folder.write(side + "Schemas/common/common.json", common)
            try folder.write(side + "Schemas/orders/orders.json", orders)
        }
        let run = folder.run(["diff", "Schemas/orders", "--base", "old/Schemas/orders"])
        XCTAssertEqual(run.code, .success, (run.out + run.err).joined(separator: "\n"))
        XCTAssertEqual(DiffCommand.mirroredRoot(base: "/old/Schemas/orders", head: "/repo/Schemas/orders", headRoot: "/repo"), "/old")
        XCTAssertNil(DiffCommand.mirroredRoot(base: "/old/orders", head: "/repo/Schemas/orders", headRoot: "/repo"))
        XCTAssertNil(DiffCommand.mirroredRoot(base: "/old", head: "/repo", headRoot: "/repo"))
    }

    /// Bases are listed newest first; given the other way round, a warning says so.
    func testBasesGivenOldestFirstAreWarnedAbout() throws {
        let folder = try TemporaryFolder()
        try folder.write("b0/demo.json", base)
        try folder.write("b1/demo.json", compatible)
        try folder.write("head/demo.json", compatible.replacingOccurrences(of: "1.3.0", with: "1.3.1"))
        let reversed = folder.run(["diff", "head", "--base", "b0", "--base", "b1"])
        XCTAssertTrue(reversed.err.contains { $0.contains("--base b1 has demo v1 1.3.0, newer than --base b0's 1.2.0: bases are listed newest first") }, reversed.err.joined(separator: "\n"))
        let ordered = folder.run(["diff", "head", "--base", "b1", "--base", "b0"])
        XCTAssertFalse(ordered.err.contains { $0.contains("newest first") }, ordered.err.joined(separator: "\n"))
    }

    func testExitCodesAndVersionLines() throws {
        let folder = try TemporaryFolder()
        try folder.write("old/demo.json", base)
        try folder.write("breaking/demo.json", breaking)
        try folder.write("compatible/demo.json", compatible)
        let rows: [(arguments: [String], code: ExitCode)] = [
            (["diff", "compatible", "--base", "old"], .success),
            (["diff", "breaking", "--base", "old"], .inputProblems),
            (["diff", "breaking", "--base", "old", "--fail-on", "never"], .success),
            (["diff", "compatible", "--base", "old", "--fail-on", "note"], .inputProblems),
            (["diff", "compatible"], .usageOrToolError),
            (["diff", "compatible", "--base", "old", "--base-ref", "HEAD"], .usageOrToolError),
            (["diff", "compatible", "--base", "missing"], .usageOrToolError),
            (["diff", "missing", "--base", "old"], .inputProblems),
            (["diff", "compatible", "--base", "old", "--format", "pdf"], .usageOrToolError),
        ]
        for row in rows {
            XCTAssertEqual(folder.run(row.arguments).code, row.code, row.arguments.joined(separator: " "))
        }
        // JSON and Markdown carry each contract's version verdict, as the text output's last lines do.
        let json = folder.run(["diff", "breaking", "--base", "old", "--format", "json", "--fail-on", "never"]).out.joined(separator: "\n")
        let versions = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["versions"] as? [[String: Any]]
        XCTAssertEqual(versions?.first?["contract"] as? String, "demo v1")
        XCTAssertEqual(versions?.first?["needs"] as? String, "major")
        XCTAssertEqual(versions?.first?["suggested"] as? String, "2.0.0")
        XCTAssertEqual(versions?.first?["passes"] as? Bool, false)
        XCTAssertEqual(versions?.first?["status"] as? String, "version-too-low")
        let markdown = folder.run(["diff", "breaking", "--base", "old", "--format", "markdown", "--fail-on", "never"]).out.joined(separator: "\n")
        XCTAssertTrue(markdown.contains("### Versions\n\n- demo v1: 1.2.0 → 1.3.0: 1 breaking"), markdown)
        // The verdict and the versions come before the table, so a comment cut to GitHub's size keeps them.
        XCTAssertTrue(markdown.contains("**Verdict: Breaking** — head compared with `old`, as of "), markdown)
        let versionsAt = try XCTUnwrap(markdown.range(of: "### Versions")), tableAt = try XCTUnwrap(markdown.range(of: "| Severity |"))
        XCTAssertLessThan(versionsAt.lowerBound, tableAt.lowerBound)
        // A file without changes is a passing JUnit test case named after the command.
        try folder.write("same/demo.json", base)
        _ = folder.run(["diff", "same", "--base", "old", "--report", "junit=diff.xml"])
        XCTAssertTrue(folder.read("diff.xml")?.contains(#"<testcase classname="same/demo.json" name="diff"/>"#) == true, folder.read("diff.xml") ?? "")
        let result = folder.run(["diff", "breaking", "--base", "old"])
        let text = result.out.joined(separator: "\n")
        // The removed property is shown where it was, in the head's file (its parent), with its line in the base.
        XCTAssertTrue(text.contains("breaking/demo.json:4:119: error: demo v1: required property Item.name removed (base line 4) — breaks existing clients reading responses (they require it)"), text)
        XCTAssertTrue(text.contains("demo v1: 1.2.0 → 1.3.0: 1 breaking, 0 risky, 0 compatible; needs major — version should be at least 2.0.0 in a new file beside v1"), text)
    }

    /// `--quiet` / `-q` prints nothing but problems. Rows: a command → its exit code and what it prints: the changes
    /// without the summary line and the version lines (a version that did not move far enough is a `version-gate`
    /// change already); warnings, machine formats and report files as without it.
    func testQuietPrintsNothingButProblems() throws {
        let folder = try TemporaryFolder()
        try folder.write("old/demo.json", base)
        try folder.write("same/demo.json", base)
        try folder.write("breaking/demo.json", breaking)
        try folder.write("b1/demo.json", compatible)
        // Standard output as lines (a document is written at once).
        func lines(_ out: [String]) -> [String] { out.joined(separator: "\n").components(separatedBy: "\n") }
        let full = lines(folder.run(["diff", "breaking", "--base", "old"]).out)
        XCTAssertEqual(Array(full.suffix(2)), ["2 errors, 0 warnings, 0 notes in 1 file",
                                               "demo v1: 1.2.0 → 1.3.0: 1 breaking, 0 risky, 0 compatible; needs major — version should be at least 2.0.0 in a new file beside v1"])
        let json = lines(folder.run(["diff", "breaking", "--base", "old", "--format", "json"]).out)
        let reversed = folder.run(["diff", "same", "--base", "old", "--base", "b1"]).err
        XCTAssertTrue(reversed.first?.contains("bases are listed newest first") == true, "\(reversed)")
        let rows: [(arguments: [String], code: ExitCode, out: [String], err: [String])] = [
            (["diff", "same", "--base", "old", "-q"], .success, [], []),
            (["diff", "breaking", "--base", "old", "--quiet"], .inputProblems, Array(full.dropLast(2)), []),
            (["diff", "breaking", "--base", "old", "-q", "--format", "json"], .inputProblems, json, []),
            (["diff", "same", "--base", "old", "--base", "b1", "-q"], .success, [], reversed),
            (["diff", "breaking", "--base", "old", "-q", "--report", "text=diff.txt", "--fail-on", "never"], .success, Array(full.dropLast(2)), []),
        ]
        for row in rows {
            let run = folder.run(row.arguments)
            XCTAssertEqual(run.code, row.code, "\(row.arguments)")
            XCTAssertEqual(run.out.isEmpty ? [] : lines(run.out), row.out, "\(row.arguments): stdout")
            XCTAssertEqual(run.err, row.err, "\(row.arguments): stderr")
        }
        XCTAssertEqual(folder.read("diff.txt"), full.joined(separator: "\n") + "\n", "a report file is the whole document")
        XCTAssertTrue(DiffCommand.spec.help.contains("-q, --quiet"), DiffCommand.spec.help)
    }

    /// Contracts that do not load still give the requested machine-readable output and report files (each error a
    /// `contract-load` finding), so CI finds them; a git base's broken file is named `REV:path` in text, and by its
    /// path with the revision beside it in JSON, not like the working tree's.
    /// The same contracts given in another order give the same report, byte for byte: contracts are reported in
    /// name order, not in the order their paths were given.
    func testReportDoesNotDependOnTheOrderOfThePaths() throws {
        let folder = try TemporaryFolder()
        let other = { (text: String) in text.replacingOccurrences(of: #""name": "demo""#, with: #""name": "other""#) }
        try folder.write("a/demo.json", base)
        try folder.write("b/other.json", other(base))
        for command in [["init", "-q"], ["add", "."], ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "base"]] {
            XCTAssertEqual(try Self.git(command, in: folder.path), 0, command.joined(separator: " "))
        }
        try folder.write("a/demo.json", breaking)
        try folder.write("b/other.json", other(compatible))
        let forward = folder.run(["diff", "a", "b", "--base-ref", "HEAD", "--format", "json"])
        let backward = folder.run(["diff", "b", "a", "--base-ref", "HEAD", "--format", "json"])
        XCTAssertEqual(forward.code, .inputProblems)
        XCTAssertEqual(forward.out, backward.out)
        XCTAssertTrue(forward.out.joined(separator: "\n").contains("property-removed"), forward.out.joined(separator: "\n"))
    }

    /// A report written into the folder being compared, and `charter.json`, are not contracts the next run loads.
    func testOwnFilesInTheFolderAreNotContracts() throws {
        let folder = try TemporaryFolder()
        try folder.write("old/demo.json", base)
        try folder.write("new/demo.json", compatible)
        try folder.write("new/charter.json", #"{"lint": {"preset": "recommended"}}"#)
        for _ in 0..<2 {
            let result = folder.run(["diff", "new", "--base", "old", "--report", "json=new/diff-report.json"])
            XCTAssertEqual(result.code, .success, result.err.joined(separator: "\n"))
            XCTAssertEqual(result.err, [], "nothing else is loaded")
        }
        XCTAssertNotNil(folder.read("new/diff-report.json"))
    }

    /// A head path that matches nothing is a load error like invalid JSON: exit 1, and every `--report` file (an HTML
    /// page saying *Not compared*) and a machine-readable `--format` are written, never left from an earlier run.
    /// A base that matches nothing stays a usage error (exit 2), like an unknown revision.
    func testAHeadPathThatMatchesNothingIsReportedLikeALoadError() throws {
        let folder = try TemporaryFolder()
        try folder.write("old/demo.json", base)
        let rows: [(path: String, message: String)] = [
            ("contracts/*.json", "pattern contracts/*.json matches no files"),
            ("missing", "no such file or folder: missing"),
        ]
        for row in rows {
            try folder.write("compat.html", "<p>an earlier, compatible run</p>")
            try folder.write("diff.sarif", "STALE")
            let result = folder.run(["diff", row.path, "--base", "old", "--format", "json", "--report", "html=compat.html", "--report", "sarif=diff.sarif"])
            XCTAssertEqual(result.code, .inputProblems, row.path)
            XCTAssertEqual(result.err.first, "\(row.path): error: \(row.message)", row.path)
            let json = try JSONSerialization.jsonObject(with: Data(result.out.joined(separator: "\n").utf8)) as? [String: Any]
            let findings = json?["findings"] as? [[String: Any]] ?? []
            XCTAssertEqual(findings.compactMap { $0["rule"] as? String }, ["contract-load"], row.path)
            XCTAssertEqual(findings.first?["message"] as? String, row.message, row.path)
            let page = try XCTUnwrap(folder.read("compat.html"))
            XCTAssertTrue(page.contains("<div class=\"value\">Not compared</div>") && page.contains(row.message), "\(row.path): \(page)")
            XCTAssertTrue(folder.read("diff.sarif")?.contains(row.message) == true, row.path)
            let html = folder.run(["diff", row.path, "--base", "old", "--format", "html"])
            XCTAssertEqual(html.code, .inputProblems, row.path)
            XCTAssertTrue(html.out.joined().contains("Not compared"), row.path)
        }
        XCTAssertEqual(folder.run(["diff", "old", "--base", "nothing/*.json", "--report", "html=compat.html"]).code, .usageOrToolError)
    }

    /// Rows: arguments → the errors printed. An error every load meets in the same file — a `--ref-map` folder, read from
    /// the working tree for the head and each base folder alike, or one folder given as head and base — is printed (and
    /// reported) once; the same problem in two files (the head's and a base's copy) is two errors, each named.
    func testAnErrorSeveralLoadsMeetIsPrintedOnce() throws {
        let folder = try TemporaryFolder()
        let shared = DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}, "c": {"$ref": "https://example.com/common/common.json#/$defs/X"}"#))
        for side in ["", "old/"] {
            try folder.write(side + "Schemas/demo.json", shared)
            try folder.write(side + "broken/demo.json", "{\"a\": 1,,}")
        }
        try folder.write("common/common.json", #"{"$defs": {"X": {"type": "string",}}}"#)
        let map = ["--ref-map", "https://example.com/common/=common"]
        let rows: [(arguments: [String], errors: [String])] = [
            (["diff", "Schemas", "--base", "old/Schemas"] + map, ["common/common.json:1:35: error: trailing comma before '}' [/$defs/X]"]),
            (["diff", "Schemas", "--base", "old/Schemas", "--base", "Schemas"] + map, ["common/common.json:1:35: error: trailing comma before '}' [/$defs/X]"]),
            (["diff", "broken", "--base", "broken"], ["broken/demo.json:1:9: error: expected a string key, found ',' [#]"]),
            (["diff", "broken", "--base", "old/broken"], ["broken/demo.json:1:9: error: expected a string key, found ',' [#]",
                                                         "old/broken/demo.json:1:9: error: expected a string key, found ',' [#]"]),
        ]
        for row in rows {
            let text = folder.run(row.arguments)
            XCTAssertEqual(text.code, .inputProblems, row.arguments.joined(separator: " "))
            XCTAssertEqual(text.err.filter { $0.contains(": error: ") }, row.errors, row.arguments.joined(separator: " "))
            XCTAssertEqual(text.err.last, row.errors.count == 1 ? "1 error found" : "\(row.errors.count) errors found", row.arguments.joined(separator: " "))
            // The reports written instead say the same, once.
            let json = folder.run(row.arguments + ["--format", "json"])
            let findings = (try JSONSerialization.jsonObject(with: Data(json.out.joined(separator: "\n").utf8)) as? [String: Any])?["findings"] as? [[String: Any]]
            XCTAssertEqual(findings?.count, row.errors.count, row.arguments.joined(separator: " "))
        }
    }

    func testLoadFailuresStillWriteReportsAndNameTheRevision() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/demo.json", "{\n  \"x-contract\": ,\n}")
        for command in [["init", "-q"], ["add", "."], ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "broken base"]] {
            XCTAssertEqual(try Self.git(command, in: folder.path), 0, command.joined(separator: " "))
        }
        try folder.write("Schemas/demo.json", base)
        let result = folder.run(["diff", "--base-ref", "HEAD", "--format", "json", "--report", "sarif=diff.sarif"])
        XCTAssertEqual(result.code, .inputProblems)
        XCTAssertTrue(result.err.first?.hasPrefix("HEAD:Schemas/demo.json:2:17: error: ") == true, "\(result.err)")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.joined(separator: "\n").utf8)) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        XCTAssertEqual(findings.compactMap { $0["rule"] as? String }, ["contract-load"])
        XCTAssertEqual(findings.first?["file"] as? String, "Schemas/demo.json")
        XCTAssertEqual(findings.first?["revision"] as? String, "HEAD")
        let sarif = try XCTUnwrap(folder.read("diff.sarif"))
        XCTAssertTrue(sarif.contains(#""ruleId": "contract-load""#), sarif)
        // The rule is described, so code scanning can say what the result means.
        XCTAssertTrue(sarif.contains(#""id": "contract-load""#) && sarif.contains(#""ruleIndex": 0"#), sarif)
        // Nothing was compared, and the file at the revision is the repository's path.
        XCTAssertTrue(sarif.contains(#""executionSuccessful": false"#), sarif)
        XCTAssertTrue(sarif.contains(#""uri": "Schemas/demo.json","#) && sarif.contains(#""uriBaseId": "%REPOROOT%""#), sarif)
        // An HTML report from an earlier run is replaced by one saying nothing was compared.
        try folder.write("report.html", "<p>an earlier, compatible run</p>")
        XCTAssertEqual(folder.run(["diff", "--base-ref", "HEAD", "--report", "html=report.html"]).code, .inputProblems)
        let page = try XCTUnwrap(folder.read("report.html"))
        XCTAssertTrue(page.contains("<div class=\"value\">Not compared</div>") && page.contains("HEAD:Schemas/demo.json:2:17"), page)
        XCTAssertNoThrow(try XMLDocument(xmlString: page), "well-formed XHTML")

        // lint: the same, and plain text still prints only the errors.
        try folder.write("Schemas/demo.json", "{\n  \"x-contract\": ,\n}")
        let lint = folder.run(["lint", "--format", "sarif", "--report", "junit=lint.xml"])
        XCTAssertEqual(lint.code, .inputProblems)
        XCTAssertTrue(lint.out.joined().contains("contract-load"), "\(lint.out)")
        XCTAssertTrue(folder.read("lint.xml")?.contains("contract-load") == true)
        // Head and base both broken: both are named.
        let both = folder.run(["diff", "--base-ref", "HEAD"]).err
        XCTAssertTrue(both.contains { $0.hasPrefix("HEAD:Schemas/demo.json:2:17: error: ") } && both.contains { $0.hasPrefix("Schemas/demo.json:2:17: error: ") }, "\(both)")
        let text = folder.run(["lint"])
        XCTAssertEqual(text.out, [])
        XCTAssertTrue(text.err.first?.hasPrefix("Schemas/demo.json:2:17: error: ") == true, "\(text.err)")
    }

    func testGitRevisionIsTheBaseAndTheWorkingTreeIsUntouched() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/demo.json", base)
        for command in [["init", "-q"], ["add", "."], ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "base"]] {
            XCTAssertEqual(try Self.git(command, in: folder.path), 0, command.joined(separator: " "))
        }
        try folder.write("Schemas/demo.json", breaking)
        let result = folder.run(["diff", "--base-ref", "HEAD", "--format", "json"])
        XCTAssertEqual(result.code, .inputProblems, result.err.joined(separator: "\n"))
        let json = try JSONSerialization.jsonObject(with: Data(result.out.joined(separator: "\n").utf8)) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        XCTAssertEqual(findings.compactMap { $0["rule"] as? String }.sorted(), ["property-removed", "version-gate"])
        XCTAssertEqual(findings.first { $0["rule"] as? String == "property-removed" }?["file"] as? String, "Schemas/demo.json",
                       "a removal inside a file the head still has is shown in the head's file")
        // The document says what it judged: the verdict, the base and its commit, the date.
        XCTAssertEqual(json?["verdict"] as? String, "breaking")
        let bases = json?["bases"] as? [[String: Any]]
        XCTAssertEqual(bases?.map { $0["name"] as? String }, ["HEAD"])
        XCTAssertEqual((bases?.first?["commit"] as? String)?.count, 40)
        XCTAssertEqual((json?["today"] as? String)?.count, 10)
        XCTAssertEqual(folder.read("Schemas/demo.json"), breaking, "the working tree is untouched")
        XCTAssertEqual(try Self.git(["diff", "--quiet", "--cached"], in: folder.path), 0, "the index is untouched")

        // A contract the head no longer has is located in the base, named with the revision.
        try FileManager.default.removeItem(atPath: folder.path + "/Schemas/demo.json")
        try folder.write("Schemas/other.json", DiffExample.response(#""sku": {"type": "string"}"#).replacingOccurrences(of: #""name": "demo""#, with: #""name": "other""#))
        let removed = folder.run(["diff", "--base-ref", "HEAD", "--absolute-paths"])
        XCTAssertTrue(removed.out.contains { $0.hasPrefix("HEAD:Schemas/demo.json:") && $0.contains("demo v1 removed") }, removed.out.joined(separator: "\n"))
        // Formats read by machines name the repository's path (code scanning and annotations resolve it in the
        // repository, where `HEAD:` would point nowhere), with the revision beside it.
        let sarif = folder.run(["diff", "--base-ref", "HEAD", "--format", "sarif"]).out.joined(separator: "\n")
        let results = try XCTUnwrap(((try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let physical = (results.first { $0["ruleId"] as? String == "contract-removed" }?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        XCTAssertEqual((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String, "Schemas/demo.json", sarif)
        XCTAssertEqual((physical?["properties"] as? [String: Any])?["revision"] as? String, "HEAD", sarif)
        XCTAssertEqual((physical?["artifactLocation"] as? [String: Any])?["uriBaseId"] as? String, "%REPOROOT%", "relative to the repository's root")
        let github = folder.run(["diff", "--base-ref", "HEAD", "--format", "github"]).out
        XCTAssertTrue(github.contains { $0.hasPrefix("::error file=Schemas/demo.json,line=") && $0.contains("title=contract-removed") && $0.contains("(in HEAD:Schemas/demo.json)") },
                      github.joined(separator: "\n"))

        let unknown = folder.run(["diff", "--base-ref", "no-such-branch"])
        XCTAssertEqual(unknown.code, .usageOrToolError)
        XCTAssertTrue(unknown.err.joined().contains("cannot find revision 'no-such-branch'"), unknown.err.joined())
    }

    /// The base's files are written by `git checkout-index` in batches of paths given as arguments: more files than one
    /// batch, and names a shell or git could misread (a space, a leading dash), all reach the base. An unchanged head
    /// then has nothing to report; a file the base lacked would be a contract added.
    func testGitBaseHoldsEveryFileOfTheRevision() throws {
        let folder = try TemporaryFolder()
        let names = (0..<501).map { "c\($0).json" } + ["with space.json", "-dash.json"]
        for (index, name) in names.enumerated() {
            try folder.write("Schemas/" + name, base.replacingOccurrences(of: #""name": "demo""#, with: "\"name\": \"c\(index)\""))
        }
        for command in [["init", "-q"], ["add", "."], ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "base"]] {
            XCTAssertEqual(try Self.git(command, in: folder.path), 0, command.joined(separator: " "))
        }
        let result = folder.run(["diff", "--base-ref", "HEAD", "--format", "json"])
        XCTAssertEqual(result.code, .success, result.err.joined(separator: "\n"))
        let json = try JSONSerialization.jsonObject(with: Data(result.out.joined(separator: "\n").utf8)) as? [String: Any]
        XCTAssertEqual((json?["findings"] as? [[String: Any]])?.count, 0, result.out.joined(separator: "\n").prefix(2_000).description)
        // And a change in the last file of the last batch is seen.
        try folder.write("Schemas/-dash.json", breaking.replacingOccurrences(of: #""name": "demo""#, with: "\"name\": \"c\(names.count - 1)\""))
        let changed = folder.run(["diff", "--base-ref", "HEAD", "--format", "json"])
        XCTAssertEqual(changed.code, .inputProblems, changed.err.joined(separator: "\n"))
    }

    /// A folder whose contracts were all deleted since the revision, diffed from a folder beside it.
    func testGitBaseSeesDeletedFoldersFromAnotherWorkingDirectory() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/a/alpha.json", base.replacingOccurrences(of: #""name": "demo""#, with: #""name": "alpha""#))
        try folder.write("Schemas/b/beta.json", base.replacingOccurrences(of: #""name": "demo""#, with: #""name": "beta""#))
        try folder.write("tools/README.md", "tools\n")
        for command in [["init", "-q"], ["add", "."], ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "base"]] {
            XCTAssertEqual(try Self.git(command, in: folder.path), 0, command.joined(separator: " "))
        }
        try folder.remove("Schemas/b")
        let recorder = ConsoleRecorder()
        let code = CommandLineTool(console: recorder.console, workingDirectory: folder.path + "/tools", commands: CharterCommands.all).run(["diff", "../Schemas", "--base-ref", "HEAD"])
        XCTAssertEqual(code, .inputProblems, recorder.err.joined(separator: "\n"))
        XCTAssertTrue(recorder.out.contains { $0.contains("beta v1 removed") }, recorder.out.joined(separator: "\n"))
    }

    func testHTMLReportIsWellFormedAndComplete() throws {
        let folder = try TemporaryFolder()
        try folder.write("old/demo.json", base)
        try folder.write("new/demo.json", breaking)
        let result = folder.run(["diff", "new", "--base", "old", "--report", "html=report.html", "--today", "2026-06-01", "--fail-on", "never"])
        XCTAssertEqual(result.code, .success)
        let html = try XCTUnwrap(folder.read("report.html"))
        XCTAssertTrue(html.contains("required property Item.name removed"), "the change")
        XCTAssertTrue(html.contains("should be at least 2.0.0"), "the version matrix")
        XCTAssertTrue(html.contains(#"<h2>Breaking changes <span class="count bad">1</span></h2>"#), "the list counts what the card counts")
        XCTAssertTrue(html.contains(#"<h2>Versions to fix <span class="count bad">1</span></h2>"#), "the version gate apart")
        XCTAssertTrue(html.contains("Governance coverage"), "the coverage table")
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertFalse(html.contains("http://") && html.contains("src="), "no external resources")
        _ = folder.run(["diff", "new", "--base", "old", "--report", "html=again.html", "--today", "2026-06-01", "--fail-on", "never"])
        XCTAssertEqual(folder.read("again.html"), html, "deterministic")
        #if canImport(FoundationXML)
        XCTAssertNoThrow(try XMLDocument(xmlString: html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: ""), options: []), "well-formed XHTML")
        #endif
    }

    func testTransitivePolicyChecksEveryBase() throws {
        let folder = try TemporaryFolder()
        let policy = { (text: String) in text.replacingOccurrences(of: #""compatibility": "backward""#, with: #""compatibility": "forward-transitive""#) }
        // v1.0 had a string property that v1.1 dropped; the head brings it back as an integer: compatible against v1.1,
        // breaking against v1.0 — and the version gate counts it.
        try folder.write("v10/demo.json", policy(DiffExample.response(#""sku": {"type": "string"}, "note": {"type": "string"}"#, version: "1.0.0")))
        try folder.write("v11/demo.json", policy(DiffExample.response(#""sku": {"type": "string"}"#, version: "1.1.0")))
        try folder.write("head/demo.json", policy(DiffExample.response(#""sku": {"type": "string"}, "note": {"type": "integer"}"#, version: "1.2.0")))
        let newest = folder.run(["diff", "head", "--base", "v11", "--fail-on", "never"]).out.joined(separator: "\n")
        let both = folder.run(["diff", "head", "--base", "v11", "--base", "v10", "--fail-on", "never"]).out.joined(separator: "\n")
        XCTAssertFalse(newest.contains("(against v10)"))
        XCTAssertTrue(both.contains("Item.note type changed from string to integer") && both.contains("(against v10)"), both)
        XCTAssertTrue(both.contains("1 breaking change needs a major version, but demo v1 goes from 1.1.0 to 1.2.0"), both)
        let json = folder.run(["diff", "head", "--base", "v11", "--base", "v10", "--format", "json", "--fail-on", "never"]).out.joined(separator: "\n")
        let versions = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["versions"] as? [[String: Any]]
        XCTAssertEqual(versions?.first?["passes"] as? Bool, false, json)
        // What the newest base already had against an older one predates the head: a head equal to v1.1 reports
        // nothing, though v1.1 dropped what v1.0 had.
        try folder.write("head/demo.json", policy(DiffExample.response(#""sku": {"type": "string"}"#, version: "1.1.0")))
        let unchanged = folder.run(["diff", "head", "--base", "v11", "--base", "v10", "--fail-on", "note"])
        XCTAssertEqual(unchanged.code, .success, unchanged.out.joined(separator: "\n"))
        // A change found against both bases is reported once, even where the bases number their lines differently.
        try folder.write("v10/demo.json", policy(DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["a"]}, "note": {"type": "string"}"#, version: "1.0.0")).replacingOccurrences(of: "{\n", with: "{\n\n\n"))
        try folder.write("v11/demo.json", policy(DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["a"]}, "note": {"type": "string"}"#, version: "1.1.0")))
        let twice = folder.run(["diff", "head", "--base", "v11", "--base", "v10", "--fail-on", "never"]).out.joined(separator: "\n")
        XCTAssertEqual(twice.components(separatedBy: "property Item.note removed").count - 1, 1, twice)
        // A different change at the same place is its own change: each value gained since v10 is reported once.
        try folder.write("v10/demo.json", policy(DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["a"]}"#, version: "1.0.0")))
        try folder.write("v11/demo.json", policy(DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["a", "b"]}"#, version: "1.1.0")))
        try folder.write("head/demo.json", policy(DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["a", "b", "c"]}"#, version: "1.2.0")))
        let gained = folder.run(["diff", "head", "--base", "v11", "--base", "v10", "--fail-on", "never"]).out.joined(separator: "\n")
        XCTAssertEqual(gained.components(separatedBy: #"enum Item.state gained value "c""#).count - 1, 1, gained)
        XCTAssertFalse(gained.contains(#"enum Item.state gained value "b""#), "v1.1 gained it, not the head: \(gained)")
        // One edit in two steps (maxLength 10 → 8 in v1.1, → 5 in the head) is one change, though its values differ
        // between the bases.
        try folder.write("v10/demo.json", policy(DiffExample.request(#""sku": {"type": "string", "maxLength": 10}"#, version: "1.0.0")))
        try folder.write("v11/demo.json", policy(DiffExample.request(#""sku": {"type": "string", "maxLength": 8}"#, version: "1.1.0")))
        try folder.write("head/demo.json", policy(DiffExample.request(#""sku": {"type": "string", "maxLength": 5}"#, version: "1.2.0")))
        let stepped = folder.run(["diff", "head", "--base", "v11", "--base", "v10", "--fail-on", "never"]).out.joined(separator: "\n")
        XCTAssertFalse(stepped.contains("(against v10)"), stepped)
        XCTAssertTrue(stepped.contains("1 breaking change needs a major version"), stepped)
        // A contract removed since both bases is reported once (its place is in a different folder in each base).
        try FileManager.default.removeItem(atPath: folder.path + "/head/demo.json")
        try folder.write("head/other.json", policy(DiffExample.response(#""sku": {"type": "string"}"#).replacingOccurrences(of: #""name": "demo""#, with: #""name": "other""#)))
        let removed = folder.run(["diff", "head", "--base", "v11", "--base", "v10", "--fail-on", "never"]).out.joined(separator: "\n")
        XCTAssertEqual(removed.components(separatedBy: "demo v1 removed").count - 1, 1, removed)
    }

    /// A major bumped in place beside another major of the contract is paired with its old self when the base is a
    /// folder too (by its path inside the folder given), so its changes show.
    func testMajorBumpedInPlaceWithAFolderBase() throws {
        let folder = try TemporaryFolder()
        let v1 = DiffExample.response(#""sku": {"type": "string"}"#, version: "1.2.0")
        try folder.write("old/demo-v1.json", v1)
        try folder.write("old/demo-v2.json", DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["a"]}"#, version: "2.0.0"))
        try folder.write("new/demo-v1.json", v1)
        try folder.write("new/demo-v2.json", DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["a", "b"]}"#, version: "3.0.0"))
        let text = folder.run(["diff", "new", "--base", "old", "--fail-on", "never"]).out.joined(separator: "\n")
        XCTAssertTrue(text.contains(#"demo v2 → demo v3: enum Item.state gained value "b""#), text)
        XCTAssertFalse(text.contains("demo v3 added"), text)
    }

    /// Runs git in `directory`, its output discarded; the exit status.
    static func git(_ arguments: [String], in directory: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
