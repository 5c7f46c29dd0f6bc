import Foundation
import XCTest
@testable import CharterCore

/// JSONTestSuite (nst/JSONTestSuite, `test_parsing/`) from `../shared/conformance/json`.
final class JSONConformanceTests: XCTestCase {
    /// `<repo root>/../shared/conformance/json`, the repo root being three levels above this file.
    static let suiteDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // JSON
        .deletingLastPathComponent()  // CharterCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo root
        .appendingPathComponent("../shared/conformance/json")
        .standardizedFileURL

    private func files(prefix: String) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.suiteDirectory.path)
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
            .map { Self.suiteDirectory.appendingPathComponent($0) }
    }

    /// RFC 8259 allows duplicate keys (names SHOULD be unique), and the suite's
    /// `y_object_duplicated_key*.json` expect them accepted, so the grammar is
    /// checked with duplicates allowed; Charter's default rejects them (see below).
    private let grammarOptions = JSONReaderOptions(allowDuplicateKeys: true)

    func testAcceptsEveryYFile() throws {
        let files = try files(prefix: "y_")
        XCTAssertEqual(files.count, 95, "y_ files missing from \(Self.suiteDirectory.path)")
        for file in files {
            let bytes = try Data(contentsOf: file)
            do {
                let node = try JSONReader.parse(bytes, options: grammarOptions)
                // Whatever was read writes back to text that reads as the same value.
                let again = try JSONReader.parse(JSONWriter.write(node), options: grammarOptions)
                XCTAssertEqual(again, node, file.lastPathComponent)
            } catch {
                XCTFail("\(file.lastPathComponent) rejected: \(error)")
            }
        }
    }

    func testDefaultOptionsRejectOnlyTheDuplicateKeyYFiles() throws {
        var rejected: [String] = []
        for file in try files(prefix: "y_") {
            let bytes = try Data(contentsOf: file)
            do {
                _ = try JSONReader.parse(bytes)
            } catch {
                XCTAssertTrue(error.message.hasPrefix("duplicate key"), "\(file.lastPathComponent): \(error)")
                rejected.append(file.lastPathComponent)
            }
        }
        XCTAssertEqual(rejected, ["y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json"])
    }

    func testRejectsEveryNFileWithAPositionInsideTheFile() throws {
        let files = try files(prefix: "n_")
        XCTAssertEqual(files.count, 188, "n_ files missing from \(Self.suiteDirectory.path)")
        for file in files {
            let bytes = try Data(contentsOf: file)
            do {
                let node = try JSONReader.parse(bytes, options: grammarOptions)
                XCTFail("\(file.lastPathComponent) accepted as \(JSONWriter.write(node))")
            } catch {
                assertPositionInside(error, bytes: bytes, file: file.lastPathComponent)
            }
        }
    }

    func testIFilesAreAcceptedOrRejectedCleanly() throws {
        let files = try files(prefix: "i_")
        XCTAssertEqual(files.count, 35, "i_ files missing from \(Self.suiteDirectory.path)")
        var accepted: [String] = []
        var rejected: [String] = []
        for file in files {
            let bytes = try Data(contentsOf: file)
            do {
                _ = try JSONReader.parse(bytes, options: grammarOptions)
                accepted.append(file.lastPathComponent)
            } catch {
                assertPositionInside(error, bytes: bytes, file: file.lastPathComponent)
                rejected.append(file.lastPathComponent)
            }
        }
        print("JSONTestSuite i_ files: \(accepted.count) accepted, \(rejected.count) rejected")
        // Documented choices: huge numbers, 500 levels and a UTF-8 BOM are accepted;
        // lone surrogates, invalid UTF-8 and UTF-16 input are rejected.
        XCTAssertEqual(accepted.filter { $0.hasPrefix("i_number") }.count, 10)
        XCTAssertTrue(accepted.contains("i_structure_500_nested_arrays.json"))
        XCTAssertTrue(accepted.contains("i_structure_UTF-8_BOM_empty_object.json"))
        XCTAssertTrue(rejected.contains("i_string_UTF-16LE_with_BOM.json"))
        XCTAssertTrue(rejected.contains("i_string_invalid_lonely_surrogate.json"))
        XCTAssertTrue(rejected.contains("i_string_overlong_sequence_2_bytes.json"))
    }

    private func assertPositionInside(_ error: JSONParseError, bytes: Data, file: String) {
        XCTAssertGreaterThanOrEqual(error.position.line, 1, file)
        XCTAssertGreaterThanOrEqual(error.position.column, 1, file)
        XCTAssertGreaterThanOrEqual(error.position.offset, 0, file)
        XCTAssertLessThanOrEqual(error.position.offset, bytes.count, file)
        XCTAssertFalse(error.message.isEmpty, file)
        XCTAssertFalse(error.message.hasSuffix("."), file)
        XCTAssertEqual(error.message.first.map { $0.isUppercase }, false, "\(file): \(error.message)")
    }
}
