import Foundation
import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Every check's documented examples are its fixtures: the example head is reported against the example
/// base, the unaffected head is not.
final class ChangeCatalogTests: XCTestCase {
    func testEveryCheckReportsItsExample() {
        for check in ChangeCatalog.standard.checks {
            guard let result = DiffHarness.diff(check.exampleBase, check.exampleHead) else { continue }
            let own = result.changes.filter { $0.checkID == check.id }
            XCTAssertFalse(own.isEmpty, "\(check.id): example not reported; got \(result.changes.map { "\($0.checkID): \($0.message)" })")
            for change in own {
                XCTAssertNotNil(change.location.position, "\(check.id): change without line:column")
                XCTAssertTrue(change.location.hasPointer, "\(check.id): change without a JSON pointer")
            }
        }
    }

    /// A breaking change says what to do instead: the check's own hint when the report gives none.
    func testBreakingChangesCarryTheirCheckHint() {
        for check in ChangeCatalog.standard.checks where check.breakingHint != nil {
            guard let result = DiffHarness.diff(check.exampleBase, check.exampleHead) else { continue }
            for change in result.changes where change.checkID == check.id && change.impact > .none {
                XCTAssertNotNil(change.hint, "\(check.id): \(change.message)")
            }
        }
        let removed = DiffHarness.diff(PropertyRemovedCheck().exampleBase, PropertyRemovedCheck().exampleHead)?.changes.first { $0.checkID == "property-removed" }
        XCTAssertEqual(removed?.hint, PropertyRemovedCheck().breakingHint)
    }

    func testNoCheckReportsItsUnaffectedHead() {
        for check in ChangeCatalog.standard.checks {
            guard let result = DiffHarness.diff(check.exampleBase, check.unaffectedHead) else { continue }
            XCTAssertEqual(result.changes.filter { $0.checkID == check.id }.map(\.message), [], "\(check.id): unaffected head reported")
        }
    }

    func testChecksHaveStableDocumentedShape() {
        let checks = ChangeCatalog.standard.checks
        XCTAssertEqual(Set(checks.map(\.id)).count, checks.count)
        for check in checks {
            XCTAssertTrue(ContractParser.isKebabCase(check.id), check.id)
            XCTAssertTrue(check.summary.hasSuffix(".") && !check.summary.contains("\n"), check.id)
            XCTAssertGreaterThan(check.rationale.count, 20, check.id)
            XCTAssertNotEqual(check.exampleHead, check.unaffectedHead, check.id)
            if let hint = check.breakingHint {
                XCTAssertTrue(!hint.hasSuffix(".") && hint.first?.isLowercase == true, "\(check.id): a hint is a lowercase clause, like the others")
            }
        }
        XCTAssertEqual(Set(checks.map(\.category)), Set(ChangeCategory.allCases))
    }

    func testReferenceDocumentMatchesCatalog() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../docs/diff-checks.md").standardized.path
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), ChangeCheckReference.markdown(.standard),
                       "docs/diff-checks.md is stale: regenerate with `charter diff --list-checks --format markdown > docs/diff-checks.md`")
    }

    /// `--list-checks --format json`: one object per check, in catalog order, for tools.
    func testJSONCatalogListsEveryCheck() throws {
        let checks = try XCTUnwrap(JSONReader.parse(ChangeCheckReference.json(.standard)).array)
        XCTAssertEqual(checks.map { $0["id"]?.string }, ChangeCatalog.standard.checks.map(\.id))
        for (node, check) in zip(checks, ChangeCatalog.standard.checks) {
            XCTAssertEqual(node["scope"]?.string, check.category.rawValue)
            XCTAssertEqual(node["summary"]?.string, check.summary)
            XCTAssertEqual(node["breakingHint"]?.string, check.breakingHint)
        }
    }

    /// The same contracts on both sides: no change, every version passes.
    func testIdenticalContractsHaveNoChanges() throws {
        let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Schemas").standardized.path
        let files = try InputCollector.collect([schemas])
        let graph = try SchemaLoader().load(files: files, workingDirectory: schemas)
        let result = ContractDiffer().diff(base: graph, head: graph)
        XCTAssertEqual(result.changes.map(\.message), [])
        XCTAssertEqual(result.versions.count, 7)
        XCTAssertTrue(result.versions.allSatisfy(\.passes))
    }
}
