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
        isASCII(raw) ? asciiWords(Array(raw.utf8)) : scalarWords(raw)
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
        let source = asciiSource(raw)
        return asciiWordRanges(source).map { String(decoding: source[$0], as: UTF8.self) }
    }

    /// Whether `raw` is ASCII, so the byte-level paths apply (nearly every name).
    static func isASCII(_ raw: String) -> Bool { raw.utf8.allSatisfy { $0 < 0x80 } }

    /// The bytes words are taken from: lowercased when the name has no lowercase letter at all.
    static func asciiSource(_ raw: [UInt8]) -> [UInt8] {
        raw.contains(where: isASCIILower) ? raw : raw.map { isASCIIUpper($0) ? $0 + 0x20 : $0 }
    }

    /// Where the words of ASCII `source` (see ``asciiSource(_:)``) lie, in order.
    static func asciiWordRanges(_ source: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for index in source.indices {
            let byte = source[index]
            guard isASCIILower(byte) || isASCIIUpper(byte) || isASCIIDigit(byte) else {
                if let first = start { words.append(first..<index) }
                start = nil
                continue
            }
            if let first = start, index > first {
                let previous = source[index - 1]
                let upper = isASCIIUpper(byte)
                if upper && (isASCIILower(previous) || isASCIIDigit(previous))
                    || upper && isASCIIUpper(previous) && index + 1 < source.count && isASCIILower(source[index + 1])
                {
                    words.append(first..<index)
                    start = index
                }
            } else if start == nil {
                start = index
            }
        }
        if let first = start { words.append(first..<source.count) }
        return words
    }

    /// ``typeName(_:)`` (`member` false) or ``memberName(_:)`` (`member` true) of an ASCII name, written
    /// byte by byte from the word ranges instead of joining word strings: naming was 2.6% of a run at
    /// 100 types. `nil` when the name has no words.
    static func asciiName(_ raw: [UInt8], member: Bool) -> String? {
        let source = asciiSource(raw)
        let words = asciiWordRanges(source)
        guard let head = words.first else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(source.count + 1)
        if isASCIIDigit(source[head.lowerBound]) { out.append(UInt8(ascii: "_")) }
        for (offset, range) in words.enumerated() {
            let word = source[range]
            if member && offset == 0 {
                // A leading acronym is lowercased whole (`HTTPStatus` → `httpStatus`), any other first word
                // only at its first letter.
                let acronym = word.count > 1 && !word.contains(where: isASCIILower) && word.contains(where: isASCIIUpper)
                for (position, byte) in word.enumerated() {
                    out.append(isASCIIUpper(byte) && (acronym || position == 0) ? byte + 0x20 : byte)
                }
            } else {
                let first = word[word.startIndex]
                out.append(isASCIILower(first) ? first - 0x20 : first)
                out.append(contentsOf: word.dropFirst())
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An UpperCamelCase type name for `raw` (not keyword-escaped).
    public static func typeName(_ raw: String) -> String {
        if isASCII(raw) { return asciiName(Array(raw.utf8), member: false) ?? "Unnamed" }
        return scalarName(raw, member: false)
    }

    /// A lowerCamelCase member name for `raw` (not keyword-escaped).
    public static func memberName(_ raw: String) -> String {
        if isASCII(raw) { return asciiName(Array(raw.utf8), member: true) ?? "unnamed" }
        return scalarName(raw, member: true)
    }

    /// ``typeName(_:)`` or ``memberName(_:)`` on Unicode scalars: the general case.
    static func scalarName(_ raw: String, member: Bool) -> String {
        let parts = scalarWords(raw)
        guard let first = parts.first else { return member ? "unnamed" : "Unnamed" }
        let head = !member ? capitalized(first) : isAcronym(first) ? first.lowercased() : lowercasedFirst(first)
        return guardLeadingDigit(head + parts.dropFirst().map(capitalized).joined())
    }

    /// `name` wrapped in backticks when it is a Swift keyword, else `name` unchanged.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// `name` without the backticks ``escaped(_:)`` may have added.
    static func unescaped(_ name: String) -> String {
        name.utf8.first == UInt8(ascii: "`") ? String(name.dropFirst().dropLast()) : name
    }

    /// A member name as an argument label at a call site: without backticks, which Swift does not need there
    /// (and warns about) for any keyword but `inout`, `var` and `let`.
    static func argumentLabel(_ name: String) -> String {
        let bare = unescaped(name)
        return ["inout", "var", "let"].contains(bare) ? name : bare
    }

    /// Names that cannot be used for a member even with backticks (or would be confusing); they get a `Value` suffix.
    public static let unusableMemberNames: Set<String> = ["init", "self", "Self", "Type", "Protocol", "deinit", "subscript", "_"]

    /// Names an enum or union case cannot take either: besides ``unusableMemberNames``, `none` and `some`, which are
    /// `Optional`'s cases. Wherever an optional of the enum is expected, `.none` means nil (`Batch(mode: .none)` sends
    /// no mode, and `case .none:` matches a missing one), so such a case gets the `Value` suffix too (`noneValue`);
    /// its wire value is unchanged.
    public static let unusableCaseNames: Set<String> = unusableMemberNames.union(["none", "some"])

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
