/// A set of named templates that can reference each other as partials.
///
/// Every template is parsed when it enters the library; rendering walks the
/// parsed trees only. A library is an immutable value and is safe to share
/// between tasks.
public struct MustacheLibrary: Sendable {
    /// The nesting limit used unless ``partialDepthLimit`` is changed.
    public static let defaultPartialDepthLimit = 1_000

    private var templates: [String: MustacheTemplate]

    /// How deeply partials may nest (a partial including itself counts once
    /// per level) before rendering stops with an error instead of recursing
    /// forever. The default of 1,000 is well above what the generator's templates
    /// need for the deepest nesting of types the loader accepts (subschemas nest
    /// at most 128 deep, about three partials per nested type).
    public var partialDepthLimit: Int = MustacheLibrary.defaultPartialDepthLimit

    /// Parses every template, keyed by name. Templates are parsed in name
    /// order, so when several are broken the same error is always reported.
    public init(templates: [String: String]) throws(MustacheError) {
        var parsed: [String: MustacheTemplate] = [:]
        parsed.reserveCapacity(templates.count)
        for name in templates.keys.sorted() {
            parsed[name] = try MustacheTemplate(name: name, source: templates[name]!)
        }
        self.templates = parsed
    }

    /// Collects already-parsed templates under their names. When two share a
    /// name, the later one wins (so overrides can be appended after defaults).
    public init(templates: [MustacheTemplate]) {
        var collected: [String: MustacheTemplate] = [:]
        collected.reserveCapacity(templates.count)
        for template in templates { collected[template.name] = template }
        self.templates = collected
    }

    /// The names of all templates, sorted.
    public var templateNames: [String] {
        templates.keys.sorted()
    }

    /// The template called `name`, if there is one.
    public subscript(name: String) -> MustacheTemplate? {
        templates[name]
    }

    /// The names every template of this library uses as partials (`{{> Name}}`).
    public var partialNames: Set<String> {
        Set(templates.values.flatMap { $0.partialTags.map(\.name) })
    }

    /// This library with the templates of `overrides` added, replacing any of
    /// the same name (a project's templates over the built-in defaults).
    /// Keeps this library's ``partialDepthLimit``.
    public func merging(_ overrides: MustacheLibrary) -> MustacheLibrary {
        var merged = self
        merged.templates.merge(overrides.templates) { _, override in override }
        return merged
    }

    /// Checks that every partial tag in every template names a template of
    /// this library. Throws for the first dangling reference (templates in
    /// name order, tags in source order) with its line and column.
    public func validatePartials() throws(MustacheError) {
        for name in templateNames {
            let template = templates[name]!
            for tag in template.partialTags where templates[tag.name] == nil {
                throw MustacheError(
                    template: name,
                    line: tag.location.line,
                    column: tag.location.column,
                    message: "no partial named '\(tag.name)' in the library"
                )
            }
        }
    }

    /// Renders the template called `name` with `context`.
    ///
    /// - Parameters:
    ///   - name: the template to render; an unknown name is an error.
    ///   - context: the data the template sees (the bottom of the context stack).
    ///   - escaping: `.none` (the default, for generating code: `{{x}}` renders
    ///     like `{{{x}}}`) or `.html` (the spec's escaping).
    ///   - missingNames: `.empty` (the spec: unresolved names render empty,
    ///     missing partials render empty) or `.error` (strict: each is an error
    ///     naming the template, line and column).
    ///   - expectedLength: about how many UTF-8 bytes the output will have; the output buffer reserves
    ///     that much up front, so a large render does not copy itself over and over while it grows
    ///     (0, the default, starts small). A large buffer is mapped on demand, so reserving more than is
    ///     used costs address space rather than memory.
    /// - Throws: ``MustacheError`` for an unknown template, in strict mode for
    ///   an unresolved name or missing partial, and when partials nest deeper
    ///   than ``partialDepthLimit``.
    public func render(
        _ name: String,
        _ context: MustacheValue,
        escaping: MustacheEscaping = .none,
        missingNames: MustacheMissingNames = .empty,
        expectedLength: Int = 0
    ) throws(MustacheError) -> String {
        String(decoding: try renderUTF8(name, context, escaping: escaping, missingNames: missingNames, expectedLength: expectedLength), as: UTF8.self)
    }

    /// Renders like ``render(_:_:escaping:missingNames:expectedLength:)`` and returns the output's UTF-8
    /// bytes as they were built, without copying them into a `String` (always valid UTF-8: every piece is
    /// a template's text or a string value).
    public func renderUTF8(
        _ name: String,
        _ context: MustacheValue,
        escaping: MustacheEscaping = .none,
        missingNames: MustacheMissingNames = .empty,
        expectedLength: Int = 0
    ) throws(MustacheError) -> [UInt8] {
        guard let template = templates[name] else {
            throw MustacheError(
                template: name,
                line: 0,
                column: 0,
                message: "no template named '\(name)' (the library has: \(templateNames.joined(separator: ", ")))"
            )
        }
        var renderer = MustacheRenderer(
            partials: templates,
            escaping: escaping,
            missingNames: missingNames,
            partialDepthLimit: partialDepthLimit
        )
        return try renderer.render(template, context: context, expectedLength: expectedLength)
    }
}
