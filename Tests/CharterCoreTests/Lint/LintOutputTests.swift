import Foundation
import XCTest
@testable import CharterCore
@testable import CharterGovernance
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The output formats of `charter lint`, on reports built by hand: the exact text of a small report per
/// format, escaping of hostile messages and paths, GitHub's annotation cap, determinism, and that the
/// machine formats parse (JSON, SARIF, JUnit XML) and that SARIF validates against the official schema.
final class LintOutputTests: XCTestCase {
    // MARK: - Reports

    /// The sample report: an error with a hint, a warning, and a note on the document root with no position,
    /// in one of two linted files; 5 findings suppressed, 2 in the baseline.
    private func sampleReport() throws -> LintReport {
        report([
            try finding("money-not-float", .error, "unitPrice is a binary float", hint: "use a string with format: decimal",
                        line: 12, column: 9, pointer: "/$defs/Line/properties/unitPrice"),
            try finding("type-documented", .warning, "type Line has no description", line: 20, column: 5, pointer: "/$defs/Line"),
            try finding("owner-declared", .note, "no owner", hint: "add x-contract.owner", line: nil, pointer: ""),
        ], files: ["Schemas/orders.json", "Schemas/clean.json"], suppressed: 5, baselined: 2)
    }

    private func finding(
        _ rule: String, _ severity: Severity, _ message: String, hint: String? = nil, file: String = "Schemas/orders.json",
        line: Int? = 1, column: Int = 1, pointer: String? = ""
    ) throws -> LintFinding {
        let position = line.map { SourcePosition(line: $0, column: column, offset: $0 * 1000 + column) }
        let location = SourceLocation(file: file, position: position, pointer: try pointer.map { try JSONPointer(parsing: $0) })
        return LintFinding(ruleID: rule, severity: severity, message: message, hint: hint, location: location, stablePath: file)
    }

    /// A report as the linter returns it: findings in their sorted order, every standard rule.
    private func report(
        _ findings: [LintFinding], files: [String] = ["Schemas/orders.json"], suppressed: Int = 0, baselined: Int = 0,
        rules: [any LintRule] = LintCatalog.standard.rules
    ) -> LintReport {
        LintReport(
            findings: findings.sorted(by: LintFinding.sortedOrder), suppressedCount: suppressed, baselinedCount: baselined,
            files: files, rules: rules, loadWarnings: [])
    }

    /// `count` findings of `severity` (errors unless told) on consecutive lines.
    private func errors(_ count: Int, _ severity: Severity = .error) throws -> [LintFinding] {
        try (1...count).map { try finding("money-not-float", severity, "\(severity.rawValue) \($0)", line: $0, pointer: "/n/\($0)") }
    }

    // MARK: - Dispatcher and shared summary

    func testDispatcherNamesEveryFormatAndRendersEachWithItsFormatter() throws {
        XCTAssertEqual(LintOutputFormat.allCases.map(\.rawValue), ["text", "json", "sarif", "github", "junit", "markdown"])
        let report = try sampleReport()
        let direct: [LintOutputFormat: String] = [
            .text: LintTextOutput.render(report), .json: LintJSONOutput.render(report),
            .sarif: LintSARIFOutput.render(report), .github: LintGitHubOutput.render(report),
            .junit: LintJUnitOutput.render(report), .markdown: LintMarkdownOutput.render(report),
        ]
        for format in LintOutputFormat.allCases {
            let output = LintOutputFormat.render(report, as: format)
            XCTAssertEqual(output, direct[format], "\(format)")
            XCTAssertTrue(output.hasSuffix("\n"), "\(format) ends with a newline")
            XCTAssertFalse(output.hasSuffix("\n\n"), "\(format) ends with one newline")
        }
    }

    /// What the command writes is each format's bytes, as they were made: valid UTF-8 though nothing checks it on the way
    /// out, ending with a newline; JSON and SARIF, streamed as bytes (their `render` is those bytes decoded), are the
    /// document Charter's own reader parses them as, written back by its pretty ``JSONWriter``. Rows: a report → every format.
    func testBytesAreValidUTF8AndJSONTheWriterWouldWrite() throws {
        let hostile = "quote \" backslash \\ newline \n nul \u{0} line separator \u{2028} é 漢字 🙂 \u{1B}[31m"
        var warned = report([try finding("money-not-float", .error, hostile, hint: "ü", file: "Schemas/ä b.json", line: 3, pointer: "/a~1b/ö")])
        warned.loadWarnings = [.warning("unknown keyword \"größe\"", at: SourceLocation(file: "odd.json"), code: "schema.unknown-keyword")]
        let rows: [(name: String, report: LintReport)] = [
            ("the sample report", try sampleReport()),
            ("non-ASCII and control characters in messages, paths, pointers and warnings", warned),
            ("more findings than one slice", report(try errors(LintJSONOutput.sliceSize + 5))),
            ("no findings", report([])),
            ("contracts that did not load", LintReport.loadFailure([.error("expected a value", at: SourceLocation(file: "broken.json"))], command: "lint")),
        ]
        for row in rows {
            for format in LintOutputFormat.allCases {
                let bytes = LintOutputFormat.renderBytes(row.report, as: format)
                XCTAssertNotNil(String(validating: bytes, as: UTF8.self), "\(row.name): \(format) is valid UTF-8")
                XCTAssertEqual(bytes.last, UInt8(ascii: "\n"), "\(row.name): \(format) ends with a newline")
                guard format == .json || format == .sarif else { continue }
                let parsed = try JSONReader.parse(bytes)
                XCTAssertEqual(bytes, Array((JSONWriter.write(parsed, pretty: true) + "\n").utf8), "\(row.name): \(format) is the pretty JSON of what it parses as")
            }
            XCTAssertEqual(LintJSONOutput.renderBytes(row.report), LintOutputFormat.renderBytes(row.report, as: .json), row.name)
            XCTAssertEqual(LintSARIFOutput.renderBytes(row.report), LintOutputFormat.renderBytes(row.report, as: .sarif), row.name)
        }
    }

    /// Rows: errors, warnings, notes, files, suppressed, baselined → the summary sentence.
    func testSummarySentenceCountsAndPlurals() throws {
        let rows: [(counts: [Int], sentence: String)] = [
            ([0, 0, 0, 1, 0, 0], "no findings in 1 file"),
            ([0, 0, 0, 0, 0, 0], "no findings in 0 files"),
            ([0, 0, 0, 2, 3, 0], "no findings in 2 files (3 suppressed)"),
            ([1, 1, 1, 1, 1, 1], "1 error, 1 warning, 1 note in 1 file (1 suppressed, 1 in baseline)"),
            ([3, 1, 0, 2, 5, 2], "3 errors, 1 warning, 0 notes in 2 files (5 suppressed, 2 in baseline)"),
            ([2, 0, 0, 3, 0, 4], "2 errors, 0 warnings, 0 notes in 3 files (4 in baseline)"),
            ([0, 0, 2, 1, 0, 0], "0 errors, 0 warnings, 2 notes in 1 file"),
        ]
        for row in rows {
            var findings: [LintFinding] = []
            for (severity, count) in zip([Severity.error, .warning, .note], row.counts) where count > 0 {
                findings += try errors(count, severity)
            }
            let files = (0..<row.counts[3]).map { "Schemas/f\($0).json" }
            let report = report(findings, files: files, suppressed: row.counts[4], baselined: row.counts[5])
            XCTAssertEqual(LintTally(report).sentence, row.sentence, "\(row.counts)")
            XCTAssertTrue(LintTextOutput.render(report).hasSuffix(row.sentence + "\n"), "\(row.counts)")
        }
    }

    func testEveryFormatIsDeterministic() throws {
        var findings = try errors(30)
        findings += try errors(12, .warning)
        findings.append(try finding("made-up-rule", .note, "odd: 100%, a,b\n<x> & 'y' | z\u{1B}[31m", hint: "h", file: "Schemas/my orders.json", line: nil))
        for format in LintOutputFormat.allCases {
            let first = LintOutputFormat.render(report(findings, suppressed: 1), as: format)
            let second = LintOutputFormat.render(report(Array(findings.reversed()), suppressed: 1), as: format)
            XCTAssertEqual(Array(first.utf8), Array(second.utf8), "\(format) gives the same bytes for the same report")
        }
    }

    // MARK: - text

    func testTextIsCompilerStyleWithHintsAndSummary() throws {
        XCTAssertEqual(LintTextOutput.render(try sampleReport()), """
            Schemas/orders.json: note: no owner [#] (owner-declared)
                hint: add x-contract.owner
            Schemas/orders.json:12:9: error: unitPrice is a binary float [/$defs/Line/properties/unitPrice] (money-not-float)
                hint: use a string with format: decimal
            Schemas/orders.json:20:5: warning: type Line has no description [/$defs/Line] (type-documented)
            1 error, 1 warning, 1 note in 2 files (5 suppressed, 2 in baseline)

            """)
        XCTAssertEqual(LintTextOutput.render(report([], files: ["a.json", "b.json"])), "no findings in 2 files\n")
    }

    /// Without the summary (`--quiet`): the findings and their hints alone, and nothing at all when there are none.
    func testTextWithoutSummaryIsTheFindingsAlone() throws {
        XCTAssertEqual(LintTextOutput.render(try sampleReport(), summary: false), """
            Schemas/orders.json: note: no owner [#] (owner-declared)
                hint: add x-contract.owner
            Schemas/orders.json:12:9: error: unitPrice is a binary float [/$defs/Line/properties/unitPrice] (money-not-float)
                hint: use a string with format: decimal
            Schemas/orders.json:20:5: warning: type Line has no description [/$defs/Line] (type-documented)

            """)
        XCTAssertEqual(LintTextOutput.render(report([], files: ["a.json", "b.json"]), summary: false), "")
    }

    func testTextShowsControlCharactersEscaped() throws {
        let text = LintTextOutput.render(report([try finding("money-not-float", .error, "bad\u{1B}[2J\nname\u{202E}", hint: "fix\rit")]))
        XCTAssertEqual(text, """
            Schemas/orders.json:1:1: error: bad\\u{1B}[2J\\u{A}name\\u{202E} [#] (money-not-float)
                hint: fix\\u{D}it
            1 error, 0 warnings, 0 notes in 1 file

            """)
    }

    // MARK: - json

    func testJSONShape() throws {
        let one = try finding("money-not-float", .error, "unitPrice is a binary float", hint: "use a string", line: 12, column: 9, pointer: "/$defs/Line")
        XCTAssertEqual(LintJSONOutput.render(report([one], suppressed: 5, baselined: 2)), """
            {
              "version": 1,
              "tool": {
                "name": "charter",
                "version": "\(Charter.version)"
              },
              "summary": {
                "files": 1,
                "errors": 1,
                "warnings": 0,
                "notes": 0,
                "suppressed": 5,
                "baselined": 2
              },
              "warnings": [],
              "findings": [
                {
                  "rule": "money-not-float",
                  "severity": "error",
                  "message": "unitPrice is a binary float",
                  "hint": "use a string",
                  "file": "Schemas/orders.json",
                  "line": 12,
                  "column": 9,
                  "pointer": "/$defs/Line",
                  "fingerprint": "\(one.fingerprint)"
                }
              ]
            }

            """)
    }

    func testJSONParsesAndKeepsTheFindingsText() throws {
        let hostile = "quote \" backslash \\ newline \n tab \t nul \u{0} line separator \u{2028} é"
        let report = report([
            try finding("money-not-float", .error, hostile, line: 3, column: 7, pointer: "/a~1b"),
            try finding("owner-declared", .note, "no owner", line: nil, pointer: nil),
        ])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintJSONOutput.render(report).utf8)) as? [String: Any])
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["files": 1, "errors": 1, "warnings": 0, "notes": 1, "suppressed": 0, "baselined": 0])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 2)
        let noted = findings[0]
        XCTAssertEqual(noted["rule"] as? String, "owner-declared")
        XCTAssertNil(noted["hint"], "no hint: the member is left out")
        XCTAssertTrue(noted["line"] is NSNull && noted["column"] is NSNull && noted["pointer"] is NSNull)
        let error = findings[1]
        XCTAssertEqual(error["message"] as? String, hostile)
        XCTAssertEqual(error["pointer"] as? String, "/a~1b")
        XCTAssertEqual(error["line"] as? Int, 3)
        XCTAssertEqual(error["column"] as? Int, 7)
        XCTAssertEqual(error["fingerprint"] as? String, report.findings[1].fingerprint)
    }

    /// The load warnings (not findings: they change no count) are the `warnings` array, before the findings, each with
    /// the members a finding has that a diagnostic has too. Rows: a warning → its object.
    func testJSONCarriesLoadWarnings() throws {
        let at = SourcePosition(line: 4, column: 21, offset: 80)
        let rows: [(name: String, warning: Diagnostic, expected: [String: Any])] = [
            ("an unknown keyword", .warning(#"unknown keyword "maxLenght" kept but ignored"#, at: SourceLocation(file: "odd.json", position: at, pointer: try JSONPointer(parsing: "/$defs/Item/maxLenght")),
                                            code: "schema.unknown-keyword"),
             ["severity": "warning", "code": "schema.unknown-keyword", "message": #"unknown keyword "maxLenght" kept but ignored"#,
              "file": "odd.json", "line": 4, "column": 21, "pointer": "/$defs/Item/maxLenght"]),
            ("with a hint, in a file at a git revision, at the root",
             .warning("a base value out of range", at: SourceLocation(file: "Schemas/a.json", position: at, pointer: .root, revision: "HEAD~1"), code: "contract.out-of-range", hint: "fix it"),
             ["severity": "warning", "code": "contract.out-of-range", "message": "a base value out of range", "hint": "fix it",
              "file": "Schemas/a.json", "revision": "HEAD~1", "line": 4, "column": 21, "pointer": ""]),
            ("a file, no position, no pointer", .warning("a warning about a file", at: SourceLocation(file: "a.json")),
             ["severity": "warning", "code": NSNull(), "message": "a warning about a file", "file": "a.json", "line": NSNull(), "column": NSNull(), "pointer": NSNull()]),
            ("no place", .warning("a warning about no file in particular", code: "x.y"),
             ["severity": "warning", "code": "x.y", "message": "a warning about no file in particular", "file": NSNull(), "line": NSNull(), "column": NSNull(), "pointer": NSNull()]),
        ]
        var warned = report([try finding("money-not-float", .error, "float")])
        warned.loadWarnings = rows.map(\.warning)
        let rendered = LintJSONOutput.render(warned)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let warnings = try XCTUnwrap(object["warnings"] as? [[String: Any]])
        XCTAssertEqual(warnings.count, rows.count)
        for (row, written) in zip(rows, warnings) {
            XCTAssertEqual(written as NSDictionary, row.expected as NSDictionary, row.name)
        }
        XCTAssertEqual((object["summary"] as? [String: Int])?["warnings"], 0, "load warnings are not findings")
        XCTAssertEqual((object["findings"] as? [[String: Any]])?.count, 1)
        // The document is JSONWriter's, member order included: warnings after summary, findings last.
        XCTAssertEqual(JSONWriter.write(try JSONReader.parse(Array(rendered.utf8)), pretty: true) + "\n", rendered)
        let order = ["\"summary\"", "\"warnings\"", "\"findings\""].map { rendered.range(of: $0)?.lowerBound }
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
        XCTAssertEqual(order.compactMap { $0 }.count, 3)
        // A report that did not load carries the warnings found beside the errors.
        let failed = LintReport.loadFailure([.error("expected a value", at: SourceLocation(file: "broken.json")), rows[0].warning], command: "lint")
        let failedObject = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintJSONOutput.render(failed).utf8)) as? [String: Any])
        XCTAssertEqual((failedObject["warnings"] as? [[String: Any]])?.map { $0["code"] as? String }, ["schema.unknown-keyword"])
    }

    /// A report larger than one slice is written on several cores: the findings come out complete and in order,
    /// and the bytes are exactly what `JSONWriter` writes for the same document.
    func testLargeJSONReportIsOneDocumentInOrder() throws {
        let count = LintJSONOutput.sliceSize * 2 + 3
        let findings = try (1...count).map { try finding("money-not-float", .warning, "finding \($0)", line: $0, pointer: "/n/\($0)") }
        let rendered = LintJSONOutput.render(report(findings))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let written = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(written.count, count)
        XCTAssertEqual(written.map { $0["message"] as? String }, (1...count).map { "finding \($0)" })
        let reread = try JSONReader.parse(Array(rendered.utf8))
        XCTAssertEqual(JSONWriter.write(reread, pretty: true) + "\n", rendered)
    }

    // MARK: - sarif

    func testSARIFDescribesTheRunRulesAndResults() throws {
        let report = try sampleReport()
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintSARIFOutput.render(report).utf8)) as? [String: Any])
        XCTAssertEqual(log["$schema"] as? String, "https://json.schemastore.org/sarif-2.1.0.json")
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let run = runs[0]
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints", "SourcePosition.column counts Unicode scalars")
        XCTAssertEqual((run["automationDetails"] as? [String: Any])?["id"] as? String, "charter-\(report.command)/", "lint and diff alerts kept apart")
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "charter")
        XCTAssertEqual(driver["version"] as? String, Charter.version)
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, LintCatalog.standard.rules.map(\.id))
        let money = try XCTUnwrap(rules.first { $0["id"] as? String == "money-not-float" })
        let moneyRule = try XCTUnwrap(LintCatalog.standard.rule("money-not-float"))
        XCTAssertEqual(money["name"] as? String, "MoneyNotFloat")
        XCTAssertEqual((money["shortDescription"] as? [String: String])?["text"], moneyRule.summary)
        XCTAssertEqual((money["fullDescription"] as? [String: String])?["text"], moneyRule.rationale)
        XCTAssertEqual((money["defaultConfiguration"] as? [String: String])?["level"], "error")
        XCTAssertEqual((money["properties"] as? [String: [String]])?["tags"], ["data"])
        XCTAssertNil(money["helpUri"], "the schema wants an absolute helpUri")

        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["ruleId"] as? String }, ["owner-declared", "money-not-float", "type-documented"])
        XCTAssertEqual(results.map { $0["level"] as? String }, ["note", "error", "warning"])
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String, "ruleIndex points at the result's rule")
        }
        let error = results[1]
        XCTAssertEqual((error["message"] as? [String: String])?["text"], "unitPrice is a binary float. Hint: use a string with format: decimal")
        XCTAssertEqual((results[2]["message"] as? [String: String])?["text"], "type Line has no description")
        XCTAssertEqual(error["partialFingerprints"] as? [String: String], ["charter/v1": report.findings[1].fingerprint])
        let location = try XCTUnwrap((error["locations"] as? [[String: Any]])?.first)
        let physical = try XCTUnwrap(location["physicalLocation"] as? [String: Any])
        XCTAssertEqual(physical["artifactLocation"] as? [String: String], ["uri": "Schemas/orders.json", "uriBaseId": "%SRCROOT%"])
        XCTAssertEqual(physical["region"] as? [String: Int], ["startLine": 12, "startColumn": 9])
        XCTAssertEqual(location["logicalLocations"] as? [[String: String]], [["fullyQualifiedName": "/$defs/Line/properties/unitPrice", "kind": "member"]])
        let rootPhysical = try XCTUnwrap(((results[0]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        XCTAssertNil(rootPhysical["region"], "no region when the position is unknown")
    }

    /// The run's invocation and the bases of relative URIs. Rows: the report → `executionSuccessful`, the levels of
    /// the tool execution notifications (nil: none), the base ids `originalUriBaseIds` declares (nil: none) and each
    /// result's `uriBaseId`.
    func testSARIFInvocationAndURIBases() throws {
        let unknownKeyword = Diagnostic.warning(
            "unknown keyword \"maxLenght\" kept but ignored",
            at: SourceLocation(file: "Schemas/orders.json", position: SourcePosition(line: 4, column: 7, offset: 40), pointer: try JSONPointer(parsing: "/$defs/Sku/maxLenght")),
            code: "schema.unknown-keyword")
        var warned = report([try finding("money-not-float", .error, "float")])
        warned.loadWarnings = [unknownKeyword, .warning("a warning about no file in particular")]
        let atRevision = try { var removed = try finding("contract-removed", .error, "gone", file: "Schemas/returns.json")
                               removed.location.revision = "origin/main"; return removed }()
        let loadFailure = LintReport.loadFailure(
            [.error("expected a value", at: SourceLocation(file: "broken.json", position: SourcePosition(line: 1, column: 2, offset: 1)), code: "json.syntax"),
             unknownKeyword], command: "lint")
        let rows: [(label: String, report: LintReport, successful: Bool, notifications: [String]?, bases: [String]?, uriBases: [String?])] = [
            ("findings: still a successful run", try sampleReport(), true, nil, ["%SRCROOT%"], ["%SRCROOT%", "%SRCROOT%", "%SRCROOT%"]),
            ("clean: no location, no base", report([]), true, nil, nil, []),
            ("load warnings: notifications", warned, true, ["warning", "warning"], ["%SRCROOT%"], ["%SRCROOT%"]),
            ("an absolute path is a file URI without a base", report([try finding("money-not-float", .error, "float", file: "/abs/a.json")]), true, nil, nil, [nil]),
            ("a file at a git revision is relative to the repository", report([atRevision, try finding("money-not-float", .error, "float")]), true, nil,
             ["%SRCROOT%", "%REPOROOT%"], ["%SRCROOT%", "%REPOROOT%"]),
            ("contracts did not load", loadFailure, false, ["warning"], ["%SRCROOT%"], ["%SRCROOT%"]),
        ]
        for row in rows {
            let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintSARIFOutput.render(row.report).utf8)) as? [String: Any], row.label)
            let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first, row.label)
            let invocations = try XCTUnwrap(run["invocations"] as? [[String: Any]], row.label)
            XCTAssertEqual(invocations.count, 1, row.label)
            XCTAssertEqual(invocations.first?["executionSuccessful"] as? Bool, row.successful, row.label)
            let notifications = invocations.first?["toolExecutionNotifications"] as? [[String: Any]]
            XCTAssertEqual(notifications?.map { $0["level"] as? String ?? "" }, row.notifications, row.label)
            let bases = run["originalUriBaseIds"] as? [String: [String: Any]]
            XCTAssertEqual(bases.map { Array($0.keys).sorted() }, row.bases?.sorted(), row.label)
            for (id, base) in bases ?? [:] {
                XCTAssertNil(base["uri"], "\(row.label): no absolute URI, which would differ from machine to machine")
                XCTAssertNotNil((base["description"] as? [String: String])?["text"], "\(row.label): \(id) is described")
            }
            let results = try XCTUnwrap(run["results"] as? [[String: Any]], row.label)
            let uriBases = try results.map { result -> String? in
                let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first, row.label)
                return ((location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String])?["uriBaseId"]
            }
            XCTAssertEqual(uriBases, row.uriBases, row.label)
        }
        // A notification says what, where and which condition, as a result would.
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintSARIFOutput.render(warned).utf8)) as? [String: Any])
        let invocation = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        let notifications = try XCTUnwrap(invocation["toolExecutionNotifications"] as? [[String: Any]])
        XCTAssertEqual((notifications[0]["message"] as? [String: String])?["text"], #"unknown keyword "maxLenght" kept but ignored"#)
        XCTAssertEqual(notifications[0]["descriptor"] as? [String: String], ["id": "schema.unknown-keyword"])
        let place = try XCTUnwrap((notifications[0]["locations"] as? [[String: Any]])?.first)
        XCTAssertEqual((place["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String], ["uri": "Schemas/orders.json", "uriBaseId": "%SRCROOT%"])
        XCTAssertEqual((place["physicalLocation"] as? [String: Any])?["region"] as? [String: Int], ["startLine": 4, "startColumn": 7])
        XCTAssertEqual(place["logicalLocations"] as? [[String: String]], [["fullyQualifiedName": "/$defs/Sku/maxLenght", "kind": "member"]])
        XCTAssertNil(notifications[1]["locations"], "a warning without a place has no location")
        XCTAssertNil(notifications[1]["descriptor"], "nor a code")
    }

    /// Fingerprints are what code scanning follows alerts by across commits: the same finding keeps the same one
    /// from release to release. Pinned: rule, stable path, pointer and message → FNV-1a 64.
    func testSARIFFingerprintsArePinned() throws {
        let report = try sampleReport()
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintSARIFOutput.render(report).utf8)) as? [String: Any])
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { ($0["partialFingerprints"] as? [String: String])?["charter/v1"] ?? "" }, ["4f72d4a9cda31bb1", "f77a0127ae12b29d", "4c3c0ffe9af58f11"])
    }

    /// A finding whose rule the report lacks: described from the catalog when it is there, else only named.
    func testSARIFFindsMissingRulesInTheCatalog() throws {
        let report = report([
            try finding("money-not-float", .error, "float", line: 1),
            try finding("made-up-rule", .warning, "made up", line: 2),
        ], rules: [])
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintSARIFOutput.render(report).utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual((driver["rules"] as? [[String: Any]])?.map { $0["id"] as? String }, ["money-not-float"])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results[0]["ruleIndex"] as? Int, 0)
        XCTAssertEqual(results[1]["ruleId"] as? String, "made-up-rule")
        XCTAssertNil(results[1]["ruleIndex"])
    }

    /// Rows: file path → artifact URI (a URI reference: percent-encoded, relative unless the path is absolute).
    /// Contracts that did not load (`contract-load` findings, lint's and diff's alike): the rule is described, so code
    /// scanning shows what it means, and every result points at it by index. Rows: catalog → the rules listed.
    func testSARIFDescribesContractLoad() throws {
        let diagnostics: [Diagnostic] = [
            .error("pattern contracts/*.json matches no files", at: SourceLocation(file: "contracts/*.json"), code: "input.empty"),
            .error("expected a value", at: SourceLocation(file: "broken.json", position: SourcePosition(line: 1, column: 12, offset: 11), pointer: .root),
                   code: "json.syntax"),
        ]
        let rows: [(command: String, catalog: LintCatalog)] = [("lint", .standard), ("diff", LintCatalog([]))]
        for row in rows {
            let report = LintReport.loadFailure(diagnostics, command: row.command)
            let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(LintSARIFOutput.render(report, catalog: row.catalog).utf8)) as? [String: Any])
            let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
            let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
            let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
            XCTAssertEqual(rules.map { $0["id"] as? String }, ["contract-load"], row.command)
            XCTAssertEqual(rules.first?["name"] as? String, "ContractLoad", row.command)
            XCTAssertEqual((rules.first?["shortDescription"] as? [String: String])?["text"], LintReport.loadErrorRule.summary, row.command)
            XCTAssertEqual((rules.first?["fullDescription"] as? [String: String])?["text"], LintReport.loadErrorRule.rationale, row.command)
            XCTAssertNotNil((rules.first?["help"] as? [String: String])?["markdown"], row.command)
            XCTAssertEqual((rules.first?["defaultConfiguration"] as? [String: String])?["level"], "error", row.command)
            let results = try XCTUnwrap(run["results"] as? [[String: Any]])
            XCTAssertEqual(results.map { $0["ruleId"] as? String }, ["contract-load", "contract-load"], row.command)
            XCTAssertEqual(results.map { $0["ruleIndex"] as? Int }, [0, 0], row.command)
        }
        XCTAssertFalse(LintReport.loadErrorRule.summary.isEmpty || LintReport.loadErrorRule.rationale.isEmpty)
        XCTAssertNil(LintCatalog.standard.rule(LintReport.loadErrorRuleID), "not a lint rule one could configure or suppress")
    }

    func testSARIFArtifactURIs() {
        let rows: [(path: String, uri: String)] = [
            ("Schemas/orders.json", "Schemas/orders.json"),
            ("./Schemas/orders.json", "Schemas/orders.json"),
            ("Schemas/my orders.json", "Schemas/my%20orders.json"),
            ("v1:orders.json", "v1%3Aorders.json"),
            ("50%/a#b?.json", "50%25/a%23b%3F.json"),
            ("Schémas/ü.json", "Sch%C3%A9mas/%C3%BC.json"),
            ("C:\\contracts\\a.json", "C%3A%5Ccontracts%5Ca.json"),
            ("/work/Schemas/a b.json", "file:///work/Schemas/a%20b.json"),
            ("../shared/common.json", "../shared/common.json"),
        ]
        for row in rows {
            XCTAssertEqual(LintSARIFOutput.uriReference(row.path), row.uri, row.path)
        }
        XCTAssertEqual(LintSARIFOutput.upperCamelName("money-not-float"), "MoneyNotFloat")
        XCTAssertEqual(LintSARIFOutput.upperCamelName("x"), "X")
    }

    /// The official SARIF 2.1.0 schema (Tests/Fixtures/sarif) accepts the logs, checked by the Python
    /// reference implementation of JSON Schema with format assertions on; and it rejects a broken log, so
    /// the check is not vacuous. Never skips: CI installs python3 and jsonschema (.ci/run).
    func testSARIFValidatesAgainstTheOfficialSchema() throws {
        let hostile = try report([
            try finding("money-not-float", .error, "50% off, ratio: 1\n<b>&\u{1}\u{2028}", hint: "use \"decimal\"", file: "Schemas/my orders:v1.json", line: 3, column: 9, pointer: "/a~1b/0"),
            try finding("type-documented", .warning, "no description", file: "/abs/Schémas/x.json", line: nil, pointer: ""),
            try finding("made-up-rule", .note, "not in any catalog", file: "../shared/common.json", line: 1, pointer: nil),
            try { var removed = try finding("contract-removed", .error, "gone", file: "Schemas/returns.json", line: 6, pointer: "/x-contract")
                  removed.location.revision = "origin/main"
                  // A diff finding's details, as the result's `properties` (a property bag).
                  removed.details = [JSONMember(key: "contract", value: JSONNode(.string("returns v1"))),
                                     JSONMember(key: "affects", value: JSONNode(.array([JSONNode(.string("client"))])))]
                  return removed }(),
        ] + errors(3), files: ["Schemas/my orders:v1.json", "Schemas/orders.json"], suppressed: 1, baselined: 1)
        let folder = try TemporaryFolder()
        let logs = [
            ("sample.sarif", LintSARIFOutput.render(try sampleReport())),
            ("hostile.sarif", LintSARIFOutput.render(hostile)),
            ("clean.sarif", LintSARIFOutput.render(report([]))),
            ("load.sarif", LintSARIFOutput.render(LintReport.loadFailure(
                [.error("pattern contracts/*.json matches no files", at: SourceLocation(file: "contracts/*.json"))], command: "diff"), catalog: LintCatalog([]))),
            // A run that did not complete (`executionSuccessful` false) with a warning as a tool execution notification,
            // and one whose load warnings have a place, a code, and neither.
            ("load-with-warning.sarif", LintSARIFOutput.render(LintReport.loadFailure(
                [.error("expected a value", at: SourceLocation(file: "broken.json", position: SourcePosition(line: 1, column: 2, offset: 1)), code: "json.syntax"),
                 .warning("unknown keyword \"x\" kept but ignored", at: SourceLocation(file: "a b.json", position: SourcePosition(line: 2, column: 3, offset: 9), pointer: .root),
                          code: "schema.unknown-keyword")], command: "lint"))),
            ("warnings.sarif", LintSARIFOutput.render({ var warned = hostile
                warned.loadWarnings = [.warning("unknown keyword", at: SourceLocation(file: "/abs/x.json", position: SourcePosition(line: 1, column: 1, offset: 0)), code: "schema.unknown-keyword"),
                                       .warning("no place", hint: "a hint")]
                return warned }())),
        ]
        for (name, text) in logs { try folder.write(name, text) }

        let valid = try SchemaValidator.validate(logs.map { folder.url($0.0).path })
        XCTAssertEqual(valid.status, 0, "SARIF output does not validate against the SARIF 2.1.0 schema:\n\(valid.output)")

        let broken = logs[0].1
            .replacingOccurrences(of: #""level": "error""#, with: #""level": "fatal""#)
            .replacingOccurrences(of: #""uri": "Schemas/orders.json""#, with: #""uri": "Schemas/my orders.json""#)
        try folder.write("broken.sarif", broken)
        let invalid = try SchemaValidator.validate([folder.url("broken.sarif").path])
        XCTAssertNotEqual(invalid.status, 0, "the validator accepted a log with a bad level and an unencoded URI:\n\(invalid.output)")
        XCTAssertTrue(invalid.output.contains("fatal") && invalid.output.contains("uri-reference"), invalid.output)
    }

    // MARK: - github

    func testGitHubCommands() throws {
        XCTAssertEqual(LintGitHubOutput.render(try sampleReport()), """
            ::notice file=Schemas/orders.json,title=owner-declared::no owner [#]%0Ahint: add x-contract.owner
            ::error file=Schemas/orders.json,line=12,col=9,title=money-not-float::unitPrice is a binary float [/$defs/Line/properties/unitPrice]%0Ahint: use a string with format: decimal
            ::warning file=Schemas/orders.json,line=20,col=5,title=type-documented::type Line has no description [/$defs/Line]
            charter lint: 1 error, 1 warning, 1 note in 2 files (5 suppressed, 2 in baseline)

            """)
        XCTAssertEqual(LintGitHubOutput.render(report([], files: ["a.json"])), "charter lint: no findings in 1 file\n")
    }

    /// Rows: a message or path with characters the runner reads → the escaped command.
    func testGitHubEscaping() throws {
        let rows: [(label: String, finding: LintFinding, command: String)] = [
            ("percent, comma and colon in the message: only % is escaped there",
             try finding("money-not-float", .error, "50% off, ratio: 1", line: 2, column: 3, pointer: nil),
             "::error file=Schemas/orders.json,line=2,col=3,title=money-not-float::50%25 off, ratio: 1"),
            ("line breaks in the message",
             try finding("money-not-float", .warning, "one\ntwo\r\nthree", line: nil, pointer: nil),
             "::warning file=Schemas/orders.json,title=money-not-float::one%0Atwo%0D%0Athree"),
            ("percent, comma, colon and line break in the file property",
             try finding("money-not-float", .note, "m", file: "C:/a,b%\n.json", line: nil, pointer: nil),
             "::notice file=C%3A/a%2Cb%25%0A.json,title=money-not-float::m"),
            ("a tab in the file property stays a tab: the path names the file as it is",
             try finding("money-not-float", .note, "m", file: "Schemas/a\tb.json", line: nil, pointer: nil),
             "::notice file=Schemas/a\tb.json,title=money-not-float::m"),
            ("terminal escapes and bidi overrides are shown, not sent",
             try finding("money-not-float", .error, "a\u{1B}[31mb\u{202E}c", line: 1, pointer: "/x:y,z"),
             "::error file=Schemas/orders.json,line=1,col=1,title=money-not-float::a\\u{1B}[31mb\\u{202E}c [/x:y,z]"),
        ]
        for row in rows {
            XCTAssertEqual(LintGitHubOutput.command(for: row.finding), row.command, row.label)
        }
    }

    /// 25 errors: the first 10 in report order are annotated, then one notice says 15 were left out.
    func testGitHubCapsAnnotationsPerLevel() throws {
        let findings = try errors(25)
        let lines = LintGitHubOutput.render(report(findings)).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 12, lines.joined(separator: "\n"))
        XCTAssertEqual(Array(lines.prefix(10)), findings.prefix(10).map(LintGitHubOutput.command(for:)))
        XCTAssertEqual(lines.filter { $0.hasPrefix("::error ") }.count, 10)
        XCTAssertEqual(lines[10], "::notice::15 more findings not annotated (15 errors): GitHub shows at most 10 annotations "
            + "of each level per step; the text and SARIF formats list every finding")
        XCTAssertEqual(lines[11], "charter lint: 25 errors, 0 warnings, 0 notes in 1 file")
    }

    /// Rows: errors, warnings, notes → annotations of each level, and whether a summary notice follows (it
    /// takes one of the 10 notice slots).
    func testGitHubCapRows() throws {
        let rows: [(counts: [Int], errors: Int, warnings: Int, notices: Int, summary: String?)] = [
            ([10, 10, 10], 10, 10, 10, nil),
            ([3, 12, 12], 3, 10, 9, "5 more findings not annotated (2 warnings, 3 notes)"),
            ([0, 0, 25], 0, 0, 9, "16 more findings not annotated (16 notes)"),
            ([11, 0, 10], 10, 0, 9, "2 more findings not annotated (1 error, 1 note)"),
        ]
        for row in rows {
            var findings: [LintFinding] = []
            for (severity, count) in zip([Severity.error, .warning, .note], row.counts) where count > 0 {
                findings += try errors(count, severity)
            }
            let lines = LintGitHubOutput.render(report(findings)).split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.filter { $0.hasPrefix("::error ") }.count, row.errors, "\(row.counts)")
            XCTAssertEqual(lines.filter { $0.hasPrefix("::warning ") }.count, row.warnings, "\(row.counts)")
            XCTAssertEqual(lines.filter { $0.hasPrefix("::notice ") }.count, row.notices, "\(row.counts)")
            let summaries = lines.filter { $0.hasPrefix("::notice::") }
            XCTAssertEqual(summaries.count, row.summary == nil ? 0 : 1, "\(row.counts)")
            if let summary = row.summary { XCTAssertTrue(summaries.first?.hasPrefix("::notice::" + summary + ":") == true, "\(summaries)") }
        }
    }

    // MARK: - junit

    func testJUnitDocument() throws {
        XCTAssertEqual(LintJUnitOutput.render(try sampleReport()), """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="charter lint" tests="4" failures="1" errors="0">
              <testsuite name="charter lint" tests="4" failures="1" errors="0" skipped="0">
                <testcase classname="Schemas/orders.json" name="owner-declared">
                  <system-out>Schemas/orders.json: note: no owner [#] (owner-declared)
                hint: add x-contract.owner</system-out>
                </testcase>
                <testcase classname="Schemas/orders.json" name="money-not-float">
                  <failure message="unitPrice is a binary float" type="error">Schemas/orders.json:12:9: error: unitPrice is a binary float [/$defs/Line/properties/unitPrice] (money-not-float)
                hint: use a string with format: decimal</failure>
                </testcase>
                <testcase classname="Schemas/orders.json" name="type-documented">
                  <system-out>Schemas/orders.json:20:5: warning: type Line has no description [/$defs/Line] (type-documented)</system-out>
                </testcase>
                <testcase classname="Schemas/clean.json" name="lint"/>
              </testsuite>
            </testsuites>

            """)
    }

    /// One testcase per file and rule: its errors in one failure, its warnings and notes in system-out.
    func testJUnitGroupsByFileAndRule() throws {
        let report = report([
            try finding("money-not-float", .error, "first", line: 1),
            try finding("money-not-float", .warning, "second", line: 2),
            try finding("money-not-float", .error, "third", line: 3),
            try finding("money-not-float", .error, "elsewhere", file: "Schemas/b.json", line: 1),
        ], files: ["Schemas/orders.json", "Schemas/b.json", "Schemas/c.json"])
        let xml = LintJUnitOutput.render(report)
        XCTAssertTrue(xml.contains(#"<testsuite name="charter lint" tests="3" failures="2" errors="0" skipped="0">"#), xml)
        XCTAssertTrue(xml.contains("""
                <testcase classname="Schemas/orders.json" name="money-not-float">
                  <failure message="first (and 1 more)" type="error">Schemas/orders.json:1:1: error: first [#] (money-not-float)
            Schemas/orders.json:3:1: error: third [#] (money-not-float)</failure>
                  <system-out>Schemas/orders.json:2:1: warning: second [#] (money-not-float)</system-out>
                </testcase>
            """), xml)
        XCTAssertTrue(xml.contains(#"<testcase classname="Schemas/b.json" name="money-not-float">"#), xml)
        XCTAssertTrue(xml.contains(#"<testcase classname="Schemas/c.json" name="lint"/>"#), xml)
    }

    /// Rows: text → attribute value and element text: markup escaped, forbidden characters removed, line
    /// breaks kept (as character references in attributes).
    func testJUnitEscaping() {
        let rows: [(text: String, attribute: String, element: String)] = [
            (#"<a href="x">&'</a>"#, "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;", "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"),
            ("nul\u{0} bell\u{7} esc\u{1B} del\u{7F}", "nul bell esc del\u{7F}", "nul bell esc del\u{7F}"),
            ("tab\tlf\ncr\r", "tab&#9;lf&#10;cr&#13;", "tab\tlf\ncr\r"),
            ("nonchars \u{FFFE}\u{FFFF} kept \u{E000}\u{1F600}é", "nonchars  kept \u{E000}\u{1F600}é", "nonchars  kept \u{E000}\u{1F600}é"),
        ]
        for row in rows {
            XCTAssertEqual(LintJUnitOutput.escape(row.text, attribute: true), row.attribute, row.text.debugDescription)
            XCTAssertEqual(LintJUnitOutput.escape(row.text, attribute: false), row.element, row.text.debugDescription)
        }
    }

    /// The document parses as XML, hostile text included, and says what the report says.
    func testJUnitParsesAsXML() throws {
        let message = "a <b> & \"c\" 'd'\u{1}\u{FFFE}\nnext\u{1B}[0m"
        let report = report([
            try finding("money-not-float", .error, message, file: "Schemas/<odd> & \"name\".json", line: 4),
            try finding("type-documented", .warning, "w", line: 5),
        ], files: ["Schemas/<odd> & \"name\".json", "Schemas/orders.json", "Schemas/clean.json"])
        let xml = LintJUnitOutput.render(report)
        XCTAssertFalse(xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control characters but line feeds")
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        let suite = try XCTUnwrap(root.elements(forName: "testsuite").first)
        XCTAssertEqual(suite.attribute(forName: "tests")?.stringValue, "3")
        XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, "1")
        let cases = suite.elements(forName: "testcase")
        XCTAssertEqual(cases.map { $0.attribute(forName: "classname")?.stringValue },
                       ["Schemas/<odd> & \"name\".json", "Schemas/orders.json", "Schemas/clean.json"])
        let failure = try XCTUnwrap(cases[0].elements(forName: "failure").first)
        XCTAssertEqual(failure.attribute(forName: "message")?.stringValue, "a <b> & \"c\" 'd'\nnext[0m", "forbidden characters removed, the line break kept")
        XCTAssertEqual(failure.attribute(forName: "type")?.stringValue, "error")
        XCTAssertTrue(failure.stringValue?.contains(#"a <b> & "c" 'd'\u{1}\u{FFFE}\u{A}next\u{1B}[0m"#) == true, failure.stringValue ?? "")
        XCTAssertEqual(cases[1].elements(forName: "failure").count, 0, "warnings do not fail")
        XCTAssertEqual(cases[1].elements(forName: "system-out").first?.stringValue,
                       "Schemas/orders.json:5:1: warning: w [#] (type-documented)")
        XCTAssertEqual(cases[2].childCount, 0, "a clean file is a passing testcase")
        #else
        throw XCTSkip("XMLDocument is not available on this platform (no FoundationXML); the document was checked for forbidden characters only")
        #endif
    }

    // MARK: - markdown

    func testMarkdownTable() throws {
        XCTAssertEqual(LintMarkdownOutput.render(try sampleReport()), """
            ## Charter lint

            1 error, 1 warning, 1 note in 2 files (5 suppressed, 2 in baseline).

            | Severity | Rule | Location | Message |
            | --- | --- | --- | --- |
            | error | `money-not-float` | `Schemas/orders.json:12:9` `/$defs/Line/properties/unitPrice` | unitPrice is a binary float<br>hint: use a string with format: decimal |
            | warning | `type-documented` | `Schemas/orders.json:20:5` `/$defs/Line` | type Line has no description |
            | note | `owner-declared` | `Schemas/orders.json` `#` | no owner<br>hint: add x-contract.owner |

            """)
        XCTAssertEqual(LintMarkdownOutput.render(report([], files: ["a.json", "b.json"])), """
            ## Charter lint

            No findings in 2 files.

            """)
    }

    /// Errors first, then warnings, then notes; report order within a severity.
    func testMarkdownSortsBySeverity() throws {
        let report = report([
            try finding("type-documented", .note, "n1", line: 1),
            try finding("type-documented", .warning, "w1", line: 2),
            try finding("type-documented", .error, "e1", line: 3),
            try finding("type-documented", .note, "n2", line: 4),
            try finding("type-documented", .error, "e2", line: 5),
        ])
        // Heading, summary, header, separator, then the rows.
        let rows = LintMarkdownOutput.render(report).split(separator: "\n").dropFirst(4)
        XCTAssertEqual(rows.map { $0.split(separator: "|")[3].trimmingCharacters(in: .whitespaces) }, ["e1", "e2", "w1", "n1", "n2"])
    }

    /// A comment GitHub would refuse is cut to the budget: whole rows, errors first, and a last line saying how many
    /// findings of which severity were left out and where they are; a report within the budget is unchanged.
    func testMarkdownKeepsToTheCommentBudget() throws {
        let report = report(try errors(40) + errors(30, .warning) + errors(5, .note))
        let whole = LintMarkdownOutput.render(report)
        XCTAssertFalse(whole.contains("not shown"))
        let budget = 2_000  // room for about 18 of the 80-byte rows: errors only
        let cut = LintMarkdownOutput.render(report, budget: budget)
        XCTAssertLessThanOrEqual(cut.utf8.count, budget)
        let rows = cut.split(separator: "\n").filter { $0.hasPrefix("| error") || $0.hasPrefix("| warning") || $0.hasPrefix("| note") }
        XCTAssertTrue(rows.allSatisfy { $0.hasPrefix("| error") }, "errors first: the rows kept are errors")
        let left = 75 - rows.count
        XCTAssertTrue(cut.hasSuffix("\n\(left) more findings (\(40 - rows.count) errors, 30 warnings, 5 notes) not shown: a pull-request comment holds at most 65,536 characters. The JSON, SARIF or JUnit report holds every finding.\n"), cut)
        XCTAssertTrue(whole.hasPrefix(cut.components(separatedBy: "\n\n\(left) more").first ?? "-"), "the rows kept are the first rows of the whole table")
    }

    /// Rows: cell text → escaped cell: nothing breaks out of the cell or adds markup.
    func testMarkdownEscaping() {
        let rows: [(text: String, cell: String)] = [
            ("a | b", #"a \| b"#),
            ("one\ntwo\r\nthree\rfour", "one<br>two<br>three<br>four"),
            ("<script>alert(1)</script>", #"\<script\>alert(1)\</script\>"#),
            ("*bold* _it_ `code` [link](x) ~~s~~ \\ & #", ##"\*bold\* \_it\_ \`code\` \[link\](x) \~\~s\~\~ \\ \& \#"##),
            ("esc\u{1B}[1m bidi\u{202E}", #"esc\\u{1B}\[1m bidi\\u{202E}"#),
        ]
        for row in rows {
            XCTAssertEqual(LintMarkdownOutput.escapeText(row.text), row.cell, row.text.debugDescription)
        }
        XCTAssertEqual(LintMarkdownOutput.codeSpan("/a|b"), #"`/a\|b`"#)
        XCTAssertEqual(LintMarkdownOutput.codeSpan("/a`b"), "``/a`b``")
        XCTAssertEqual(LintMarkdownOutput.codeSpan("`x"), "`` `x ``")
        XCTAssertEqual(LintMarkdownOutput.codeSpan("/a\nb"), #"`/a\u{A}b`"#)
    }
}

/// Validates SARIF logs against `Tests/Fixtures/sarif/sarif-schema-2.1.0.json` with Python's `jsonschema`.
///
/// The vendored schema declares draft 2020-12, so the validator class comes from its `$schema`. Formats are
/// asserted; `uri` and `uri-reference` are checked with RFC 3986's grammar here because `jsonschema` checks
/// them only when the optional `rfc3987` package is installed, which CI does not install. The schema itself is
/// not checked against its metaschema: the published file has a pattern (`^(?i)…`) that Python's `re` rejects
/// in a property Charter never writes.
private enum SchemaValidator {
    static let script = #"""
        import json, re, sys
        from jsonschema import FormatChecker
        from jsonschema.validators import validator_for

        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        checker = FormatChecker()
        # RFC 3986: unreserved, reserved and percent-encoded characters only.
        URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
        SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
        checker.checks("uri-reference")(lambda value: not isinstance(value, str) or bool(URI_CHARS.match(value)))
        checker.checks("uri")(lambda value: not isinstance(value, str) or bool(URI_CHARS.match(value) and SCHEME.match(value)))
        validator = validator_for(schema)(schema, format_checker=checker)
        failed = False
        for path in sys.argv[2:]:
            log = json.load(open(path, encoding="utf-8"))
            for error in sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.absolute_path))):
                failed = True
                where = "/".join(map(str, error.absolute_path))
                print(f"{path}: /{where}: {error.message} ({error.validator} {error.validator_value!r})"[:600])
        sys.exit(1 if failed else 0)
        """#

    /// Runs the validator on `paths`; fails the calling test (never skips) when python3 or jsonschema is missing.
    static func validate(_ paths: [String]) throws -> (status: Int32, output: String) {
        let schema = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sarif/sarif-schema-2.1.0.json").path
        guard FileManager.default.fileExists(atPath: schema) else { throw Failure("missing \(schema)") }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let python = path.split(separator: ":").map({ "\($0)/python3" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure("python3 is not on PATH, so SARIF output cannot be validated. Run the tests through .ci/run, or install Python 3 "
                + "and `python3 -m pip install jsonschema referencing rfc3339-validator`.")
        }
        let probe = try run(python, ["-c", "import jsonschema, referencing"])
        guard probe.status == 0 else {
            throw Failure("the Python modules jsonschema and referencing are missing, so SARIF output cannot be validated. Run the tests "
                + "through .ci/run, or `python3 -m pip install jsonschema referencing rfc3339-validator`.\n\(probe.output)")
        }
        return try run(python, ["-c", script, schema] + paths)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
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

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
