import Foundation
import CharterCore

/// Findings a team has accepted when adopting lint on an existing estate: `charter lint --write-baseline FILE`
/// records them, `--baseline FILE` hides them, and only new findings fail the build. Entries are matched by
/// ``LintFinding/fingerprint`` (rule, file relative to the root, JSON pointer, message), so edits elsewhere in
/// a file do not revive them, and each entry hides one finding.
public struct LintBaseline: Sendable {
    /// How many findings each fingerprint accepts.
    public var counts: [String: Int]

    /// A baseline accepting exactly these findings.
    public init(findings: [LintFinding]) {
        counts = [:]
        for finding in findings { counts[finding.fingerprint, default: 0] += 1 }
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
        }
        return baseline
    }
}
