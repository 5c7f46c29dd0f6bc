import Foundation
import XCTest
@testable import CharterCore

/// Where JSON `null` goes in generated code, compiled and run: a nullable type that stands alone (an event
/// payload, a request or response body) is optional there, so a `null` payload or body decodes and encodes.
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
}
