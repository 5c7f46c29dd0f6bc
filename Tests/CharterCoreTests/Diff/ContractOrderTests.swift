import Foundation
import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Contracts are listed by name, then major version as a number (`demo v2` before `demo v10`), plain schema files
/// last: in the pairs, every report's versions and findings, the HTML version matrix and governance coverage, and
/// the other contracts a shared type's change names.
final class ContractOrderTests: XCTestCase {
    /// `demo` at `version` (its major is the contract's), named `name`, with an optional `note` added when `changed`.
    private func contract(_ name: String, _ version: String, changed: Bool) -> String {
        DiffExample.response(#""sku": {"type": "string"}"# + (changed ? #", "note": {"type": "string"}"# : ""), version: version)
            .replacingOccurrences(of: #""name": "demo""#, with: #""name": "\#(name)""#)
    }

    /// A plain schema file (no contract) with one named type.
    private let plain = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {"Note": {"type": "string"}}}"#

    /// Rows: the contracts (file → name and base version; the head adds a property and a minor version) → the order
    /// reports list them in.
    func testRows() {
        let rows: [(label: String, files: [String: (name: String, version: String)], plain: Bool, expected: [String])] = [
            ("v2 before v10", ["a.json": ("demo", "10.0.0"), "b.json": ("demo", "2.0.0")], false, ["demo v2", "demo v10"]),
            ("majors as numbers, names first",
             ["a.json": ("demo", "11.0.0"), "b.json": ("demo", "9.0.0"), "c.json": ("demo", "1.0.0"), "d.json": ("alpha", "10.0.0"), "e.json": ("alpha", "3.0.0")],
             false, ["alpha v3", "alpha v10", "demo v1", "demo v9", "demo v11"]),
            ("a plain schema file after every contract", ["a.json": ("demo", "10.0.0"), "b.json": ("demo", "2.0.0")], true, ["demo v2", "demo v10", "common.json"]),
        ]
        for row in rows {
            var base = row.files.mapValues { contract($0.name, $0.version, changed: false) }
            var head = row.files.mapValues { contract($0.name, $0.version.replacingOccurrences(of: ".0.0", with: ".1.0"), changed: true) }
            if row.plain {
                base["common.json"] = plain
                head["common.json"] = plain
            }
            guard let result = DiffHarness.diff(base, head), let graph = DiffHarness.load(head) else { continue }
            let contracts = row.expected.filter { !$0.hasSuffix(".json") }
            XCTAssertEqual(result.versions.map(\.contract), row.expected, "\(row.label): pairs")
            // Text and Markdown: the version lines.
            XCTAssertEqual(DiffReport.versionLines(result).map { String($0.prefix { $0 != ":" }) }, contracts, "\(row.label): version lines")
            // Every findings format lists the findings as the diff orders them; text and Markdown end or open with the
            // version lines, JSON has `versions`.
            let report = DiffReport.findings(result, files: [])
            let text = LintTextOutput.render(report) + DiffReport.versionLines(result).joined(separator: "\n")
            let markdown = LintMarkdownOutput.render(report, preamble: DiffReport.markdownPreamble(result, bases: ["old"], today: "2026-11-30"))
            for (format, output) in [("text", text), ("JSON", LintJSONOutput.render(report)), ("SARIF", LintSARIFOutput.render(report)), ("Markdown", markdown)] {
                XCTAssertEqual(Self.firstMentioned(contracts, in: output), contracts, "\(row.label): \(format)")
            }
            let json = try? JSONSerialization.jsonObject(with: Data(LintJSONOutput.render(report).utf8)) as? [String: Any]
            XCTAssertEqual((json?["versions"] as? [[String: Any]])?.compactMap { $0["contract"] as? String }, row.expected, "\(row.label): JSON versions")
            // HTML: the version matrix and the governance coverage.
            let html = CompatibilityHTMLReport.render(result, head: graph, bases: ["old"], today: "2026-11-30")
            let cells = html.matches(of: /<tr id="c-[^"]+"><td>([^<]+)<\/td>/).map { String($0.output.1) }
            XCTAssertEqual(cells, row.expected, "\(row.label): version matrix")
            let coverage = html.matches(of: /<tr><td>([^<]+)<\/td><td>(\d+\.\d+\.\d+|—)<\/td>/).map { String($0.output.1) }
            XCTAssertEqual(coverage, row.expected, "\(row.label): governance coverage")
        }
    }

    /// A breaking change to a shared type names the contracts it reaches in contract order: `orders v2` before `orders v10`.
    func testSharedTypeNamesContractsInOrder() {
        let common = { (required: String) in
            DiffExample.contract(defs: ##""Address": {"title": "Address", "description": "A.", "type": "object", "required": [\##(required)], "properties": {"city": {"type": "string"}, "postalCode": {"type": "string"}}}"##)
                .replacingOccurrences(of: #""name": "demo""#, with: #""name": "common""#)
        }
        let orders = { (version: String) in
            DiffExample.contract(version: version, defs: DiffExample.item(##""sku": {"type": "string"}, "address": {"$ref": "common.json#/$defs/Address"}"##),
                                 operations: DiffExample.putItem)
                .replacingOccurrences(of: #""name": "demo""#, with: #""name": "orders""#)
        }
        let files = ["orders-v10.json": orders("10.0.0"), "orders-v2.json": orders("2.0.0")]
        let result = DiffHarness.diff(files.merging(["common.json": common(#""city""#)]) { $1 }, files.merging(["common.json": common(#""city", "postalCode""#)]) { $1 })
        let change = result?.changes.first { $0.checkID == "property-requiredness-changed" }
        XCTAssertTrue(change?.message.hasSuffix(" — through orders v2 (putItem), orders v10 (putItem)") == true, "\(String(describing: change?.message))")
    }

    /// `names` in the order `output` first mentions each (as `name: `, how findings and version lines start).
    private static func firstMentioned(_ names: [String], in output: String) -> [String] {
        names.compactMap { name in output.range(of: name + ": ").map { (name, $0.lowerBound) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }
}
