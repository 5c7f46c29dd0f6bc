/// A minimal RFC 3986 URI reference: enough to resolve `$id` and `$ref` values without Foundation's
/// `URL`, which normalises and percent-encodes in ways that would change identities.
public struct URIReference: Hashable, Sendable, CustomStringConvertible {
    /// The scheme without `:` (`https`, `file`, `urn`), or nil for a relative reference.
    public var scheme: String?
    /// The authority without `//`, or nil when absent.
    public var authority: String?
    /// The path (may be empty).
    public var path: String
    /// The query without `?`, or nil when absent.
    public var query: String?
    /// The fragment without `#`, or nil when absent.
    public var fragment: String?

    /// Splits `text` into its components (RFC 3986 appendix B). The delimiters are ASCII, so the text is scanned
    /// as UTF-8 bytes (every `$ref` and `$id` of every input goes through here); a scheme is an ASCII letter
    /// followed by ASCII letters, digits, `+`, `-` or `.` (section 3.1).
    public init(_ text: String) {
        let bytes = text.utf8
        var end = bytes.endIndex
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(text[bytes.index(after: hash)...])
            end = hash
        }
        if let question = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) {
            query = String(text[bytes.index(after: question)..<end])
            end = question
        }
        var start = bytes.startIndex
        if let colon = bytes[..<end].firstIndex(of: UInt8(ascii: ":")), colon > start,
            Self.isSchemeStart(bytes[start]), bytes[start..<colon].allSatisfy(Self.isSchemeByte)
        {
            scheme = String(text[start..<colon]).lowercased()
            start = bytes.index(after: colon)
        }
        let rest = bytes[start..<end]
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = bytes.index(start, offsetBy: 2)
            let authorityEnd = bytes[afterSlashes..<end].firstIndex(of: UInt8(ascii: "/")) ?? end
            authority = String(text[afterSlashes..<authorityEnd])
            start = authorityEnd
        }
        path = String(text[start..<end])
    }

    private static func isSchemeStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isSchemeStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Creates a reference from components.
    public init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Whether the reference has a scheme (is absolute, possibly with a fragment).
    public var isAbsolute: Bool { scheme != nil }

    /// The reference without its fragment.
    public var withoutFragment: URIReference {
        URIReference(scheme: scheme, authority: authority, path: path, query: query, fragment: nil)
    }

    /// The text form.
    public var description: String {
        var text = ""
        if let scheme { text += scheme + ":" }
        if let authority { text += "//" + authority }
        text += path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// Resolves this reference against `base` (RFC 3986 section 5.2.2).
    public func resolved(against base: URIReference) -> URIReference {
        if scheme != nil {
            return URIReference(scheme: scheme, authority: authority, path: Self.removeDotSegments(path), query: query, fragment: fragment)
        }
        if authority != nil {
            return URIReference(scheme: base.scheme, authority: authority, path: Self.removeDotSegments(path), query: query, fragment: fragment)
        }
        if path.isEmpty {
            return URIReference(scheme: base.scheme, authority: base.authority, path: base.path, query: query ?? base.query, fragment: fragment)
        }
        let merged: String
        if path.hasPrefix("/") {
            merged = path
        } else if base.authority != nil && base.path.isEmpty {
            merged = "/" + path
        } else if let slash = base.path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            // Searched as bytes: a `Character` search walks grapheme clusters, and this runs for every reference.
            merged = base.path[...slash] + path
        } else {
            merged = path
        }
        return URIReference(scheme: base.scheme, authority: base.authority, path: Self.removeDotSegments(merged), query: query, fragment: fragment)
    }

    /// Whether a segment of `path` is `.` or `..` (a dot inside a name, `money.json`, is not one): most paths have
    /// none, and are then returned as they are without being split and joined.
    static func hasDotSegment(_ path: String) -> Bool {
        var segmentLength = 0
        var dotsOnly = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if dotsOnly && (segmentLength == 1 || segmentLength == 2) { return true }
                segmentLength = 0
                dotsOnly = true
            } else {
                segmentLength += 1
                if byte != UInt8(ascii: ".") { dotsOnly = false }
            }
        }
        return dotsOnly && (segmentLength == 1 || segmentLength == 2)
    }

    /// Removes `.` and `..` segments (RFC 3986 section 5.2.4).
    static func removeDotSegments(_ path: String) -> String {
        guard hasDotSegment(path) else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if segment == "." {
                if isLast { output.append("") }
            } else if segment == ".." {
                if output.count > 1 || (output.count == 1 && output[0] != "") { output.removeLast() }
                if isLast { output.append("") }
            } else {
                output.append(segment)
            }
        }
        var result = output.joined(separator: "/")
        if path.hasPrefix("/") && !result.hasPrefix("/") { result = "/" + result }
        return result
    }
}
