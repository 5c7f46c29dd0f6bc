/// A position in a template's source: 1-based line and column (in Unicode scalars).
struct MustacheLocation: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// A tag's name, split once at parse time.
struct MustachePath: Sendable, Hashable {
    /// The name as written (trimmed), e.g. `person.name` or `.`.
    var text: String
    /// The dot-separated keys; empty for the implicit iterator `.`.
    var keys: [String]

    /// Whether this is the implicit iterator `{{.}}`.
    var isImplicitIterator: Bool { keys.isEmpty }
}

/// A section or inverted section with its parsed body.
struct MustacheSection: Sendable {
    var path: MustachePath
    var inverted: Bool
    var children: [MustacheNode]
    var location: MustacheLocation
}

/// One node of a parsed template. Templates are parsed once into a tree of
/// these and rendered many times.
enum MustacheNode: Sendable {
    /// Literal text, emitted as is: its UTF-8 bytes, encoded once when the template is parsed so that each
    /// render copies them whole.
    case text([UInt8])
    /// The start of a source line. Emits the current partial indentation
    /// (nothing at top level). Not present for lines removed as standalone
    /// tags, nor for empty lines, so indentation never leaves trailing blanks.
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
    case variable(MustachePath, escaped: Bool, MustacheLocation)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(MustacheSection)
    /// `{{> name}}`. `indentation` is the whitespace before a standalone tag
    /// (possibly empty), or `nil` for an inline tag, whose partial is not indented.
    case partial(name: String, indentation: String?, MustacheLocation)
}
