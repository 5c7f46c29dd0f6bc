import Foundation
import XCTest
@testable import CharterCore

/// `Templates/*.mustache` is the source of truth; `EmbeddedTemplates` is the copy compiled into the
/// binary. They must never drift apart.
final class EmbeddedTemplatesTests: XCTestCase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Generate
        .deletingLastPathComponent()  // CharterCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    func testEmbeddedTemplatesMatchTheTemplatesFolder() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        XCTAssertFalse(names.isEmpty, "no templates in \(folder.path)")
        var onDisk: [String: String] = [:]
        for file in names {
            onDisk[String(file.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        let fix = "run scripts/embed-templates to refresh Sources/CharterCore/Templating/EmbeddedTemplates.swift"
        for (name, text) in onDisk.sorted(by: { $0.key < $1.key }) {
            guard let embedded = EmbeddedTemplates.all[name] else {
                XCTFail("Templates/\(name).mustache is not embedded; \(fix)")
                continue
            }
            XCTAssertEqual(embedded, text, "Templates/\(name).mustache differs from its embedded copy; \(fix)")
        }
        for name in EmbeddedTemplates.all.keys.sorted() where onDisk[name] == nil {
            XCTFail("EmbeddedTemplates holds \(name), which has no Templates/\(name).mustache; \(fix)")
        }
    }

    /// The embedded set parses, and every partial it names exists.
    func testEmbeddedTemplatesLoad() throws {
        XCTAssertNoThrow(try TemplateSet.load())
        for name in ["File", "Declaration", "Struct", "Enum", "Union", "Alias"] {
            XCTAssertNotNil(EmbeddedTemplates.all[name], "\(name) template missing")
        }
    }
}
