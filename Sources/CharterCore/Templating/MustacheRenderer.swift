/// Walks parsed templates and appends their output to one UTF-8 byte buffer (cheaper to grow than
/// a `String`, which re-checks its flags on every append), which is the result.
///
/// One renderer serves one `render` call: it owns the output buffer, the
/// context stack, the current partial indentation and the partial depth.
struct MustacheRenderer {
    private let partials: [String: MustacheTemplate]
    private let escaping: MustacheEscaping
    private let missingNames: MustacheMissingNames
    private let partialDepthLimit: Int

    private var output: [UInt8] = []
    private var stack: [MustacheValue] = []
    /// Whitespace put at every line start of the partial being rendered.
    private var indentation = ""
    private var partialDepth = 0

    init(
        partials: [String: MustacheTemplate],
        escaping: MustacheEscaping,
        missingNames: MustacheMissingNames,
        partialDepthLimit: Int
    ) {
        self.partials = partials
        self.escaping = escaping
        self.missingNames = missingNames
        self.partialDepthLimit = partialDepthLimit
    }

    /// Renders `template` with `context` at the bottom of the context stack, reserving
    /// `expectedLength` bytes of output (at least 1 KiB, or twice the template's length) up front.
    mutating func render(_ template: MustacheTemplate, context: MustacheValue, expectedLength: Int = 0) throws(MustacheError) -> [UInt8] {
        output = []
        output.reserveCapacity(max(1024, template.source.utf8.count * 2, expectedLength))
        stack = [context]
        indentation = ""
        partialDepth = 0
        try render(template.nodes, in: template.name)
        return output
    }

    // MARK: - Nodes

    private mutating func render(_ nodes: [MustacheNode], in template: String) throws(MustacheError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text)

            case .lineStart:
                if !indentation.isEmpty { output.append(contentsOf: indentation.utf8) }

            case .variable(let path, let escaped, let location):
                guard let value = resolve(path) else {
                    if missingNames == .error { throw unresolved(path, at: location, in: template) }
                    continue
                }
                try interpolate(value, escaped: escaped, path: path, at: location, in: template)

            case .section(let section):
                let value: MustacheValue
                if let resolved = resolve(section.path) {
                    value = resolved
                } else if missingNames == .error {
                    throw unresolved(section.path, at: section.location, in: template)
                } else {
                    value = .null
                }
                if section.inverted {
                    if !value.isTruthy { try render(section.children, in: template) }
                    continue
                }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        try render(section.children, in: template)
                        stack.removeLast()
                    }
                default:
                    guard value.isTruthy else { continue }
                    stack.append(value)
                    try render(section.children, in: template)
                    stack.removeLast()
                }

            case .partial(let name, let ownIndentation, let location):
                try renderPartial(name, indentation: ownIndentation, at: location, in: template)
            }
        }
    }

    private mutating func renderPartial(
        _ name: String,
        indentation ownIndentation: String?,
        at location: MustacheLocation,
        in template: String
    ) throws(MustacheError) {
        guard let partial = partials[name] else {
            if missingNames == .error {
                throw error(at: location, in: template, "no partial named '\(name)'")
            }
            return
        }
        guard partialDepth < partialDepthLimit else {
            throw error(
                at: location,
                in: template,
                "partials nested more than \(partialDepthLimit) deep at '\(name)': runaway recursion? (a recursive partial must sit inside a section that ends)"
            )
        }
        let saved = indentation
        // A standalone tag indents every line of the partial by its own leading
        // whitespace on top of the current indentation; an inline tag does not indent.
        if let ownIndentation {
            indentation = saved + ownIndentation
        } else {
            indentation = ""
        }
        partialDepth += 1
        try render(partial.nodes, in: partial.name)
        partialDepth -= 1
        indentation = saved
    }

    // MARK: - Values

    private mutating func interpolate(
        _ value: MustacheValue,
        escaped: Bool,
        path: MustachePath,
        at location: MustacheLocation,
        in template: String
    ) throws(MustacheError) {
        switch value {
        case .null:
            break
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .string(let text):
            if escaped, escaping == .html {
                appendHTMLEscaped(text)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .list, .object:
            if missingNames == .error {
                let kind = if case .list = value { "a list" } else { "an object" }
                throw error(at: location, in: template, "'\(path.text)' is \(kind); only strings and booleans can be interpolated")
            }
        }
    }

    /// Appends `text` with `&`, `"`, `<` and `>` escaped, copying unescaped runs whole.
    private mutating func appendHTMLEscaped(_ text: String) {
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            default: replacement = nil
            }
            let next = utf8.index(after: index)
            if let replacement {
                output.append(contentsOf: utf8[runStart..<index])
                output.append(contentsOf: replacement.utf8)
                runStart = next
            }
            index = next
        }
        output.append(contentsOf: utf8[runStart..<utf8.endIndex])
    }

    // MARK: - Name resolution

    /// Resolves a name against the context stack: the first key is looked up
    /// from the top of the stack down (objects only), the remaining keys
    /// descend from there without going back to the stack. `nil` when the name
    /// does not resolve; a `.null` along a dotted name resolves to `.null`.
    private func resolve(_ path: MustachePath) -> MustacheValue? {
        guard let first = path.keys.first else { return stack[stack.count - 1] }
        var found: MustacheValue?
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let members) = stack[index], let value = members[first] {
                found = value
                break
            }
            index -= 1
        }
        guard var value = found else { return nil }
        for key in path.keys.dropFirst() {
            switch value {
            case .object(let members):
                guard let member = members[key] else { return nil }
                value = member
            case .null:
                return .null
            default:
                return nil
            }
        }
        return value
    }

    /// The strict-mode error for a name that does not resolve, saying which key failed.
    private func unresolved(_ path: MustachePath, at location: MustacheLocation, in template: String) -> MustacheError {
        guard let first = path.keys.first else {
            return error(at: location, in: template, "'.' does not resolve")
        }
        var message = "no value named '\(first)' in the context"
        if path.keys.count > 1 {
            message = "'\(path.text)' does not resolve: " + message
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let members) = stack[index], var value = members[first] {
                    var prefix = first
                    for key in path.keys.dropFirst() {
                        if case .object(let members) = value, let member = members[key] {
                            value = member
                            prefix += "." + key
                            continue
                        }
                        let what = switch value {
                        case .object: "has no key '\(key)'"
                        case .list: "is a list, not an object, so it has no key '\(key)'"
                        case .string: "is a string, not an object, so it has no key '\(key)'"
                        case .bool: "is a boolean, not an object, so it has no key '\(key)'"
                        case .null: "is null"
                        }
                        message = "'\(path.text)' does not resolve: '\(prefix)' \(what)"
                        break
                    }
                    break
                }
                index -= 1
            }
        }
        return error(at: location, in: template, message)
    }

    private func error(at location: MustacheLocation, in template: String, _ message: String) -> MustacheError {
        MustacheError(template: template, line: location.line, column: location.column, message: message)
    }
}
