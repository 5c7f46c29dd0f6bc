import CharterCore
import CharterGovernance

/// A diff result as findings, so every output format of `charter lint` (text, JSON, SARIF, GitHub annotations,
/// JUnit, Markdown) serves `charter diff` too; and the per-contract version lines the text format ends with.
public enum DiffReport {
    /// The changes as findings: the check's id as the rule, breaking → error, risky → warning, harmless → note.
    /// A change located in a git base carries the revision in its location (``SourceLocation/revision``), so it is
    /// not taken for a place in the working tree.
    /// The JSON document names the verdict, the `bases` (each `{"name": "origin/main", "commit": "…"}`, the commit
    /// null for a folder) and the date judged by (`today`) before the per-contract `versions`. `loadWarnings` are the
    /// head's and a base's numbers out of range (JSON carries them as `warnings`, SARIF as tool execution notifications).
    public static func findings(_ result: DiffResult, catalog: ChangeCatalog = .standard, files: [String],
                                bases: [(name: String, commit: String?)] = [], today: String? = nil,
                                loadWarnings: [Diagnostic] = []) -> LintReport {
        let findings = result.changes.map { change in
            LintFinding(ruleID: change.checkID, severity: change.severity, message: "\(change.contract): \(change.message)",
                        hint: change.hint, location: change.location, stablePath: change.stablePath, details: details(change))
        }
        var report = LintReport(findings: findings, suppressedCount: 0, baselinedCount: 0, files: files,
                                rules: catalog.checks, loadWarnings: loadWarnings)
        report.command = "diff"
        report.jsonMembers = [
            ("verdict", .string(result.verdict.rawValue)),
            ("bases", .elements(bases.map { .members(["name": .string($0.name), "commit": $0.commit.map(JSONValue.string) ?? .null]) })),
            ("today", today.map(JSONValue.string) ?? .null),
            ("versions", .elements(result.versions.map(versionJSON))),
        ]
        return report
    }

    /// What a change carries in structured form, after the members every finding has (JSON) and as the SARIF result's
    /// `properties`: `contract` (`billing v1`), `change` (what changed, without the contract or who it breaks), `impact`
    /// (`breaks`, `may-break` or `compatible`), `affects` (the parties it breaks or may break: `client`, `provider`,
    /// `producer`, `consumer`; `[]` when it breaks nobody, or only readers of a type no interface reaches) and
    /// `interfaces` (each `{"contract": "billing v1", "name": "getInvoice"}` — an operation id, `event Name` or
    /// `feed Name` — that the change reaches, where known; `[]` otherwise).
    static func details(_ change: Change) -> [JSONMember] {
        guard case .object(let object) = JSONValue.members([
            "contract": .string(change.contract),
            "change": .string(change.what.isEmpty ? change.message : change.what),
            "impact": .string(impactName(change.impact)),
            "affects": .elements(change.affects.map { .string($0.rawValue) }),
            "interfaces": .elements(change.interfaces.map { .members(["contract": .string($0.contract), "name": .string($0.name)]) }),
        ]) else { return [] }
        return object.members
    }

    /// An impact as the JSON output names it.
    static func impactName(_ impact: Impact) -> String {
        switch impact {
        case .breaks: "breaks"
        case .risky: "may-break"
        case .none: "compatible"
        }
    }

    /// One contract's version verdict in the JSON output: `{"contract": "orders v2", "base": "2.3.0", "head": "2.3.1",
    /// "breaking": 2, "risky": 1, "compatible": 3, "needs": "major", "suggested": "3.0.0", "passes": false,
    /// "status": "version-too-low"}` (`base`, `head`, `needs` and `suggested` null when there is none).
    static func versionJSON(_ verdict: VersionVerdict) -> JSONValue {
        .members([
            "contract": .string(verdict.contract),
            "base": verdict.base.map { .string($0.description) } ?? .null,
            "head": verdict.head.map { .string($0.description) } ?? .null,
            "breaking": .integer(verdict.breaking),
            "risky": .integer(verdict.risky),
            "compatible": .integer(verdict.other),
            "needs": verdict.required.map { .string($0.description) } ?? .null,
            "suggested": verdict.suggested.map { .string($0.description) } ?? .null,
            "passes": .bool(verdict.passes),
            "status": .string(statusName(verdict.status)),
        ])
    }

    /// The verdict's status as the JSON output names it.
    static func statusName(_ status: VersionVerdict.Status) -> String {
        switch status {
        case .tooLow: "version-too-low"
        case .removedWhileInUse: "removed-while-in-use"
        case .breaksWithoutVersion: "breaking-without-version"
        case .retired: "retired"
        case .removed: "removed"
        case .unchanged: "unchanged"
        case .ok: "ok"
        }
    }

    /// The lines a pull-request comment opens with: the verdict and what was compared (`**Verdict: Breaking** — head
    /// compared with `origin/main (commit …)`, as of 2026-11-30.`), then `### Versions`, the text output's version
    /// lines as a list (the first 50, then how many more), then `### Load warnings`, the `warnings` text shows on standard
    /// error, as a list (the first 20, then how many more), when there are any.
    public static func markdownPreamble(_ result: DiffResult, bases: [String], today: String, warnings: [Diagnostic] = []) -> [String] {
        let compared = bases.isEmpty ? "" : " — head compared with " + bases.map { LintMarkdownOutput.codeSpan($0) }.joined(separator: ", ")
        var lines = ["**Verdict: \(result.verdict.title)**\(compared), as of \(today)."]
        // At most 50 lines (about 5 KB), so a change to a type hundreds of contracts share still fits in a comment.
        let versions = versionLines(result)
        if !versions.isEmpty {
            lines += ["", "### Versions", ""] + versions.prefix(50).map { "- " + LintMarkdownOutput.escapeText($0) }
            if versions.count > 50 { lines.append("- and \(versions.count - 50) more contracts: the JSON report lists every version") }
        }
        if !warnings.isEmpty {
            lines += ["", "### Load warnings", ""] + warnings.prefix(20).map(markdownWarning)
            if warnings.count > 20 { lines.append("- and \(warnings.count - 20) more: the JSON report lists every warning") }
        }
        return lines
    }

    /// A load warning as a Markdown list item: ``- `file:line:column` `pointer`: message (`code`); hint: hint``.
    static func markdownWarning(_ warning: Diagnostic) -> String {
        var line = "-"
        if let location = warning.location {
            line += " " + LintMarkdownOutput.codeSpan(location.description)
            if location.hasPointer { line += " " + LintMarkdownOutput.codeSpan(location.pointer.description.isEmpty ? "#" : location.pointer.description) }
            line += ":"
        }
        line += " " + LintMarkdownOutput.escapeText(warning.message)
        if let code = warning.code { line += " (\(LintMarkdownOutput.codeSpan(code)))" }
        if let hint = warning.hint { line += "; hint: " + LintMarkdownOutput.escapeText(hint) }
        return line
    }

    /// One line per contract whose version was judged: `orders v2: 2.3.0 → 2.3.1: 2 breaking, 1 risky, 3 compatible;
    /// needs major: 3.0.0`.
    public static func versionLines(_ result: DiffResult) -> [String] {
        result.versions.compactMap { verdict in
            guard verdict.required != nil || verdict.base?.description != verdict.head?.description else { return nil }
            var line = "\(verdict.contract): " + (verdict.unversioned ? "unversioned" : "\(verdict.baseLabel) → \(verdict.headLabel)")
            line += ": \(verdict.breaking) breaking, \(verdict.risky) risky, \(verdict.other) compatible"
            if let required = verdict.requiredLabel { line += "; needs \(required)" }
            switch verdict.status {
            case .tooLow(let suggested):
                line += " — version should be at least \(suggested)"
                // Major versions live side by side: bumped in place, v2 would remove v1 from its clients.
                if suggested.major > (verdict.base?.major ?? 0), let base = verdict.base { line += " in a new file beside v\(base.major)" }
            case .removedWhileInUse: line += " — removed before it was retired"
            case .breaksWithoutVersion: line += " — a plain schema has no version to say so"
            case .retired: line += ", retired"
            case .removed, .unchanged, .ok: if verdict.required != nil { line += ", version ok" }
            }
            return line
        }
    }
}
