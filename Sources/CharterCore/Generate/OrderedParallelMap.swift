import Dispatch
import Foundation

/// Maps independent pieces of work (one generated file each) across the machine's cores and returns
/// the results in input order, so the output does not depend on scheduling: the same input gives the
/// same bytes on one core or sixty-four. When several elements fail, the error of the first failing
/// element in input order is thrown, again whatever finished first.
package enum OrderedParallelMap {
    /// `transform` applied to every element of `items`, in order. With fewer than two elements, or
    /// `parallel` false, it runs on the calling thread.
    package static func map<Element: Sendable, Mapped: Sendable, Failure: Error>(
        _ items: [Element], parallel: Bool = true, _ transform: @Sendable (Element) throws(Failure) -> Mapped
    ) throws(Failure) -> [Mapped] {
        guard parallel, items.count > 1 else {
            var results: [Mapped] = []
            results.reserveCapacity(items.count)
            for item in items { results.append(try transform(item)) }
            return results
        }
        let slots = Slots<Result<Mapped, Failure>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let outcome: Result<Mapped, Failure>
            do throws(Failure) { outcome = .success(try transform(items[index])) } catch { outcome = .failure(error) }
            slots.store(outcome, at: index)
        }
        var results: [Mapped] = []
        results.reserveCapacity(items.count)
        for outcome in slots.values() { results.append(try outcome.get()) }
        return results
    }

    /// One result slot per element, each written once by whichever thread ran that element.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        // Guarded by `lock`; the lock is taken once per element (one file), not per line, so it costs nothing measurable.
        private var storage: [Value?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func store(_ value: Value, at index: Int) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        /// Every stored value in order; called after all elements ran, so every slot is filled.
        func values() -> [Value] {
            lock.lock()
            defer { lock.unlock() }
            return storage.map { $0! }
        }
    }
}
