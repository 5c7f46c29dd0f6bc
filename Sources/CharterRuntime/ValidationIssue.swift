import Foundation

/// One violated constraint, found by a generated `validate()`.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// JSON pointer (RFC 6901) into the validated instance, e.g.
    /// `/lines/0/quantity`; the empty string is the instance itself.
    public var path: String
    /// The JSON Schema keyword violated: `minimum`, `pattern`, `minItems`, ….
    public var keyword: String
    /// What is wrong, in words. Messages state limits and counts but never
    /// echo string contents, which may be personal data.
    public var message: String

    /// Creates an issue.
    public init(path: String, keyword: String, message: String) {
        self.path = path
        self.keyword = keyword
        self.message = message
    }

    /// `path: message (keyword)`, with `/` for the root.
    public var description: String {
        "\(path.isEmpty ? "/" : path): \(message) (\(keyword))"
    }
}

/// The error thrown by `validate()`: every issue found, in the order found.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The issues; never empty when thrown by `validate()`.
    public var issues: [ValidationIssue]

    /// Creates the error.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// A summary line followed by one line per issue.
    public var description: String {
        let header = issues.count == 1 ? "1 validation issue" : "\(issues.count) validation issues"
        return ([header + ":"] + issues.map { "  " + $0.description }).joined(separator: "\n")
    }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}
