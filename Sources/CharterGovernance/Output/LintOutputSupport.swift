import CharterCore

/// Small pieces the output formats share.
extension LintFinding {
    /// The pointer as people read it: `#` for the document root, nil for a location that is not a value in a
    /// JSON document (as in ``Diagnostic/description``).
    var pointerLabel: String? {
        guard location.hasPointer else { return nil }
        let pointer = location.pointer.description
        return pointer.isEmpty ? "#" : pointer
    }
}

extension DiagnosticFormatter {
    /// ``sanitize(_:)`` that keeps line feeds and carriage returns, for formats that escape line breaks their
    /// own way (workflow commands, Markdown table cells).
    static func sanitizeKeepingLineBreaks(_ text: String) -> String {
        var out = ""
        var line = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                out += sanitize(line)
                out.unicodeScalars.append(scalar)
                line = ""
            } else {
                line.unicodeScalars.append(scalar)
            }
        }
        return out + sanitize(line)
    }
}

extension JSONValue {
    /// An object with `pairs` in order; a pair whose value is nil is left out.
    public static func members(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        members(ordered: pairs.map { ($0.key, $0.value) })
    }

    /// An object with `pairs` in order (built up as an array); a pair whose value is nil is left out.
    public static func members(ordered pairs: [(key: String, value: JSONValue?)]) -> JSONValue {
        .object(JSONObject(members: pairs.compactMap { pair in pair.value.map { JSONMember(key: pair.key, value: JSONNode($0)) } }))
    }

    /// An array of `values`.
    public static func elements(_ values: [JSONValue]) -> JSONValue {
        .array(values.map { JSONNode($0) })
    }

    /// The integer `value`.
    public static func integer(_ value: Int) -> JSONValue {
        .number(JSONNumber(value))
    }
}
