import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance

/// `charter lint` end to end in a temporary folder: exit codes, configuration discovery, report files,
/// baselines, the rule list and usage errors.
final class LintCommandTests: XCTestCase {
    private let clean = ExampleContract.make(defs: ExampleContract.item)
    /// One error (money-not-float) and one warning (type-documented).
    private let dirty = ExampleContract.make(defs: #""Line": {"type": "object", "properties": {"unitPrice": {"type": "number"}}, "examples": [{"unitPrice": 1.5}]}"#)

    func testExitCodesFollowFailOn() throws {
        let folder = try TemporaryFolder()
        try folder.write("contracts/clean.json", clean)
        try folder.write("contracts/dirty.json", dirty)
        let rows: [(arguments: [String], code: ExitCode)] = [
            (["lint", "contracts/clean.json"], .success),
            (["lint", "contracts"], .inputProblems),
            (["lint", "contracts", "--fail-on", "never"], .success),
            (["lint", "contracts", "--rule", "money-not-float=warning"], .success),
            (["lint", "contracts", "--rule", "money-not-float=warning", "--fail-on", "warning"], .inputProblems),
            (["lint", "contracts", "--rule", "money-not-float=off", "--rule", "type-documented=note", "--fail-on", "warning"], .success),
            (["lint", "missing"], .inputProblems),
            (["lint", "contracts", "--fail-on", "fatal"], .usageOrToolError),
            (["lint", "contracts", "--format", "yaml"], .usageOrToolError),
            (["lint", "contracts", "--rule", "no-such-rule=off"], .usageOrToolError),
            (["lint", "contracts", "--today", "tomorrow"], .usageOrToolError),
            (["lint", "contracts", "--today", "2026-02-30"], .usageOrToolError),
            (["lint", "contracts/clean.json", "--today", "2028-02-29"], .success),
            (["lint", "contracts", "--config", "absent.json"], .usageOrToolError),
        ]
        for row in rows {
            XCTAssertEqual(folder.run(row.arguments).code, row.code, row.arguments.joined(separator: " "))
        }
    }

    func testTextFindingsNameFileLineColumnPointerAndRule() throws {
        let folder = try TemporaryFolder()
        try folder.write("dirty.json", dirty)
        let result = folder.run(["lint", "dirty.json", "--today", "2026-06-01"])
        let text = result.out.joined(separator: "\n")
        XCTAssertTrue(text.contains("dirty.json:4:21: warning: type Line has no title or description [/$defs/Line] (type-documented)"), text)
        XCTAssertTrue(text.contains("dirty.json:4:68: error: unitPrice is a binary floating-point number; money must be exact [/$defs/Line/properties/unitPrice] (money-not-float)"), text)
    }

    /// Override globs are relative to the folder of charter.json, wherever charter runs from and however `--config`
    /// names it.
    func testOverridesAreRelativeToTheConfigurationsFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("l/sub/dirty.json", dirty)
        try folder.write("charter.json", #"{"lint": {"overrides": [{"files": ["l/sub/*.json"], "rules": {"money-not-float": "off"}}]}}"#)
        let rows: [(arguments: [String], in: String?)] = [
            (["lint", "l"], nil),
            (["lint", ".", "--config", "../charter.json"], "l"),
            (["lint", "dirty.json", "--config", "../../charter.json"], "l/sub"),
        ]
        for row in rows {
            let result = folder.run(row.arguments, in: row.in)
            XCTAssertEqual(result.code, .success, "\(row.arguments) in \(row.in ?? "."): \(result.err)")
        }
    }

    func testConfigurationIsFoundInTheWorkingDirectory() throws {
        let folder = try TemporaryFolder()
        try folder.write("dirty.json", dirty)
        try folder.write("charter.json", #"{"output": "Generated", "lint": {"rules": {"money-not-float": "off"}}}"#)
        XCTAssertEqual(folder.run(["lint", "dirty.json"]).code, .success)
        try folder.write("charter.json", #"{"lint": {"rules": {"money-not-float": "loud"}}}"#)
        let result = folder.run(["lint", "dirty.json"])
        XCTAssertEqual(result.code, .usageOrToolError, "a configuration mistake is a usage error, like --rule's")
        XCTAssertEqual(result.err.first, #"charter.json:1:40: error: a rule level must be "off", "note", "warning" or "error" [/lint/rules/money-not-float]"#)
        // Not an object, or a misspelt key: an error, not a configuration without rules.
        for text in ["[]", "42", #"{"lnit": {"rules": {"money-not-float": "off"}}}"#] {
            try folder.write("charter.json", text)
            XCTAssertEqual(folder.run(["lint", "dirty.json"]).code, .usageOrToolError, text)
        }
    }

    func testReportFilesAndBaselineAdoption() throws {
        let folder = try TemporaryFolder()
        try folder.write("dirty.json", dirty)
        let written = folder.run(["lint", "dirty.json", "--write-baseline", "lint-baseline.json"])
        XCTAssertEqual(written.code, .success)
        XCTAssertEqual(written.out, ["Recorded 2 findings in lint-baseline.json"])
        XCTAssertEqual(folder.run(["lint", "dirty.json", "--baseline", "lint-baseline.json", "--fail-on", "note"]).code, .success)

        let reported = folder.run(["lint", "dirty.json", "--report", "json=out/lint.json", "--report", "sarif=lint.sarif", "--fail-on", "never"])
        XCTAssertEqual(reported.code, .usageOrToolError, "a report into a missing folder is a tool error")
        XCTAssertTrue(reported.err.joined().contains("cannot write out/lint.json"), reported.err.joined())
        XCTAssertEqual(folder.run(["lint", "dirty.json", "--report", "sarif=lint.sarif", "--fail-on", "never"]).code, .success)
        XCTAssertNotNil(folder.read("lint.sarif"))
    }

    /// A finding's fingerprint does not depend on where the run starts or how paths are shown: a baseline written in
    /// one place holds in another. Rows: how the run is made → it must give the same fingerprints as the first row.
    func testFingerprintsDoNotDependOnTheWorkingFolderOrPathStyle() throws {
        let folder = try TemporaryFolder()
        try folder.write("contracts/dirty.json", dirty)
        try folder.write("contracts/geo/geo.json", #"{"title": "Geo", "type": "object", "properties": {"lat": {"type": "number"}}}"#)
        let rows: [(label: String, arguments: [String], subfolder: String?)] = [
            ("from the top", ["lint", "contracts", "--root", "contracts"], nil),
            ("absolute paths", ["lint", "contracts", "--root", "contracts", "--absolute-paths"], nil),
            ("from inside, root pinned", ["lint", ".", "--root", "."], "contracts"),
        ]
        var expected: [String]?
        for row in rows {
            let run = folder.run(row.arguments + ["--format", "json", "--fail-on", "never"], in: row.subfolder)
            XCTAssertEqual(run.code, .success, row.label)
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.out.joined(separator: "\n").utf8)) as? [String: Any], row.label)
            let fingerprints = ((document["findings"] as? [[String: Any]]) ?? []).compactMap { $0["fingerprint"] as? String }.sorted()
            XCTAssertEqual(fingerprints.count, 3, "\(row.label): \(run.out)")
            if let expected { XCTAssertEqual(fingerprints, expected, row.label) } else { expected = fingerprints }
        }
    }

    /// A path that matches nothing (a pattern, a missing file, a folder without contracts) is a load error like invalid
    /// JSON: exit 1, the error on standard error, and every `--report` file and a machine-readable `--format` rewritten
    /// as a `contract-load` finding — an earlier run's report is never left in place. Plain text prints only the error.
    func testAPathThatMatchesNothingIsReportedLikeALoadError() throws {
        let folder = try TemporaryFolder()
        try folder.write("empty/notes.txt", "not a contract")
        let rows: [(path: String, message: String)] = [
            ("contracts/*.json", "pattern contracts/*.json matches no files"),
            ("missing.json", "no such file or folder: missing.json"),
            ("empty", "folder empty contains no *.json files"),
        ]
        for row in rows {
            try folder.write("lint.sarif", "STALE")
            try folder.write("lint.xml", "STALE")
            let result = folder.run(["lint", row.path, "--format", "sarif", "--report", "sarif=lint.sarif", "--report", "junit=lint.xml"])
            XCTAssertEqual(result.code, .inputProblems, row.path)
            XCTAssertEqual(result.err.first, "\(row.path): error: \(row.message)", row.path)
            let out = result.out.joined(separator: "\n")
            XCTAssertTrue(out.contains(#""ruleId": "contract-load""#) && out.contains(row.message), "\(row.path): \(out)")
            XCTAssertEqual(folder.read("lint.sarif"), out + "\n", "\(row.path): the report file is the standard output's log")
            XCTAssertTrue(folder.read("lint.xml")?.contains(row.message) == true, "\(row.path): \(folder.read("lint.xml") ?? "")")
            let text = folder.run(["lint", row.path])
            XCTAssertEqual(text.code, .inputProblems, row.path)
            XCTAssertEqual(text.out, [], row.path)
            XCTAssertEqual(text.err.first, "\(row.path): error: \(row.message)", row.path)
        }
    }

    /// `--quiet` / `-q` prints nothing but problems. Rows: a command → its exit code and what it prints on standard output
    /// and standard error: the findings without the summary line, no `--write-baseline` note; warnings, errors, machine
    /// formats and report files as without it.
    func testQuietPrintsNothingButProblems() throws {
        let folder = try TemporaryFolder()
        try folder.write("clean.json", clean)
        try folder.write("dirty.json", dirty)
        try folder.write("odd.json", clean.replacingOccurrences(of: #""title": "Item","#, with: #""title": "Item", "maxLenght": 3,"#))
        try folder.write("broken.json", "{")
        // Standard output as lines (a document is written at once).
        func lines(_ out: [String]) -> [String] { out.joined(separator: "\n").components(separatedBy: "\n") }
        let findings = lines(folder.run(["lint", "dirty.json"]).out)
        XCTAssertEqual(findings.last, "1 error, 1 warning, 0 notes in 1 file")
        let json = lines(folder.run(["lint", "dirty.json", "--format", "json"]).out)
        let oddWarning = try XCTUnwrap(folder.run(["lint", "odd.json"]).err.first)
        let brokenErrors = folder.run(["lint", "broken.json"]).err
        XCTAssertFalse(brokenErrors.isEmpty)
        let rows: [(arguments: [String], code: ExitCode, out: [String], err: [String])] = [
            (["lint", "clean.json", "-q"], .success, [], []),
            (["lint", "dirty.json", "--quiet"], .inputProblems, Array(findings.dropLast()), []),
            (["lint", "odd.json", "-q"], .success, [], [oddWarning]),
            (["lint", "broken.json", "-q"], .inputProblems, [], brokenErrors),
            (["lint", "dirty.json", "-q", "--format", "json"], .inputProblems, json, []),
            (["lint", "dirty.json", "-q", "--write-baseline", "b.json"], .success, [], []),
            (["lint", "dirty.json", "-q", "--format", "sarif", "--write-baseline", "b.json"], .success, [], []),
            (["lint", "dirty.json", "-q", "--report", "text=lint.txt", "--fail-on", "never"], .success, Array(findings.dropLast()), []),
        ]
        for row in rows {
            let run = folder.run(row.arguments)
            XCTAssertEqual(run.code, row.code, "\(row.arguments)")
            XCTAssertEqual(run.out.isEmpty ? [] : lines(run.out), row.out, "\(row.arguments): stdout")
            XCTAssertEqual(run.err, row.err, "\(row.arguments): stderr")
        }
        XCTAssertEqual(folder.read("lint.txt"), findings.joined(separator: "\n") + "\n", "a report file is the whole document")
        XCTAssertNotNil(folder.read("b.json"))
        XCTAssertTrue(LintCommand.spec.help.contains("-q, --quiet"), LintCommand.spec.help)
    }

    /// The SARIF log says how the run went. Rows: a command → its exit code, the log's `executionSuccessful` (false only
    /// when contracts did not load: findings are a run that worked) and the codes of its tool execution notifications
    /// (the load warnings, which standard error shows too).
    func testSARIFInvocationFollowsTheRun() throws {
        let folder = try TemporaryFolder()
        try folder.write("clean.json", clean)
        try folder.write("dirty.json", dirty)
        try folder.write("odd.json", clean.replacingOccurrences(of: #""title": "Item","#, with: #""title": "Item", "maxLenght": 3,"#))
        try folder.write("broken.json", "{")
        let rows: [(arguments: [String], code: ExitCode, successful: Bool, notifications: [String])] = [
            (["lint", "clean.json"], .success, true, []),
            (["lint", "dirty.json"], .inputProblems, true, []),
            (["lint", "odd.json"], .success, true, ["schema.unknown-keyword"]),
            (["lint", "broken.json"], .inputProblems, false, []),
            (["diff", "odd.json", "--base", "clean.json"], .success, true, ["schema.unknown-keyword"]),
            (["diff", "broken.json", "--base", "clean.json"], .inputProblems, false, []),
        ]
        for row in rows {
            let run = folder.run(row.arguments + ["--format", "sarif"])
            XCTAssertEqual(run.code, row.code, "\(row.arguments): \(run.err)")
            let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.out.joined(separator: "\n").utf8)) as? [String: Any], "\(row.arguments)")
            let invocation = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first, "\(row.arguments)")
            XCTAssertEqual(invocation["executionSuccessful"] as? Bool, row.successful, "\(row.arguments)")
            let notifications = invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []
            XCTAssertEqual(notifications.map { ($0["descriptor"] as? [String: String])?["id"] ?? "" }, row.notifications, "\(row.arguments)")
            XCTAssertEqual(run.err.filter { $0.contains("warning: unknown keyword") }.count, row.notifications.count, "\(row.arguments): \(run.err)")
        }
    }

    /// Load warnings are in the JSON document (`warnings`: file, line, column, pointer, code, message) and on standard error
    /// in every format, as the same line as text. Rows: a command → its exit code and the codes of its warnings (a base's
    /// unknown keyword is the older version's, not the head's to answer for).
    func testLoadWarningsReachJSONAndStandardError() throws {
        let folder = try TemporaryFolder()
        try folder.write("clean.json", clean)
        try folder.write("odd.json", clean.replacingOccurrences(of: #""title": "Item","#, with: #""title": "Item", "maxLenght": 3,"#))
        try folder.write("broken.json", "{")
        let rows: [(arguments: [String], code: ExitCode, codes: [String])] = [
            (["lint", "clean.json"], .success, []),
            (["lint", "odd.json"], .success, ["schema.unknown-keyword"]),
            (["lint", "odd.json", "broken.json"], .inputProblems, ["schema.unknown-keyword"]),
            (["diff", "odd.json", "--base", "clean.json"], .success, ["schema.unknown-keyword"]),
            (["diff", "clean.json", "--base", "odd.json"], .success, []),
        ]
        for row in rows {
            let run = folder.run(row.arguments + ["--format", "json"])
            XCTAssertEqual(run.code, row.code, "\(row.arguments): \(run.err)")
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.out.joined(separator: "\n").utf8)) as? [String: Any], "\(row.arguments)")
            let warnings = try XCTUnwrap(document["warnings"] as? [[String: Any]], "\(row.arguments)")
            XCTAssertEqual(warnings.map { $0["code"] as? String ?? "" }, row.codes, "\(row.arguments)")
            // Each is the line standard error shows, member for member.
            let lines = warnings.map { warning in
                "\(warning["file"] as? String ?? ""):\(warning["line"] as? Int ?? 0):\(warning["column"] as? Int ?? 0): warning: "
                    + "\(warning["message"] as? String ?? "") [\(warning["pointer"] as? String ?? "")]"
            }
            XCTAssertEqual(lines, row.codes.isEmpty ? [] : [#"odd.json:4:39: warning: unknown keyword "maxLenght" kept but ignored [/$defs/Item/maxLenght]"#], "\(row.arguments)")
            XCTAssertEqual(run.err.filter { $0.contains(": warning: ") }, lines, "\(row.arguments): standard error under --format json")
            let text = folder.run(row.arguments)
            XCTAssertEqual(text.err.filter { $0.contains(": warning: ") }, lines, "\(row.arguments): standard error under text")
            XCTAssertFalse(text.out.joined().contains("maxLenght"), "\(row.arguments): standard output holds findings only")
        }
    }

    /// A baseline that is missing, not JSON or not a baseline is a tool error (exit 2) like a missing --config, named
    /// with file, line:column and pointer.
    func testBaselineProblemsAreToolErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("clean.json", clean)
        try folder.write("broken.json", "{")
        try folder.write("other.json", #"{"version": 2, "findings": []}"#)
        try folder.write("entry.json", #"{"version": 1, "findings": [{"rule": "x"}]}"#)
        let rows: [(file: String, error: String)] = [
            ("missing.json", "missing.json: error: cannot read the baseline file"),
            ("other.json", "other.json:1:1: error: not a Charter lint baseline (version 1 with a findings array) [#]"),
            ("entry.json", "entry.json:1:29: error: entry has no fingerprint [/findings/0]"),
        ]
        for row in rows {
            let result = folder.run(["lint", "clean.json", "--baseline", row.file])
            XCTAssertEqual(result.code, .usageOrToolError, row.file)
            XCTAssertEqual(result.err.first, row.error, row.file)
        }
        XCTAssertEqual(folder.run(["lint", "clean.json", "--baseline", "broken.json"]).code, .usageOrToolError)
    }

    /// A baseline whose entries hide nothing says so on standard error, naming the likely cause: none matching while
    /// the run's files are named differently is a baseline written from another folder (paths are relative to the
    /// root); some not matching are fixed findings, or files this run did not lint. The exit code is the findings'.
    func testBaselineEntriesThatMatchNothingAreNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("c/dirty.json", dirty)
        try folder.write("c/other.json", dirty.replacingOccurrences(of: "unitPrice", with: "listPrice"))
        XCTAssertEqual(folder.run(["lint", "c", "--write-baseline", "b.json"]).out, ["Recorded 4 findings in b.json"])
        let fixed = dirty.replacingOccurrences(of: #""type": "number"}"#, with: #""type": "string", "format": "decimal"}"#)
            .replacingOccurrences(of: "1.5", with: #""1.5""#)
        let rows: [(arguments: [String], in: String?, write: (String, String)?, code: ExitCode, err: [String])] = [
            // Every entry matches: nothing to say.
            (["lint", "c", "--baseline", "b.json", "--fail-on", "note"], nil, nil, .success, []),
            // From inside c/ the files are dirty.json, not c/dirty.json: nothing matches.
            (["lint", ".", "--baseline", "../b.json"], "c", nil, .inputProblems, [
                "../b.json: warning: none of the baseline's 4 entries matches a finding: it names files such as c/dirty.json, "
                    + "this run files such as dirty.json (relative to the root, .)",
                "    hint: baseline paths are relative to the root — the folder common to the inputs, or the working directory when "
                    + "they are all inside it: run from the folder the baseline was written in, or pin the root with --root",
            ]),
            (["lint", "c", "--root", "c", "--baseline", "b.json"], nil, nil, .inputProblems, [
                "b.json: warning: none of the baseline's 4 entries matches a finding: it names files such as c/dirty.json, "
                    + "this run files such as dirty.json (relative to the root, c)",
                "    hint: baseline paths are relative to the root — the folder common to the inputs, or the working directory when "
                    + "they are all inside it: run from the folder the baseline was written in, or pin the root with --root",
            ]),
            // One file linted of two: its entries match, the other's are named.
            (["lint", "c/dirty.json", "--baseline", "b.json", "--fail-on", "note"], nil, nil, .success, [
                "b.json: warning: 2 of the baseline's 4 entries match no finding, 2 of them in files this run did not lint "
                    + "(such as c/other.json; paths are relative to the root, .)",
                "    hint: lint every file the baseline covers to check all its entries; a --write-baseline from this run would drop the others",
            ]),
            // A finding fixed: its entry is stale.
            (["lint", "c", "--baseline", "b.json", "--fail-on", "note"], nil, ("c/dirty.json", fixed), .success, [
                "b.json: warning: 1 of the baseline's 4 entries matches no finding",
                "    hint: rewrite it without the findings that are gone: --baseline b.json --write-baseline b.json",
            ]),
        ]
        for row in rows {
            if let (file, text) = row.write { try folder.write(file, text) }
            let result = folder.run(row.arguments, in: row.in)
            XCTAssertEqual(result.code, row.code, row.arguments.joined(separator: " "))
            XCTAssertEqual(result.err.joined(separator: "\n"), row.err.joined(separator: "\n"), row.arguments.joined(separator: " "))
        }
        // Writing a baseline says nothing about the one it rewrites.
        XCTAssertEqual(folder.run(["lint", "c", "--baseline", "b.json", "--write-baseline", "b.json"]).err, [])
    }

    /// Rewriting a baseline in place keeps the findings it accepted (and adds new ones); a fixed finding drops out.
    func testRewritingABaselineInPlaceKeepsAcceptedFindings() throws {
        let folder = try TemporaryFolder()
        try folder.write("dirty.json", dirty)
        XCTAssertEqual(folder.run(["lint", "dirty.json", "--rule", "money-not-float=off", "--write-baseline", "b.json"]).out, ["Recorded 1 finding in b.json"])
        let rewritten = folder.run(["lint", "dirty.json", "--baseline", "b.json", "--write-baseline", "b.json"])
        XCTAssertEqual(rewritten.out, ["Recorded 2 findings in b.json"])
        XCTAssertEqual(folder.run(["lint", "dirty.json", "--baseline", "b.json", "--fail-on", "note"]).code, .success)
        // The warning fixed (the type documented): the rewrite no longer records it.
        try folder.write("dirty.json", dirty.replacingOccurrences(of: #""Line": {"type""#, with: #""Line": {"title": "Line", "description": "A line.", "type""#))
        XCTAssertEqual(folder.run(["lint", "dirty.json", "--baseline", "b.json", "--write-baseline", "b.json"]).out, ["Recorded 1 finding in b.json"])
        XCTAssertEqual(folder.run(["lint", "dirty.json", "--baseline", "b.json", "--fail-on", "note"]).code, .success)
    }

    /// Linting a folder that holds the baseline, a report and `charter.json` lints the contracts only: right after
    /// writing the baseline, a run with it is clean.
    func testCharterOwnFilesInTheFolderAreNotLinted() throws {
        let folder = try TemporaryFolder()
        try folder.write("c/dirty.json", dirty)
        try folder.write("c/charter.json", #"{"lint": {"preset": "recommended"}}"#)
        XCTAssertEqual(folder.run(["lint", "c", "--config", "c/charter.json", "--write-baseline", "c/lint-baseline.json"]).code, .success)
        let run = folder.run(["lint", "c", "--config", "c/charter.json", "--baseline", "c/lint-baseline.json", "--fail-on", "note", "--report", "json=c/lint.json"])
        XCTAssertEqual(run.code, .success, run.out.joined(separator: "\n") + run.err.joined(separator: "\n"))
        XCTAssertEqual(run.err, [], "no loader warnings about the baseline or the configuration")
        let again = folder.run(["lint", "c", "--config", "c/charter.json", "--baseline", "c/lint-baseline.json", "--fail-on", "note", "--report", "json=c/lint.json"])
        XCTAssertEqual(again.code, .success, "the report written beside the contracts is not linted either")
    }

    func testListRules() throws {
        let folder = try TemporaryFolder()
        let result = folder.run(["lint", "--list-rules"])
        XCTAssertEqual(result.code, .success)
        XCTAssertEqual(result.out.joined(separator: "\n").split(separator: "\n").count, LintCatalog.standard.rules.count)
        XCTAssertTrue(charterHelp.contains("lint"))
    }
}
