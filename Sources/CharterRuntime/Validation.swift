/// Constraint checks that generated `collectIssues(at:into:)` methods call.
///
/// Each check appends a ``ValidationIssue`` (JSON Schema keyword, JSON pointer,
/// message) to `issues` when the constraint is violated and does nothing
/// otherwise. No check traps, whatever its arguments.
public enum Validation {
    /// The JSON pointer of member `token` under `base`, escaping `~` as `~0`
    /// and `/` as `~1` (RFC 6901): `path("/lines", "a/b")` is `/lines/a~1b`.
    public static func path(_ base: String, _ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return base + "/" + token
        }
        var escaped = ""
        escaped.reserveCapacity(token.utf8.count + 4)
        for character in token.unicodeScalars {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return base + "/" + escaped
    }

    /// The JSON pointer of array element `index` under `base`: `/lines/0`.
    public static func path(_ base: String, _ index: Int) -> String {
        base + "/" + String(index)
    }

    // MARK: - const and enum

    /// `const`: `value` must equal `expected`.
    public static func constValue<T: Equatable>(
        _ value: T, _ expected: T, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard value != expected else { return }
        issues.append(ValidationIssue(path: path, keyword: "const", message: "must be \(expected)"))
    }

    /// `enum`: `value` must be one of `allowed`.
    public static func enumValue<T: Equatable>(
        _ value: T, _ allowed: [T], at path: String, into issues: inout [ValidationIssue]
    ) {
        guard !allowed.contains(value) else { return }
        let list = allowed.map { "\($0)" }.joined(separator: ", ")
        issues.append(ValidationIssue(path: path, keyword: "enum", message: "must be one of: \(list)"))
    }
}
