import XCTest
@testable import CharterCore
@testable import CharterGovernance

/// Lints in-memory contracts the way `charter lint` does, on a fixed date.
enum LintHarness {
    static let today = "2026-06-01"

    /// Lints `files` (path → text, inputs in path order) with `configuration`; fails the test when they do not load.
    static func lint(_ files: [String: String], configuration: LintConfiguration = LintConfiguration(), baseline: LintBaseline? = nil,
                     file: StaticString = #filePath, line: UInt = #line) -> LintReport? {
        switch ContractFixture(files).load() {
        case .success(let graph):
            return Linter(configuration: configuration, today: today, baseline: baseline).lint(graph)
        case .failure(let error):
            XCTFail("contracts do not load: \(error)", file: file, line: line)
            return nil
        }
    }

    /// Lints one contract text as `/c/a.json`.
    static func lint(_ text: String, configuration: LintConfiguration = LintConfiguration(), file: StaticString = #filePath, line: UInt = #line) -> LintReport? {
        lint(["a.json": text], configuration: configuration, file: file, line: line)
    }

    /// A configuration with every rule on (the strict preset).
    static var strict: LintConfiguration {
        var configuration = LintConfiguration()
        configuration.preset = .strict
        return configuration
    }
}
