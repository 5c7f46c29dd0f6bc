import Foundation
import XCTest
@testable import CharterCore

/// How loaded files are named: `displayPath` (messages: relative to the working directory when inside
/// it) and `rootRelativePath` (generated headers: relative to the root), and their base URIs.
final class SchemaDocumentPathTests: XCTestCase {
    /// Rows: files, inputs, working directory and root → (displayPath, rootRelativePath, isInput) of every
    /// loaded document, in load order.
    func testPaths() {
        let mirror = RefMapping(prefix: "https://schemas.example.com/", directory: "/mirror")
        let rows: [(label: String, fixture: ContractFixture, expected: [(display: String, rootRelative: String, isInput: Bool)])] = [
            ("inside the working directory",
             ContractFixture(["contracts/inventory/a.json": "{}"], inputs: ["contracts/inventory/a.json"]),
             [("contracts/inventory/a.json", "contracts/inventory/a.json", true)]),
            ("absolute input outside the working directory",
             ContractFixture(["/data/contracts/inventory/a.json": "{}"], inputs: ["/data/contracts/inventory/a.json"]),
             [("/data/contracts/inventory/a.json", "a.json", true)]),
            ("two inputs outside the working directory share their deepest common folder",
             ContractFixture(["/data/x/a.json": "{}", "/data/y/b.json": "{}"], inputs: ["/data/x/a.json", "/data/y/b.json"]),
             [("/data/x/a.json", "x/a.json", true), ("/data/y/b.json", "y/b.json", true)]),
            ("explicit root",
             ContractFixture(["contracts/inv/a.json": "{}"], inputs: ["contracts/inv/a.json"], options: LoaderOptions(root: "/c/contracts")),
             [("contracts/inv/a.json", "inv/a.json", true)]),
            ("relative explicit root",
             ContractFixture(["contracts/inv/a.json": "{}"], inputs: ["contracts/inv/a.json"], options: LoaderOptions(root: "contracts")),
             [("contracts/inv/a.json", "inv/a.json", true)]),
            ("input named with dot segments",
             ContractFixture(["a.json": "{}"], inputs: ["./contracts/../a.json"]),
             [("a.json", "a.json", true)]),
            ("the same input twice is loaded once",
             ContractFixture(["a.json": "{}"], inputs: ["a.json", "/c/a.json", "./a.json"]),
             [("a.json", "a.json", true)]),
            ("file reached through $ref",
             ContractFixture(["a.json": SchemaLoaderReferenceTests.refA("shared/b.json"), "shared/b.json": "{}"], inputs: ["a.json"]),
             [("a.json", "a.json", true), ("shared/b.json", "shared/b.json", false)]),
            ("mapped file outside the root",
             ContractFixture(["a.json": SchemaLoaderReferenceTests.refA("https://schemas.example.com/m/money.json"), "/mirror/m/money.json": "{}"],
                             inputs: ["a.json"], options: LoaderOptions(refMappings: [mirror])),
             [("a.json", "a.json", true), ("/mirror/m/money.json", "money.json", false)]),
        ]
        for row in rows {
            guard let graph = row.fixture.load().value(row.label) else { continue }
            XCTAssertEqual(graph.documents.map(\.displayPath), row.expected.map(\.display), "\(row.label): displayPath")
            XCTAssertEqual(graph.documents.map(\.rootRelativePath), row.expected.map(\.rootRelative), "\(row.label): rootRelativePath")
            XCTAssertEqual(graph.documents.map(\.isInput), row.expected.map(\.isInput), "\(row.label): isInput")
        }
    }

    /// Rows: a file → its base URI (its `$id`, else its `file:` URI, percent-encoded).
    func testBaseURIs() {
        let rows: [(label: String, path: String, text: String, base: String)] = [
            ("no $id", "a.json", "{}", "file:///c/a.json"),
            ("path with a space", "my contracts/a.json", "{}", "file:///c/my%20contracts/a.json"),
            ("path with non-ASCII", "größe.json", "{}", "file:///c/gr%C3%B6%C3%9Fe.json"),
            ("absolute $id", "a.json", ##"{"$id": "https://example.com/inventory"}"##, "https://example.com/inventory"),
            ("$id with an empty fragment", "a.json", ##"{"$id": "https://example.com/inventory#"}"##, "https://example.com/inventory"),
            ("relative $id", "a.json", ##"{"$id": "schemas/inventory.json"}"##, "file:///c/schemas/inventory.json"),
            ("draft-04 id", "a.json", ##"{"$schema": "http://json-schema.org/draft-04/schema#", "id": "http://example.com/v4"}"##, "http://example.com/v4"),
            ("draft-04 file ignores $id", "a.json", ##"{"$schema": "http://json-schema.org/draft-04/schema#", "$id": "http://example.com/v4"}"##, "file:///c/a.json"),
        ]
        for row in rows {
            let fixture = ContractFixture([row.path: row.text], inputs: [row.path])
            guard let graph = fixture.load().value(row.label) else { continue }
            XCTAssertEqual(graph.documents.first?.baseURI, row.base, row.label)
        }
    }

    /// On disk, a symbolic link inside the root that points outside it does not let a `$ref` escape.
    func testSymlinkOutOfTheRootIsRefused() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("charter-symlink-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: base) }
        try manager.createDirectory(atPath: base + "/root", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        try #"{"$defs": {"Secret": {"type": "string"}}}"#.write(toFile: base + "/outside/secret.json", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: base + "/root/link", withDestinationPath: base + "/outside")
        let text = SchemaLoaderReferenceTests.refA("link/secret.json#/$defs/Secret")
        try text.write(toFile: base + "/root/a.json", atomically: true, encoding: .utf8)

        do {
            _ = try SchemaLoader().load(files: ["a.json"], workingDirectory: base + "/root")
            XCTFail("a $ref through a symlink out of the root was followed")
        } catch {
            assertDiagnostic(ExpectedDiagnostic(code: "ref.escapes-root", at: "a.json:1:26", pointer: "/$defs/A/$ref"),
                             in: error.diagnostics, "symlink")
        }
    }

    /// Rows: a file path → the path of its `file:` URI (the base of its relative `$ref`s), percent-encoded
    /// where RFC 3986 does not allow a byte in a path; and back.
    func testFileURIPathEncoding() {
        let rows: [(path: String, encoded: String)] = [
            ("/contracts/orders-v2.json", "/contracts/orders-v2.json"),
            ("/a b/c.json", "/a%20b/c.json"),
            ("/Ünits/x.json", "/%C3%9Cnits/x.json"),
            ("/100%/x.json", "/100%25/x.json"),
            ("/q?#[]/x.json", "/q%3F%23%5B%5D/x.json"),
            ("/keep/-._~!$&'()*+,;=:@/x.json", "/keep/-._~!$&'()*+,;=:@/x.json"),
        ]
        for row in rows {
            XCTAssertEqual(LoadSession.percentEncodePath(row.path), row.encoded, row.path)
            XCTAssertEqual(LoadSession.percentDecode(row.encoded), row.path, row.encoded)
        }
    }
}
