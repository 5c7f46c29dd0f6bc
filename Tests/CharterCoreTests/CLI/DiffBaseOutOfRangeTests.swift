import Foundation
import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// `charter diff` against a base holding governance numbers out of range (`"availability": 99.9`, written before the
/// loader refused them): the base is an older version, which the head may be fixing, so it loads, its range problems
/// warnings; the head holding them is still an error.
final class DiffBaseOutOfRangeTests: XCTestCase {
    /// An operation `op` with `members` beside its method, path and response.
    private func operation(_ members: String, version: String = "1.0.0") -> String {
        DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "# + members, version: version)
    }

    private let sla = "/x-contract/operations/op/sla"
    private let percent = #""availability" must be a fraction more than 0 and at most 1 (0.999 for 99.9%), not 99.9"#

    /// Rows: the base → the head → the base's warnings (pointer: message) → the changes reported (check: message). A value
    /// out of range reads as not given: the fix is no change, and the base's other values still compare.
    func testABaseOutOfRangeLoadsWithWarningsAndTheHeadDoesNot() throws {
        let rows: [(name: String, base: String, head: String, warnings: [String], changes: [String])] = [
            ("availability as a percentage, fixed",
             operation(#""sla": {"latencyP99Ms": 200, "availability": 99.9}"#), operation(#""sla": {"latencyP99Ms": 200, "availability": 0.999}"#, version: "1.0.1"),
             ["\(sla)/availability: \(percent)"], []),
            ("a negative latency and a zero timeout, fixed",
             operation(#""sla": {"latencyP99Ms": -5, "availability": 0.999, "timeoutMs": 0}"#),
             operation(#""sla": {"latencyP99Ms": 200, "availability": 0.999, "timeoutMs": 1000}"#, version: "1.0.1"),
             [#"\#(sla)/latencyP99Ms: "latencyP99Ms" must be at least 1, not -5"#, #"\#(sla)/timeoutMs: "timeoutMs" must be at least 1, not 0"#], []),
            // The percentage is not compared with the fraction (it is no weaker); the latency still is.
            ("availability fixed and the latency weakened",
             operation(#""sla": {"latencyP99Ms": 200, "availability": 99.9}"#), operation(#""sla": {"latencyP99Ms": 800, "availability": 0.999}"#, version: "1.1.0"),
             ["\(sla)/availability: \(percent)"], ["sla-weakened: demo v1: service levels of op weakened: p99 latency 200 → 800 ms — may break existing clients"]),
            ("a zero quota, fixed",
             operation(#""rateLimit": {"quota": 0, "window": "PT1M"}"#), operation(#""rateLimit": {"quota": 600, "window": "PT1M"}"#, version: "1.0.1"),
             [#"/x-contract/operations/op/rateLimit/quota: "quota" must be at least 1, not 0"#], []),
            ("a negative lag and retry delay, fixed",
             DiffExample.event(#""topic": "demo.item-changed.v1", "sla": {"maxLagMs": -1}, "retry": {"maxAttempts": 3, "initialDelayMs": -100}"#),
             DiffExample.event(#""topic": "demo.item-changed.v1", "sla": {"maxLagMs": 500}, "retry": {"maxAttempts": 3, "initialDelayMs": 100}"#, version: "1.0.1"),
             [#"/x-contract/events/ItemChanged/sla/maxLagMs: "maxLagMs" must be at least 1, not -1"#,
              #"/x-contract/events/ItemChanged/retry/initialDelayMs: "initialDelayMs" must be at least 0, not -100"#], []),
        ]
        for row in rows {
            let folder = try TemporaryFolder()
            try folder.write("old/demo.json", row.base)
            try folder.write("new/demo.json", row.head)
            let json = folder.run(["diff", "new", "--base", "old", "--format", "json"])
            XCTAssertEqual(json.code, .success, "\(row.name): \(json.err)")
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.joined(separator: "\n").utf8)) as? [String: Any], row.name)
            let warnings = try XCTUnwrap(document["warnings"] as? [[String: Any]], row.name)
            XCTAssertEqual(warnings.map { "\($0["pointer"] as? String ?? "-"): \($0["message"] as? String ?? "-")" }, row.warnings, row.name)
            XCTAssertTrue(warnings.allSatisfy { $0["code"] as? String == "contract.out-of-range" && $0["severity"] as? String == "warning"
                && $0["file"] as? String == "old/demo.json" && $0["line"] is Int && $0["column"] is Int }, "\(row.name): \(warnings)")
            let findings = document["findings"] as? [[String: Any]] ?? []
            XCTAssertEqual(findings.map { "\($0["rule"] as? String ?? ""): \($0["message"] as? String ?? "")" }, row.changes, row.name)
            // Text: the warnings on standard error, where load errors go; no error anywhere.
            let text = folder.run(["diff", "new", "--base", "old"])
            XCTAssertEqual(text.code, .success, row.name)
            let lines = warnings.map { "old/demo.json:\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0): warning: \($0["message"] as? String ?? "") [\($0["pointer"] as? String ?? "")]" }
            XCTAssertEqual(text.err, lines, row.name)
            // The same file as the head, and for lint, is refused: errors at the same places.
            let reversed = folder.run(["diff", "old", "--base", "new"])
            XCTAssertEqual(reversed.code, .inputProblems, row.name)
            XCTAssertEqual(reversed.err.filter { $0.contains(": error: ") }, lines.map { $0.replacingOccurrences(of: ": warning: ", with: ": error: ") }, row.name)
            XCTAssertEqual(folder.run(["lint", "old"]).code, .inputProblems, row.name)
        }
    }

    /// A base with a key x-contract does not allow (a misspelt `summary`, written before the loader refused such keys)
    /// loads the same way: the key is a warning (`contract.unknown-key`) at the key, its value unread, so the fix is no
    /// change; the same file as the head, or for lint, is refused.
    func testABaseWithAnUnknownKeyLoadsWithAWarning() throws {
        let folder = try TemporaryFolder()
        try folder.write("old/demo.json", operation(#""sumary": "Items""#))
        try folder.write("new/demo.json", operation(#""summary": "Items""#, version: "1.0.1"))
        let json = folder.run(["diff", "new", "--base", "old", "--format", "json"])
        XCTAssertEqual(json.code, .success, "\(json.err)")
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.joined(separator: "\n").utf8)) as? [String: Any])
        let warnings = try XCTUnwrap(document["warnings"] as? [[String: Any]])
        XCTAssertEqual(warnings.map { "\($0["severity"] as? String ?? "-") \($0["code"] as? String ?? "-") \($0["file"] as? String ?? "-") \($0["pointer"] as? String ?? "-"): \($0["message"] as? String ?? "-")" },
                       [#"warning contract.unknown-key old/demo.json /x-contract/operations/op/sumary: unknown key "sumary" in /x-contract/operations/op"#])
        XCTAssertEqual((document["findings"] as? [[String: Any]])?.count, 0, "the fix is no change")
        let reversed = folder.run(["diff", "old", "--base", "new"])
        XCTAssertEqual(reversed.code, .inputProblems)
        XCTAssertEqual(reversed.err.filter { $0.contains(": error: ") }.map { $0.replacingOccurrences(of: #":\d+:\d+:"#, with: ":L:C:", options: .regularExpression) },
                       [#"old/demo.json:L:C: error: unknown key "sumary" in /x-contract/operations/op [/x-contract/operations/op/sumary]"# + "\n" + #"    hint: did you mean "summary"?"#])
        XCTAssertEqual(folder.run(["lint", "old"]).code, .inputProblems)
    }

    /// Rows: a base breaking the extension schema's method rules (written before the loader enforced them) → its
    /// warning (`contract.method-rule`: pointer: message). The head fixing it is no change: the method reads as its
    /// uppercase spelling, a GET's request as not given. The same file as the head is refused, and so is it for lint.
    func testABaseBreakingTheMethodRulesLoadsWithAWarning() throws {
        let rows: [(name: String, base: String, head: String, warning: String)] = [
            ("a lowercase method", #""method": "get", "path": "/items", "responses": {"200": {}}"#, #""method": "GET", "path": "/items", "responses": {"200": {}}"#,
             #"/x-contract/operations/op/method: HTTP method "get" must be written in uppercase"#),
            ("a GET with a request body", ##""method": "GET", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"200": {}}"##,
             #""method": "GET", "path": "/items", "responses": {"200": {}}"#, "/x-contract/operations/op/request: a GET operation has no request body"),
        ]
        for row in rows {
            let folder = try TemporaryFolder()
            try folder.write("old/demo.json", DiffExample.operation(row.base))
            try folder.write("new/demo.json", DiffExample.operation(row.head, version: "1.0.1"))
            let json = folder.run(["diff", "new", "--base", "old", "--format", "json"])
            XCTAssertEqual(json.code, .success, "\(row.name): \(json.err)")
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.joined(separator: "\n").utf8)) as? [String: Any], row.name)
            let warnings = try XCTUnwrap(document["warnings"] as? [[String: Any]], row.name)
            XCTAssertEqual(warnings.map { "\($0["severity"] as? String ?? "-") \($0["code"] as? String ?? "-") \($0["pointer"] as? String ?? "-"): \($0["message"] as? String ?? "-")" },
                           ["warning contract.method-rule \(row.warning)"], row.name)
            XCTAssertEqual((document["findings"] as? [[String: Any]])?.count, 0, "\(row.name): the fix is no change")
            let reversed = folder.run(["diff", "old", "--base", "new"])
            XCTAssertEqual(reversed.code, .inputProblems, row.name)
            XCTAssertEqual(reversed.err.filter { $0.contains(": error: ") }.count, 1, "\(row.name): \(reversed.err)")
            XCTAssertEqual(folder.run(["lint", "old"]).code, .inputProblems, row.name)
        }
    }

    /// Rows: a report format → the lines it shows for a base's load warning (line and column as `L:C`), as text shows it
    /// on standard error and JSON in `warnings`: the HTML page in a section of its own, escaped; Markdown after the
    /// versions. Standard output and a `--report` file say the same.
    func testReportsShowABaseWarning() throws {
        let folder = try TemporaryFolder()
        try folder.write("old/demo.json", operation(#""sumary": "Items""#))
        try folder.write("new/demo.json", operation(#""summary": "Items""#, version: "1.0.1"))
        let rows: [(format: String, expected: [String])] = [
            ("html", [#"<h2>Load warnings <span class="count warn">1</span></h2>"#,
                      #"<table><thead><tr><th>Where</th><th>Warning</th></tr></thead><tbody>"#,
                      #"<tr><td>old/demo.json:L:C <code>/x-contract/operations/op/sumary</code></td><td>unknown key &quot;sumary&quot; in /x-contract/operations/op "#
                        + #"<code>contract.unknown-key</code><div class="hint">did you mean &quot;summary&quot;?</div></td></tr>"#]),
            ("markdown", ["### Load warnings", "",
                          #"- `old/demo.json:L:C` `/x-contract/operations/op/sumary`: unknown key "sumary" in /x-contract/operations/op (`contract.unknown-key`); hint: did you mean "summary"?"#]),
        ]
        for row in rows {
            let run = folder.run(["diff", "new", "--base", "old", "--format", row.format, "--report", "\(row.format)=report.\(row.format)"])
            XCTAssertEqual(run.code, .success, "\(row.format): \(run.err)")
            for output in [run.out.joined(separator: "\n"), try XCTUnwrap(folder.read("report.\(row.format)"), row.format)] {
                let lines = output.components(separatedBy: "\n").map { $0.replacingOccurrences(of: #"\.json:\d+:\d+"#, with: ".json:L:C", options: .regularExpression) }
                let start = try XCTUnwrap(lines.firstIndex(of: row.expected[0]), "\(row.format): \(output)")
                XCTAssertEqual(Array(lines[start...].prefix(row.expected.count)), row.expected, row.format)
            }
        }
    }

    /// A base at a git revision, the usual pull request: the warning names the revision (`HEAD:path` on standard error; the
    /// repository's path with `revision` in JSON, and in SARIF's tool execution notifications).
    func testABaseRevisionOutOfRangeLoads() throws {
        let folder = try TemporaryFolder()
        try folder.write("Schemas/demo.json", operation(#""sla": {"latencyP99Ms": 200, "availability": 99.9}"#))
        for command in [["init", "-q"], ["add", "."], ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "percent"]] {
            XCTAssertEqual(try DiffCommandTests.git(command, in: folder.path), 0, command.joined(separator: " "))
        }
        XCTAssertEqual(folder.run(["diff", "--base-ref", "HEAD"]).code, .inputProblems, "the head still holds it")
        try folder.write("Schemas/demo.json", operation(#""sla": {"latencyP99Ms": 200, "availability": 0.999}"#, version: "1.0.1"))
        let run = folder.run(["diff", "--base-ref", "HEAD", "--format", "json", "--report", "sarif=diff.sarif"])
        XCTAssertEqual(run.code, .success, "\(run.err)")
        XCTAssertEqual(run.err.count, 1, "\(run.err)")
        XCTAssertTrue(run.err.first?.hasPrefix("HEAD:Schemas/demo.json:3:") == true, "\(run.err)")
        XCTAssertTrue(run.err.first?.hasSuffix(": warning: \(percent) [\(sla)/availability]") == true, "\(run.err)")
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.out.joined(separator: "\n").utf8)) as? [String: Any])
        let warning = try XCTUnwrap((document["warnings"] as? [[String: Any]])?.first)
        XCTAssertEqual(warning["file"] as? String, "Schemas/demo.json")
        XCTAssertEqual(warning["revision"] as? String, "HEAD")
        XCTAssertEqual((document["findings"] as? [[String: Any]])?.count, 0, "the fix is no change")
        let sarif = try XCTUnwrap(folder.read("diff.sarif"))
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let invocation = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        let notifications = invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []
        XCTAssertEqual(notifications.map { ($0["descriptor"] as? [String: String])?["id"] }, ["contract.out-of-range"], sarif)
    }
}
