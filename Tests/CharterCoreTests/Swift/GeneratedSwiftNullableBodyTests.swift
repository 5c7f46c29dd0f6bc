import Foundation
import XCTest
@testable import CharterCore

/// A request body that may be absent (`"required": false`) and whose schema allows `null` can be sent three ways — no
/// body, the body `null`, a value — which the wire tells apart (an empty body is no body). Like an optional nullable
/// property it is `Nullable<T>?`: `nil` no body, `.null` a `null` body, `.value(x)` a value. A required one is `T?`
/// (`nil` is a `null` body), and one whose type holds `null` itself (free-form JSON) `T?` with its own `null`.
extension GeneratedSwiftProviderTests {
    func testOptionalNullableBodyKeepsNullApartFromNoBody() throws {
        let contract = ##"""
            {"x-contract": {"name": "notes", "version": "1.0.0", "operations": {
              "put": {"method": "PUT", "path": "/note", "request": {"required": false, "schema": {"anyOf": [{"$ref": "#/$defs/Note"}, {"type": "null"}]}},
                "responses": {"200": {"schema": {"type": "string"}}}},
              "stamp": {"method": "PUT", "path": "/stamp", "request": {"required": false, "schema": {"type": ["string", "null"], "format": "date-time"}},
                "responses": {"200": {"schema": {"type": "string"}}}},
              "sku": {"method": "PUT", "path": "/sku", "request": {"required": false, "schema": {"anyOf": [{"$ref": "#/$defs/Sku"}, {"type": "null"}]}},
                "responses": {"200": {"schema": {"type": "string"}}}},
              "must": {"method": "PUT", "path": "/must", "request": {"schema": {"anyOf": [{"$ref": "#/$defs/Note"}, {"type": "null"}]}},
                "responses": {"200": {"schema": {"type": "string"}}}},
              "free": {"method": "PUT", "path": "/free", "request": {"required": false, "schema": {}}, "responses": {"200": {"schema": {"type": "string"}}}}
            }}, "$defs": {"Note": {"type": "object", "properties": {"text": {"type": "string"}}}, "Sku": {"type": "string", "pattern": "^[A-Z]+$"}}}
            """##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let lines = GeneratedSwiftSnippetTests.trimmedLines(try XCTUnwrap(files["NotesV1.swift"]))
        for line in [
            "func put(_ body: Nullable<NotesV1.Note>?) async throws -> PutResponse",
            "public func put(_ body: Nullable<NotesV1.Note>? = nil) async throws(ClientError) -> PutResponse {",
            "func stamp(_ body: Nullable<Date>?) async throws -> StampResponse",
            "func must(_ body: NotesV1.Note?) async throws -> MustResponse",
            "func free(_ body: JSONValue?) async throws -> FreeResponse",
        ] {
            XCTAssertTrue(lines.contains(line), "missing: \(line)")
        }
        let main = [
            "import Foundation",
            "func show<T>(_ body: Nullable<T>?, _ text: (T) -> String) -> String {",
            "    switch body {",
            "    case nil: return \"no body\"",
            "    case .null?: return \"null\"",
            "    case .value(let value)?: return text(value)",
            "    }",
            "}",
            "struct Notes: NotesV1.Provider {",
            "    func put(_ body: Nullable<NotesV1.Note>?) async throws -> NotesV1.PutResponse { .ok(show(body) { $0.text ?? \"-\" }) }",
            "    func stamp(_ body: Nullable<Date>?) async throws -> NotesV1.StampResponse { .ok(show(body) { \"\\($0.timeIntervalSince1970)\" }) }",
            "    func sku(_ body: Nullable<NotesV1.Sku>?) async throws -> NotesV1.SkuResponse { .ok(show(body) { $0 }) }",
            "    func must(_ body: NotesV1.Note?) async throws -> NotesV1.MustResponse { .ok(body.map { $0.text ?? \"-\" } ?? \"null\") }",
            "    func free(_ body: JSONValue?) async throws -> NotesV1.FreeResponse { .ok(body.map { \"\\($0)\" } ?? \"no body\") }",
            "}",
            "struct Wiretap: ClientTransport {",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        let response = await Notes().handle(request)",
            "        print(\"\\(request.path) [\\(String(decoding: request.body ?? Data(), as: UTF8.self))] \\(response.status)\", terminator: \" \")",
            "        return response",
            "    }",
            "}",
            "let client = NotesV1.Client(serverURL: URL(string: \"http://n\")!, transport: Wiretap())",
            "print(try await client.put())",
            "print(try await client.put(.null))",
            "print(try await client.put(.value(NotesV1.Note(text: \"a\"))))",
            "print(try await client.stamp(nil))",
            "print(try await client.stamp(.null))",
            "print(try await client.stamp(.value(Date(timeIntervalSince1970: 1.5))))",
            "print(try await client.sku(.null))",
            "print(try await client.sku(.value(\"AB\")))",
            "if case .undocumented(let status, _) = try await client.sku(.value(\"ab\")) { print(status) }",
            "print(try await client.must(nil))",
            "print(try await client.must(NotesV1.Note(text: \"b\")))",
            "print(try await client.free(nil))",
            "print(try await client.free(.null))",
            "print(try await client.free(.string(\"c\")))",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            #"/note [] 200 ok("no body")"#,
            #"/note [null] 200 ok("null")"#,
            #"/note [{"text":"a"}] 200 ok("a")"#,
            #"/stamp [] 200 ok("no body")"#,
            #"/stamp [null] 200 ok("null")"#,
            #"/stamp ["1970-01-01T00:00:01.5Z"] 200 ok("1.5")"#,
            #"/sku [null] 200 ok("null")"#,
            #"/sku ["AB"] 200 ok("AB")"#,
            #"/sku ["ab"] 400 400"#,
            #"/must [null] 200 ok("null")"#,
            #"/must [{"text":"b"}] 200 ok("b")"#,
            #"/free [] 200 ok("no body")"#,
            #"/free [null] 200 ok("null")"#,
            #"/free ["c"] 200 ok("\"c\"")"#,
        ])
    }
}
