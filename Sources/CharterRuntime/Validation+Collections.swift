extension Validation {
    /// `minItems`: at least `limit` elements.
    public static func minItems<C: Collection>(
        _ items: C, _ limit: Int, at path: String, into issues: inout [ValidationIssue]
    ) {
        let count = items.count
        guard count < limit else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "minItems", message: "must have at least \(limit) \(noun(limit, "item")) (has \(count))"
        ))
    }

    /// `maxItems`: at most `limit` elements.
    public static func maxItems<C: Collection>(
        _ items: C, _ limit: Int, at path: String, into issues: inout [ValidationIssue]
    ) {
        let count = items.count
        guard count > limit else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "maxItems", message: "must have at most \(limit) \(noun(limit, "item")) (has \(count))"
        ))
    }

    /// `uniqueItems` on strings: compared code point by code point, as JSON compares them — not by Swift's
    /// `==`, which holds `"é"` and `"e\u{301}"` equal (canonical equivalence) though they are different JSON strings.
    public static func uniqueItems<C: Collection>(
        _ items: C, at path: String, into issues: inout [ValidationIssue]
    ) where C.Element == String {
        uniqueItems(items.map { Array($0.unicodeScalars.lazy.map(\.value)) }, at: path, into: &issues)
    }

    /// `uniqueItems`: no two elements equal. One issue names the first
    /// repeated element's positions and how many elements repeat an earlier one.
    public static func uniqueItems<C: Collection>(
        _ items: C, at path: String, into issues: inout [ValidationIssue]
    ) where C.Element: Hashable {
        var firstIndex: [C.Element: Int] = [:]
        firstIndex.reserveCapacity(items.count)
        var firstDuplicate: (Int, Int)?
        var duplicates = 0
        for (index, item) in items.enumerated() {
            if let earlier = firstIndex[item] {
                duplicates += 1
                if firstDuplicate == nil { firstDuplicate = (earlier, index) }
            } else {
                firstIndex[item] = index
            }
        }
        guard let (earlier, later) = firstDuplicate else { return }
        let more = duplicates > 1 ? "; \(duplicates) items repeat an earlier one" : ""
        issues.append(ValidationIssue(
            path: path, keyword: "uniqueItems", message: "must not contain equal items (items \(earlier) and \(later) are equal\(more))"
        ))
    }

    /// Undeclared properties (`additionalProperties`) named like a declared
    /// property: one issue per such name, at its pointer. The declared property
    /// is what is encoded, so such a member would be lost on the wire.
    public static func declaredNames<V>(
        in additionalProperties: [String: V], declared: Set<String>, at path: String, into issues: inout [ValidationIssue]
    ) {
        for key in additionalProperties.keys.sorted() where declared.contains(key) {
            issues.append(ValidationIssue(
                path: Validation.path(path, key), keyword: "additionalProperties",
                message: "is a declared property's name; the declared property is encoded, this value is not"
            ))
        }
    }

    /// `additionalProperties: false` beside `patternProperties`: each undeclared
    /// property whose name matches none of `patterns` is an issue at its pointer.
    public static func undeclaredNames<V>(
        in additionalProperties: [String: V], matchingOneOf patterns: [String], at path: String, into issues: inout [ValidationIssue]
    ) {
        for key in additionalProperties.keys.sorted() {
            let results = patterns.map { PatternCache.shared.matches(key, pattern: $0) }
            guard !results.contains(true) else { continue }
            let unreadable = results.contains(nil)
            issues.append(ValidationIssue(
                path: Validation.path(path, key), keyword: "additionalProperties",
                message: unreadable
                    ? "cannot be checked: a patternProperties pattern is not a valid regular expression"
                    : "is not a declared property and its name matches no patternProperties pattern"
            ))
        }
    }

    /// Whether a member's name matches one of the `patternProperties` patterns
    /// (each an unanchored search, as ``pattern(_:_:at:into:)``): which of the
    /// patterns' schemas, or else `additionalProperties`', its value meets. A
    /// pattern that is not a valid regular expression matches nothing.
    public static func nameMatches(_ name: String, anyOf patterns: [String]) -> Bool {
        patterns.contains { PatternCache.shared.matches(name, pattern: $0) == true }
    }

    /// `minProperties` for a dictionary of members.
    public static func minProperties<V>(
        _ object: [String: V], _ limit: Int, at path: String, into issues: inout [ValidationIssue]
    ) {
        minProperties(count: object.count, limit, at: path, into: &issues)
    }

    /// `maxProperties` for a dictionary of members.
    public static func maxProperties<V>(
        _ object: [String: V], _ limit: Int, at path: String, into issues: inout [ValidationIssue]
    ) {
        maxProperties(count: object.count, limit, at: path, into: &issues)
    }

    /// `minProperties` given the member count (for a struct: its non-nil
    /// properties plus its additional properties).
    public static func minProperties(
        count: Int, _ limit: Int, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard count < limit else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "minProperties",
            message: "must have at least \(limit) \(noun(limit, "property", "properties")) (has \(count))"
        ))
    }

    /// `maxProperties` given the member count.
    public static func maxProperties(
        count: Int, _ limit: Int, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard count > limit else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "maxProperties",
            message: "must have at most \(limit) \(noun(limit, "property", "properties")) (has \(count))"
        ))
    }

    private static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }
}
