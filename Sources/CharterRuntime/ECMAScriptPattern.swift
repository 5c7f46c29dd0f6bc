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
/// | `\v` is U+000B; `\0` is NUL | `\v` is any vertical space; `\0` starts an octal escape | `\x{0B}`, `\x{00}` |
/// | `.` excludes `\n`, `\r`, U+2028, U+2029 only | also excludes U+0085 | that class |
/// | in a class, `[` and `&` are characters and `--` is two hyphens | a nested set, an intersection, a difference | escaped |
/// | `[]` matches nothing, `[^]` any character | compile errors | `[^\s\S]`, `[\s\S]` |
/// | group names are any identifier (`(?<first_name>…)`) | ASCII letters and digits only | renamed `g1`, `g2`, … |
/// | `\u{1F600}` | `\x{1F600}` | `\x{…}` |
///
/// Everything else is copied as written. What ICU alone accepts (`(?i)`, `\A`, possessive quantifiers, `\Q…\E`) is
/// not refused here: such a pattern is not valid JSON Schema, and behaves as ICU reads it; `charter lint` reports it
/// (`pattern-compiles`, which checks ECMA-262's grammar). What ICU cannot express (a lookbehind of unbounded length,
/// a backreference before its group) does not compile, and validation reports the pattern as one it cannot check.
enum ECMAScriptPattern {
    /// ECMA-262's `WhiteSpace` and `LineTerminator` code points, as ICU class content.
    private static let space = #"\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"#
    private static let word = "A-Za-z0-9_"
    private static let wordBoundary = "(?:(?<=[\(word)])(?![\(word)])|(?<![\(word)])(?=[\(word)]))"
    private static let notWordBoundary = "(?:(?<=[\(word)])(?=[\(word)])|(?<![\(word)])(?![\(word)]))"

    /// The ICU spelling of `pattern`.
    static func icu(_ pattern: String) -> String {
        var rewriter = Rewriter(scalars: Array(pattern.unicodeScalars))
        return rewriter.run()
    }

    /// One pass over a pattern.
    private struct Rewriter {
        let scalars: [Unicode.Scalar]
        var index = 0
        var out = ""
        /// Group names in order of appearance, and the ICU names they get.
        var groupNames: [String: String] = [:]
        /// Inside a character class: whether the last thing read was an atom a range may start from, and whether a
        /// range's `-` was just read (the next atom ends it).
        var inClass = false
        var rangeCanStart = false
        var rangeOpen = false

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        mutating func run() -> String {
            out.reserveCapacity(scalars.count + 16)
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == "\\", index < scalars.count {
                    let escaped = scalars[index]
                    index += 1
                    let text = escape(escaped)
                    if inClass { classAtom(text, rangeEndpoint: !Self.classEscapes.contains(escaped)) } else { out += text }
                    continue
                }
                if inClass { classCharacter(scalar) } else { outside(scalar) }
            }
            return out
        }

        /// The ICU name of the group named `name`: `g1`, `g2`, … in order of appearance (ICU accepts only ASCII
        /// letters and digits in a name; ECMA-262 any identifier).
        mutating func groupName(_ name: String) -> String {
            if let known = groupNames[name] { return known }
            let icuName = "g\(groupNames.count + 1)"
            groupNames[name] = icuName
            return icuName
        }

        /// A character outside a class.
        mutating func outside(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "$": out += #"\z"#
            case ".": out += #"[^\n\r\x{2028}\x{2029}]"#
            case "[":
                let negated = index < scalars.count && scalars[index] == "^"
                let start = negated ? index + 1 : index
                if start < scalars.count, scalars[start] == "]" {
                    // `[]` can never match; `[^]` matches any character. Both stay classes, so a quantifier may follow.
                    out += negated ? #"[\s\S]"# : #"[^\s\S]"#
                    index = start + 1
                } else {
                    out += negated ? "[^" : "["
                    index = start
                    inClass = true
                    rangeCanStart = false
                    rangeOpen = false
                }
            case "(":
                // A named group: `(?<name>`, not a lookbehind `(?<=` / `(?<!`.
                if index + 1 < scalars.count, scalars[index] == "?", scalars[index + 1] == "<",
                    let close = scalars[(index + 2)...].firstIndex(of: ">"),
                    index + 2 < scalars.count, scalars[index + 2] != "=", scalars[index + 2] != "!"
                {
                    let name = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                    out += "(?<\(groupName(name))>"
                    index = close + 1
                } else {
                    out += "("
                }
            default: out.unicodeScalars.append(scalar)
            }
        }

        /// A character inside a class.
        mutating func classCharacter(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "]":
                inClass = false
                out += "]"
            case "-" where rangeCanStart && index < scalars.count && scalars[index] != "]":
                // The range operator: `a-z`.
                out += "-"
                rangeCanStart = false
                rangeOpen = true
            case "-": classAtom(#"\-"#, rangeEndpoint: true)  // a hyphen itself: escaped, so ICU never reads `--`
            case "[": classAtom(#"\["#, rangeEndpoint: true)
            case "&": classAtom(#"\&"#, rangeEndpoint: true)
            default:
                var text = ""
                text.unicodeScalars.append(scalar)
                classAtom(text, rangeEndpoint: true)
            }
        }

        /// Writes one class atom and notes whether a range may start from it.
        mutating func classAtom(_ text: String, rangeEndpoint: Bool) {
            out += text
            if rangeOpen {
                rangeOpen = false
                rangeCanStart = false
            } else {
                rangeCanStart = rangeEndpoint
            }
        }

        /// The ICU spelling of `\` followed by `escaped` (`index` is past it; `\u{…}` and `\k<…>` consume the rest).
        mutating func escape(_ escaped: Unicode.Scalar) -> String {
            switch escaped {
            case "d": return inClass ? "0-9" : "[0-9]"
            case "D": return "[^0-9]"
            case "w": return inClass ? ECMAScriptPattern.word : "[\(ECMAScriptPattern.word)]"
            case "W": return "[^\(ECMAScriptPattern.word)]"
            case "s": return inClass ? ECMAScriptPattern.space : "[\(ECMAScriptPattern.space)]"
            case "S": return "[^\(ECMAScriptPattern.space)]"
            case "b": return inClass ? #"\x{08}"# : ECMAScriptPattern.wordBoundary
            case "B" where !inClass: return ECMAScriptPattern.notWordBoundary
            case "v": return #"\x{0B}"#
            case "0" where index >= scalars.count || !("0"..."9").contains(scalars[index]): return #"\x{00}"#
            case "u" where index < scalars.count && scalars[index] == "{":
                guard let close = scalars[index...].firstIndex(of: "}") else { return #"\u"# }
                let digits = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                index = close + 1
                return #"\x{"# + digits + "}"
            case "k" where !inClass && index < scalars.count && scalars[index] == "<":
                guard let close = scalars[index...].firstIndex(of: ">") else { return #"\k"# }
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                index = close + 1
                // A reference before its group keeps its name: ICU refuses a backreference before its group whatever it
                // is called, so the pattern does not compile (validation reports it as one it cannot check).
                return #"\k<"# + (groupNames[name] ?? name) + ">"
            default:
                var text = #"\"#
                text.unicodeScalars.append(escaped)
                return text
            }
        }

        /// Escapes that stand for a set of characters, which cannot start or end a range.
        static let classEscapes: Set<Unicode.Scalar> = ["d", "D", "w", "W", "s", "S", "p", "P"]
    }
}
