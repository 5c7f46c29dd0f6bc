/// How generated code matches a received string against the strings a contract knows (enum values, a discriminator's
/// tags, a string `const`): code point by code point, as JSON compares strings, through CharterRuntime's `ExactText`
/// — or with the plain `String` comparison where it gives the same answer, which is the cheapest form to compile and run.
///
/// `String ==` is canonical equivalence. Two ASCII strings are equivalent only when equal, but a non-ASCII string can be
/// equivalent to an ASCII one: `"\u{212A}"` (KELVIN SIGN) is `"K"`, `"\u{37E}"` (GREEK QUESTION MARK) is `";"` and
/// `"\u{1FEF}"` (GREEK VARIA) is `` "`" `` — the only scalars whose canonical decomposition is ASCII (a combining
/// mark never is), which `SwiftStringMatchTests` checks against every scalar. So a received string is equivalent to an
/// ASCII value without those three characters only when it is that value, byte for byte.
enum SwiftStringMatch {
    /// The ASCII characters a non-ASCII scalar decomposes to canonically: `K`, `;` and `` ` ``.
    static let asciiWithNonASCIIEquivalents: Set<UInt8> = [UInt8(ascii: "K"), UInt8(ascii: ";"), UInt8(ascii: "`")]

    /// Whether `String ==` against `values` matches exactly the strings that are code-point equal to one of them:
    /// every value is ASCII and holds none of ``asciiWithNonASCIIEquivalents``.
    static func plainComparisonIsExact(_ values: [String]) -> Bool {
        values.allSatisfy { value in value.utf8.allSatisfy { $0 < 0x80 && !asciiWithNonASCIIEquivalents.contains($0) } }
    }

    /// `expression` (a `String`) as written where it is compared with string literals of `values` (a `switch` subject,
    /// an `==` operand, an argument of `contains`): itself when the plain comparison is exact, else `ExactText(…)`.
    static func subject(_ expression: String, comparedWith values: [String]) -> String {
        plainComparisonIsExact(values) ? expression : "ExactText(\(expression))"
    }
}
