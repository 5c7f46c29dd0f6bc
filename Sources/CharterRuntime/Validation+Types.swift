import Foundation

extension Validation {
    /// `type` on a free-form value: `value` must be of one of the JSON types `allowed` names (`"null"`, `"boolean"`,
    /// `"object"`, `"array"`, `"number"`, `"string"`, `"integer"`). An integer is a number with no fractional part,
    /// whatever its size or how it was written (`1.0` and `1e30` are integers), and is also a number.
    public static func type(_ value: JSONValue, _ allowed: [String], at path: String, into issues: inout [ValidationIssue]) {
        let kind = jsonType(of: value)
        if allowed.contains(kind) { return }
        if kind == "integer" && allowed.contains("number") { return }
        if kind == "number", allowed.contains("integer"), case .number(let number) = value, isIntegral(number) { return }
        issues.append(ValidationIssue(
            path: path, keyword: "type", message: "must be \(allowed.joined(separator: " or ")) (is \(kind))"))
    }

    /// The JSON type of a value: `integer` for ``JSONValue/integer(_:)`` (a whole number within `Int64`), `number` for
    /// any other number.
    static func jsonType(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Whether a decimal has no fractional part.
    static func isIntegral(_ number: Decimal) -> Bool {
        guard number.isFinite else { return false }
        var value = number
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == number
    }
}
