/// Turns names from contracts (wire names, `$defs` keys, titles) into idiomatic Swift identifiers.
///
/// The rules, in order:
/// 1. Split into words at every character that cannot appear in a Swift identifier, at lower→upper
///    case changes (`onHand` → `on`, `Hand`) and at the end of an acronym run (`HTTPStatus` → `HTTP`, `Status`).
///    A name with no lowercase letter at all (`SHIP_TO_HOME`) is lowercased first.
/// 2. Join as UpperCamelCase (types) or lowerCamelCase (members); a leading acronym of a member is lowercased
///    (`HTTPStatus` → `httpStatus`), later acronyms are kept (`userID` → `userID`).
/// 3. A name that starts with a digit gets a leading underscore (`2-day` → `_2Day`).
/// 4. A name with no usable characters (empty, emoji, punctuation) becomes `unnamed`.
/// Keywords are escaped separately (``SwiftIdentifier/escaped(_:)``); collisions are resolved by ``NameScope``.
public enum SwiftIdentifier {
    /// The words of a name, split as described on ``SwiftIdentifier``.
    public static func words(_ raw: String) -> [String] {
        raw.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(Array(raw.utf8)) : scalarWords(raw)
    }

    /// ``words(_:)`` on Unicode scalars: the general case.
    static func scalarWords(_ raw: String) -> [String] {
        let hasLower = raw.unicodeScalars.contains { isLower($0) }
        let source = hasLower ? raw : raw.lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        let scalars = Array(source.unicodeScalars)
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for (index, scalar) in scalars.enumerated() {
            guard isIdentifierScalar(scalar) else {
                flush()
                previous = nil
                continue
            }
            if let prev = previous {
                let upper = isUpper(scalar)
                if upper && (isLower(prev) || isDigit(prev)) {
                    flush()
                } else if upper && isUpper(prev), index + 1 < scalars.count,
                    isLower(scalars[index + 1])
                {
                    flush()
                }
            }
            current.append(scalar)
            previous = scalar
        }
        flush()
        return words
    }

    /// ``words(_:)`` for ASCII input (nearly every name), on bytes: the same rules, without the cost of
    /// Unicode scalar views and `Character` case mapping.
    static func asciiWords(_ raw: [UInt8]) -> [String] {
        let source = raw.contains(where: isASCIILower) ? raw : raw.map { isASCIIUpper($0) ? $0 + 0x20 : $0 }
        var words: [String] = []
        var start: Int?
        for index in source.indices {
            let byte = source[index]
            guard isASCIILower(byte) || isASCIIUpper(byte) || isASCIIDigit(byte) else {
                if let first = start { words.append(String(decoding: source[first..<index], as: UTF8.self)) }
                start = nil
                continue
            }
            if let first = start, index > first {
                let previous = source[index - 1]
                let upper = isASCIIUpper(byte)
                if upper && (isASCIILower(previous) || isASCIIDigit(previous))
                    || upper && isASCIIUpper(previous) && index + 1 < source.count && isASCIILower(source[index + 1])
                {
                    words.append(String(decoding: source[first..<index], as: UTF8.self))
                    start = index
                }
            } else if start == nil {
                start = index
            }
        }
        if let first = start { words.append(String(decoding: source[first...], as: UTF8.self)) }
        return words
    }

    /// An UpperCamelCase type name for `raw` (not keyword-escaped).
    public static func typeName(_ raw: String) -> String {
        let parts = words(raw)
        guard !parts.isEmpty else { return "Unnamed" }
        let joined = parts.map(capitalized).joined()
        return guardLeadingDigit(joined)
    }

    /// A lowerCamelCase member name for `raw` (not keyword-escaped).
    public static func memberName(_ raw: String) -> String {
        let parts = words(raw)
        guard let first = parts.first else { return "unnamed" }
        let head = isAcronym(first) ? first.lowercased() : lowercasedFirst(first)
        let joined = head + parts.dropFirst().map(capitalized).joined()
        return guardLeadingDigit(joined)
    }

    /// `name` wrapped in backticks when it is a Swift keyword, else `name` unchanged.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// `name` without the backticks ``escaped(_:)`` may have added.
    static func unescaped(_ name: String) -> String {
        name.utf8.first == UInt8(ascii: "`") ? String(name.dropFirst().dropLast()) : name
    }

    /// Names that cannot be used for a member even with backticks (or would be confusing); they get a `Value` suffix.
    public static let unusableMemberNames: Set<String> = ["init", "self", "Self", "Type", "Protocol", "deinit", "subscript", "_"]

    /// Swift's reserved words, which must be escaped with backticks when used as identifiers.
    public static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_", "Type", "Protocol", "package", "some", "any", "macro", "actor",
    ]

    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isASCIILower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    static func isASCIIUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && isASCIIDigit(UInt8(scalar.value)) }

    /// Lowercase, with an ASCII fast path (names are almost always ASCII).
    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isASCIILower(UInt8(scalar.value)) : scalar.properties.isLowercase
    }

    /// Uppercase, with an ASCII fast path.
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isASCIIUpper(UInt8(scalar.value)) : scalar.properties.isUppercase
    }

    /// Whether a scalar may appear in a generated identifier: ASCII letters and digits, and letters of
    /// scripts Swift accepts in identifiers. Everything else (punctuation, emoji, format and control
    /// characters such as bidi overrides) separates words.
    static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if scalar.isASCII {
            let byte = UInt8(v)
            return isASCIIDigit(byte) || isASCIIUpper(byte) || isASCIILower(byte)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter:
            return (0xC0...0x1FFF).contains(v) || (0x3040...0xD7FF).contains(v) || (0xF900...0xFD3D).contains(v)
                || (0x10000...0x1FFFD).contains(v)
        default:
            return false
        }
    }

    static func isAcronym(_ word: String) -> Bool {
        word.unicodeScalars.count > 1 && !word.unicodeScalars.contains { isLower($0) }
            && word.unicodeScalars.contains { isUpper($0) }
    }

    static func capitalized(_ word: String) -> String {
        // Words hold letters and digits only, so an ASCII first scalar is a whole `Character`.
        if let byte = word.utf8.first, byte < 0x80 {
            return isASCIILower(byte) ? String(Unicode.Scalar(byte - 0x20)) + word.dropFirst() : word
        }
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    static func lowercasedFirst(_ word: String) -> String {
        if let byte = word.utf8.first, byte < 0x80 {
            return isASCIIUpper(byte) ? String(Unicode.Scalar(byte + 0x20)) + word.dropFirst() : word
        }
        guard let first = word.first else { return word }
        return first.lowercased() + word.dropFirst()
    }

    static func guardLeadingDigit(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, isDigit(first) else { return name }
        return "_" + name
    }
}
