import Foundation

/// Swift expressions for contract values: `default`s in initialisers and `const`s in accessors.
struct SwiftValueLiterals {
    let module: IRModule
    let members: SwiftMembers

    /// A Swift expression of type `type` for the JSON `value`, or nil when it cannot be written exactly
    /// (the default is then not applied, rather than approximated).
    func literal(_ value: JSONNode, as type: IRTypeRef) -> String? {
        switch type {
        case .primitive(let primitive): return literal(value, as: primitive)
        case .named(let id):
            switch module[id].kind {
            case .alias(let target, _): return literal(value, as: target)
            case .enumeration(let enumeration):
                let text: String?
                if enumeration.isString {
                    text = value.string
                } else if case .number(let number) = value.value, let int = number.intValue {
                    text = String(int)
                } else {
                    text = nil
                }
                guard let text else { return nil }
                // Code point by code point, as JSON compares: a value canonically equivalent to a case is not that case.
                if let index = enumeration.cases.firstIndex(where: { ExactString.equal($0.value, text) }) {
                    // Never `.none`/`.some`, which would mean Optional's cases where an optional is expected.
                    return "." + members.caseNames(of: id)[index]
                }
                return enumeration.isString ? ".unrecognized(\(SwiftLiteral.string(text)))" : ".unrecognized(\(text))"
            case .union:
                // A union that allows `null` has a case for it.
                guard value.isNull, let null = members.nullCaseName(of: id) else { return nil }
                return "." + null
            case .object: return nil
            }
        case .array(let element):
            guard let items = value.array else { return nil }
            let parts = items.map { literal($0, as: element) }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return "[" + parts.compactMap { $0 }.joined(separator: ", ") + "]"
        case .map(let valueType):
            guard let object = value.object else { return nil }
            if object.isEmpty { return "[:]" }
            let parts = object.members.map { member in literal(member.value, as: valueType).map { "\(SwiftLiteral.string(member.key)): \($0)" } }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return "[" + parts.compactMap { $0 }.joined(separator: ", ") + "]"
        case .optional(let wrapped):
            return value.isNull ? "nil" : literal(value, as: wrapped)
        case .any:
            return jsonValueLiteral(value)
        }
    }

    private func literal(_ value: JSONNode, as primitive: IRPrimitive) -> String? {
        switch (primitive, value.value) {
        case (.string, .string(let text)): return SwiftLiteral.string(text)
        case (.boolean, .bool(let flag)): return flag ? "true" : "false"
        case (.integer, .number(let number)):
            guard number.isInteger, let int = number.intValue else { return nil }
            return String(int)
        case (.double, .number(let number)):
            return number.doubleValue.isFinite ? Self.swiftFloatLiteral(number.literal) : nil
        case (.decimal(let asString), _):
            let text: String?
            if case .number(let number) = value.value, !asString { text = number.literal } else { text = value.string }
            guard let text, JSONNumber(literal: text) != nil else { return nil }
            return Self.decimalExpression(text)
        case (.date, .string(let text)):
            // The literal is checked here so the force-unwrap in generated code cannot fail.
            return InstanceFormat.isFullDate(text) ? "CalendarDate(\(SwiftLiteral.string(text)))!" : nil
        case (.uuid, .string(let text)):
            return UUID(uuidString: text) != nil ? "UUID(uuidString: \(SwiftLiteral.string(text)))!" : nil
        case (.null, .null): return "JSONNull()"
        case (.uri, .string(let text)):
            // What `AbsoluteURL` decodes (the same `URISyntax`): an absolute URI that `URL` keeps as written.
            return URISyntax.parse(text) != nil ? "URL(string: \(SwiftLiteral.string(text)))!" : nil
        default:
            return nil
        }
    }

    /// A JSON number literal as a Swift floating-point literal (`1` → `1.0`).
    static func swiftFloatLiteral(_ literal: String) -> String {
        literal.contains(".") || literal.contains("e") || literal.contains("E") ? literal : literal + ".0"
    }

    /// An exact `Decimal` expression for a JSON number literal, never through `Double`.
    static func decimalExpression(_ literal: String) -> String {
        var text = literal
        var sign = ".plus"
        if text.hasPrefix("-") {
            sign = ".minus"
            text.removeFirst()
        }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        if let dot = text.firstIndex(of: ".") {
            exponent -= text.distance(from: dot, to: text.endIndex) - 1
            text.remove(at: dot)
        }
        while text.count > 1 && text.hasPrefix("0") { text.removeFirst() }
        guard text.count <= 18, let significand = UInt64(text), abs(exponent) < 100 else {
            return "Decimal(string: \(SwiftLiteral.string(literal)))!"
        }
        if exponent == 0 { return sign == ".minus" ? "-\(significand)" : "\(significand)" }
        return "Decimal(sign: \(sign), exponent: \(exponent), significand: \(significand))"
    }

    /// A `JSONValue` literal (the runtime type is expressible by every JSON literal).
    func jsonValueLiteral(_ value: JSONNode) -> String? {
        switch value.value {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return SwiftLiteral.string(text)
        case .number(let number):
            if number.isInteger, let int = number.intValue { return String(int) }
            return number.decimalValue != nil ? "JSONValue.number(\(Self.decimalExpression(number.literal)))" : nil
        case .array(let items):
            let parts = items.map(jsonValueLiteral)
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return "[" + parts.compactMap { $0 }.joined(separator: ", ") + "] as JSONValue"
        case .object(let object):
            if object.isEmpty { return "[:] as JSONValue" }
            let parts = object.members.map { member in jsonValueLiteral(member.value).map { "\(SwiftLiteral.string(member.key)): \($0)" } }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return "[" + parts.compactMap { $0 }.joined(separator: ", ") + "] as JSONValue"
        }
    }
}
