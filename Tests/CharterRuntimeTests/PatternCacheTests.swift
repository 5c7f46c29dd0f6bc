import CharterRuntime
import Foundation
import XCTest

final class PatternCacheTests: XCTestCase {
    /// Many tasks validating against a shared set of patterns at once: every
    /// answer must be right, and nothing may crash or race.
    func testConcurrentUseIsSafe() async {
        let patterns = (0..<40).map { "^[A-Z]{2}-\($0)[0-9]*$" } + ["([unclosed"]
        let mismatches = await withTaskGroup(of: Int.self, returning: Int.self) { group in
            for task in 0..<64 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<150 {
                        let index = (task * 7 + round) % patterns.count
                        let pattern = patterns[index]
                        let matching = "AB-\(index)\(round)"
                        var issues: [ValidationIssue] = []
                        Validation.pattern(matching, pattern, at: "/p", into: &issues)
                        Validation.pattern("ab-\(index)", pattern, at: "/p", into: &issues)
                        let expected = index == patterns.count - 1 ? 2 : 1
                        if issues.count != expected { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        XCTAssertEqual(mismatches, 0)
    }
}
