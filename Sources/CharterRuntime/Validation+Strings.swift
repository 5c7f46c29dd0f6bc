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
        switch PatternCache.shared.matches(string, pattern: pattern) {
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
