import Foundation
import XCTest
@testable import CharterCore
@testable import CharterGovernance

/// Every rule's documented examples are its fixtures, linted as the file the reference names
/// (``ExampleContract/fileName``): the failing one is reported by the rule, the passing one by no rule. Also the catalog's shape, the generated reference, and the bundled contracts.
final class LintCatalogTests: XCTestCase {
    func testEveryRuleReportsItsFailingExample() {
        for rule in LintCatalog.standard.rules {
            guard let report = LintHarness.lint([ExampleContract.fileName: rule.failingExample], configuration: LintHarness.strict) else { continue }
            let own = report.findings.filter { $0.ruleID == rule.id }
            XCTAssertFalse(own.isEmpty, "\(rule.id): failing example not reported; got \(report.findings.map(\.ruleID))")
            for finding in own {
                XCTAssertEqual(finding.severity, rule.defaultSeverity, rule.id)
                XCTAssertNotNil(finding.location.position, "\(rule.id): finding without line:column")
                XCTAssertTrue(finding.location.hasPointer, "\(rule.id): finding without a JSON pointer")
            }
        }
    }

    /// A passing example is a contract to copy (docs/lint-rules.md shows it under "Passes"): not only its own rule
    /// but every rule, with the strict preset (which holds the recommended one), reports nothing in it.
    func testNoRuleReportsAnyPassingExample() {
        for rule in LintCatalog.standard.rules {
            guard let report = LintHarness.lint([ExampleContract.fileName: rule.passingExample], configuration: LintHarness.strict) else { continue }
            XCTAssertEqual(report.findings.map(\.description), [], "\(rule.id): passing example reported")
        }
    }

    func testRulesHaveStableDocumentedShape() {
        let rules = LintCatalog.standard.rules
        XCTAssertEqual(Set(rules.map(\.id)).count, rules.count, "duplicate ids")
        for rule in rules {
            XCTAssertTrue(ContractParser.isKebabCase(rule.id), "\(rule.id) is not kebab-case")
            XCTAssertTrue(rule.summary.hasSuffix(".") && !rule.summary.contains("\n"), "\(rule.id): summary is not one sentence line")
            XCTAssertGreaterThan(rule.rationale.count, 80, "\(rule.id): rationale too thin")
            XCTAssertNotEqual(rule.failingExample, rule.passingExample, rule.id)
            XCTAssertNotNil(LintCatalog.standard.rule(rule.id))
        }
        XCTAssertEqual(Set(rules.map(\.category)), Set(LintCategory.allCases), "a category without rules")
    }

    func testReferenceDocumentMatchesCatalog() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../docs/lint-rules.md").standardized.path
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(committed, LintRuleReference.markdown(.standard),
                       "docs/lint-rules.md is stale: regenerate with `charter lint --list-rules --format markdown > docs/lint-rules.md`")
    }

    /// The canonical contracts are the estate's reference: every rule, strict preset, no finding.
    func testBundledContractsFollowEveryRule() throws {
        let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Schemas").standardized.path
        let files = try InputCollector.collect([schemas])
        let graph = try SchemaLoader().load(files: files, workingDirectory: schemas)
        let report = Linter(configuration: LintHarness.strict, today: LintHarness.today).lint(graph)
        XCTAssertEqual(report.findings.map(\.description), [])
        XCTAssertEqual(report.rules.count, LintCatalog.standard.rules.count)
    }
}
