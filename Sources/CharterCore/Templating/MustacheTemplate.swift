/// A parsed Mustache template: parsed once at creation, rendered many times.
///
/// A template on its own has no partials (every `{{> name}}` renders empty,
/// or fails in strict mode); put templates in a ``MustacheLibrary`` to let
/// them include each other.
public struct MustacheTemplate: Sendable {
    /// The template's name: how partial tags refer to it and how errors name it.
    public var name: String
    /// The source text the template was parsed from.
    public let source: String
    /// The parsed tree.
    let nodes: [MustacheNode]
    /// Every partial tag, in source order.
    let partialTags: [PartialTag]

    /// A `{{> name}}` tag and where it is.
    struct PartialTag: Sendable {
        var name: String
        var location: MustacheLocation
    }

    /// Parses `source`. Throws a ``MustacheError`` with the line and column of
    /// an unclosed tag or section, a mismatched section close, an invalid
    /// name, an unsupported tag type or a bad set-delimiter tag.
    public init(name: String, source: String) throws(MustacheError) {
        let result = try MustacheParser.parse(name: name, source: source)
        self.name = name
        self.source = source
        self.nodes = result.nodes
        self.partialTags = result.partials.map { PartialTag(name: $0.name, location: $0.location) }
    }

    /// The names of the partials this template includes, sorted, without duplicates.
    public var partialNames: [String] {
        Array(Set(partialTags.map(\.name))).sorted()
    }

    /// Renders the template alone (partial tags find nothing: empty, or an
    /// error when `missingNames` is `.error`).
    ///
    /// - Parameters:
    ///   - context: the data the template sees.
    ///   - escaping: `.none` (the default, for code) or `.html`.
    ///   - missingNames: `.empty` (the spec) or `.error` (strict).
    public func render(
        _ context: MustacheValue,
        escaping: MustacheEscaping = .none,
        missingNames: MustacheMissingNames = .empty
    ) throws(MustacheError) -> String {
        var renderer = MustacheRenderer(
            partials: [:],
            escaping: escaping,
            missingNames: missingNames,
            partialDepthLimit: MustacheLibrary.defaultPartialDepthLimit
        )
        return String(decoding: try renderer.render(self, context: context), as: UTF8.self)
    }
}
