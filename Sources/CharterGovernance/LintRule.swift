import CharterCore

/// What a rule is about; groups the rule reference and the report tables.
public enum LintCategory: String, Sendable, Hashable, CaseIterable {
    /// Ownership, lifecycle and compatibility policy of a contract.
    case governance
    /// Authentication and authorisation of operations and events.
    case security
    /// Operation shape: idempotency, SLAs, errors, parameters.
    case operations
    /// Event topics, delivery, retries and ordering.
    case events
    /// Data semantics of the schemas: money, quantities, time.
    case data
    /// Names, documentation and examples of the schemas.
    case style
    /// The inline suppressions themselves.
    case suppressions
}

/// A policy setting a rule reads from `charter.json` (`"lint": {"rules": {"id": {"options": {...}}}}`).
public struct LintParameter: Sendable, Hashable {
    /// The option name, lowerCamel.
    public var name: String
    /// The default, as JSON text.
    public var defaultValue: String
    /// What it controls.
    public var summary: String
    /// The smallest value a whole-number option may take (nil: any).
    public var minimum: Int?

    /// Creates a parameter description.
    public init(_ name: String, default defaultValue: String, minimum: Int? = nil, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.summary = summary
    }

    /// The default as JSON (what a rule reads when the configuration does not set the option).
    public var defaultNode: JSONNode? { try? JSONReader.parse(defaultValue) }

    /// Why `value` cannot be this option (it must have the default's shape: a whole number, at least ``minimum``,
    /// or a list of non-blank strings), or nil when it can.
    public func problem(with value: JSONNode) -> String? {
        guard let example = defaultNode else { return nil }
        if example.number != nil {
            guard let number = value.number?.intValue else { return "\(name) must be a whole number" }
            if let minimum, number < minimum { return "\(name) must be at least \(minimum), not \(number)" }
            return nil
        }
        if example.array != nil {
            guard let list = value.array, list.allSatisfy({ $0.string != nil }) else { return "\(name) must be a list of strings" }
            // A blank word would match nothing: a mistake, not a setting.
            return list.contains(where: { $0.string!.isBlank }) ? "\(name) must not hold a blank word" : nil
        }
        return nil
    }
}

/// What every output format needs to know about a rule, lint rule or change check alike: its id, what it
/// requires, why, a tag to group it by, and its default severity.
public protocol RuleDescribing: Sendable {
    /// Stable kebab-case id.
    var id: String { get }
    /// One line.
    var summary: String { get }
    /// Why it matters (a paragraph).
    var rationale: String { get }
    /// A grouping tag (the category), shown in SARIF's rule properties.
    var tag: String { get }
    /// Severity when nothing else says.
    var defaultSeverity: Severity { get }
}

/// One governance rule: a stable id, a one-line summary, its documentation, a contract that fails it and one
/// that passes it, and the check. Rules are registered in ``LintCatalog``; the catalog's tests lint every
/// rule's two examples, so the documented examples are also the rule's fixtures.
public protocol LintRule: RuleDescribing {
    /// Stable kebab-case id, used in configuration, suppressions, baselines and every output format.
    var id: String { get }
    /// One line: what the rule requires.
    var summary: String { get }
    /// Why it matters and what to do instead (Markdown, a paragraph).
    var rationale: String { get }
    /// What the rule is about.
    var category: LintCategory { get }
    /// Severity when the configuration does not set one.
    var defaultSeverity: Severity { get }
    /// Whether the `recommended` preset (the default) enables it; `strict` enables every rule.
    var isRecommended: Bool { get }
    /// Settings the rule reads, with defaults.
    var parameters: [LintParameter] { get }
    /// A complete contract (JSON) that the rule reports.
    var failingExample: String { get }
    /// The same contract mended: no rule of the catalog (strict preset) reports anything, so it can be copied.
    var passingExample: String { get }
    /// Reports every violation in `context` through `context.report`.
    func check(_ context: LintContext)
}

extension LintRule {
    /// The category's name.
    public var tag: String { category.rawValue }
    /// Most rules are in the recommended preset.
    public var isRecommended: Bool { true }
    /// Most rules take no settings.
    public var parameters: [LintParameter] { [] }
}
