import XCTest
@testable import CharterCore

/// `$ref` resolution: what resolves (and to what), and what is refused, with exact positions.
final class SchemaLoaderReferenceTests: XCTestCase {
    /// Every ref row below puts its `$ref` value at column 26 of `{"$defs": {"A": {"$ref": …}}}`.
    static func refA(_ reference: String) -> String { "{\"$defs\": {\"A\": {\"$ref\": \"\(reference)\"}}}" }

    /// Rows: files → the schema holding a `$ref` (file and pointer) → the schema it resolves to (`file#pointer`).
    func testReferencesResolve() {
        let mirror = LoaderOptions(refMappings: [RefMapping(prefix: "https://schemas.example.com/", directory: "/c/mirror")])
        let outsideMirror = LoaderOptions(refMappings: [RefMapping(prefix: "https://schemas.example.com/", directory: "/mirror")])
        let nested = LoaderOptions(refMappings: [RefMapping(prefix: "https://schemas.example.com/", directory: "/c/mirror"),
                                                 RefMapping(prefix: "https://schemas.example.com/b/", directory: "/c/other")])
        let rows: [(label: String, fixture: ContractFixture, refIn: String, refAt: String, target: String)] = [
            ("local $defs pointer",
             ContractFixture(##"{"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"type": "string"}}}"##),
             "a.json", "/$defs/A", "a.json#/$defs/B"),
            ("pointer with ~1 escape",
             ContractFixture(##"{"$defs": {"A": {"$ref": "#/$defs/a~1b"}, "a/b": {"type": "string"}}}"##),
             "a.json", "/$defs/A", "a.json#/$defs/a~1b"),
            ("percent-encoded pointer",
             ContractFixture(##"{"$defs": {"A": {"$ref": "#/%24defs/with%20space"}, "with space": {"type": "string"}}}"##),
             "a.json", "/$defs/A", "a.json#/$defs/with space"),
            ("the document root",
             ContractFixture(##"{"type": "object", "properties": {"child": {"$ref": "#"}}}"##),
             "a.json", "/properties/child", "a.json#"),
            ("other file by relative path",
             ContractFixture(["a.json": Self.refA("other.json#/$defs/Y"), "other.json": ##"{"$defs": {"Y": {"type": "integer"}}}"##], inputs: ["a.json"]),
             "a.json", "/$defs/A", "other.json#/$defs/Y"),
            ("whole other file",
             ContractFixture(["a.json": Self.refA("other.json"), "other.json": ##"{"type": "integer"}"##], inputs: ["a.json"]),
             "a.json", "/$defs/A", "other.json#"),
            ("relative path with dot segments",
             ContractFixture(["a.json": Self.refA("./sub/../shared/other.json#/$defs/Y"), "shared/other.json": ##"{"$defs": {"Y": {}}}"##], inputs: ["a.json"]),
             "a.json", "/$defs/A", "shared/other.json#/$defs/Y"),
            ("sibling folder inside the root",
             ContractFixture(["contracts/a.json": Self.refA("../shared/money.json#/$defs/Money"), "shared/money.json": ##"{"$defs": {"Money": {}}}"##], inputs: ["contracts/a.json"]),
             "contracts/a.json", "/$defs/A", "shared/money.json#/$defs/Money"),
            ("percent-encoded file name",
             ContractFixture(["my contracts/a.json": Self.refA("other%20file.json#/$defs/Y"), "my contracts/other file.json": ##"{"$defs": {"Y": {}}}"##], inputs: ["my contracts/a.json"]),
             "my contracts/a.json", "/$defs/A", "my contracts/other file.json#/$defs/Y"),
            ("$id of another input",
             ContractFixture(["a.json": Self.refA("https://example.com/schemas/b#/$defs/Y"),
                              "b.json": ##"{"$id": "https://example.com/schemas/b", "$defs": {"Y": {"type": "string"}}}"##]),
             "a.json", "/$defs/A", "b.json#/$defs/Y"),
            ("relative reference between inputs with $ids",
             ContractFixture(["a.json": ##"{"$id": "https://example.com/schemas/a", "$defs": {"A": {"$ref": "b#/$defs/Y"}}}"##,
                              "b.json": ##"{"$id": "https://example.com/schemas/b", "$defs": {"Y": {"type": "string"}}}"##]),
             "a.json", "/$defs/A", "b.json#/$defs/Y"),
            ("relative file reference from a document with an https $id",
             ContractFixture(["a.json": ##"{"$id": "https://example.com/schemas/a.json", "$defs": {"A": {"$ref": "other.json#/$defs/Y"}}}"##,
                              "other.json": ##"{"$defs": {"Y": {}}}"##], inputs: ["a.json"]),
             "a.json", "/$defs/A", "other.json#/$defs/Y"),
            ("embedded resource by $id",
             ContractFixture(##"{"$defs": {"A": {"$ref": "https://example.com/money"}, "M": {"$id": "https://example.com/money", "type": "string"}}}"##),
             "a.json", "/$defs/A", "a.json#/$defs/M"),
            ("pointer inside an embedded resource",
             ContractFixture(##"{"$defs": {"A": {"$ref": "https://example.com/money#/$defs/Amount"}, "M": {"$id": "https://example.com/money", "$defs": {"Amount": {"type": "string"}}}}}"##),
             "a.json", "/$defs/A", "a.json#/$defs/M/$defs/Amount"),
            ("anchor inside an embedded resource",
             ContractFixture(##"{"$defs": {"A": {"$ref": "https://example.com/money#amt"}, "M": {"$id": "https://example.com/money", "$defs": {"Amount": {"$anchor": "amt"}}}}}"##),
             "a.json", "/$defs/A", "a.json#/$defs/M/$defs/Amount"),
            ("file path of a file that declares an $id",
             ContractFixture(["a.json": Self.refA("b.json#/$defs/Y"), "b.json": ##"{"$id": "https://example.com/schemas/b", "$defs": {"Y": {}}}"##], inputs: ["a.json"]),
             "a.json", "/$defs/A", "b.json#/$defs/Y"),
            ("$anchor",
             ContractFixture(##"{"$defs": {"A": {"$ref": "#sku"}, "B": {"$anchor": "sku", "type": "string"}}}"##),
             "a.json", "/$defs/A", "a.json#/$defs/B"),
            ("$anchor in another file",
             ContractFixture(["a.json": Self.refA("other.json#sku"), "other.json": ##"{"$defs": {"Sku": {"$anchor": "sku", "type": "string"}}}"##], inputs: ["a.json"]),
             "a.json", "/$defs/A", "other.json#/$defs/Sku"),
            ("draft-07 plain-name $id",
             ContractFixture(##"{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"A": {"$ref": "#sku"}, "B": {"$id": "#sku", "type": "string"}}}"##),
             "a.json", "/definitions/A", "a.json#/definitions/B"),
            ("draft-04 id and definitions",
             ContractFixture(##"{"$schema": "http://json-schema.org/draft-04/schema#", "id": "http://example.com/root.json", "definitions": {"A": {"$ref": "#/definitions/B"}, "B": {"type": "string"}}}"##),
             "a.json", "/definitions/A", "a.json#/definitions/B"),
            ("draft-04 id of another input",
             ContractFixture(["a.json": Self.refA("http://example.com/b.json#/definitions/Y"),
                              "b.json": ##"{"$schema": "http://json-schema.org/draft-04/schema#", "id": "http://example.com/b.json", "definitions": {"Y": {}}}"##]),
             "a.json", "/$defs/A", "b.json#/definitions/Y"),
            ("remote prefix mapped to a local folder",
             ContractFixture(["a.json": Self.refA("https://schemas.example.com/common/money.json#/$defs/Money"),
                              "mirror/common/money.json": ##"{"$defs": {"Money": {"type": "string"}}}"##], inputs: ["a.json"], options: mirror),
             "a.json", "/$defs/A", "mirror/common/money.json#/$defs/Money"),
            ("the longest matching prefix wins, whatever the order given",
             ContractFixture(["a.json": Self.refA("https://schemas.example.com/b/t.json#/$defs/T"),
                              "mirror/b/t.json": ##"{"$defs": {"T": {"type": "string"}}}"##,
                              "other/t.json": ##"{"$defs": {"T": {"type": "integer"}}}"##], inputs: ["a.json"], options: nested),
             "a.json", "/$defs/A", "other/t.json#/$defs/T"),
            ("remote prefix mapped to a folder outside the root",
             ContractFixture(["a.json": Self.refA("https://schemas.example.com/money.json#/$defs/Money"),
                              "/mirror/money.json": ##"{"$defs": {"Money": {"type": "string"}}}"##], inputs: ["a.json"], options: outsideMirror),
             "a.json", "/$defs/A", "/mirror/money.json#/$defs/Money"),
            ("a relative $ref inside a mapped file outside the root resolves through the mapping (its retrieval URI)",
             ContractFixture(["a.json": Self.refA("https://schemas.example.com/money.json#/$defs/Money"),
                              "/mirror/money.json": ##"{"$defs": {"Money": {"$ref": "common/amount.json"}}}"##,
                              "/mirror/common/amount.json": ##"{"type": "string"}"##], inputs: ["a.json"], options: outsideMirror),
             "/mirror/money.json", "/$defs/Money", "/mirror/common/amount.json#"),
            ("recursive schema",
             ContractFixture(##"{"$defs": {"Node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/Node"}}}}}"##),
             "a.json", "/$defs/Node/properties/next", "a.json#/$defs/Node"),
            ("recursion across files",
             ContractFixture(["a.json": ##"{"$defs": {"Node": {"type": "object", "properties": {"leaf": {"$ref": "b.json#/$defs/Leaf"}}}}}"##,
                              "b.json": ##"{"$defs": {"Leaf": {"type": "object", "properties": {"parent": {"$ref": "a.json#/$defs/Node"}}}}}"##], inputs: ["a.json"]),
             "b.json", "/$defs/Leaf/properties/parent", "a.json#/$defs/Node"),
            ("a $ref with sibling keywords is not a pure-reference cycle",
             ContractFixture(##"{"$defs": {"A": {"$ref": "#/$defs/A", "type": "object"}}}"##),
             "a.json", "/$defs/A", "a.json#/$defs/A"),
        ]
        for row in rows {
            guard let graph = row.fixture.load().value(row.label) else { continue }
            guard let schema = graph.schema(in: row.refIn, at: row.refAt) else {
                XCTFail("\(row.label): no schema at \(row.refIn)#\(row.refAt)")
                continue
            }
            guard let target = schema.ref else {
                XCTFail("\(row.label): \(row.refIn)#\(row.refAt) has no resolved $ref")
                continue
            }
            XCTAssertEqual(graph[target].location.reference, row.target, row.label)
        }
    }

    /// Rows: files → the error, at the `$ref` value (or the schema, for cycles), with code and pointer.
    func testReferencesThatFail() {
        let mirror = LoaderOptions(refMappings: [RefMapping(prefix: "https://schemas.example.com/", directory: "/c/mirror")])
        let elsewhere = LoaderOptions(refMappings: [RefMapping(prefix: "https://other.example.com/", directory: "/c/mirror")])
        let passwd = ["/etc/passwd": "{}", "/c/mirror/m.json": "{}"]
        func one(_ reference: String, extra: [String: String] = passwd, options: LoaderOptions = LoaderOptions()) -> ContractFixture {
            ContractFixture(extra.merging(["a.json": Self.refA(reference)]) { $1 }, inputs: ["a.json"], options: options)
        }
        let rows: [(label: String, fixture: ContractFixture, expected: ExpectedDiagnostic)] = [
            ("missing $defs entry", one("#/$defs/Missing"),
             ExpectedDiagnostic(code: "ref.unresolved", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("missing anchor", one("#nope"),
             ExpectedDiagnostic(code: "ref.unresolved", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("missing pointer in another file", one("other.json#/$defs/Nope", extra: ["other.json": ##"{"$defs": {}}"##]),
             ExpectedDiagnostic(code: "ref.unresolved", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("missing file", one("nothere.json#/$defs/X"),
             ExpectedDiagnostic(code: "load.missing-file", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("unknown URN", one("urn:example:nothing"),
             ExpectedDiagnostic(code: "ref.unresolved", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("anchor of an embedded resource is not an anchor of the document",
             ContractFixture(##"{"$defs": {"A": {"$ref": "#amt"}, "M": {"$id": "https://example.com/money", "$anchor": "amt"}}}"##),
             ExpectedDiagnostic(code: "ref.unresolved", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("invalid JSON pointer", one("#/$defs/~2"),
             ExpectedDiagnostic(code: "ref.invalid-pointer", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("remote https, never downloaded", one("https://schemas.example.com/money.json#/$defs/Money"),
             ExpectedDiagnostic(code: "ref.remote", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("remote http", one("http://example.com/x.json"),
             ExpectedDiagnostic(code: "ref.remote", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("remote prefix that no mapping covers", one("https://schemas.example.com/m.json", options: elsewhere),
             ExpectedDiagnostic(code: "ref.remote", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("relative path out of the root", one("../../etc/passwd"),
             ExpectedDiagnostic(code: "ref.escapes-root", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("absolute file URI", one("file:///etc/passwd"),
             ExpectedDiagnostic(code: "ref.escapes-root", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("absolute path", one("/etc/passwd"),
             ExpectedDiagnostic(code: "ref.escapes-root", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("percent-encoded dot segments", one("%2e%2e/%2e%2e/etc/passwd"),
             ExpectedDiagnostic(code: "ref.escapes-root", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("mapped prefix escaping its folder", one("https://schemas.example.com/%2e%2e/%2e%2e/etc/passwd", options: mirror),
             ExpectedDiagnostic(code: "ref.escapes-root", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("sibling outside an explicit root",
             ContractFixture(["contracts/a.json": Self.refA("../secret.json"), "secret.json": "{}"], inputs: ["contracts/a.json"],
                             options: LoaderOptions(root: "/c/contracts")),
             ExpectedDiagnostic(code: "ref.escapes-root", at: "contracts/a.json:1:26", pointer: "/$defs/A/$ref")),
            ("$ref that is not a string", ContractFixture(##"{"$defs": {"A": {"$ref": 5}}}"##),
             ExpectedDiagnostic(code: "schema.invalid-keyword", at: "a.json:1:26", pointer: "/$defs/A/$ref")),
            ("root that is only a reference to itself", ContractFixture(##"{"$ref": "#"}"##),
             ExpectedDiagnostic(code: "ref.cycle", at: "a.json:1:1", pointer: "")),
            ("definition that is a reference to itself", ContractFixture(##"{"$defs": {"A": {"$ref": "#/$defs/A"}}}"##),
             ExpectedDiagnostic(code: "ref.cycle", at: "a.json:1:17", pointer: "/$defs/A")),
            ("A → B → A", ContractFixture(##"{"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}}"##),
             ExpectedDiagnostic(code: "ref.cycle", at: "a.json:1:17", pointer: "/$defs/A")),
            ("A → B → A across files",
             ContractFixture(["a.json": Self.refA("b.json#/$defs/B"), "b.json": ##"{"$defs": {"B": {"$ref": "a.json#/$defs/A"}}}"##], inputs: ["a.json"]),
             ExpectedDiagnostic(code: "ref.cycle", at: "a.json:1:17", pointer: "/$defs/A")),
        ]
        for row in rows {
            guard let error = row.fixture.load().failure(row.label) else { continue }
            assertDiagnostic(row.expected, in: error.diagnostics, row.label)
            for diagnostic in error.diagnostics {
                XCTAssertFalse(diagnostic.message.isEmpty, row.label)
                XCTAssertFalse(diagnostic.message.hasSuffix("."), "\(row.label): \(diagnostic.message)")
            }
        }
    }

    /// A remote reference is refused without touching the network, and names the way out.
    func testRemoteReferenceSuggestsARefMap() throws {
        let error = try XCTUnwrap(ContractFixture(Self.refA("https://schemas.example.com/money.json")).load().failure("remote"))
        let remote = try XCTUnwrap(error.diagnostics.first { $0.code == "ref.remote" })
        XCTAssertTrue(remote.message.contains("https://schemas.example.com/money.json"), remote.message)
        XCTAssertTrue(remote.hint?.contains("--ref-map") == true, remote.hint ?? "no hint")
    }

    /// A relative reference from a document with an `https` `$id` to a sibling file that is not there names the file
    /// it looked for and the URI the `$id` made of it, not only "remote reference"; one out of the root is refused as
    /// escaping it, whether the file is there or not.
    func testMissingSiblingOfADocumentWithAnIDIsNamed() throws {
        let withID = { (reference: String) in ##"{"$id": "https://contracts.example/demo/a.json", "$defs": {"A": {"$ref": "\##(reference)"}}}"## }
        let error = try XCTUnwrap(ContractFixture(withID("other-v1.json#/$defs/A")).load().failure("missing sibling"))
        let missing = try XCTUnwrap(error.diagnostics.first { $0.code == "ref.unresolved" })
        XCTAssertTrue(missing.message.contains("there is no file other-v1.json"), missing.message)
        XCTAssertTrue(missing.message.contains("https://contracts.example/demo/other-v1.json"), missing.message)
        XCTAssertEqual(missing.location?.pointer.description, "/$defs/A/$ref")
        let outside = ContractFixture(["contracts/a.json": withID("../other/o.json"), "other/o.json": "{}"], inputs: ["contracts/a.json"],
                                      options: LoaderOptions(root: "/c/contracts"))
        for fixture in [outside, ContractFixture(["contracts/a.json": withID("../other/o.json")], inputs: ["contracts/a.json"], options: LoaderOptions(root: "/c/contracts"))] {
            let error = try XCTUnwrap(fixture.load().failure("outside the root"))
            XCTAssertEqual(error.diagnostics.map(\.code), ["ref.escapes-root"], error.diagnostics.map(\.message).joined(separator: "; "))
        }
        // A sibling that is there is loaded.
        let sibling = ContractFixture(["a.json": withID("b.json#/$defs/B"), "b.json": ##"{"$defs": {"B": {"type": "string"}}}"##], inputs: ["a.json"])
        XCTAssertNotNil(try? sibling.load().get())
    }

    /// A cycle names every schema on it.
    func testCycleMessageNamesTheChain() throws {
        let fixture = ContractFixture(##"{"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}}"##)
        let error = try XCTUnwrap(fixture.load().failure("cycle"))
        let cycle = try XCTUnwrap(error.diagnostics.first { $0.code == "ref.cycle" })
        XCTAssertTrue(cycle.message.contains("a.json#/$defs/A") && cycle.message.contains("a.json#/$defs/B"), cycle.message)
        XCTAssertEqual(error.diagnostics.filter { $0.code == "ref.cycle" }.count, 1, error.description)
    }

    /// A file reached through several references is loaded once.
    func testSharedFileIsLoadedOnce() throws {
        let fixture = ContractFixture([
            "a.json": ##"{"$defs": {"A": {"$ref": "shared.json#/$defs/X"}, "B": {"$ref": "./shared.json#/$defs/X"}}}"##,
            "b.json": ##"{"$defs": {"C": {"$ref": "shared.json"}}}"##,
            "shared.json": ##"{"$defs": {"X": {"type": "string"}}}"##,
        ], inputs: ["a.json", "b.json"])
        let graph = try XCTUnwrap(fixture.load().value("shared"))
        XCTAssertEqual(graph.documents.map(\.displayPath), ["a.json", "b.json", "shared.json"])
        XCTAssertEqual(graph.documents.map(\.isInput), [true, true, false])
        XCTAssertEqual(graph.inputDocuments.map(\.displayPath), ["a.json", "b.json"])
        let a = try XCTUnwrap(graph.schema(in: "a.json", at: "/$defs/A")?.ref)
        let b = try XCTUnwrap(graph.schema(in: "a.json", at: "/$defs/B")?.ref)
        XCTAssertEqual(a, b)
    }
}
