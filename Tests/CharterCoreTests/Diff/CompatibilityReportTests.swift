import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the compatibility reports say about versions and lifecycles, and what the HTML page shows around the
/// changes: every base, the date, lifecycle states, text that cannot reorder the page.
final class CompatibilityReportTests: XCTestCase {
    private let base = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"], version: "1.3.0")

    /// Rows: a head for the base above (nil: the contract removed) → the version line, whether the version passes,
    /// and the version-gate message, if any.
    func testVersionVerdictRows() {
        let lifecycle = { (status: String, version: String) in
            self.base.replacingOccurrences(of: #""lifecycle": {"status": "active", "since": "2025-01-01"}"#, with: #""lifecycle": {"status": "\#(status)", "since": "2025-01-01"}"#)
                .replacingOccurrences(of: #""version": "1.3.0""#, with: #""version": "\#(version)""#)
        }
        let rows: [(label: String, head: String?, line: String?, passes: Bool, gate: [String])] = [
            ("removed while active", nil, "demo v1: 1.3.0 → removed: 1 breaking, 0 risky, 0 compatible; needs major — removed before it was retired", false, []),
            ("version back, no change", lifecycle("active", "1.2.0"), "demo v1: 1.3.0 → 1.2.0: 0 breaking, 0 risky, 0 compatible — version should be at least 1.3.0", false,
             ["demo v1 goes back from 1.3.0 to 1.2.0: a version never decreases"]),
            ("version back with a change", DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}, "note": {"type": "string"}"#, required: ["sku", "name"], version: "1.2.0"),
             "demo v1: 1.3.0 → 1.2.0: 0 breaking, 0 risky, 1 compatible; needs minor — version should be at least 1.4.0", false,
             ["1 compatible change needs a minor version, but demo v1 goes back from 1.3.0 to 1.2.0"]),
            ("retired without a deprecation", lifecycle("retired", "1.4.0"), "demo v1: 1.3.0 → 1.4.0: 1 breaking, 0 risky, 0 compatible; needs major, retired", true, []),
            ("deprecated, then retired later", nil, nil, true, []),
        ]
        for row in rows.dropLast() {
            let result = row.head.map { DiffHarness.diff(base, $0) } ?? DiffHarness.diff(["a.json": base], [:])
            XCTAssertEqual(result.map(DiffReport.versionLines)?.first, row.line, row.label)
            XCTAssertEqual(result?.versions.first?.passes, row.passes, row.label)
            XCTAssertEqual(result?.changes.filter { $0.checkID == "version-gate" }.map(\.message), row.gate, row.label)
        }
        // Retiring what was deprecated is the planned end: risky for whoever has not moved, not a break.
        let deprecated = lifecycle("deprecated", "1.4.0")
        let retired = DiffHarness.diff(deprecated, lifecycle("retired", "1.5.0"))?.changes.filter { $0.checkID == "lifecycle-changed" } ?? []
        XCTAssertEqual(retired.map(\.impact), [.risky])
        let outright = DiffHarness.diff(base, lifecycle("retired", "1.4.0"))?.changes.filter { $0.checkID == "lifecycle-changed" } ?? []
        XCTAssertEqual(outright.map(\.impact), [.breaks])
        XCTAssertEqual(outright.first?.hint, "deprecate it first, with a sunset and a successor; retire it once its clients have moved")
    }

    /// The page names every base and the date, colours lifecycles by what they mean, shows bidi controls as text,
    /// orders governance rows by contract, and lints with the configuration it is given.
    func testHTMLPageAroundTheChanges() throws {
        let other = { (text: String) in text.replacingOccurrences(of: #""name": "demo""#, with: #""name": "alpha""#) }
        let deprecated = base.replacingOccurrences(of: #""lifecycle": {"status": "active", "since": "2025-01-01"}"#,
                                                   with: #""lifecycle": {"status": "deprecated", "since": "2025-01-01", "sunset": "2026-06-30", "successor": "demo@2"}"#)
            .replacingOccurrences(of: #""version": "1.3.0""#, with: #""version": "1.4.0""#)
            .replacingOccurrences(of: #""description": "An item.""#, with: #""description": "An item.", "enum": [{"sku": "a\u202Eb"}]"#)
        let files = ["z.json": deprecated, "a.json": other(base)]
        let head = try XCTUnwrap(DiffHarness.load(files))
        let result = try XCTUnwrap(DiffHarness.diff(["z.json": base, "a.json": other(base)], files))
        let html = CompatibilityHTMLReport.render(result, head: head, bases: ["origin/main (commit 1a2b3c4d5e6f)", "v1.2.0 (commit 0f0f0f0f0f0f)"], today: "2026-11-30",
                                                  linter: Linter(configuration: try configuration(#"{"lint": {"rules": {"sunset-passed": "off"}}}"#), today: "2026-11-30"))
        XCTAssertNoThrow(try XMLDocument(xmlString: html), "well-formed XHTML")
        // Every link goes somewhere on the page, ids are unique, and the matrix links to the changes.
        let ids = html.matches(of: /id="([^"]+)"/).map { String($0.output.1) }
        let targets = html.matches(of: /href="#([^"]+)"/).map { String($0.output.1) }
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertTrue(Set(targets).isSubset(of: Set(ids)), "\(Set(targets).subtracting(ids))")
        XCTAssertTrue(targets.contains("c-demo-v1-risky") || targets.contains("c-demo-v1-compatible") || targets.contains("c-demo-v1-breaking"), html)
        XCTAssertTrue(html.contains("<p class=\"meta\">Head compared with <code>origin/main (commit 1a2b3c4d5e6f)</code>, and for transitive policies with <code>v1.2.0 (commit 0f0f0f0f0f0f)</code>, as of 2026-11-30, by charter"), html)
        XCTAssertTrue(html.contains("<td class=\"no\">deprecated, sunset 2026-06-30 (passed) → demo@2</td>"), html)
        XCTAssertTrue(html.contains("<td class=\"yes\">active</td>"), html)
        XCTAssertFalse(html.contains("\u{202E}"), "a bidi control is shown as text, never written raw")
        XCTAssertTrue(html.contains(#"\u{202E}"#), html)
        let alpha = try XCTUnwrap(html.range(of: "<tr><td>alpha v1</td><td>1.3.0</td>")), demo = try XCTUnwrap(html.range(of: "<tr><td>demo v1</td><td>1.4.0</td>"))
        XCTAssertLessThan(alpha.lowerBound, demo.lowerBound, "governance rows in contract order, whatever the files' order")
        // sunset-passed is off in the configuration: demo v1's row counts one lint warning fewer than by default.
        let unconfigured = CompatibilityHTMLReport.render(result, head: head, bases: ["origin/main"], today: "2026-11-30")
        let rows = [html, unconfigured].map { page in page.components(separatedBy: "\n").first { $0.hasPrefix("<tr><td>demo v1</td><td>1.4.0</td>") } ?? "" }
        XCTAssertTrue(rows[0].hasSuffix("<td class=\"num\">0</td><td class=\"num\">1</td></tr>"), rows[0])
        XCTAssertTrue(rows[1].hasSuffix("<td class=\"num\">0</td><td class=\"num\">2</td></tr>"), rows[1])
        XCTAssertTrue(html.contains("<title>Compatible — contract compatibility report</title>") || html.contains("<title>Risky — contract compatibility report</title>"), html)
    }

    /// The pull-request comment lists at most 50 version lines, so a change to a type hundreds of contracts share
    /// still fits in a comment.
    func testMarkdownPreambleListsAtMostFiftyVersions() {
        let versions = (1...70).map { index in
            VersionVerdict(contract: "c\(index) v1", base: SemanticVersion(major: 1, minor: 0, patch: 0), head: SemanticVersion(major: 1, minor: 0, patch: 1),
                           required: .minor, suggested: SemanticVersion(major: 1, minor: 1, patch: 0), breaking: 0, risky: 0, other: 1)
        }
        let lines = DiffReport.markdownPreamble(DiffResult(changes: [], versions: versions), bases: ["old"], today: "2026-11-30")
        XCTAssertEqual(lines.filter { $0.hasPrefix("- c") }.count, 50)
        XCTAssertEqual(lines.last, "- and 20 more contracts: the JSON report lists every version")
    }

    /// Rows: a load warning → its row on the HTML page and its line in the pull-request comment: markup and bidi controls
    /// from a contract shown as text (the page stays well-formed XHTML, the comment adds no markup), a git base's file as
    /// `REV:path`, a warning without a place or code as its message. No warnings: no section in either.
    func testLoadWarningRows() throws {
        let place = { (revision: String?) in
            SourceLocation(file: "old/a.json", position: SourcePosition(line: 3, column: 7, offset: 40), pointer: JSONPointer(tokens: ["x-contract", "<b>"]), revision: revision)
        }
        let rows: [(label: String, warning: Diagnostic, html: String, markdown: String)] = [
            ("markup in the message and hint",
             Diagnostic(.warning, #"unknown key "<script>" & more"#, at: place(nil), code: "contract.unknown-key", hint: "did you mean *a|b*?"),
             #"<tr><td>old/a.json:3:7 <code>/x-contract/&lt;b&gt;</code></td><td>unknown key &quot;&lt;script&gt;&quot; &amp; more <code>contract.unknown-key</code>"#
                + #"<div class="hint">did you mean *a|b*?</div></td></tr>"#,
             #"- `old/a.json:3:7` `/x-contract/<b>`: unknown key "\<script\>" \& more (`contract.unknown-key`); hint: did you mean \*a\|b\*?"#),
            ("a git base's file",
             Diagnostic(.warning, "must be a fraction", at: place("HEAD"), code: "contract.out-of-range"),
             #"<tr><td>HEAD:old/a.json:3:7 <code>/x-contract/&lt;b&gt;</code></td><td>must be a fraction <code>contract.out-of-range</code></td></tr>"#,
             #"- `HEAD:old/a.json:3:7` `/x-contract/<b>`: must be a fraction (`contract.out-of-range`)"#),
            ("a bidi control, no place, no code",
             Diagnostic(.warning, "value a\u{202E}b"),
             #"<tr><td></td><td>value a\u{202E}b</td></tr>"#,
             #"- value a\\u{202E}b"#),
        ]
        let result = try XCTUnwrap(DiffHarness.diff(base, base))
        let head = try XCTUnwrap(DiffHarness.load(["a.json": base]))
        for row in rows {
            let html = CompatibilityHTMLReport.render(result, head: head, bases: ["old"], today: "2026-11-30", warnings: [row.warning])
            XCTAssertNoThrow(try XMLDocument(xmlString: html), "\(row.label): well-formed XHTML")
            let lines = html.components(separatedBy: "\n")
            let section = try XCTUnwrap(lines.firstIndex(of: #"<h2>Load warnings <span class="count warn">1</span></h2>"#), row.label)
            XCTAssertEqual(Array(lines[section...].prefix(4)),
                           [lines[section], "<table><thead><tr><th>Where</th><th>Warning</th></tr></thead><tbody>", row.html, "</tbody></table>"], row.label)
            XCTAssertFalse(html.contains("\u{202E}"), row.label)
            let preamble = DiffReport.markdownPreamble(result, bases: ["old"], today: "2026-11-30", warnings: [row.warning])
            XCTAssertEqual(Array(preamble.suffix(4)), ["", "### Load warnings", "", row.markdown], row.label)
        }
        XCTAssertFalse(CompatibilityHTMLReport.render(result, head: head, bases: ["old"], today: "2026-11-30").contains("Load warnings"))
        XCTAssertFalse(DiffReport.markdownPreamble(result, bases: ["old"], today: "2026-11-30").contains("### Load warnings"))
        // At most 20 in the comment, then how many more.
        let many = (1...25).map { Diagnostic(.warning, "w\($0)") }
        let preamble = DiffReport.markdownPreamble(result, bases: ["old"], today: "2026-11-30", warnings: many)
        XCTAssertEqual(preamble.filter { $0.hasPrefix("- w") }.count, 20)
        XCTAssertEqual(preamble.last, "- and 5 more: the JSON report lists every warning")
    }

    /// Rows: what a load that failed found → the *Not compared* page's error rows under *Errors* and its warning rows under
    /// their own *Load warnings* heading (as on a compared page), each escaped; no warnings, no such section. The card
    /// counts the errors only.
    func testLoadFailurePageRows() throws {
        let place = SourceLocation(file: "a&b.json", position: SourcePosition(line: 2, column: 5, offset: 9), pointer: JSONPointer(tokens: ["x-contract"]))
        let error = Diagnostic(.error, "expected a value, found '<'", at: place, hint: "remove the \"<\"")
        let warning = Diagnostic(.warning, #"unknown key "<b>""#, at: place, code: "contract.unknown-key")
        let errorRow = #"<tr><td>a&amp;b.json:2:5</td><td>expected a value, found &apos;&lt;&apos;<div class="hint">remove the &quot;&lt;&quot;</div></td></tr>"#
        let warningRow = #"<tr><td>a&amp;b.json:2:5 <code>/x-contract</code></td><td>unknown key &quot;&lt;b&gt;&quot; <code>contract.unknown-key</code></td></tr>"#
        let rows: [(label: String, diagnostics: [Diagnostic], errors: [String], warnings: [String])] = [
            ("an error and a warning", [error, warning], [errorRow], [warningRow]),
            ("a warning found first", [warning, error], [errorRow], [warningRow]),
            ("errors only", [error, error], [errorRow, errorRow], []),
        ]
        for row in rows {
            let html = CompatibilityHTMLReport.renderLoadFailure(row.diagnostics, bases: ["old"], today: "2026-11-30")
            XCTAssertNoThrow(try XMLDocument(xmlString: html), "\(row.label): well-formed XHTML")
            let lines = html.components(separatedBy: "\n")
            let errors = try XCTUnwrap(lines.firstIndex(of: "<h2>Errors</h2>"), row.label)
            XCTAssertEqual(Array(lines[errors...].prefix(row.errors.count + 3)),
                           ["<h2>Errors</h2>", "<table><thead><tr><th>Where</th><th>Error</th></tr></thead><tbody>"] + row.errors + ["</tbody></table>"], row.label)
            XCTAssertTrue(html.contains(#"<div class="value">\#(row.errors.count)</div><div class="label">Contracts that do not load</div>"#), row.label)
            let heading = #"<h2>Load warnings <span class="count warn">\#(row.warnings.count)</span></h2>"#
            if row.warnings.isEmpty {
                XCTAssertFalse(html.contains("Load warnings"), row.label)
            } else {
                let section = try XCTUnwrap(lines.firstIndex(of: heading), row.label)
                XCTAssertGreaterThan(section, errors, "\(row.label): after the errors")
                XCTAssertEqual(Array(lines[section...].prefix(row.warnings.count + 3)),
                               [heading, "<table><thead><tr><th>Where</th><th>Warning</th></tr></thead><tbody>"] + row.warnings + ["</tbody></table>"], row.label)
            }
        }
    }

    private func configuration(_ json: String) throws -> LintConfiguration {
        let folder = try TemporaryFolder()
        try folder.write("charter.json", json)
        return try LintConfiguration.load(path: folder.path + "/charter.json", displayPath: "charter.json")
    }
}
