import XCTest
@testable import CharterCore

/// The parallel map the Swift generator renders files with: results in input order, the first failure in
/// input order, the same answer run in parallel or on one thread.
final class OrderedParallelMapTests: XCTestCase {
    struct Failure: Error, Equatable { var index: Int }

    /// Rows: element count → results equal the sequential map, in order, in parallel and not.
    func testResultsKeepInputOrder() {
        for count in [0, 1, 2, 3, 17, 500] {
            let items = Array(0..<count)
            let expected = items.map { "file-\($0)-" + String(repeating: "x", count: $0 % 7) }
            for parallel in [true, false] {
                let mapped = OrderedParallelMap.map(items, parallel: parallel) { (index: Int) -> String in
                    // Uneven work, so later elements often finish first.
                    var spin = 0
                    for step in 0..<((count - index) * 200) { spin &+= step }
                    return "file-\(index)-" + String(repeating: "x", count: index % 7) + (spin == -1 ? "!" : "")
                }
                XCTAssertEqual(mapped, expected, "\(count) elements, parallel: \(parallel)")
            }
        }
    }

    /// Rows: which elements fail → the error thrown is the first of them in input order.
    func testFirstFailureInInputOrderIsThrown() {
        let rows: [(failing: Set<Int>, expected: Int)] = [
            ([5], 5),
            ([3, 40], 3),
            ([63, 0], 0),
            (Set(10..<64), 10),
        ]
        for row in rows {
            for parallel in [true, false] {
                do {
                    _ = try OrderedParallelMap.map(Array(0..<64), parallel: parallel) { (index: Int) throws(Failure) -> Int in
                        // The last failing element finishes first.
                        if row.failing.contains(index) {
                            var spin = 0
                            for step in 0..<(index * 500) { spin &+= step }
                            if spin >= 0 { throw Failure(index: index) }
                        }
                        return index
                    }
                    XCTFail("\(row.failing.sorted()): nothing thrown")
                } catch {
                    XCTAssertEqual(error, Failure(index: row.expected), "\(row.failing.sorted()), parallel: \(parallel)")
                }
            }
        }
    }

    /// Every element runs exactly once.
    func testEveryElementRunsOnce() {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var counts: [Int: Int] = [:]
            func hit(_ index: Int) { lock.lock(); counts[index, default: 0] += 1; lock.unlock() }
        }
        let counter = Counter()
        _ = OrderedParallelMap.map(Array(0..<300)) { (index: Int) -> Int in
            counter.hit(index)
            return index
        }
        XCTAssertEqual(counter.counts.count, 300)
        XCTAssertEqual(Set(counter.counts.values), [1])
    }
}
