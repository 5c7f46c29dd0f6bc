import CharterCore
import CharterGovernance

/// The compatibility report for architects: one self-contained HTML page (inline CSS, no scripts, no
/// external resources) with the verdict, the version matrix, the changes by severity, and the governance
/// coverage of the head's contracts. Written as well-formed XHTML, deterministic byte for byte.
public enum CompatibilityHTMLReport {
    /// The page for `result` (`head` holds the new contracts, for governance coverage, linted by `linter` — the
    /// project's configuration — as of `today`; `bases` are what the head was compared with, the newest first, as
    /// reports name them: `origin/main (commit 1a2b3c4)`). `warnings` are the load warnings text shows on standard error
    /// and JSON in `warnings` (the head's, and a base's numbers out of range and unknown keys): a section of their own
    /// when there are any.
    public static func render(_ result: DiffResult, head: SchemaGraph, bases: [String], today: String, linter: Linter? = nil,
                              warnings: [Diagnostic] = []) -> String {
        let breaking = result.changes.filter { $0.impact == .breaks }
        let risky = result.changes.filter { $0.impact == .risky }
        let compatible = result.changes.filter { $0.impact == .none }
        let failedVersions = result.versions.filter { $0.suggested != nil }
        let breakingChanges = breaking.filter { $0.checkID != VersionGateCheck.id }.count  // the gate is counted as versions to fix
        let verdict = result.verdict.title
        let kind = switch result.verdict {
        case .breaking: "breaking"
        case .versionsToFix: "bad"
        case .risky: "warn"
        case .compatible: "compatible"
        }
        let removed = result.versions.filter { !$0.inHead }.count
        let count = ": \(result.versions.count) contract\(result.versions.count == 1 ? "" : "s")" + (removed > 0 ? ", \(removed) removed" : "")
        var html = opening(title: verdict, bases: bases, today: today, contracts: count)
        html.append("<div class=\"cards\">")
        html.append(card("Verdict", verdict, kind))
        html.append(card("Breaking changes", String(breakingChanges), breakingChanges == 0 ? "ok" : "bad"))
        html.append(card("Risky changes", String(risky.count), risky.isEmpty ? "ok" : "warn"))
        html.append(card("Compatible changes", String(compatible.count), "ok"))
        html.append(card("Versions to fix", String(failedVersions.count), failedVersions.isEmpty ? "ok" : "bad"))
        html.append("</div>")

        let anchors = ContractAnchors(contracts: result.versions.map(\.contract) + result.changes.map(\.contract))
        let anchor = anchors.anchor
        html.append("<h2>Version matrix</h2>")
        html.append("<table><thead><tr><th>Contract</th><th>Base</th><th>Head</th><th>Breaking</th><th>Risky</th><th>Compatible</th><th>Needs</th><th>Version</th></tr></thead><tbody>")
        for verdict in result.versions {
            let status = switch verdict.status {
            case .tooLow(let suggested): "<span class=\"bad\">should be at least \(escape(suggested.description))</span>"
            case .removedWhileInUse: "<span class=\"bad\">removed before it was retired</span>"
            case .breaksWithoutVersion: "<span class=\"bad\">breaking, with no version to say so</span>"
            case .retired: "<span class=\"warn\">retired</span>"
            case .removed: "<span class=\"ok\">removed</span>"
            case .unchanged: "<span class=\"ok\">unchanged</span>"
            case .ok: "<span class=\"ok\">ok</span>"
            }
            // Each count links to the contract's first change of that kind below.
            func count(_ value: Int, _ section: String) -> String {
                value == 0 ? "0" : "<a href=\"#\(anchor(verdict.contract, section))\">\(value)</a>"
            }
            html.append("<tr id=\"\(anchor(verdict.contract, nil))\"><td>\(escape(verdict.contract))</td><td>\(escape(verdict.inBase ? verdict.baseLabel : "—"))</td>"
                + "<td>\(escape(verdict.headLabel))</td>"
                + "<td class=\"num\">\(count(verdict.breaking, "breaking"))</td><td class=\"num\">\(count(verdict.risky, "risky"))</td>"
                + "<td class=\"num\">\(count(verdict.other, "compatible"))</td>"
                + "<td>\(escape(verdict.requiredLabel ?? "—"))</td><td>\(status)</td></tr>")
        }
        html.append("</tbody></table>")

        // The version gate's findings have a section of their own, so every count on the page (the card, each
        // section's heading) counts the same changes.
        let gate = breaking.filter { $0.checkID == VersionGateCheck.id }
        let sections = [("Breaking changes", breaking.filter { $0.checkID != VersionGateCheck.id }, "bad", "breaking")]
            + (gate.isEmpty ? [] : [("Versions to fix", gate, "bad", "versions")])
            + [("Risky changes", risky, "warn", "risky"), ("Compatible changes", compatible, "ok", "compatible")]
        for (title, changes, kind, section) in sections {
            html.append("<h2>\(title) <span class=\"count \(kind)\">\(changes.count)</span></h2>")
            guard !changes.isEmpty else {
                html.append("<p class=\"none\">None.</p>")
                continue
            }
            let heading = kind == "ok" ? "Change" : kind == "warn" ? "Change, and who it may break" : "Change, and who it breaks"
            html.append("<table><thead><tr><th>Contract</th><th>Check</th><th>\(heading)</th><th>Where</th></tr></thead><tbody>")
            var anchored: Set<String> = []
            for change in changes {
                let pointer = change.location.pointer.description.isEmpty ? "#" : change.location.pointer.description
                let place = (change.side == .base ? "base " : "") + escape(change.location.description) + " <code>\(escape(pointer))</code>"
                // The contract's first row here is what its count in the matrix links to; its name links back.
                let id = anchored.insert(change.contract).inserted ? " id=\"\(anchor(change.contract, section))\"" : ""
                html.append("<tr\(id)><td><a href=\"#\(anchor(change.contract, nil))\">\(escape(change.contract))</a></td><td><code>\(escape(change.checkID))</code></td><td>\(escape(change.message))"
                    + (change.hint.map { "<div class=\"hint\">\(escape($0))</div>" } ?? "") + "</td><td>\(place)</td></tr>")
            }
            html.append("</tbody></table>")
        }

        html += warningSection(warnings)
        html.append("<h2>Governance coverage of the head</h2>")
        html.append(GovernanceCoverage.table(head, today: today, linter: linter ?? Linter(today: today)))
        html.append("</body>")
        html.append("</html>")
        return html.joined(separator: "\n") + "\n"
    }

    /// The page written when contracts do not load: the verdict is that nothing could be compared, with every error
    /// under *Errors* and the warnings the loads found beside them under their own heading (as on a compared page), so
    /// a report left from an earlier run is never mistaken for this one's.
    public static func renderLoadFailure(_ diagnostics: [Diagnostic], bases: [String], today: String) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var html = opening(title: "Not compared", bases: bases, today: today, contracts: "") + [
            "<div class=\"cards\">",
            card("Verdict", "Not compared", "breaking"),
            card("Contracts that do not load", String(errors.count), "bad"),
            "</div>",
            "<h2>Errors</h2>",
            "<table><thead><tr><th>Where</th><th>Error</th></tr></thead><tbody>",
        ]
        for diagnostic in errors {
            let place = diagnostic.location.map { escape($0.description) } ?? ""
            html.append("<tr><td>\(place)</td><td>\(escape(diagnostic.message))"
                + (diagnostic.hint.map { "<div class=\"hint\">\(escape($0))</div>" } ?? "") + "</td></tr>")
        }
        html.append("</tbody></table>")
        html += warningSection(diagnostics.filter { $0.severity != .error })  // a note, if a load gives one, with them
        html += ["</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    /// The load warnings as a section: where (file, line:column and pointer; a git base's file as `REV:path`), the
    /// message with its code, and the hint. Nothing when there are none.
    static func warningSection(_ warnings: [Diagnostic]) -> [String] {
        guard !warnings.isEmpty else { return [] }
        var html = ["<h2>Load warnings <span class=\"count warn\">\(warnings.count)</span></h2>",
                    "<table><thead><tr><th>Where</th><th>Warning</th></tr></thead><tbody>"]
        for warning in warnings {
            var place = warning.location.map { escape($0.description) } ?? ""
            if let location = warning.location, location.hasPointer {
                place += " <code>\(escape(location.pointer.description.isEmpty ? "#" : location.pointer.description))</code>"
            }
            html.append("<tr><td>\(place)</td><td>\(escape(warning.message))" + (warning.code.map { " <code>\(escape($0))</code>" } ?? "")
                + (warning.hint.map { "<div class=\"hint\">\(escape($0))</div>" } ?? "") + "</td></tr>")
        }
        html.append("</tbody></table>")
        return html
    }

    /// The page up to its first section: document head, style, title (the verdict first, so a browser tab says it),
    /// and what was compared — every base, the date lint and sunsets were judged on, the tool (`contracts` follows
    /// the charter version: `: 5 contracts`, or nothing).
    private static func opening(title: String, bases: [String], today: String, contracts: String) -> [String] {
        let compared = bases.first.map { "Head compared with <code>\(escape($0))</code>" } ?? "Head compared"
        let older = bases.dropFirst().map { "<code>\(escape($0))</code>" }
        let transitive = older.isEmpty ? "" : ", and for transitive policies with " + older.joined(separator: ", ")
        return [
            "<!DOCTYPE html>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<title>\(escape(title)) — contract compatibility report</title>",
            "<style>\(style)</style>",
            "</head>",
            "<body>",
            "<h1>Contract compatibility report</h1>",
            "<p class=\"meta\">\(compared)\(transitive), as of \(escape(today)), by charter \(escape(Charter.version))\(contracts).</p>",
        ]
    }

    private static func card(_ label: String, _ value: String, _ kind: String) -> String {
        "<div class=\"card \(kind)\"><div class=\"value\">\(escape(value))</div><div class=\"label\">\(escape(label))</div></div>"
    }

    /// Text as XML character data (the JUnit writer's escaping: `& < > " '` escaped, characters XML 1.0 forbids
    /// dropped), so the page is well-formed XHTML too; control and bidi characters from the contracts shown as
    /// `\u{202E}`, as in text output, so no text on the page can reorder what is shown around it.
    static func escape(_ text: String) -> String { LintJUnitOutput.escape(DiagnosticFormatter.sanitize(text), attribute: false) }

    static let style = """
        body{font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;margin:2rem auto;max-width:1200px;padding:0 1rem}\
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}\
        .meta{color:#59636e}.cards{display:flex;gap:.8rem;flex-wrap:wrap;margin:1rem 0}\
        .card{border:1px solid #d0d7de;border-radius:8px;padding:.6rem 1rem;min-width:9rem}.card .value{font-size:1.5rem;font-weight:600}\
        .card .label{color:#59636e;font-size:.85rem}.card.bad,.card.breaking{border-color:#cf222e;background:#ffebe9}\
        .card.warn{border-color:#bf8700;background:#fff8c5}.card.ok,.card.compatible{border-color:#1a7f37;background:#dafbe1}\
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}td code{overflow-wrap:anywhere}\
        th{background:#f6f8fa}td.num{text-align:right}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:0 .2rem;border-radius:4px}\
        .bad{color:#cf222e;font-weight:600}.warn{color:#9a6700;font-weight:600}.ok{color:#1a7f37}.hint{color:#59636e;font-size:.9em;margin-top:.2rem}\
        .count{font-size:.85rem;padding:0 .45rem;border-radius:1rem;border:1px solid currentColor}.none{color:#59636e}.yes{color:#1a7f37}.no{color:#cf222e}.partly{color:#9a6700}
        """
}

/// How well each contract of a set is governed: who owns it, where it is in its life, what it promises, and how
/// many of its operations and events carry the annotations lint requires.
enum GovernanceCoverage {
    static func table(_ graph: SchemaGraph, today: String, linter: Linter) -> String {
        var rows = ["<table><thead><tr><th>Contract</th><th>Version</th><th>Owner</th><th>Lifecycle</th><th>Policy</th>"
            + "<th>Operations with auth</th><th>with SLA</th><th>Writes with idempotency</th><th>Events with dead-letter</th><th>Lint errors</th><th>Lint warnings</th></tr></thead><tbody>"]
        let lint = linter.lint(graph)
        // In contract order (name, then major), plain schema files after, by path: the order the paths were given in
        // changes nothing.
        for document in graph.documents.sorted(by: { ContractOrder($0, path: $0.displayPath) < ContractOrder($1, path: $1.displayPath) }) {
            let findings = lint.findings.filter { $0.stablePath == document.rootRelativePath }
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.filter { $0.severity == .warning }.count
            guard let contract = document.contract else {
                rows.append("<tr><td>\(CompatibilityHTMLReport.escape(document.displayPath))</td><td>—</td>" + String(repeating: "<td class=\"no\">ungoverned</td>", count: 3)
                    + String(repeating: "<td>—</td>", count: 4) + "<td class=\"num\">\(errors)</td><td class=\"num\">\(warnings)</td></tr>")
                continue
            }
            let operations = contract.operations
            let writes = operations.filter { $0.isWrite && !$0.declaresQuery }
            let reliable = contract.events.filter { $0.delivery == "at-least-once" || $0.delivery == "exactly-once" }
            func mark(_ ok: Bool, _ text: String) -> String { "<td class=\"\(ok ? "yes" : "no")\">\(CompatibilityHTMLReport.escape(text))</td>" }
            func ratio(_ part: Int, _ whole: Int) -> String {
                whole == 0 ? "<td>—</td>" : "<td class=\"\(part == whole ? "yes" : "no")\">\(part) of \(whole)</td>"
            }
            rows.append("<tr><td>\(CompatibilityHTMLReport.escape("\(contract.name) v\(contract.version.major)"))</td><td>\(CompatibilityHTMLReport.escape(contract.version.description))</td>"
                + mark(contract.owner?.team != nil, contract.owner?.team ?? "none")
                + lifecycle(contract.lifecycle, today: today)
                + mark(contract.compatibility != nil && contract.compatibility != CompatibilityMode.none, contract.compatibility?.rawValue ?? "none")
                + ratio(operations.filter { $0.auth != nil }.count, operations.count)
                + ratio(operations.filter { $0.sla?.latencyP99Ms != nil }.count, operations.count)
                + ratio(writes.filter { $0.idempotency?.required == true }.count, writes.count)
                + ratio(reliable.filter { $0.deadLetter?.topic != nil }.count, reliable.count)
                + "<td class=\"num\">\(errors)</td><td class=\"num\">\(warnings)</td></tr>")
        }
        rows.append("</tbody></table>")
        return rows.joined(separator: "\n")
    }

    /// The lifecycle cell: active in green; draft, deprecated (with its sunset and successor) in amber; retired, or
    /// deprecated past its sunset, in red.
    static func lifecycle(_ lifecycle: Contract.Lifecycle?, today: String) -> String {
        guard let lifecycle else { return "<td class=\"no\">none</td>" }
        var text = lifecycle.status.rawValue
        if let sunset = lifecycle.sunset { text += ", sunset \(sunset)" + (sunset <= today ? " (passed)" : "") }
        if let successor = lifecycle.successor { text += " → \(successor)" }
        let kind: String
        switch lifecycle.status {
        case .active: kind = "yes"
        case .draft: kind = "partly"
        case .deprecated: kind = lifecycle.sunset.map { $0 <= today } == true ? "no" : "partly"
        case .retired: kind = "no"
        }
        return "<td class=\"\(kind)\">\(CompatibilityHTMLReport.escape(text))</td>"
    }
}
