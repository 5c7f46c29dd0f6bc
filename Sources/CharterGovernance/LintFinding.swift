import CharterCore

/// One problem `charter lint` found: which rule, how serious, what and where.
public struct LintFinding: Sendable, Hashable {
    /// The stable id of the rule that found it, e.g. `money-not-float`.
    public var ruleID: String
    /// Its severity after configuration (presets, rule settings, per-path overrides).
    public var severity: Severity
    /// What is wrong, lowercase first word, no trailing period.
    public var message: String
    /// How to fix it.
    public var hint: String?
    /// File, line:column and JSON pointer. Findings inside a file reached through `$ref` name that file.
    public var location: SourceLocation
    /// The finding's location relative to the loader's root, independent of line numbers and of the working
    /// directory: what baselines and SARIF fingerprints are computed from.
    public var stablePath: String
    /// More members the finding carries in structured form, in order: `charter diff` adds its contract, what changed,
    /// the impact, who it affects and the interfaces it reaches. The JSON format writes them after `fingerprint`, SARIF
    /// as the result's `properties`; none for `charter lint`'s findings, whose output they leave as it was. Not part of
    /// the ``fingerprint``.
    public var details: [JSONMember]

    /// Creates a finding.
    public init(ruleID: String, severity: Severity, message: String, hint: String? = nil, location: SourceLocation, stablePath: String,
                details: [JSONMember] = []) {
        self.details = details
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.hint = hint
        self.location = location
        self.stablePath = stablePath
    }

    /// A fingerprint that survives edits elsewhere in the file: FNV-1a (64 bits, hex) of the rule id, the
    /// stable path, the JSON pointer and the message. Baselines store it; SARIF carries it as
    /// `partialFingerprints["charter/v1"]`.
    public var fingerprint: String { fingerprint(pointer: location.pointer.description) }

    /// ``fingerprint`` for a caller that already holds the pointer's string form.
    func fingerprint(pointer: String) -> String {
        var hash = FNV1a64()
        // Each part followed by a separator no UTF-8 text contains.
        hash.mix(ruleID); hash.mix(byte: 0xff)
        hash.mix(stablePath); hash.mix(byte: 0xff)
        hash.mix(pointer); hash.mix(byte: 0xff)
        hash.mix(message); hash.mix(byte: 0xff)
        return hash.hex
    }

    /// The compiler-style line `file:line:column: warning: message [pointer] (rule-id)`.
    public var description: String {
        Diagnostic(severity, message, at: location).description + " (\(ruleID))"
    }

    /// Orders findings by file, position, pointer, then rule id: the order every output format uses.
    public static func sortedOrder(_ lhs: LintFinding, _ rhs: LintFinding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}

/// The outcome of a lint run.
public struct LintReport: Sendable {
    /// Findings still in force (not suppressed inline, not in the baseline), in ``LintFinding/sortedOrder(_:_:)``.
    public var findings: [LintFinding]
    /// How many findings inline `x-lint-ignore` suppressions silenced.
    public var suppressedCount: Int
    /// How many findings the baseline silenced.
    public var baselinedCount: Int
    /// The files linted, as shown in messages, in load order.
    public var files: [String]
    /// The rules that ran (enabled for at least one file), in catalog order.
    public var rules: [any RuleDescribing]
    /// The command that produced the report (`lint`, `diff`), named in report headings.
    public var command = "lint"
    /// Warnings from loading the contracts (unknown keywords and the like); not findings. JSON and SARIF carry them.
    public var loadWarnings: [Diagnostic]
    /// Whether the contracts loaded, so that the run linted or compared them: false for a
    /// ``loadFailure(_:command:)`` report, whose findings say why not.
    public var contractsLoaded = true
    /// More members of the JSON document, after `summary` (`charter diff` adds `versions`, its verdict per contract).
    public var jsonMembers: [(key: String, value: JSONValue)] = []

    /// Creates a report.
    public init(
        findings: [LintFinding], suppressedCount: Int, baselinedCount: Int, files: [String], rules: [any RuleDescribing],
        command: String = "lint", loadWarnings: [Diagnostic]
    ) {
        self.findings = findings
        self.suppressedCount = suppressedCount
        self.baselinedCount = baselinedCount
        self.files = files
        self.rules = rules
        self.command = command
        self.loadWarnings = loadWarnings
    }

    /// The number of findings at each severity.
    public func count(_ severity: Severity) -> Int { findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }

    /// Whether any finding is at or above `threshold` (nil: never fail).
    public func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        return findings.contains { $0.severity >= threshold }
    }
}
