import Foundation
import CharterCore

/// Findings a team has accepted when adopting lint on an existing estate: `charter lint --write-baseline FILE`
/// records them, `--baseline FILE` hides them, and only new findings fail the build. Entries are matched by
/// ``LintFinding/fingerprint`` (rule, file relative to the root, JSON pointer, message), so edits elsewhere in
/// a file do not revive them, and each entry hides one finding.
public struct LintBaseline: Sendable {
    /// How many findings each fingerprint accepts.
    public var counts: [String: Int]
    /// The files the entries name (their `file`, relative to the root they were recorded under), in the order first
    /// named, each with its number of entries.
    public var files: [(file: String, entries: Int)] = []
    /// Where each file is in ``files`` (a baseline of a large estate names thousands).
    private var fileIndex: [String: Int] = [:]

    /// A baseline accepting exactly these findings.
    public init(findings: [LintFinding]) {
        counts = [:]
        for finding in findings {
            counts[finding.fingerprint, default: 0] += 1
            addEntry(file: finding.stablePath)
        }
    }

    /// How many findings the baseline accepts.
    public var entryCount: Int { counts.values.reduce(0, +) }

    private mutating func addEntry(file: String?) {
        guard let file else { return }
        if let index = fileIndex[file] {
            files[index].entries += 1
        } else {
            fileIndex[file] = files.count
            files.append((file, 1))
        }
    }

    /// A warning when entries hid no finding of a run (nil when every entry did): `matched` of them did, `runFiles` are
    /// the run's files as entries name them (relative to the root), `root` is the root as shown and `shown` the
    /// baseline file. When none matches and none of its files is the run's, the likely cause is a baseline recorded
    /// under another root (run from another folder): the warning names a file of each. Otherwise it counts the
    /// entries that match nothing — fixed findings, or files this run did not lint.
    public func unmatchedWarning(matched: Int, runFiles: [String], root: String, shown: String) -> Diagnostic? {
        let total = entryCount
        let unmatched = total - matched
        guard unmatched > 0 else { return nil }
        let entries = total == 1 ? "1 entry" : "\(total) entries"
        let linted = Set(runFiles)
        let elsewhere = files.filter { !linted.contains($0.file) }
        let location = SourceLocation(file: shown)
        if matched == 0, elsewhere.count == files.count, let named = files.first?.file, let run = runFiles.first {
            return .warning(
                "none of the baseline's \(entries) matches a finding: it names files such as \(named), this run files such as \(run) (relative to the root, \(root))",
                at: location, code: "baseline.unmatched",
                hint: "baseline paths are relative to the root — the folder common to the inputs, or the working directory when they are all inside it: "
                    + "run from the folder the baseline was written in, or pin the root with --root")
        }
        var message = "\(unmatched) of the baseline's \(entries) \(unmatched == 1 ? "matches" : "match") no finding"
        let outside = elsewhere.reduce(0) { $0 + $1.entries }
        if let named = elsewhere.first?.file {
            message += ", \(outside) of them in files this run did not lint (such as \(named); paths are relative to the root, \(root))"
        }
        // Rewriting the baseline from a run that did not lint every file it covers would drop those files' entries.
        let hint = outside > 0
            ? "lint every file the baseline covers to check all its entries; a --write-baseline from this run would drop the others"
            : "rewrite it without the findings that are gone: --baseline \(shown) --write-baseline \(shown)"
        return .warning(message, at: location, code: "baseline.unmatched", hint: hint)
    }

    /// The file's bytes for `findings`: JSON, one entry per finding in report order, with the rule, file,
    /// pointer and message beside the fingerprint so reviewers can read what was accepted.
    public static func document(for findings: [LintFinding]) -> String {
        var entries: [JSONValue] = []
        for finding in findings.sorted(by: LintFinding.sortedOrder) {
            entries.append(.object(JSONObject(members: [
                JSONMember(key: "rule", value: JSONNode(.string(finding.ruleID))),
                JSONMember(key: "file", value: JSONNode(.string(finding.stablePath))),
                JSONMember(key: "pointer", value: JSONNode(.string(finding.location.pointer.description))),
                JSONMember(key: "message", value: JSONNode(.string(finding.message))),
                JSONMember(key: "fingerprint", value: JSONNode(.string(finding.fingerprint))),
            ])))
        }
        let root = JSONValue.object(JSONObject(members: [
            JSONMember(key: "version", value: JSONNode(.number(JSONNumber(1)))),
            JSONMember(key: "findings", value: JSONNode(.array(entries.map { JSONNode($0) }))),
        ]))
        return JSONWriter.write(JSONNode(root), pretty: true) + "\n"
    }

    /// Reads a baseline file written by ``document(for:)``.
    public static func parse(_ data: Data, file: String) throws(DiagnosticsError) -> LintBaseline {
        let root: JSONNode
        do {
            root = try JSONReader.parse(data)
        } catch {
            throw DiagnosticsError([.error(error.message, at: SourceLocation(file: file, position: error.position, pointer: error.pointer), code: "baseline.invalid")])
        }
        guard root["version"]?.number?.intValue == 1, let entries = root["findings"]?.array else {
            throw DiagnosticsError([.error("not a Charter lint baseline (version 1 with a findings array)",
                                           at: SourceLocation(file: file, position: root.position, pointer: .root), code: "baseline.invalid")])
        }
        var baseline = LintBaseline(findings: [])
        for (index, entry) in entries.enumerated() {
            guard let fingerprint = entry["fingerprint"]?.string else {
                throw DiagnosticsError([.error("entry has no fingerprint", at: SourceLocation(
                    file: file, position: entry.position, pointer: JSONPointer.root.appending("findings").appending(index: index)), code: "baseline.invalid")])
            }
            baseline.counts[fingerprint, default: 0] += 1
            baseline.addEntry(file: entry["file"]?.string)
        }
        return baseline
    }
}
