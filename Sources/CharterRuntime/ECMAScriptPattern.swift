/// Rewrites a JSON Schema `pattern` — an ECMA-262 regular expression, read with the `u` flag — into the ICU
/// syntax `NSRegularExpression` compiles, so that it matches the same strings as in JavaScript and the other
/// validators of an estate.
///
/// The two dialects agree on most of what contracts write; where they differ, ICU is the looser one, and a value
/// Swift accepted would be refused elsewhere:
///
/// | ECMA-262 | ICU, as written | rewritten to |
/// |---|---|---|
/// | `$` is the end of the input | also matches before a final line break (`"SKU1\n"` passed `^[A-Z0-9]+$`) | `\z` |
/// | `\d`, `\w`, `\b` are ASCII | Unicode digits and letters (`"١٢٣"` passed `^\d+$`) | `[0-9]`, `[A-Za-z0-9_]`, lookarounds |
/// | `\s` is ECMA's white space and line terminators | Unicode `\p{Z}` and some controls | the ECMA set, listed |
/// | `.` excludes `\n`, `\r`, U+2028, U+2029 only | also excludes U+0085 | that class |
/// | `[` inside a class is a literal; `&&` is two characters | a nested set; an intersection | `\[`, `\&` |
/// | `[]` matches nothing, `[^]` any character | compile errors | `(?!)`, `[\s\S]` |
/// | `\u{1F600}` | `\x{1F600}` | `\x{…}` |
///
/// Everything else is copied as written (escapes included), so an expression either dialect refuses is still
/// refused.
enum ECMAScriptPattern {
    /// ECMA-262's `WhiteSpace` and `LineTerminator` code points, as ICU class content.
    private static let space = #"\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"#
    private static let word = "A-Za-z0-9_"
    private static let wordBoundary = "(?:(?<=[\(word)])(?![\(word)])|(?<![\(word)])(?=[\(word)]))"
    private static let notWordBoundary = "(?:(?<=[\(word)])(?=[\(word)])|(?<![\(word)])(?![\(word)]))"

    /// The ICU spelling of `pattern`.
    static func icu(_ pattern: String) -> String {
        let scalars = Array(pattern.unicodeScalars)
        var out = ""
        out.reserveCapacity(pattern.utf8.count + 16)
        var index = 0
        var inClass = false
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\\", index < scalars.count {
                let escaped = scalars[index]
                index += 1
                out += escape(escaped, inClass: inClass, scalars, &index)
                continue
            }
            if inClass {
                switch scalar {
                case "]": inClass = false; out += "]"
                case "[": out += #"\["#
                case "&": out += #"\&"#
                default: out.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "$": out += #"\z"#
            case ".": out += #"[^\n\r\x{2028}\x{2029}]"#
            case "[":
                let negated = index < scalars.count && scalars[index] == "^"
                let start = negated ? index + 1 : index
                if start < scalars.count, scalars[start] == "]" {
                    // `[]` can never match; `[^]` matches any character.
                    out += negated ? #"[\s\S]"# : "(?!)"
                    index = start + 1
                } else {
                    out += negated ? "[^" : "["
                    index = start
                    inClass = true
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The ICU spelling of `\` followed by `escaped` (`index` is past it; a `\u{…}` consumes its braces).
    private static func escape(_ escaped: Unicode.Scalar, inClass: Bool, _ scalars: [Unicode.Scalar], _ index: inout Int) -> String {
        switch escaped {
        case "d": return inClass ? "0-9" : "[0-9]"
        case "D": return "[^0-9]"
        case "w": return inClass ? word : "[\(word)]"
        case "W": return "[^\(word)]"
        case "s": return inClass ? space : "[\(space)]"
        case "S": return "[^\(space)]"
        case "b": return inClass ? #"\x{08}"# : wordBoundary
        case "B" where !inClass: return notWordBoundary
        case "u" where index < scalars.count && scalars[index] == "{":
            guard let close = scalars[index...].firstIndex(of: "}") else { return #"\u"# }
            let digits = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            index = close + 1
            return #"\x{"# + digits + "}"
        default:
            var text = #"\"#
            text.unicodeScalars.append(escaped)
            return text
        }
    }
}
