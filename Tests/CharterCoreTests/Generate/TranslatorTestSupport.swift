import XCTest
@testable import CharterCore

extension IRModule {
    /// The first declaration with this contract name.
    func decl(_ name: String) -> IRTypeDecl? { types.first { $0.name == name } }

    /// A type use written compactly for tables: `Stock`, `string`, `int32`, `[string]`, `[String: int]`, `string?`, `any`.
    func describe(_ type: IRTypeRef) -> String {
        switch type {
        case .named(let id): return self[id].name
        case .primitive(let primitive):
            switch primitive {
            case .string: return "string"
            case .boolean: return "bool"
            case .integer(let bits): return bits.map { "int\($0)" } ?? "int"
            case .double: return "double"
            case .decimal(let asString): return asString ? "decimalString" : "decimalNumber"
            case .dateTime: return "dateTime"
            case .date: return "date"
            case .uuid: return "uuid"
            case .uri: return "uri"
            case .null: return "null"
            }
        case .array(let element): return "[\(describe(element))]"
        case .map(let value): return "[String: \(describe(value))]"
        case .any: return "any"
        case .optional(let wrapped): return "\(describe(wrapped))?"
        }
    }

    /// What kind of declaration a type is: `object`, `enum`, `union` or `alias`.
    func kind(_ name: String) -> String? {
        guard let decl = decl(name) else { return nil }
        switch decl.kind {
        case .object: return "object"
        case .enumeration: return "enum"
        case .union: return "union"
        case .alias: return "alias"
        }
    }
}
