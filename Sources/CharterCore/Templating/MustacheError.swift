/// A problem found while parsing or rendering a Mustache template.
///
/// Parse errors point at the offending tag (or at the opening tag of a section
/// that is never closed); render errors (strict missing names, missing
/// partials in strict mode, runaway partial recursion) point at the tag being
/// rendered, in the template that contains it.
public struct MustacheError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Name of the template the problem is in.
    public var template: String
    /// 1-based line of the problem, or `0` when it has no position (e.g. an unknown template name).
    public var line: Int
    /// 1-based column (in Unicode scalars) of the problem, or `0` when it has no position.
    public var column: Int
    /// What went wrong, in one sentence.
    public var message: String

    /// Creates an error at `line`:`column` of `template`.
    public init(template: String, line: Int, column: Int, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    /// `template:line:column: message`, or `template: message` when there is no position.
    public var description: String {
        line > 0 ? "\(template):\(line):\(column): \(message)" : "\(template): \(message)"
    }
}
