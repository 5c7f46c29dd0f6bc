import XCTest
@testable import CharterCore
@testable import CharterGovernance

/// Inline `x-lint-ignore` suppressions and baselines: what they silence, and what they report about themselves.
final class LintSuppressionTests: XCTestCase {
    /// A contract with a float price in `Line` and another in `Fee`; `suppression` is spliced into `Line`.
    private func contract(lineSuppression suppression: String) -> String {
        ExampleContract.make(defs: """
            "Line": {"title": "Line", "description": "A line.", "type": "object", \(suppression) "properties": {"unitPrice": {"type": "number"}}, "examples": [{"unitPrice": 1.5}]},
            "Fee": {"title": "Fee", "description": "A fee.", "type": "object", "properties": {"feeAmount": {"type": "number"}}, "examples": [{"feeAmount": 1}]}
            """)
    }

    private func findings(_ suppression: String) -> [String] {
        LintHarness.lint(contract(lineSuppression: suppression))?.findings.map { "\($0.ruleID) \($0.location.pointer)" } ?? ["did not load"]
    }

    func testSuppressionRows() {
        let rows: [(suppression: String, expected: [String])] = [
            ("", ["money-not-float /$defs/Line/properties/unitPrice", "money-not-float /$defs/Fee/properties/feeAmount"]),
            // A reason as a string, or as an object with a future date: silences the rule under that object only.
            (#""x-lint-ignore": {"money-not-float": "POS v1 sends floats"},"#, ["money-not-float /$defs/Fee/properties/feeAmount"]),
            (#""x-lint-ignore": {"money-not-float": {"reason": "POS v1", "until": "2026-06-01"}},"#, ["money-not-float /$defs/Fee/properties/feeAmount"]),
            // Expired the day before: the finding is back, and the suppression is reported (findings are in source order).
            (#""x-lint-ignore": {"money-not-float": {"reason": "POS v1", "until": "2026-05-31"}},"#,
             ["suppression-expired /$defs/Line/x-lint-ignore/money-not-float", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            // No reason, a blank reason, an unknown rule, a bad date: reported, and nothing is silenced.
            (#""x-lint-ignore": {"money-not-float": {"until": "2027-01-01"}},"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore/money-not-float", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            (#""x-lint-ignore": {"money-not-float": "  "},"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore/money-not-float", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            (#""x-lint-ignore": {"money-is-float": "typo"},"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore/money-is-float", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            (#""x-lint-ignore": {"money-not-float": {"reason": "r", "until": "31/12/2026"}},"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore/money-not-float/until", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            // A day that is not in the calendar, and a misspelt key: reported, nothing silenced (a misspelt
            // "until" would otherwise silence for good).
            (#""x-lint-ignore": {"money-not-float": {"reason": "r", "until": "2026-02-30"}},"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore/money-not-float/until", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            (#""x-lint-ignore": {"money-not-float": {"reason": "r", "until": "2027-02-29"}},"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore/money-not-float/until", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            (#""x-lint-ignore": {"money-not-float": {"reason": "r", "until": "2028-02-29"}},"#, ["money-not-float /$defs/Fee/properties/feeAmount"]),
            (#""x-lint-ignore": {"money-not-float": {"reason": "r", "untill": "2026-01-01"}},"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore/money-not-float/untill", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            (#""x-lint-ignore": ["money-not-float"],"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            // A reason that is not text, and an entry that is neither a reason nor an object: reported, nothing silenced.
            (#""x-lint-ignore": {"money-not-float": {"reason": 5}},"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore/money-not-float/reason", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            (#""x-lint-ignore": {"money-not-float": true},"#,
             ["suppression-invalid /$defs/Line/x-lint-ignore/money-not-float", "money-not-float /$defs/Line/properties/unitPrice",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            // The suppression rules judge suppressions and cannot be silenced by one: the entry is invalid (not also
            // unused), and the stale suppression beside it is still reported.
            (#""x-lint-ignore": {"money-not-float": "fine", "type-documented": "stale", "suppression-unused": "keep it"},"#,
             ["suppression-unused /$defs/Line/x-lint-ignore/type-documented", "suppression-invalid /$defs/Line/x-lint-ignore/suppression-unused",
              "money-not-float /$defs/Fee/properties/feeAmount"]),
            // A suppression of a rule with nothing to silence there is stale.
            (#""x-lint-ignore": {"money-not-float": "fine", "type-documented": "stale"},"#,
             ["suppression-unused /$defs/Line/x-lint-ignore/type-documented", "money-not-float /$defs/Fee/properties/feeAmount"]),
        ]
        for row in rows {
            XCTAssertEqual(findings(row.suppression), row.expected, row.suppression)
        }
    }

    /// What the suppression-invalid findings say: a did-you-mean for a misspelt rule id or key, as charter.json errors give.
    func testInvalidSuppressionsSuggestTheIntendedSpelling() {
        let rows: [(suppression: String, expected: String)] = [
            (#""x-lint-ignore": {"money-not-flaot": "typo"},"#,
             #"x-lint-ignore names unknown rule "money-not-flaot" (hint: did you mean "money-not-float"? (charter lint --list-rules))"#),
            (#""x-lint-ignore": {"no-such-thing-at-all": "typo"},"#,
             #"x-lint-ignore names unknown rule "no-such-thing-at-all" (hint: charter lint --list-rules lists the rule ids)"#),
            (#""x-lint-ignore": {"money-not-float": {"reason": "r", "untill": "2026-01-01"}},"#,
             #"suppression of money-not-float has unknown key "untill" (hint: did you mean "until"?)"#),
            (#""x-lint-ignore": {"money-not-float": {"reason": "r", "until": "2026-02-30"}},"#,
             "until must be a date YYYY-MM-DD (hint: none)"),
            (#""x-lint-ignore": {"money-not-float": {"reason": 5}},"#,
             #"the reason of the suppression of money-not-float must be a string (hint: say why in words: {"reason": "…", "until": "YYYY-MM-DD"})"#),
            (#""x-lint-ignore": {"suppression-expired": "renewing later"},"#,
             #"x-lint-ignore cannot silence suppression-expired, which judges suppressions (hint: fix the suppression it reports, or set "suppression-expired": "off" (or a path override) in charter.json)"#),
        ]
        for row in rows {
            let found = LintHarness.lint(contract(lineSuppression: row.suppression))?.findings.filter { $0.ruleID == "suppression-invalid" }
                .map { "\($0.message) (hint: \($0.hint ?? "none"))" }
            XCTAssertEqual(found, [row.expected], row.suppression)
        }
    }

    func testDatesAreDaysOfTheCalendar() {
        let rows: [(text: String, valid: Bool)] = [
            ("2026-01-31", true), ("2026-02-28", true), ("2026-02-29", false), ("2028-02-29", true), ("2100-02-29", false),
            ("2000-02-29", true), ("2026-02-30", false), ("2026-04-31", false), ("2026-12-31", true), ("2026-13-01", false),
            ("2026-00-10", false), ("2026-01-00", false), ("0000-01-01", false), ("2026-1-01", false), ("2026-01-01T00:00:00Z", false),
        ]
        for row in rows {
            XCTAssertEqual(InstanceFormat.isFullDate(row.text), row.valid, row.text)
        }
    }

    /// An object-level suppression and one on a property inside it: the innermost silences the property's finding,
    /// and the outer one is stale only when it silences nothing else.
    func testTheInnermostSuppressionSilences() {
        let inner = #""unitPrice": {"type": "number", "x-lint-ignore": {"money-not-float": {"reason": "POS", "until": "2027-01-01"}}}"#
        let rows: [(properties: String, expected: [String])] = [
            (inner + #", "taxAmount": {"type": "number"}"#, []),
            (inner, ["suppression-unused /$defs/Line/x-lint-ignore/money-not-float"]),
        ]
        for row in rows {
            let text = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "A line.", "type": "object", "x-lint-ignore": {"money-not-float": "all POS lines are floats until v3"}, "properties": {"# + row.properties + #"}, "examples": [{}]}"#)
            XCTAssertEqual(LintHarness.lint(text)?.findings.map { "\($0.ruleID) \($0.location.pointer)" }, row.expected, row.properties)
        }
    }

    func testSuppressedCountAndDormantSuppressions() throws {
        let report = try XCTUnwrap(LintHarness.lint(contract(lineSuppression: #""x-lint-ignore": {"money-not-float": "POS v1", "type-examples": "dormant"},"#)))
        XCTAssertEqual(report.suppressedCount, 1)
        // type-examples is not in the recommended preset, so its suppression is not reported as unused.
        XCTAssertFalse(report.findings.contains { $0.ruleID == "suppression-unused" })
    }

    func testBaselineHidesRecordedFindingsOnly() throws {
        let before = try XCTUnwrap(LintHarness.lint(["a.json": contract(lineSuppression: "")]))
        XCTAssertEqual(before.findings.count, 2)
        let data = Data(LintBaseline.document(for: before.findings).utf8)
        let baseline = try LintBaseline.parse(data, file: "baseline.json")

        let same = try XCTUnwrap(LintHarness.lint(["a.json": contract(lineSuppression: "")], baseline: baseline))
        XCTAssertEqual(same.findings.count, 0)
        XCTAssertEqual(same.baselinedCount, 2)

        // Lines move and a third violation appears: the recorded two stay hidden, the new one is reported.
        let edited = contract(lineSuppression: "").replacingOccurrences(of: #""$defs": {"#, with: """
            "$defs": {
              "Tax": {"title": "Tax", "description": "Tax.", "type": "object", "properties": {"taxAmount": {"type": "number"}}, "examples": [{"taxAmount": 1}]},
            """)
        let after = try XCTUnwrap(LintHarness.lint(["a.json": edited], baseline: baseline))
        XCTAssertEqual(after.findings.map(\.location.pointer.description), ["/$defs/Tax/properties/taxAmount"])
        XCTAssertEqual(after.baselinedCount, 2)
    }

    func testBaselineDocumentIsReadableAndStable() throws {
        let report = try XCTUnwrap(LintHarness.lint(contract(lineSuppression: "")))
        let text = LintBaseline.document(for: report.findings)
        XCTAssertEqual(text, LintBaseline.document(for: report.findings.reversed()))
        XCTAssertTrue(text.contains(#""rule": "money-not-float""#) && text.contains(#""file": "a.json""#) && text.contains(#""pointer": "/$defs/Fee/properties/feeAmount""#), text)
        XCTAssertThrowsError(try LintBaseline.parse(Data(#"{"findings": []}"#.utf8), file: "b.json")) { error in
            XCTAssertEqual((error as? DiagnosticsError)?.diagnostics.first?.description,
                           "b.json:1:1: error: not a Charter lint baseline (version 1 with a findings array) [#]")
        }
    }

    func testFingerprintIgnoresLinesButNotPlace() {
        let location = SourceLocation(file: "a.json", position: SourcePosition(line: 3, column: 4, offset: 40), pointer: JSONPointer(tokens: ["$defs", "A"]))
        let finding = LintFinding(ruleID: "r", severity: .error, message: "m", location: location, stablePath: "a.json")
        var moved = finding
        moved.location.position = SourcePosition(line: 30, column: 4, offset: 400)
        XCTAssertEqual(finding.fingerprint, moved.fingerprint)
        var elsewhere = finding
        elsewhere.location.pointer = JSONPointer(tokens: ["$defs", "B"])
        XCTAssertNotEqual(finding.fingerprint, elsewhere.fingerprint)
        XCTAssertEqual(finding.fingerprint.count, 16)
    }

    /// The hash reads contiguous bytes as one buffer and other sequences byte by byte: both give the same value.
    func testFNVIsTheSameForEveryKindOfSequence() {
        let text = "inventory: onHand \u{2014} ÉLAN ~/"
        var fromString = FNV1a64(), fromArray = FNV1a64(), fromLazy = FNV1a64(), byByte = FNV1a64()
        fromString.mix(text)
        fromArray.mix(Array(text.utf8))
        fromLazy.mix(text.utf8.lazy.map { $0 })
        for byte in text.utf8 { byByte.mix(byte: byte) }
        XCTAssertEqual(Set([fromString.hex, fromArray.hex, fromLazy.hex, byByte.hex]).count, 1)
        var substring = FNV1a64()
        substring.mix(text.dropFirst(0)[...].utf8)
        XCTAssertEqual(substring.hex, fromString.hex)
    }

    /// Rows: text → its FNV-1a (64 bits) as 16 lowercase hex digits, leading zeros kept (the published test vectors,
    /// and a value whose first two digits are 0, found with the python3 one-liner below).
    func testFNVHexDigits() {
        let rows: [(text: String, hex: String)] = [
            ("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8"), ("13900", "00f5898e9456454c"),
        ]
        for row in rows {
            var hash = FNV1a64()
            hash.mix(row.text)
            XCTAssertEqual(hash.hex, row.hex, row.text)
        }
    }

    /// Fingerprints are stored in users' baselines, so their value is part of the format: FNV-1a (64 bits) of
    /// rule id, stable path, pointer and message, each followed by 0xFF, as 16 lowercase hex digits. Expected
    /// values from an independent implementation (python3: `h = ((h ^ b) * 0x100000001b3) % 2**64` over the UTF-8
    /// bytes, starting from 0xcbf29ce484222325).
    func testFingerprintValues() {
        let rows: [(rule: String, path: String, pointer: [String], message: String, expected: String)] = [
            ("money-not-float", "contracts/pricing.json", ["$defs", "Price", "properties", "amount"],
             "pricing: amount is a binary float \u{2014} use a decimal string", "4ce732e7a624fa02"),
            ("r", "", [], "", "c64a62955110b801"),
            ("r", "", [], "2260", "00ed79b46ae15a9b"),  // leading zeros kept
        ]
        for row in rows {
            let finding = LintFinding(
                ruleID: row.rule, severity: .warning, message: row.message,
                location: SourceLocation(file: "elsewhere.json", pointer: JSONPointer(tokens: row.pointer)), stablePath: row.path)
            XCTAssertEqual(finding.fingerprint, row.expected, row.rule)
        }
    }

    /// Suppressions are found at any depth the JSON reader accepts, on a 512 KiB stack (macOS worker threads): the
    /// walk keeps its own stack instead of recursing once per level. A document nested about 500 levels deep, with an
    /// `x-lint-ignore` before and after the way down every 50 levels, reports each (all name unknown rules) in source
    /// order: the ones before the way down from the top, then the ones after it from the bottom.
    func testSuppressionsAtEveryDepthOnASmallStack() throws {
        let levels = 250
        var text = #"{"x-contract": {"name": "demo", "version": "1.0.0"}, "x-deep": "#
        for level in 0..<levels {
            text += level % 50 == 0 ? #"{"x-lint-ignore": {"before-\#(level)": "r"}, "k": ["# : #"{"k": ["#
        }
        for level in (0..<levels).reversed() {
            text += level % 50 == 0 ? #"], "z": {"x-lint-ignore": {"after-\#(level)": "r"}}}"# : "]}"
        }
        text += "}"
        let graph = try ContractFixture(text).load().get()
        let document = try XCTUnwrap(graph.documents.first)

        final class Run: @unchecked Sendable {
            var problems: [String] = []
            let done = DispatchSemaphore(value: 0)
        }
        let run = Run()
        let thread = Thread {
            var collector = SuppressionCollector(catalog: .standard, today: LintHarness.today)
            collector.collect(document)
            run.problems = collector.problems.map { "\($0.location.pointer.tokens.count) \($0.message)" }
            run.done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        run.done.wait()

        let marked = stride(from: 0, to: levels, by: 50)
        // The way down to level n is n × ("k", "0") below "x-deep"; then x-lint-ignore and the rule.
        XCTAssertEqual(run.problems,
                       marked.map { #"\#(1 + 2 * $0 + 2) x-lint-ignore names unknown rule "before-\#($0)""# }
                       + marked.reversed().map { #"\#(1 + 2 * $0 + 3) x-lint-ignore names unknown rule "after-\#($0)""# })
    }

}
