import CharterRuntime
import Foundation
import XCTest

/// What generated code writes for `readOnly` / `writeOnly` properties: a required `readOnly` `id` and an optional
/// `writeOnly` `secret`, read and written only when the coder's direction carries them.
private struct Account: Codable, Equatable {
    var id: String?
    var secret: String?
    var children: [Account]?

    init(id: String? = nil, secret: String? = nil, children: [Account]? = nil) {
        self.id = id
        self.secret = secret
        self.children = children
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.id = try decoder.decodes(.readOnly, requiredKey: "id", in: container) ? try container.decodePropertyIfPresent(String.self, forKey: "id") : nil
        self.secret = decoder.decodes(.writeOnly) ? try container.decodePropertyIfPresent(String.self, forKey: "secret") : nil
        self.children = try container.decodePropertyIfPresent([Account].self, forKey: "children")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        if try encoder.encodes(.readOnly, required: self.id, forKey: "id") { try container.encodePropertyIfPresent(self.id, forKey: "id") }
        if encoder.encodes(.writeOnly) { try container.encodePropertyIfPresent(self.secret, forKey: "secret") }
        try container.encodePropertyIfPresent(self.children, forKey: "children")
    }
}

final class CodingDirectionTests: XCTestCase {
    private func encoder(_ direction: CodingDirection?) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.userInfo[.codingDirection] = direction
        return encoder
    }

    private func decoder(_ direction: CodingDirection?) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[.codingDirection] = direction
        return decoder
    }

    /// Rows: a direction and a value → the JSON it encodes to, or "error" when the direction requires a property
    /// the value lacks. Nested values follow the direction.
    func testEncodingLeavesOutWhatTheDirectionNeverCarries() throws {
        let value = Account(id: "a", secret: "s", children: [Account(id: "b", secret: "t")])
        let rows: [(label: String, direction: CodingDirection?, value: Account, expected: String)] = [
            ("no direction: everything", nil, value, #"{"children":[{"id":"b","secret":"t"}],"id":"a","secret":"s"}"#),
            ("request: no readOnly id, at any depth", .request, value, #"{"children":[{"secret":"t"}],"secret":"s"}"#),
            ("response: no writeOnly secret, at any depth", .response, value, #"{"children":[{"id":"b"}],"id":"a"}"#),
            ("request without the readOnly id it never carries", .request, Account(secret: "s"), #"{"secret":"s"}"#),
            ("no direction without the id: left out", nil, Account(), "{}"),
            ("response without the id it requires", .response, Account(), "error"),
            ("response with a nested value without it", .response, Account(id: "a", children: [Account()]), "error"),
        ]
        for row in rows {
            let encoded = (try? encoder(row.direction).encode(row.value)).map { String(decoding: $0, as: UTF8.self) } ?? "error"
            XCTAssertEqual(encoded, row.expected, row.label)
        }
    }

    /// Rows: a direction and JSON → the value it decodes to, or nil when the direction requires a property the JSON
    /// lacks. A value the direction never carries is ignored when sent.
    func testDecodingIgnoresWhatTheDirectionNeverCarries() throws {
        let json = #"{"id":"a","secret":"s","children":[{"id":"b","secret":"t"}]}"#
        let rows: [(label: String, direction: CodingDirection?, json: String, expected: Account?)] = [
            ("no direction: everything", nil, json, Account(id: "a", secret: "s", children: [Account(id: "b", secret: "t")])),
            ("request: a readOnly id sent anyway is ignored", .request, json, Account(secret: "s", children: [Account(secret: "t")])),
            ("response: a writeOnly secret returned anyway is ignored", .response, json, Account(id: "a", children: [Account(id: "b")])),
            ("request without the readOnly id", .request, #"{"secret":"s"}"#, Account(secret: "s")),
            ("no direction without the id", nil, "{}", Account()),
            ("response without the id it requires", .response, #"{"secret":"s"}"#, nil),
            ("response with a nested value without it", .response, #"{"id":"a","children":[{}]}"#, nil),
        ]
        for row in rows {
            XCTAssertEqual(try? decoder(row.direction).decode(Account.self, from: Data(row.json.utf8)), row.expected, row.label)
        }
    }

    /// The error of a missing required property says which and why.
    func testRequiredInItsDirectionNamesTheProperty() {
        XCTAssertThrowsError(try decoder(.response).decode(Account.self, from: Data("{}".utf8))) { error in
            guard case DecodingError.keyNotFound(let key, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(key.stringValue, "id")
            XCTAssertEqual(context.debugDescription, "id is readOnly and required in a response")
        }
        XCTAssertThrowsError(try encoder(.response).encode(Account())) { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["id"])
            XCTAssertEqual(context.debugDescription, "id is readOnly and required in a response, and it has no value")
        }
    }
}
