/// Formats diagnostics the way compilers do, so editors and CI annotate the right line:
/// `file:line:column: error: message [json-pointer]`, then indented hint and related lines.
public enum DiagnosticFormatter {
    /// The text for one diagnostic (no trailing newline). Control and bidi characters from the input
    /// are shown as `\u{…}` so a hostile contract cannot rewrite the terminal.
    public static func format(_ diagnostic: Diagnostic) -> String {
        var lines = [sanitize(diagnostic.description)]
        if let hint = diagnostic.hint { lines.append("    hint: " + sanitize(hint)) }
        for related in diagnostic.related { lines.append("\(sanitize(related.description)): note: related location") }
        return lines.joined(separator: "\n")
    }

    /// What a command prints to standard error for `diagnostics`: each in ``Diagnostic/printOrder(_:_:)`` (errors
    /// first, then warnings, each group by file and line:column), then the count of errors when there are any
    /// (`2 errors found`). One string per diagnostic, as ``format(_:)`` gives it.
    public static func report(_ diagnostics: [Diagnostic]) -> [String] {
        var lines = diagnostics.inPrintOrder().map(format)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { lines.append("\(errors) error\(errors == 1 ? "" : "s") found") }
        return lines
    }

    /// `text` with unsafe scalars escaped.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: SwiftLiteral.needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if SwiftLiteral.needsEscape(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
