import Foundation
import XCTest
@testable import CharterCore

/// Where JSON `null` goes in generated code, compiled and run: a nullable type that stands alone (an event
/// payload, a request or response body) is optional there, so a `null` payload or body decodes and encodes; a
/// union that holds `null` itself is used without a wrapper, so there is one way to say `null`.
final class GeneratedSwiftNullabilityTests: XCTestCase {
    /// A nullable object type (`"type": ["object", "null"]`) as an event payload and as request and response bodies
    /// travels as `null` both ways (a struct has no value for `null`; the payload and bodies are `Note?`), and a
    /// `Note` inside is still validated.
    func testNullableObjectStandsAloneAsNull() throws {
        let contract = ##"""
            {"x-contract": {"name": "notes", "version": "1.0.0",
              "events": {"Noted": {"topic": "notes.v1", "payload": {"$ref": "#/$defs/Note"}, "orderingKey": ["/text"]}},
              "operations": {
                "getNote": {"method": "GET", "path": "/note", "responses": {"200": {"schema": {"$ref": "#/$defs/Note"}}}},
                "putNote": {"method": "PUT", "path": "/note", "request": {"required": true, "schema": {"$ref": "#/$defs/Note"}},
                  "responses": {"204": {"description": "Stored."}}}
              }},
             "$defs": {"Note": {"type": ["object", "null"], "properties": {"text": {"type": "string", "maxLength": 3}}}}}
            """##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
            "let time = Date(timeIntervalSince1970: 1_700_000_000)",
            "let id = UUID(uuidString: \"0F8D3C52-7D4B-4B8E-9A51-2F0C6F4F9A10\")!",
            "typealias Noted = NotesV1.Events.Noted",
            "for payload in [nil, NotesV1.Note(text: \"abcd\")] as [NotesV1.Note?] {",
            "    let envelope = EventEnvelope<Noted>(id: id, source: \"urn:test\", time: time, data: payload)",
            "    let encoded = try encoder.encode(envelope)",
            "    let decoded = try JSONDecoder().decode(EventEnvelope<Noted>.self, from: encoded)",
            "    let data = try JSONSerialization.jsonObject(with: encoded) as! [String: Any]",
            "    print(decoded == envelope, data[\"data\"] is NSNull, decoded.partitionKey, decoded.validationIssues.map { $0.path + \" \" + $0.keyword })",
            "}",
            "final class Box: @unchecked Sendable { let lock = NSLock(); var note: NotesV1.Note? = NotesV1.Note(text: \"x\") }",
            "struct Notes: NotesV1.Provider {",
            "    let box: Box",
            "    func getNote() async throws -> NotesV1.GetNoteResponse { .ok(box.lock.withLock { box.note }) }",
            "    func putNote(_ body: NotesV1.Note?) async throws -> NotesV1.PutNoteResponse { box.lock.withLock { box.note = body }; return .noContent }",
            "}",
            "struct Loop: ClientTransport {",
            "    let notes: Notes",
            "    func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {",
            "        let response = await notes.handle(request)",
            "        print(request.method, request.body.map { String(decoding: $0, as: UTF8.self) } ?? \"-\", response.status, String(decoding: response.body, as: UTF8.self))",
            "        return response",
            "    }",
            "}",
            "let client = NotesV1.Client(serverURL: URL(string: \"http://notes\")!, transport: Loop(notes: Notes(box: Box())))",
            "print(try await client.getNote())",
            "print(try await client.putNote(nil))",
            "print(try await client.getNote())",
            "print(try await client.putNote(NotesV1.Note(text: \"abc\")))",
            "print(try await client.getNote())",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            "true true  []",
            #"true false abcd ["/data/text maxLength"]"#,
            #"GET - 200 {"text":"x"}"#,
            #"ok(Optional(Check.NotesV1.Note(text: Optional("x"))))"#,
            "PUT null 204 ",
            "noContent",
            "GET - 200 null",
            "ok(nil)",
            #"PUT {"text":"abc"} 204 "#,
            "noContent",
            #"GET - 200 {"text":"abc"}"#,
            #"ok(Optional(Check.NotesV1.Note(text: Optional("abc"))))"#,
        ])
    }

    /// A property, element or map value whose type is a union with its own `null` case is the union itself (`U`, `U?`,
    /// `[U]`, `[String: U]`): `null` is `.null`, absent is `nil`. It used to be `Nullable<U>?` and `[U?]`, where
    /// `.value(.null)` and `.null` (`.some(.null)` and `nil`) encoded alike but differed under `==` and hashing.
    func testUnionWithNullCaseHasOneNull() throws {
        let contract = ##"""
            {"title": "Nul", "$defs": {
              "MultiType": {"type": ["string", "integer", "null"]},
              "H": {"type": "object", "required": ["req"], "properties": {
                "opt": {"$ref": "#/$defs/MultiType"},
                "req": {"$ref": "#/$defs/MultiType"},
                "list": {"type": "array", "items": {"$ref": "#/$defs/MultiType"}},
                "map": {"type": "object", "additionalProperties": {"$ref": "#/$defs/MultiType"}},
                "fallback": {"$ref": "#/$defs/MultiType", "default": null}
              }}
            }}
            """##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let source = try XCTUnwrap(files["Nul.swift"])
        XCTAssertFalse(source.contains("Nullable<"), source)
        let main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys]",
            // The types are spelled without a wrapper: `.null` is the only null there is.
            "let made = Nul.H(opt: .null, req: .null, list: [.null, .integer(1)], map: [\"k\": .null], fallback: .null)",
            "let json = #\"{\"fallback\":null,\"list\":[null,1],\"map\":{\"k\":null},\"opt\":null,\"req\":null}\"#",
            "let decoded = try JSONDecoder().decode(Nul.H.self, from: Data(json.utf8))",
            "print(decoded == made, decoded.hashValue == made.hashValue, Set([decoded, made]).count)",
            "print(String(decoding: try encoder.encode(decoded), as: UTF8.self) == json)",
            "let absent = try JSONDecoder().decode(Nul.H.self, from: Data(#\"{\"req\":\"x\"}\"#.utf8))",
            "print(absent.opt == nil, absent.fallback == nil, absent == Nul.H(req: .string(\"x\"), fallback: nil), String(decoding: try encoder.encode(absent), as: UTF8.self))",
            // The schema's `default: null` is the union's `null` case.
            "print(Nul.H(req: .integer(2)).fallback == .null)",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            "true true 1",
            "true",
            #"true true true {"req":"x"}"#,
            "true",
        ])
    }
}
