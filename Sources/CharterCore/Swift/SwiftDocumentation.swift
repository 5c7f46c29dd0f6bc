/// Doc comments for generated declarations: title, description, and the JSON pointer of the origin.
enum SwiftDocumentation {
    /// The `///` lines for a declaration or property; every line is safe (see ``SwiftLiteral/commentLines(_:)``).
    static func lines(_ documentation: IRDocumentation, extra: [String] = []) -> [String] {
        var paragraphs: [[String]] = []
        let title = documentation.title.map(SwiftLiteral.commentLines) ?? []
        let description = documentation.description.map(SwiftLiteral.commentLines) ?? []
        if !title.isEmpty { paragraphs.append(title) }
        if !description.isEmpty, description != title { paragraphs.append(description) }
        for line in extra { paragraphs.append(SwiftLiteral.commentLines(line)) }
        paragraphs.append(SwiftLiteral.commentLines("- Schema: `\(documentation.reference.replacingBackticks)`"))
        var lines: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("///") }
            lines += paragraph.map { $0.isEmpty ? "///" : "/// \($0)" }
        }
        return lines
    }

    /// Lines without the schema reference, for members whose origin is already shown on the type.
    static func plainLines(_ text: String?) -> [String] {
        guard let text else { return [] }
        return SwiftLiteral.commentLines(text).map { $0.isEmpty ? "///" : "/// \($0)" }
    }
}

extension String {
    /// The text with backticks replaced, so it can sit inside a Markdown code span.
    var replacingBackticks: String { replacingOccurrences(of: "`", with: "'") }
}
