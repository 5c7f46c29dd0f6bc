import Foundation

extension Validation {
    /// `minLength`: at least `limit` characters, counted as Unicode scalars
    /// (code points), as JSON Schema specifies.
    public static func minLength(
        _ string: String, _ limit: Int, at path: String, into issues: inout [ValidationIssue]
    ) {
        // A scalar takes at most four UTF-8 bytes: skip counting when that settles it.
        if string.utf8.count / 4 >= limit { return }
        let length = string.unicodeScalars.count
        guard length < limit else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "minLength",
            message: "must be at least \(limit) characters long (is \(length))"
        ))
    }

    /// `maxLength`: at most `limit` characters, counted as Unicode scalars
    /// (code points).
    public static func maxLength(
        _ string: String, _ limit: Int, at path: String, into issues: inout [ValidationIssue]
    ) {
        if string.utf8.count <= limit { return }
        let length = string.unicodeScalars.count
        guard length > limit else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "maxLength",
            message: "must be at most \(limit) characters long (is \(length))"
        ))
    }

    /// `pattern`: `string` must contain a match of the regular expression
    /// `pattern` (an unanchored search, as JSON Schema specifies; anchor with
    /// `^…$` in the pattern to match the whole string).
    ///
    /// Patterns are ECMA-262 expressions (with the `u` flag), rewritten where ICU
    /// reads them differently (``ECMAScriptPattern``: `$` is the end of the
    /// string, `\d`/`\w`/`\b` are ASCII, `\s` and `.` are ECMA's), compiled once
    /// with `NSRegularExpression` and cached process-wide behind a lock. An
    /// invalid pattern is reported as an issue rather than a crash.
    public static func pattern(
        _ string: String, _ pattern: String, at path: String, into issues: inout [ValidationIssue]
    ) {
        report(PatternCache.shared.matches(string, pattern: pattern), pattern, at: path, into: &issues)
    }

    /// `pattern` on a decimal carried as a JSON string (``DecimalString``): `Decimal` does not keep the text it was
    /// written as (`"10.00"` is `10`), so the value passes when any text of the contract's decimal grammar that
    /// writes it matches — its plain form (`"10"`), that form with up to 38 fractional zeros added (`"10.0"`,
    /// `"10.00"`, …) and, for zero, the same with a minus sign. Those are the texts a `DecimalString` decodes to this
    /// value (but for more trailing zeros than that), so a value decoded from a matching string passes, and one that no
    /// text of it matches (a sign or a fifth decimal the pattern forbids, say) is an issue. The search is
    /// ``DecimalString/text(matching:)``, whose text encoding writes.
    public static func decimalPattern(
        _ value: Decimal, _ pattern: String, at path: String, into issues: inout [ValidationIssue]
    ) {
        let decimal = DecimalString(value)
        guard let plain = decimal.string else { return }
        // No text matches: because none does, or (`nil`) because the pattern does not compile.
        let outcome = decimal.text(matching: [pattern]) != nil ? true : PatternCache.shared.matches(plain, pattern: pattern).map { _ in false }
        report(outcome, pattern, at: path, into: &issues)
    }

    /// The issue for a pattern that did not match (`false`) or could not be compiled (`nil`).
    private static func report(_ outcome: Bool?, _ pattern: String, at path: String, into issues: inout [ValidationIssue]) {
        switch outcome {
        case true?:
            return
        case false?:
            issues.append(ValidationIssue(path: path, keyword: "pattern", message: "must match the pattern \(pattern)"))
        case nil:
            issues.append(ValidationIssue(
                path: path, keyword: "pattern",
                message: "cannot be checked: \(pattern) is not a valid regular expression"
            ))
        }
    }
}
