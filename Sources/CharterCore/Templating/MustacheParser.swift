/// Turns template source into a tree of ``MustacheNode``s, applying the spec's
/// standalone-line rules and recording where partial indentation applies.
///
/// The parser works on the UTF-8 bytes of the source: delimiters are found by
/// byte comparison (no regular expressions), and text is only turned into
/// `String`s once per literal run.
struct MustacheParser {
    /// What a parsed template consists of.
    struct Result: Sendable {
        var nodes: [MustacheNode]
        /// Every `{{> name}}` tag, in source order.
        var partials: [(name: String, location: MustacheLocation)]
    }

    private enum TagKind {
        case variable(escaped: Bool)
        case section
        case invertedSection
        case close
        case comment
        case partial
        case setDelimiters

        /// Section, inverted, close, comment, partial and set-delimiter tags
        /// alone on a line remove the whole line (spec "standalone" rule).
        var canBeStandalone: Bool {
            if case .variable = self { return false }
            return true
        }
    }

    private struct OpenSection {
        var path: MustachePath
        var inverted: Bool
        var location: MustacheLocation
        var siblings: [MustacheNode]
    }

    private let templateName: String
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    private var openDelimiter: [UInt8] = [UInt8(ascii: "{"), UInt8(ascii: "{")]
    private var closeDelimiter: [UInt8] = [UInt8(ascii: "}"), UInt8(ascii: "}")]
    private var nodes: [MustacheNode] = []
    private var partials: [(name: String, location: MustacheLocation)] = []

    /// Parses `source`, reporting errors against `templateName`.
    static func parse(name templateName: String, source: String) throws(MustacheError) -> Result {
        var parser = MustacheParser(templateName: templateName, source: source)
        return try parser.run()
    }

    private init(templateName: String, source: String) {
        self.templateName = templateName
        self.bytes = Array(source.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == .newline {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    // MARK: - Main loop

    private mutating func run() throws(MustacheError) -> Result {
        var openSections: [OpenSection] = []
        let count = bytes.count
        var position = 0

        while position < count {
            guard let tagStart = find(openDelimiter, from: position) else {
                emitText(from: position, to: count)
                break
            }
            let location = self.location(of: tagStart)
            let contentStart = tagStart + openDelimiter.count
            let sigil: UInt8? = contentStart < count ? bytes[contentStart] : nil

            // Find the end of the tag and the range of its content (sigil excluded).
            let kind: TagKind
            let content: Range<Int>
            let tagEnd: Int
            switch sigil {
            case UInt8(ascii: "{"):
                let terminator = [UInt8(ascii: "}")] + closeDelimiter
                guard let end = find(terminator, from: contentStart + 1) else {
                    throw error(at: location, "unclosed tag: expected '\(string(terminator))' to close '\(string(openDelimiter)){'")
                }
                kind = .variable(escaped: false)
                content = (contentStart + 1)..<end
                tagEnd = end + terminator.count
            case UInt8(ascii: "="):
                let terminator = [UInt8(ascii: "=")] + closeDelimiter
                guard let end = find(terminator, from: contentStart + 1) else {
                    throw error(at: location, "unclosed set-delimiter tag: expected '\(string(terminator))' to close '\(string(openDelimiter))='")
                }
                kind = .setDelimiters
                content = (contentStart + 1)..<end
                tagEnd = end + terminator.count
            default:
                guard let end = find(closeDelimiter, from: contentStart) else {
                    throw error(at: location, "unclosed tag: expected '\(string(closeDelimiter))' to close '\(string(openDelimiter))'")
                }
                tagEnd = end + closeDelimiter.count
                switch sigil {
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .invertedSection
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "&"): kind = .variable(escaped: false)
                default: kind = .variable(escaped: true)
                }
                if case .variable(escaped: true) = kind {
                    content = contentStart..<end
                } else {
                    content = (contentStart + 1)..<end
                }
            }

            // Standalone lines: only whitespace around the tag on its line(s).
            var textEnd = tagStart
            var next = tagEnd
            var standalone = false
            if kind.canBeStandalone {
                var lineStart = tagStart
                while lineStart > position, bytes[lineStart - 1].isBlank { lineStart -= 1 }
                if lineStart == 0 || bytes[lineStart - 1] == .newline {
                    var after = tagEnd
                    while after < count, bytes[after].isBlank { after += 1 }
                    if after == count {
                        standalone = true
                        next = count
                    } else if bytes[after] == .newline {
                        standalone = true
                        next = after + 1
                    } else if bytes[after] == .carriageReturn, after + 1 < count, bytes[after + 1] == .newline {
                        standalone = true
                        next = after + 2
                    }
                    if standalone { textEnd = lineStart }
                }
            }

            emitText(from: position, to: textEnd)
            if !standalone, isLineStart(tagStart) {
                nodes.append(.lineStart)
            }

            switch kind {
            case .variable(let escaped):
                let path = try parsePath(content, tag: location, sigil: escaped ? "" : (sigil == UInt8(ascii: "{") ? "{" : "&"))
                nodes.append(.variable(path, escaped: escaped, location))
            case .section, .invertedSection:
                let inverted: Bool
                if case .invertedSection = kind { inverted = true } else { inverted = false }
                let path = try parsePath(content, tag: location, sigil: inverted ? "^" : "#")
                openSections.append(OpenSection(path: path, inverted: inverted, location: location, siblings: nodes))
                nodes = []
            case .close:
                let name = trimmedString(content)
                guard let open = openSections.popLast() else {
                    throw error(at: location, "'\(tagText("/", name))' closes a section that was never opened")
                }
                guard open.path.text == name else {
                    throw error(
                        at: location,
                        "'\(tagText("/", name))' does not match the open section '\(open.path.text)' (opened at \(open.location.line):\(open.location.column))"
                    )
                }
                let section = MustacheSection(path: open.path, inverted: open.inverted, children: nodes, location: open.location)
                nodes = open.siblings
                nodes.append(.section(section))
            case .comment:
                break
            case .partial:
                let name = try parsePartialName(content, tag: location)
                let indentation = standalone ? string(bytes[textEnd..<tagStart]) : nil
                partials.append((name, location))
                nodes.append(.partial(name: name, indentation: indentation, location))
            case .setDelimiters:
                try setDelimiters(content, tag: location)
            }
            position = next
        }

        if let open = openSections.last {
            throw error(
                at: open.location,
                "section '\(open.path.text)' is never closed: expected '\(tagText("/", open.path.text))'"
            )
        }
        return Result(nodes: nodes, partials: partials)
    }

    // MARK: - Text and indentation points

    /// Appends the literal text `bytes[start..<end]`, with a `.lineStart`
    /// before every non-empty source line that begins inside the range.
    private mutating func emitText(from start: Int, to end: Int) {
        guard start < end else { return }
        if isLineStart(start), lineHasContent(start) {
            nodes.append(.lineStart)
        }
        var segmentStart = start
        var index = start
        while index < end {
            if bytes[index] == .newline {
                let lineStart = index + 1
                if lineStart < end, lineHasContent(lineStart) {
                    nodes.append(.text(Array(string(bytes[segmentStart..<lineStart]).utf8)))
                    nodes.append(.lineStart)
                    segmentStart = lineStart
                }
            }
            index += 1
        }
        if segmentStart < end {
            nodes.append(.text(Array(string(bytes[segmentStart..<end]).utf8)))
        }
    }

    private func isLineStart(_ offset: Int) -> Bool {
        offset == 0 || bytes[offset - 1] == .newline
    }

    /// Whether the line starting at `offset` has anything before its line ending.
    private func lineHasContent(_ offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        if bytes[offset] == .newline { return false }
        if bytes[offset] == .carriageReturn, offset + 1 < bytes.count, bytes[offset + 1] == .newline { return false }
        return true
    }

    // MARK: - Names and delimiters

    /// Parses a variable or section name: `.` or dot-separated keys made of
    /// letters, digits, `_` and `-`.
    private func parsePath(_ range: Range<Int>, tag location: MustacheLocation, sigil: String) throws(MustacheError) -> MustachePath {
        let name = trimmedString(range)
        let tag = tagText(sigil, name)
        guard let first = name.unicodeScalars.first else {
            throw error(at: location, "empty tag '\(tag)': expected a name")
        }
        if name == "." { return MustachePath(text: name, keys: []) }
        switch first {
        case "$", "<":
            throw error(at: location, "'\(string(openDelimiter))\(first)' tags (template inheritance, an optional Mustache module) are not supported")
        case "#", "^", "/", "!", ">", "&", "{", "=":
            throw error(at: location, "unexpected whitespace before '\(first)' in '\(tag)': the sigil must follow '\(string(openDelimiter))' directly")
        default:
            break
        }
        if let leading = name.first, leading != ".", !leading.isNameCharacter {
            throw error(at: location, "unknown tag type '\(leading)' in '\(tag)'")
        }
        var keys: [String] = []
        for key in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard !key.isEmpty else {
                throw error(at: location, "invalid name '\(name)' in '\(tag)': empty segment in dotted name")
            }
            if let character = key.first(where: { !$0.isNameCharacter }) {
                if character.isWhitespace {
                    throw error(at: location, "invalid name '\(name)' in '\(tag)': names cannot contain whitespace")
                }
                throw error(at: location, "invalid character '\(character)' in name '\(name)' ('\(tag)')")
            }
            keys.append(String(key))
        }
        return MustachePath(text: name, keys: keys)
    }

    /// Parses a partial's name: any non-empty run of non-whitespace characters.
    private func parsePartialName(_ range: Range<Int>, tag location: MustacheLocation) throws(MustacheError) -> String {
        let name = trimmedString(range)
        guard !name.isEmpty else {
            throw error(at: location, "empty partial tag '\(tagText(">", ""))': expected a partial name")
        }
        if name.hasPrefix("*") {
            throw error(at: location, "dynamic partial names ('\(tagText(">", name))', an optional Mustache module) are not supported")
        }
        if name.contains(where: \.isWhitespace) {
            throw error(at: location, "invalid partial name '\(name)': names cannot contain whitespace")
        }
        return name
    }

    /// Applies `{{=<open> <close>=}}`.
    private mutating func setDelimiters(_ range: Range<Int>, tag location: MustacheLocation) throws(MustacheError) {
        let parts = bytes[range].split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts[0].contains(.equals), !parts[1].contains(.equals) else {
            let written = string(bytes[range])
            throw error(
                at: location,
                "invalid set-delimiter tag '\(string(openDelimiter))=\(written)=\(string(closeDelimiter))': expected two delimiters without '=' separated by whitespace, such as {{=<% %>=}}"
            )
        }
        openDelimiter = Array(parts[0])
        closeDelimiter = Array(parts[1])
    }

    // MARK: - Helpers

    /// The first offset at or after `start` where `pattern` occurs.
    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        let first = pattern[0]
        let last = bytes.count - pattern.count
        guard start <= last else { return nil }
        var index = start
        outer: while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < pattern.count {
                    if bytes[index + offset] != pattern[offset] {
                        index += 1
                        continue outer
                    }
                    offset += 1
                }
                return index
            }
            index += 1
        }
        return nil
    }

    private func trimmedString(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower].isWhitespace { lower += 1 }
        while upper > lower, bytes[upper - 1].isWhitespace { upper -= 1 }
        return string(bytes[lower..<upper])
    }

    private func string(_ slice: some Collection<UInt8>) -> String {
        String(decoding: slice, as: UTF8.self)
    }

    /// How a tag with `sigil` and `name` is written with the current delimiters.
    private func tagText(_ sigil: String, _ name: String) -> String {
        let closing = sigil == "{" ? "}" : ""
        return "\(string(openDelimiter))\(sigil)\(name)\(closing)\(string(closeDelimiter))"
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    private func location(of offset: Int) -> MustacheLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        for byte in bytes[lineStarts[low]..<offset] where byte & 0xC0 != 0x80 {
            column += 1
        }
        return MustacheLocation(line: low + 1, column: column)
    }

    private func error(at location: MustacheLocation, _ message: String) -> MustacheError {
        MustacheError(template: templateName, line: location.line, column: location.column, message: message)
    }
}

extension UInt8 {
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let equals = UInt8(ascii: "=")

    /// Space or tab: what may surround a standalone tag on its line.
    fileprivate var isBlank: Bool { self == 0x20 || self == 0x09 }

    /// Space, tab, newline, carriage return, vertical tab or form feed.
    fileprivate var isWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}

extension Character {
    /// Letters, digits, `_` and `-`: what the keys of a dotted name are made of.
    fileprivate var isNameCharacter: Bool { isLetter || isNumber || self == "_" || self == "-" }
}
