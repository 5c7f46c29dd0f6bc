/// Doc comments for generated declarations: title, description, and the JSON pointer of the origin.
enum SwiftDocumentation {
    /// The `///` lines for a declaration or property; every line is safe (see ``SwiftLiteral/commentLines(_:)``).
    static func lines(_ documentation: IRDocumentation, extra: [String] = [], origin: String = "Schema") -> [String] {
        var paragraphs: [[String]] = []
        let title = documentation.title.map(SwiftLiteral.commentLines) ?? []
        let description = documentation.description.map(SwiftLiteral.commentLines) ?? []
        if !title.isEmpty { paragraphs.append(title) }
        if !description.isEmpty, description != title { paragraphs.append(description) }
        // The facts (contract, lifecycle, warnings, origin) form one list.
        paragraphs.append((extra + ["- \(origin): `\(documentation.reference.replacingBackticks)`"]).flatMap(SwiftLiteral.commentLines))
        var lines: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("///") }
            lines += paragraph.flatMap { wrap($0) }.map { $0.isEmpty ? "///" : "/// \($0)" }
        }
        return lines
    }

    /// The column doc text is wrapped at.
    static let width = 100

    /// Splits a long line at spaces into lines of at most ``width`` characters (a longer word stays whole).
    static func wrap(_ line: String) -> [String] {
        // A line of at most `width` bytes has at most `width` characters: no need to count graphemes.
        guard line.utf8.count > width, line.count > width else { return [line] }
        // An indented line (a nested list item) keeps its indentation on every line it wraps to.
        let indent = String(line.prefix { $0 == " " })
        var result: [String] = []
        var current = ""
        for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, indent.count + current.count + 1 + word.count > width {
                result.append(indent + current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { result.append(indent + current) }
        return result
    }

    /// Lines without the schema reference, for members whose origin is already shown on the type.
    static func plainLines(_ text: String?) -> [String] {
        guard let text else { return [] }
        return SwiftLiteral.commentLines(text).flatMap { wrap($0) }.map { $0.isEmpty ? "///" : "/// \($0)" }
    }
}

extension String {
    /// The text with backticks replaced, so it can sit inside a Markdown code span.
    var replacingBackticks: String {
        utf8.contains(UInt8(ascii: "`")) ? replacingOccurrences(of: "`", with: "'") : self
    }
}
