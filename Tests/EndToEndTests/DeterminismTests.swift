import CharterTestSupport
import Foundation
import XCTest

/// The same input gives the same bytes: across runs, input order, locale, time zone and hash seeds.
final class DeterminismTests: XCTestCase {
    func generate(_ arguments: [String], environment: [String: String]) throws -> [String: Data] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("charter-determinism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        let run = try ProcessRunner.run(
            Repository.charterExecutable.path, ["generate"] + arguments + ["--output", output.path, "--quiet"],
            in: Repository.root, environment: env)
        XCTAssertEqual(run.status, 0, run.stderr)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
            files[name] = FileManager.default.contents(atPath: output.appendingPathComponent(name).path)
        }
        return files
    }

    func testBytesDoNotDependOnRunInputOrderLocaleTimeZoneOrHashSeed() throws {
        let inputs = ["Schemas/orders/orders-v2.json", "Schemas/inventory/inventory-v2.json", "Schemas/common/common-v1.json",
                      "Schemas/pricing/pricing-v1.json", "Tests/Fixtures/mapping/mapping-v1.json", "Tests/Fixtures/hostile/names.json"]
        let reference = try generate(inputs, environment: ["LANG": "C.UTF-8", "TZ": "UTC"])
        XCTAssertGreaterThanOrEqual(reference.count, 7)
        let variations: [(label: String, arguments: [String], environment: [String: String])] = [
            ("second run", inputs, ["LANG": "C.UTF-8", "TZ": "UTC"]),
            ("reversed input order", inputs.reversed(), ["LANG": "C.UTF-8", "TZ": "UTC"]),
            ("Turkish locale", inputs, ["LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"]),
            ("German locale, far time zone", inputs, ["LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8", "TZ": "Pacific/Kiritimati"]),
            ("other time zone", inputs, ["TZ": "America/St_Johns"]),
            ("deterministic hashing", inputs, ["SWIFT_DETERMINISTIC_HASHING": "1"]),
        ]
        for variation in variations {
            let files = try generate(variation.arguments, environment: variation.environment)
            XCTAssertEqual(Set(files.keys), Set(reference.keys), variation.label)
            for (name, data) in reference {
                XCTAssertEqual(files[name], data, "\(variation.label): \(name) differs")
            }
        }
    }
}
