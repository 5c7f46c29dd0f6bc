import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Compares in-memory contract sets the way `charter diff` does.
enum DiffHarness {
    static func load(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) -> SchemaGraph? {
        switch ContractFixture(files).load() {
        case .success(let graph): return graph
        case .failure(let error):
            XCTFail("contracts do not load: \(error)", file: file, line: line)
            return nil
        }
    }

    /// The result of comparing `head` against `base` (each `/c/a.json` unless files are given).
    static func diff(_ base: String, _ head: String, file: StaticString = #filePath, line: UInt = #line) -> DiffResult? {
        diff(["a.json": base], ["a.json": head], file: file, line: line)
    }

    static func diff(_ base: [String: String], _ head: [String: String], file: StaticString = #filePath, line: UInt = #line) -> DiffResult? {
        guard let old = load(base, file: file, line: line), let new = load(head, file: file, line: line) else { return nil }
        return ContractDiffer().diff(base: old, head: new)
    }
}
