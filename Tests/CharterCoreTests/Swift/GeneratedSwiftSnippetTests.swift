import XCTest
@testable import CharterCore

/// Contract fragments beside the exact Swift lines they yield (compared with leading indentation removed).
final class GeneratedSwiftSnippetTests: XCTestCase {
    /// `/c/a.json` holding one object `Stock` with the given properties (and `required`).
    static func stock(_ properties: String, required: [String] = [], defs: String = "") -> String {
        let requiredList = required.map { "\"\($0)\"" }.joined(separator: ", ")
        return ##"{"$defs": {"Stock": {"type": "object", "required": ["## + requiredList + ##"], "properties": {"## + properties + "}}" + defs + "}}"
    }

    /// The lines of generated text with their leading indentation removed.
    static func trimmedLines(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").map { String($0.drop { $0 == " " }) })
    }

    /// Rows: contract text → lines the generated file must contain, and lines it must not.
    func testSnippets() {
        let rows: [(label: String, text: String, lines: [String], absent: [String])] = [
            ("snake_case wire name with int32",
             Self.stock(##""on_hand": {"type": "integer", "format": "int32"}"##),
             ["public let onHand: Int32?",
              "let container = try decoder.container(keyedBy: AnyCodingKey.self)",
              "self.onHand = try container.decodePropertyIfPresent(Int32.self, forKey: \"on_hand\")",
              "var container = encoder.container(keyedBy: AnyCodingKey.self)",
              "try container.encodePropertyIfPresent(self.onHand, forKey: \"on_hand\")"],
             // No String-backed CodingKey enum per type (a fifth of a debug build) and no getter per key
             // (5% of a debug build with debug info): each statement names its key.
             ["enum CodingKeys", "case onHand", "static var onHand"]),
            ("required string",
             Self.stock(##""sku": {"type": "string"}"##, required: ["sku"]),
             ["public let sku: String",
              "self.sku = try container.decodeProperty(String.self, forKey: \"sku\")",
              "try container.encodeProperty(self.sku, forKey: \"sku\")"], ["case sku"]),
            ("decimal carried as a string",
             Self.stock(##""price": {"type": "string", "format": "decimal"}"##),
             ["public let price: Decimal?",
              "self.price = try container.decodePropertyIfPresent(DecimalString.self, forKey: \"price\").map { $0.value }",
              "try container.encodePropertyIfPresent(self.price.map { DecimalString($0) }, forKey: \"price\")"], ["public let price: Double?"]),
            ("decimal string with a pattern: written in a text the pattern accepts",
             Self.stock(##""price": {"type": "string", "format": "decimal", "pattern": "^[0-9]+\\.[0-9]{2}$"}"##, required: ["price"]),
             ["self.price = try container.decodeProperty(DecimalString.self, forKey: \"price\").value",
              #"try container.encodeProperty(DecimalString(self.price, matching: "^[0-9]+\\.[0-9]{2}$"), forKey: "price")"#], []),
            ("decimal carried as a number",
             Self.stock(##""amount": {"type": "number", "format": "decimal"}"##),
             ["public let amount: Decimal?",
              "self.amount = try container.decodePropertyIfPresent(Decimal.self, forKey: \"amount\")"],
             ["self.amount = try container.decodePropertyIfPresent(DecimalString"]),
            ("binary floating point only when the contract says number",
             Self.stock(##""ratio": {"type": "number"}"##),
             ["public let ratio: Double?"], []),
            ("date-time through RFC 3339",
             Self.stock(##""at": {"type": "string", "format": "date-time"}"##, required: ["at"]),
             ["public let at: Date",
              "self.at = try container.decodeProperty(RFC3339DateTime.self, forKey: \"at\").value",
              "try container.encodeProperty(RFC3339DateTime(self.at), forKey: \"at\")"], []),
            ("full-date and UUID are typed",
             Self.stock(##""day": {"type": "string", "format": "date"}, "id": {"type": "string", "format": "uuid"}, "link": {"type": "string", "format": "uri"}"##),
             ["public let day: CalendarDate?", "public let id: UUID?", "public let link: URL?",
              "self.id = try container.decodePropertyIfPresent(LowercaseUUID.self, forKey: \"id\").map { $0.value }"], []),
            ("required and nullable",
             Self.stock(##""note": {"type": ["string", "null"]}"##, required: ["note"]),
             ["public let note: String?",
              "self.note = try container.decodeNull(forKey: \"note\") ? nil : container.decodeProperty(String.self, forKey: \"note\")"], []),
            ("optional and nullable: absent and null kept apart",
             Self.stock(##""nick": {"type": ["string", "null"]}"##),
             ["public let nick: Nullable<String>?",
              "self.nick = try container.decodeNullableIfPresent(String.self, forKey: \"nick\")",
              "try container.encodeNullableIfPresent(self.nick, forKey: \"nick\")"], []),
            ("required property referencing a nullable object",
             Self.stock(##""maybe": {"$ref": "#/$defs/Maybe"}"##, required: ["maybe"],
                        defs: ##", "Maybe": {"type": ["object", "null"], "properties": {"a": {"type": "string"}}}"##),
             ["public let maybe: Maybe?",
              "self.maybe = try container.decodeNull(forKey: \"maybe\") ? nil : container.decodeProperty(Maybe.self, forKey: \"maybe\")"], []),
            ("keyword property",
             Self.stock(##""default": {"type": "string"}, "class": {"type": "string"}"##),
             ["public let `default`: String?", "public let `class`: String?",
              "self.`default` = try container.decodePropertyIfPresent(String.self, forKey: \"default\")",
              "self.`class` = try container.decodePropertyIfPresent(String.self, forKey: \"class\")",
              "`default`: String? = nil,"], []),
            ("property that cannot be a member name",
             Self.stock(##""self": {"type": "string"}, "init": {"type": "string"}"##),
             ["public let selfValue: String?", "public let initValue: String?",
              "self.selfValue = try container.decodePropertyIfPresent(String.self, forKey: \"self\")",
              "try container.encodePropertyIfPresent(self.initValue, forKey: \"init\")"], []),
            ("colliding member names get deterministic suffixes",
             Self.stock(##""on_hand": {"type": "integer"}, "onHand": {"type": "integer"}, "on-hand": {"type": "integer"}"##),
             ["public let onHand: Int?", "public let onHand2: Int?", "public let onHand3: Int?",
              "self.onHand = try container.decodePropertyIfPresent(Int.self, forKey: \"on_hand\")",
              "self.onHand2 = try container.decodePropertyIfPresent(Int.self, forKey: \"onHand\")",
              "self.onHand3 = try container.decodePropertyIfPresent(Int.self, forKey: \"on-hand\")"], []),
            ("equality and hashing over every stored member: storage of a boxed property, undeclared properties",
             ##"{"$defs": {"Node": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "next": {"$ref": "#/$defs/Node"}}, "additionalProperties": {"type": "string"}}}}"##,
             ["public static func == (lhs: Self, rhs: Self) -> Bool {",
              "guard Equality.same(lhs.id, rhs.id) else { return false }",
              "guard Equality.same(lhs._next, rhs._next) else { return false }",
              "guard Equality.same(lhs.additionalProperties, rhs.additionalProperties) else { return false }",
              "public func hash(into hasher: inout Hasher) {",
              "hasher.combine(self.id)", "hasher.combine(self._next)", "hasher.combine(self.additionalProperties)"],
             ["guard Equality.same(lhs.next, rhs.next)"]),
            ("deprecated property",
             Self.stock(##""old": {"type": "string", "deprecated": true}"##),
             ["@available(*, deprecated, message: \"Deprecated in the contract.\")", "public var old: String? { _old }", "let _old: String?"], []),
            ("deprecated type that nothing uses",
             ##"{"$defs": {"Legacy": {"type": "object", "deprecated": true, "properties": {"a": {"type": "string"}}}}}"##,
             ["@available(*, deprecated, message: \"Deprecated in the contract.\")",
              "public struct Legacy: Codable, Hashable, Sendable, Validatable {"], []),
            ("default values",
             Self.stock(##""qty": {"type": "integer", "default": 5}, "price": {"type": "string", "format": "decimal", "default": "19.99"}, "name": {"type": "string", "default": "a \"b\""}"##),
             ["qty: Int? = 5,", "price: Decimal? = Decimal(sign: .plus, exponent: -2, significand: 1999),", "name: String? = \"a \\\"b\\\"\""], []),
            ("required const is a computed property",
             Self.stock(##""kind": {"const": "stock"}"##, required: ["kind"]),
             ["public var kind: String { \"stock\" }"], []),
            ("containers",
             Self.stock(##""tags": {"type": "array", "items": {"type": "string"}}, "at": {"type": "array", "items": {"type": "string", "format": "date-time"}}"##),
             ["public let tags: [String]?", "public let at: [Date]?",
              "self.at = try container.decodePropertyIfPresent([RFC3339DateTime].self, forKey: \"at\").map { $0.map { $0.value } }"], []),
            ("undeclared properties kept in a map",
             ##"{"$defs": {"Stock": {"type": "object", "properties": {"sku": {"type": "string"}}, "additionalProperties": {"type": "integer"}}}}"##,
             ["public let additionalProperties: [String: Int]", "additionalProperties: [String: Int] = [:]"], []),
            ("inline object becomes a nested type named after the property",
             Self.stock(##""where": {"type": "object", "properties": {"x": {"type": "integer"}}}"##),
             ["public let `where`: Where?", "public struct Where: Codable, Hashable, Sendable, Validatable {"], []),
            ("string enum survives unknown values",
             ##"{"$defs": {"Fulfilment": {"type": "string", "enum": ["BOPIS", "SHIP_TO_HOME", "2-day", "ship-from-store"]}}}"##,
             ["public enum Fulfilment: Codable, Hashable, Sendable, RawRepresentable, Validatable {",
              "case bopis", "case shipToHome", "case _2Day", "case shipFromStore",
              "case unrecognized(String)",
              "case \"BOPIS\": self = .bopis", "case \"2-day\": self = ._2Day", "case .shipFromStore: return \"ship-from-store\"",
              "default: self = .unrecognized(rawValue)",
              "public static let knownCases: [Fulfilment] = [.bopis, .shipToHome, ._2Day, .shipFromStore]"], []),
            ("enum values that collide with generated members",
             ##"{"$defs": {"Odd": {"type": "string", "enum": ["unrecognized", "rawValue", "default"]}}}"##,
             ["case unrecognized2", "case rawValue2", "case `default`", "case \"unrecognized\": self = .unrecognized2"], []),
            // `none`/`some` are Optional's cases: `mode: .none` would mean nil wherever the enum is optional.
            ("enum values that Optional's cases would shadow",
             ##"{"$defs": {"Mode": {"type": "string", "enum": ["none", "some", "noneValue", "NONE"]}}}"##,
             ["case noneValue", "case someValue", "case noneValue2", "case noneValue3", "case \"none\": self = .noneValue",
              "case .someValue: return \"some\"", "case \"NONE\": self = .noneValue3"], ["case .none:", "case .some:"]),
            ("integer enum",
             ##"{"$defs": {"Priority": {"type": "integer", "enum": [1, 2]}}}"##,
             ["case _1", "case _2", "case unrecognized(Int)", "case 1: self = ._1", "case ._2: return 2"], []),
            ("negative integer value does not take the name of the positive one",
             ##"{"$defs": {"Offset": {"type": "integer", "enum": [-1, 1]}}}"##,
             ["case 1: self = ._1"], ["case -1: self = ._1"]),
            ("$defs entry that is a scalar becomes a typealias",
             ##"{"$defs": {"Sku": {"type": "string", "maxLength": 20}, "Skus": {"type": "array", "items": {"$ref": "#/$defs/Sku"}}}}"##,
             ["public typealias Sku = String", "public typealias Skus = [Sku]"], []),
            ("reserved type names get Model",
             ##"{"$defs": {"Date": {"type": "object", "properties": {"d": {"type": "string"}}}, "String": {"type": "string", "enum": ["a", "b"]}, "self": {"type": "object", "properties": {"a": {"type": "string"}}}, "Type": {"type": "string"}}}"##,
             ["public struct DateModel: Codable, Hashable, Sendable, Validatable {", "public enum StringModel: Codable, Hashable, Sendable, RawRepresentable, Validatable {",
              "public struct SelfModel: Codable, Hashable, Sendable, Validatable {", "public typealias TypeModel = String"],
             ["public struct Date:", "public enum String:", "public typealias Type ="]),
            ("a nested type never takes the name of a type it is nested in, nor a reserved one",
             ##"{"$defs": {"Order": {"type": "object", "properties": {"order": {"type": "object", "properties": {"id": {"type": "string"}}}, "codingKeys": {"type": "object", "properties": {"k": {"type": "string"}}}, "line": {"type": "object", "properties": {"order": {"type": "object", "properties": {"n": {"type": "integer"}}}, "line": {"type": "object", "properties": {"q": {"type": "integer"}}}}}, "string": {"type": "object", "properties": {"s": {"type": "string"}}}}}}}"##,
             ["public struct Order: Codable, Hashable, Sendable, Validatable {", "public struct OrderModel: Codable, Hashable, Sendable, Validatable {",
              "public struct CodingKeysModel: Codable, Hashable, Sendable, Validatable {", "public struct Line: Codable, Hashable, Sendable, Validatable {",
              "public struct LineModel: Codable, Hashable, Sendable, Validatable {", "public struct StringModel: Codable, Hashable, Sendable, Validatable {",
              "public let order: OrderModel?", "public let line: LineModel?"],
             ["public struct CodingKeys:", "public struct String:"]),
            ("union with an inferred discriminator",
             ##"{"$defs": {"Home": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "home"}}}, "Store": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "store"}}}, "Fulfilment": {"oneOf": [{"$ref": "#/$defs/Home"}, {"$ref": "#/$defs/Store"}]}}}"##,
             ["public enum Fulfilment: Codable, Hashable, Sendable, Validatable {",
              "case home(Home)", "case store(Store)", "case unrecognized(JSONValue)",
              "switch try container.decodeProperty(String.self, forKey: \"kind\") {",
              "case \"home\": self = .home(try Home(from: decoder))",
              "default: self = .unrecognized(try JSONValue(from: decoder))"], []),
            ("union with a discriminator the variants do not declare",
             ##"{"$defs": {"Pickup": {"type": "object", "properties": {"at": {"type": "string"}}}, "Courier": {"type": "object", "properties": {"by": {"type": "string"}}}, "Method": {"oneOf": [{"$ref": "#/$defs/Pickup"}, {"$ref": "#/$defs/Courier"}], "discriminator": {"propertyName": "method", "mapping": {"pickup": "Pickup", "courier": "Courier"}}}}}"##,
             ["case pickup(Pickup)", "case \"pickup\": self = .pickup(try Pickup(from: decoder))",
              "try container.encodeProperty(\"pickup\", forKey: \"method\")"], []),
            ("recursive record stores the property in a box",
             ##"{"$defs": {"Node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/Node"}}}}}"##,
             ["public var next: Node? { _next.value }", "private let _next: Indirect<Node?>"], ["set {"]),
            ("doc comments from title and description, unsafe characters shown",
             ##"{"$defs": {"Stock": {"title": "Stock level", "description": "Per location.\nNever negative \u202E here.", "type": "object", "properties": {"qty": {"description": "On-hand quantity */", "type": "integer"}}}}}"##,
             ["/// Stock level", "/// Per location.", "/// Never negative \\u{202E} here.", "/// - Schema: `a.json#/$defs/Stock`",
              "/// On-hand quantity */"], []),
            ("contract namespace and header",
             ##"{"x-contract": {"name": "inventory", "version": "2.1.0", "owner": {"team": "stock"}}, "$defs": {"Sku": {"type": "string"}}}"##,
             ["// Generated by Charter \(Charter.version) from a.json (inventory 2.1.0).", "public enum InventoryV2 {}", "extension InventoryV2 {",
              "/// - Contract: inventory 2.1.0, owned by stock", "import CharterRuntime"], []),
            // readOnly / writeOnly: required in one direction only, so optional in Swift; read and written only when
            // the coder's direction (set by the runtime's clients and providers) carries them.
            ("required readOnly property",
             Self.stock(##""id": {"type": "string", "format": "uuid", "readOnly": true}"##, required: ["id"]),
             ["/// Read-only: set by the provider, absent in requests.", "public let id: UUID?", "id: UUID? = nil",
              "self.id = try decoder.decodes(.readOnly, requiredKey: \"id\", in: container) ? try container.decodePropertyIfPresent(LowercaseUUID.self, forKey: \"id\").map { $0.value } : nil",
              "if try encoder.encodes(.readOnly, required: self.id, forKey: \"id\") { try container.encodePropertyIfPresent(self.id.map { LowercaseUUID($0) }, forKey: \"id\") }"],
             []),
            ("optional writeOnly property with a description",
             Self.stock(##""password": {"type": "string", "writeOnly": true, "description": "Never stored in clear."}"##),
             ["/// Never stored in clear.", "///", "/// Write-only: sent by clients, never in responses.", "public let password: String?",
              "self.password = decoder.decodes(.writeOnly) ? try container.decodePropertyIfPresent(String.self, forKey: \"password\") : nil",
              "if encoder.encodes(.writeOnly) { try container.encodePropertyIfPresent(self.password, forKey: \"password\") }"], []),
            ("required, nullable and readOnly: absent and null kept apart",
             Self.stock(##""closedAt": {"type": ["string", "null"], "format": "date-time", "readOnly": true}"##, required: ["closedAt"]),
             ["public let closedAt: Nullable<Date>?",
              "self.closedAt = try decoder.decodes(.readOnly, requiredKey: \"closedAt\", in: container) ? try container.decodeNullableIfPresent(RFC3339DateTime.self, forKey: \"closedAt\").map { $0.map { $0.value } } : nil"], []),
            ("required readOnly const is stored, not computed",
             Self.stock(##""kind": {"const": "stock", "readOnly": true}"##, required: ["kind"]),
             ["public let kind: String?",
              "if try encoder.encodes(.readOnly, required: self.kind, forKey: \"kind\") { try container.encodePropertyIfPresent(self.kind, forKey: \"kind\") }"],
             ["public var kind: String {"]),
        ]
        for row in rows {
            guard let files = ContractFixture(row.text).generate().value(row.label) else { continue }
            let lines = files.values.reduce(into: Set<String>()) { $0.formUnion(Self.trimmedLines($1)) }
            let missing = row.lines.filter { !lines.contains($0) }
            let unexpected = row.absent.filter { forbidden in lines.contains { $0.hasPrefix(forbidden) } }
            if !missing.isEmpty || !unexpected.isEmpty {
                XCTFail("""
                    \(row.label):
                    missing lines:
                    \(missing.map { "  " + $0 }.joined(separator: "\n"))
                    unexpected lines starting with:
                    \(unexpected.map { "  " + $0 }.joined(separator: "\n"))
                    generated:
                    \(files.keys.sorted().compactMap { files[$0] }.joined(separator: "\n"))
                    """)
            }
        }
    }

    /// Rows: access level → the modifier every generated declaration carries.
    func testAccessLevels() throws {
        let text = ##"{"$defs": {"Stock": {"type": "object", "properties": {"sku": {"type": "string"}}}, "Channel": {"type": "string", "enum": ["POS"]}, "Sku": {"type": "string"}}}"##
        let rows: [(level: SwiftAccessLevel, lines: [String], absent: String?)] = [
            (.public, ["public struct Stock: Codable, Hashable, Sendable, Validatable {", "public let sku: String?", "public typealias Sku = String"], nil),
            (.package, ["package struct Stock: Codable, Hashable, Sendable, Validatable {", "package let sku: String?", "package typealias Sku = String", "package enum A {}"], "public "),
            (.internal, ["struct Stock: Codable, Hashable, Sendable, Validatable {", "let sku: String?", "typealias Sku = String", "enum A {}",
                         "func collectIssues(at path: String, into issues: inout [ValidationIssue]) {}"], "public "),
        ]
        for row in rows {
            let files = try XCTUnwrap(ContractFixture(text).generate(swift: SwiftOptions(accessLevel: row.level)).value("\(row.level)"))
            let text = try XCTUnwrap(files["A.swift"], "files: \(files.keys)")
            let lines = Self.trimmedLines(text)
            for expected in row.lines {
                XCTAssertTrue(lines.contains(expected), "\(row.level): missing \(expected)")
            }
            if let absent = row.absent {
                XCTAssertFalse(text.contains(absent), "\(row.level): generated code contains \(absent.debugDescription)")
            }
        }
    }

    /// The runtime module is configurable.
    func testRuntimeModule() throws {
        let files = try XCTUnwrap(ContractFixture(##"{"$defs": {"Sku": {"type": "string"}}}"##).generate(swift: SwiftOptions(runtimeModule: "MyRuntime")).value("runtime"))
        XCTAssertTrue(files["A.swift"]?.contains("\nimport MyRuntime\n") == true)
    }

    /// Rows: files → the names of the generated files (one per contract major version, and one of adapters per
    /// contract given in several majors).
    func testFileNames() throws {
        let rows: [(label: String, fixture: ContractFixture, names: [String])] = [
            ("plain schema named after the file", ContractFixture(["pricing.schema.json": ##"{"$defs": {"P": {"type": "string"}}}"##]), ["Pricing.swift"]),
            ("titled schema", ContractFixture(["x.json": ##"{"title": "Order Lines", "$defs": {"P": {"type": "string"}}}"##]), ["OrderLines.swift"]),
            ("two majors side by side",
             ContractFixture(["v1.json": ##"{"x-contract": {"name": "inventory", "version": "1.4.0"}, "$defs": {"A": {"type": "string"}}}"##,
                              "v2.json": ##"{"x-contract": {"name": "inventory", "version": "2.0.0"}, "$defs": {"A": {"type": "string"}}}"##]),
             ["InventoryAdapters.swift", "InventoryV1.swift", "InventoryV2.swift"]),  // adapters: even with no type to adapt
            ("kebab-case contract name", ContractFixture(["a.json": ##"{"x-contract": {"name": "order-allocation", "version": "3.0.0"}}"##]),
             ["OrderAllocationV3.swift"]),
        ]
        for row in rows {
            guard let files = row.fixture.generate().value(row.label) else { continue }
            XCTAssertEqual(files.keys.sorted(), row.names, row.label)
        }
    }
}
