/// Renders text safely into generated Swift: string literals and doc comments that no contract text can break out of.
public enum SwiftLiteral {
    /// A Swift string literal (`"…"`) holding exactly `text`.
    ///
    /// Backslashes, quotes and every control, format (bidi), separator, private-use, surrogate and unassigned
    /// scalar are escaped, so the literal can neither terminate early, interpolate (`\(`), nor hide code.
    public static func string(_ text: String) -> String {
        // Fast path: printable ASCII without `\` or `"` (nearly every wire name) is written as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if needsEscape(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// Whether a scalar must be written as `\u{…}` in a literal or replaced in a comment.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || scalar.value == 0x7F { return true }
        if scalar.value < 0x80 { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }

    /// The lines of a `///` doc comment for `text`: split at every line break, unsafe scalars shown as `\u{…}`,
    /// trailing blank lines removed. Nothing in `text` can end the comment early.
    public static func commentLines(_ text: String) -> [String] {
        // Fast path: one line of printable ASCII (most titles and descriptions) needs only trimming.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var line = Substring(text)
            while line.last == " " { line.removeLast() }
            return line.isEmpty ? [] : [String(line)]
        }
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x85 {
                lines.append(current)
                current = ""
                continue
            }
            if scalar == "\t" {
                current += "    "
            } else if needsEscape(scalar) {
                current += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(current)
        lines = lines.map { line in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines
    }
}
