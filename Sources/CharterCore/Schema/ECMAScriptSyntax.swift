/// Checks a `pattern` against ECMA-262's grammar for regular expressions read with the `u` flag — the dialect JSON
/// Schema specifies, and the one JavaScript, Python's and Rust's JSON Schema validators and the other tools of an
/// estate compile a contract's patterns in.
///
/// Generated validation rewrites a pattern for ICU (`ECMAScriptPattern`) and compiles it there, and ICU accepts a
/// good deal that ECMA-262 refuses: inline flags (`(?i)`), `\A` and `\Z`, possessive quantifiers (`a++`), atomic
/// groups, `\Q…\E`, a lone `{` or `]`. Such a pattern checks values in Swift and breaks every other validator that
/// reads the contract, so `charter lint` reports it (`pattern-compiles`) before generation hides the difference.
///
/// What is checked: the whole grammar of the `u` flag (ES2024, without the `v` flag's class set syntax) and its
/// early errors — quantifiers with nothing to repeat or out of order, assertions quantified, escapes the `u` flag
/// does not allow (only syntax characters and `/` may be escaped as themselves), `\c`, `\x`, `\u` and `\u{…}` of the
/// wrong shape, octal escapes, ranges with a class escape or out of order, group names that are not identifiers or
/// are used twice, `\k<name>` naming no group and `\N` above the number of groups. Not checked: whether a `\p{…}`
/// property is one ECMA-262 lists (only its shape, `\p{Name}` or `\p{Name=Value}`): ICU compiles it afterwards, and
/// `pattern-compiles` reports a property ICU does not know either. ES2025's inline modifiers (`(?i:…)`) and
/// duplicate group names in different alternatives are refused, as most validators in use refuse them.
package enum ECMAScriptSyntax {
    /// Why a pattern is not ECMA-262, and where: `offset` counts Unicode scalars from the pattern's start (0-based).
    package struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Unicode scalars before the problem.
        package let offset: Int
        /// What is wrong, in a few words.
        package let message: String

        /// `message at character N` (1-based, as an editor counts).
        package var description: String { "\(message) at character \(offset + 1)" }
    }

    /// The first problem that makes `pattern` something other than an ECMA-262 regular expression with the `u`
    /// flag, or nil when it is one.
    package static func problem(in pattern: String) -> Problem? {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        do {
            try parser.parse()
            return nil
        } catch {
            return error
        }
    }

    /// A recursive-descent reader of the grammar, which stops at the first problem.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        /// Capturing groups seen so far, and the named ones' names.
        var groupCount = 0
        var groupNames: Set<String> = []
        /// `\N` and `\k<name>` references, checked once every group is known (a reference may come before its group).
        var numberedReferences: [(number: Int, offset: Int)] = []
        var namedReferences: [(name: String, offset: Int)] = []

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func problem(_ message: String, at offset: Int? = nil) -> Problem {
            Problem(offset: offset ?? min(index, scalars.count), message: message)
        }

        /// Whether the scalars at `index` spell `text`.
        func looksAt(_ text: String) -> Bool {
            var position = index
            for scalar in text.unicodeScalars {
                guard position < scalars.count, scalars[position] == scalar else { return false }
                position += 1
            }
            return true
        }

        mutating func parse() throws(Problem) {
            try disjunction()
            if !atEnd { throw problem("unmatched )") }
            for reference in numberedReferences where reference.number > groupCount {
                let groups = groupCount == 1 ? "1 group" : "\(groupCount) groups"
                throw problem("\\\(reference.number) refers to a group the pattern does not have (it has \(groups))", at: reference.offset)
            }
            for reference in namedReferences where !groupNames.contains(reference.name) {
                throw problem("\\k<\(reference.name)> names no group", at: reference.offset)
            }
        }

        mutating func disjunction() throws(Problem) {
            while true {
                while let scalar = current, scalar != "|", scalar != ")" {
                    try term()
                }
                guard current == "|" else { return }
                index += 1
            }
        }

        /// One assertion, or one atom and its quantifier.
        mutating func term() throws(Problem) {
            let start = index
            switch scalars[index] {
            case "^", "$":
                index += 1  // an assertion: a quantifier after it has nothing to repeat
            case "\\" where index + 1 < scalars.count && (scalars[index + 1] == "b" || scalars[index + 1] == "B"):
                index += 2
            case "(":
                if looksAt("(?=") || looksAt("(?!") || looksAt("(?<=") || looksAt("(?<!") {
                    index += looksAt("(?<") ? 4 : 3
                    try groupBody(openedAt: start)  // lookarounds cannot be quantified with the `u` flag
                    return
                }
                if looksAt("(?:") {
                    index += 3
                } else if looksAt("(?<") {
                    index += 3
                    let name = try groupName(openedAt: start)
                    guard groupNames.insert(name).inserted else { throw problem("group name \(name) is used twice", at: start) }
                    groupCount += 1
                } else if looksAt("(?") {
                    throw problem("(? must start (?:, (?=, (?!, (?<=, (?<! or (?<name>: inline flags, atomic groups and comments are not ECMA-262", at: start)
                } else {
                    index += 1
                    groupCount += 1
                }
                try groupBody(openedAt: start)
                try quantifier()
            case "[":
                try characterClass()
                try quantifier()
            case "\\":
                try atomEscape()
                try quantifier()
            case "*", "+", "?":
                throw problem("\(scalars[index]) has nothing to repeat")
            case "{":
                throw problem(braceQuantifier(at: index) == nil ? "a lone { must be escaped (\\{)" : "{…} has nothing to repeat")
            case "}", "]":
                throw problem("a lone \(scalars[index]) must be escaped (\\\(scalars[index]))")
            default:
                index += 1
                try quantifier()
            }
        }

        /// The rest of a group after its opening: a disjunction and the `)`.
        mutating func groupBody(openedAt start: Int) throws(Problem) {
            try disjunction()
            guard current == ")" else { throw problem("missing ) for the group opened", at: start) }
            index += 1
        }

        /// An optional quantifier after an atom, lazy or not.
        mutating func quantifier() throws(Problem) {
            guard let scalar = current else { return }
            switch scalar {
            case "*", "+", "?":
                index += 1
            case "{":
                guard let bounds = braceQuantifier(at: index) else { throw problem("a lone { must be escaped (\\{)") }
                if let maximum = bounds.maximum, Self.compare(maximum, bounds.minimum) < 0 {
                    throw problem("quantifier {\(bounds.minimum),\(maximum)} has its numbers out of order")
                }
                index = bounds.end
            default:
                return
            }
            if current == "?" { index += 1 }
        }

        /// `{n}`, `{n,}` or `{n,m}` at `position`: the two numbers as digit strings and the index after the `}`.
        func braceQuantifier(at position: Int) -> (minimum: String, maximum: String?, end: Int)? {
            var position = position + 1
            func digits() -> String {
                var text = ""
                while position < scalars.count, ("0"..."9").contains(scalars[position]) {
                    text.unicodeScalars.append(scalars[position])
                    position += 1
                }
                return text
            }
            let minimum = digits()
            guard !minimum.isEmpty, position < scalars.count else { return nil }
            var maximum: String? = minimum
            if scalars[position] == "," {
                position += 1
                let digitsAfter = digits()
                maximum = digitsAfter.isEmpty ? nil : digitsAfter
            }
            guard position < scalars.count, scalars[position] == "}" else { return nil }
            return (minimum, maximum, position + 1)
        }

        /// Compares two decimal digit strings by value (quantifier bounds can be longer than an `Int`).
        static func compare(_ left: String, _ right: String) -> Int {
            let left = left.drop { $0 == "0" }, right = right.drop { $0 == "0" }
            if left.count != right.count { return left.count < right.count ? -1 : 1 }
            return left == right ? 0 : (left < right ? -1 : 1)
        }

        /// `<name>` after `(?<` or `\k`: an identifier (`\u` escapes allowed), returned without the brackets.
        mutating func groupName(openedAt start: Int) throws(Problem) -> String {
            var name = ""
            while let scalar = current, scalar != ">" {
                var character = scalar
                if scalar == "\\" {
                    index += 1
                    guard current == "u" else { throw problem("group names allow only \\u escapes") }
                    index += 1
                    character = try unicodeEscape()
                } else {
                    index += 1
                }
                let allowed = name.isEmpty
                    ? character.properties.isIDStart || character == "$" || character == "_"
                    : character.properties.isIDContinue || character == "$" || character == "\u{200C}" || character == "\u{200D}"
                guard allowed else { throw problem("group name must be an identifier", at: start) }
                name.unicodeScalars.append(character)
            }
            guard current == ">", !name.isEmpty else { throw problem("group name must be an identifier closed by >", at: start) }
            index += 1
            return name
        }

        /// An escape outside a class (`index` at the `\`; `\b` and `\B` are read as assertions before this).
        mutating func atomEscape() throws(Problem) {
            let start = index
            index += 1
            guard let escaped = current else { throw problem("\\ at the end of the pattern", at: start) }
            switch escaped {
            case "1"..."9":
                var number = 0
                while let digit = current, ("0"..."9").contains(digit) {
                    number = min(number * 10 + Int(digit.value - 48), 1_000_000)
                    index += 1
                }
                numberedReferences.append((number, start))
            case "k":
                index += 1
                guard current == "<" else { throw problem("\\k must be followed by <name>", at: start) }
                index += 1
                namedReferences.append((try groupName(openedAt: start), start))
            case "-":
                throw problem("\\- is an escape only inside a class", at: start)
            default:
                _ = try characterEscape(startingAt: start, inClass: false)
            }
        }

        /// The escapes outside and inside a class share (`index` at the escaped character): the character it stands
        /// for, or nil for a set (`\d`, `\p{…}`, …).
        mutating func characterEscape(startingAt start: Int, inClass: Bool) throws(Problem) -> Unicode.Scalar? {
            let escaped = scalars[index]
            index += 1
            switch escaped {
            case "d", "D", "s", "S", "w", "W":
                return nil
            case "p", "P":
                try property(startingAt: start)
                return nil
            case "f": return "\u{0C}"
            case "n": return "\n"
            case "r": return "\r"
            case "t": return "\t"
            case "v": return "\u{0B}"
            case "c":
                guard let letter = current, ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) else {
                    throw problem("\\c must be followed by an ASCII letter", at: start)
                }
                index += 1
                return Unicode.Scalar(letter.value % 32)
            case "0":
                if let next = current, ("0"..."9").contains(next) {
                    throw problem("\\0 followed by a digit: octal escapes are not ECMA-262 with the u flag", at: start)
                }
                return "\u{0}"
            case "x":
                guard let value = hexDigits(count: 2) else { throw problem("\\x must be followed by two hex digits", at: start) }
                return Unicode.Scalar(value)
            case "u":
                return try unicodeEscape(startingAt: start)
            case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
                return escaped
            case "1"..."9" where inClass:
                throw problem("\\\(escaped) is not allowed in a character class with the u flag", at: start)
            default:
                throw problem("\\\(escaped) is not an ECMA-262 escape (with the u flag only syntax characters and / are escaped as themselves)", at: start)
            }
        }

        /// `\u` escapes (`index` after the `u`): four hex digits, or `{…}` up to 10FFFF.
        mutating func unicodeEscape(startingAt start: Int? = nil) throws(Problem) -> Unicode.Scalar {
            let start = start ?? index - 2
            if current == "{" {
                index += 1
                var value: UInt32 = 0, digits = 0
                while let scalar = current, let digit = Self.hexValue(scalar) {
                    value = min(value &* 16 &+ digit, 0x11_0000)
                    digits += 1
                    index += 1
                }
                guard digits > 0, current == "}" else { throw problem("\\u{ must hold hex digits and end with }", at: start) }
                index += 1
                guard value <= 0x10_FFFF else { throw problem("\\u{…} above 10FFFF is not a code point", at: start) }
                // A lone surrogate is a code unit JavaScript accepts; it stands for no Swift scalar (and no string here).
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            guard let value = hexDigits(count: 4) else { throw problem("\\u must be followed by four hex digits or {code point}", at: start) }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }

        /// `count` hex digits at `index`, consumed, as a number; nil (nothing consumed) when there are fewer.
        mutating func hexDigits(count: Int) -> UInt32? {
            guard index + count <= scalars.count else { return nil }
            var value: UInt32 = 0
            for scalar in scalars[index..<(index + count)] {
                guard let digit = Self.hexValue(scalar) else { return nil }
                value = value * 16 + digit
            }
            index += count
            return value
        }

        static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
            switch scalar {
            case "0"..."9": return scalar.value - 48
            case "a"..."f": return scalar.value - 87
            case "A"..."F": return scalar.value - 55
            default: return nil
            }
        }

        /// `{Name}` or `{Name=Value}` after `\p` / `\P`: letters, digits and `_`.
        mutating func property(startingAt start: Int) throws(Problem) {
            func word() -> Int {
                var length = 0
                while let scalar = current, scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                    index += 1
                    length += 1
                }
                return length
            }
            guard current == "{" else { throw problem("\\p must be followed by {Property} or {Property=Value}", at: start) }
            index += 1
            guard word() > 0 else { throw problem("\\p{…} must name a property", at: start) }
            if current == "=" {
                index += 1
                guard word() > 0 else { throw problem("\\p{Name=…} must give a value", at: start) }
            }
            guard current == "}" else { throw problem("\\p{…} must be closed by }", at: start) }
            index += 1
        }

        /// `[…]` (`index` at the `[`): atoms and ranges, a range's ends single characters in order.
        mutating func characterClass() throws(Problem) {
            let start = index
            index += 1
            if current == "^" { index += 1 }
            while true {
                guard let scalar = current else { throw problem("missing ] for the class opened", at: start) }
                if scalar == "]" {
                    index += 1
                    return
                }
                let rangeStart = index
                let low = try classAtom()
                guard current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" else { continue }
                index += 1
                let high = try classAtom()
                guard let low, let high else {
                    throw problem("a class escape (\\d, \\w, \\s, \\p{…}) cannot be the end of a range", at: rangeStart)
                }
                if low.value > high.value { throw problem("range out of order in character class", at: rangeStart) }
            }
        }

        /// One class atom: the character it stands for, or nil for a set.
        mutating func classAtom() throws(Problem) -> Unicode.Scalar? {
            let scalar = scalars[index]
            guard scalar == "\\" else {
                index += 1
                return scalar
            }
            let start = index
            index += 1
            guard let escaped = current else { throw problem("\\ at the end of the pattern", at: start) }
            switch escaped {
            case "b":
                index += 1
                return "\u{08}"
            case "-":
                index += 1
                return "-"
            default:
                return try characterEscape(startingAt: start, inClass: true)
            }
        }
    }
}
