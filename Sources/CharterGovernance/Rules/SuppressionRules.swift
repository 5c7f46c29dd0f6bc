import CharterCore

// The suppression rules are enforced by the linter itself (it reads every `x-lint-ignore` while applying
// them); they are in the catalog so they have ids, levels, documentation and fixtures like any other rule.

/// `suppression-invalid`: a suppression names a real rule and says why.
struct SuppressionInvalidRule: LintRule {
    static let id = "suppression-invalid"
    var id: String { Self.id }
    let summary = "An x-lint-ignore entry names a known rule, gives a reason, and dates its until as YYYY-MM-DD."
    let rationale = "A suppression is a decision someone made; the reason is how the next reader learns why. A suppression without one (or with a reason that is not text), or of a rule that does not exist (a typo), silences nothing it was meant to and hides the intent. The three suppression rules judge the suppressions themselves, so an entry cannot silence them: they are turned off or down in charter.json, per path if need be."
    let category = LintCategory.suppressions
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "x-lint-ignore": {"money-not-float": ""}, "properties": {"unitPrice": {"type": "number"}}, "examples": [{"unitPrice": 9.99}]}"#)
    let passingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "x-lint-ignore": {"money-not-float": {"reason": "POS v1 sends floats; decimal strings from v2", "until": "2099-12-31"}}, "properties": {"unitPrice": {"type": "number"}}, "examples": [{"unitPrice": 9.99}]}"#)

    func check(_ context: LintContext) {}
}

/// `suppression-expired`: suppressions past their date stop silencing.
struct SuppressionExpiredRule: LintRule {
    static let id = "suppression-expired"
    var id: String { Self.id }
    let summary = "An x-lint-ignore entry past its until date no longer applies, and says so."
    let rationale = "Suppressions with a date are promises to fix something. When the date passes, the findings they hid come back and the suppression is reported, so the promise is either kept or renewed on purpose."
    let category = LintCategory.suppressions
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "x-lint-ignore": {"money-not-float": {"reason": "POS v1 sends floats", "until": "2020-01-31"}}, "properties": {"unitPrice": {"type": "number"}}, "examples": [{"unitPrice": 9.99}]}"#)
    let passingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "x-lint-ignore": {"money-not-float": {"reason": "POS v1 sends floats", "until": "2099-12-31"}}, "properties": {"unitPrice": {"type": "number"}}, "examples": [{"unitPrice": 9.99}]}"#)

    func check(_ context: LintContext) {}
}

/// `suppression-unused`: stale suppressions are removed.
struct SuppressionUnusedRule: LintRule {
    static let id = "suppression-unused"
    var id: String { Self.id }
    let summary = "An x-lint-ignore entry silences at least one finding."
    let rationale = "Once the problem is fixed, a leftover suppression would hide the next, unrelated violation of the same rule in that place. Stale suppressions are reported so they are removed with the fix."
    let category = LintCategory.suppressions
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "x-lint-ignore": {"money-not-float": "POS v1 sends floats"}, "properties": {"unitPrice": {"type": "string", "format": "decimal"}}, "examples": [{"unitPrice": "9.99"}]}"#)
    let passingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "properties": {"unitPrice": {"type": "string", "format": "decimal"}}, "examples": [{"unitPrice": "9.99"}]}"#)

    func check(_ context: LintContext) {}
}
