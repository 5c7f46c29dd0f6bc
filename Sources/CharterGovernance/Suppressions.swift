import CharterCore

/// Inline suppressions: an `x-lint-ignore` object on any JSON object of a contract silences the rules it names
/// for that object and everything inside it.
///
///     "x-lint-ignore": {
///       "money-not-float": { "reason": "POS v1 sends floats; fixed in v3", "until": "2027-03-31" },
///       "type-examples": "generated from the ERP, examples follow in 2.4"
///     }
///
/// A reason is mandatory; `until` (a full date) makes the suppression expire. Suppressions without a reason,
/// naming an unknown rule or past their date are findings themselves, and so is one that silenced nothing.
struct Suppression {
    /// The rule silenced.
    var ruleID: String
    /// Why.
    var reason: String
    /// The last day it applies, `YYYY-MM-DD`.
    var until: String?
    /// The document's stable path and the object it sits on: findings at or under this pointer are silenced.
    var stablePath: String
    var scope: JSONPointer
    /// Where the suppression's entry is written.
    var location: SourceLocation
    /// The document's absolute path (for per-path configuration of the suppression rules).
    var documentPath: String
    /// Whether it silenced anything.
    var used = false

    /// Whether it silences `finding`.
    func covers(_ finding: LintFinding) -> Bool {
        finding.ruleID == ruleID && finding.stablePath == stablePath && scope.isPrefix(of: finding.location.pointer)
    }
}

/// Collects the suppressions of every document and the findings about malformed or expired ones.
struct SuppressionCollector {
    static let keyword = "x-lint-ignore"

    let catalog: LintCatalog
    let today: String
    var suppressions: [Suppression] = []
    /// Problems with suppressions: (rule id, message, hint, location, stable path, absolute path).
    var problems: [(ruleID: String, message: String, hint: String?, location: SourceLocation, stablePath: String, path: String)] = []

    init(catalog: LintCatalog, today: String) {
        self.catalog = catalog
        self.today = today
    }

    /// Looks for the keyword in every object of `document`, in document order (an object's members and an array's
    /// elements in the order written, each container's inside before its next sibling). The walk keeps its own stack
    /// of open containers instead of recursing once per level, so a document as deep as the JSON reader accepts is
    /// walked on any thread (a 512 KiB worker stack). The path is one stack of tokens, one per open container below the
    /// root; a pointer is made only where the keyword is found: this walk visits every object and array of every
    /// document.
    mutating func collect(_ document: SchemaDocument) {
        guard let root = OpenContainer(document.root) else { return }
        var open = [root]
        var path: [String] = []
        while !open.isEmpty {
            let top = open.count - 1
            let index = open[top].next
            if index < open[top].members.count {
                open[top].next += 1
                let member = open[top].members[index]
                if member.key == Self.keyword {
                    read(member.value, scope: JSONPointer(tokens: path), document)
                } else if let container = OpenContainer(member.value) {
                    path.append(member.key)
                    open.append(container)
                }
            } else if index < open[top].elements.count {
                open[top].next += 1
                if let container = OpenContainer(open[top].elements[index]) {
                    path.append(String(index))
                    open.append(container)
                }
            } else {
                open.removeLast()
                if !open.isEmpty { path.removeLast() }
            }
        }
    }

    /// An object or array the walk is inside: its members or elements (the other is empty) and the index of the next one
    /// to look at.
    private struct OpenContainer {
        let members: [JSONMember]
        let elements: [JSONNode]
        var next = 0

        /// The container `node` is; nil for a string, number, boolean or null.
        init?(_ node: JSONNode) {
            switch node.value {
            case .object(let object): (members, elements) = (object.members, [])
            case .array(let array): (members, elements) = ([], array)
            default: return nil
            }
        }
    }

    private mutating func read(_ node: JSONNode, scope: JSONPointer, _ document: SchemaDocument) {
        let pointer = scope.appending(Self.keyword)
        func problem(_ rule: String, _ message: String, _ node: JSONNode, _ pointer: JSONPointer, hint: String? = nil) {
            problems.append((rule, message, hint, document.location(pointer, node.position), document.rootRelativePath, document.path))
        }
        guard let object = node.object else {
            problem(SuppressionInvalidRule.id, "x-lint-ignore must be an object of rule ids", node, pointer,
                    hint: #"write {"rule-id": {"reason": "why", "until": "YYYY-MM-DD"}}"#)
            return
        }
        for member in object.members {
            let entryPointer = pointer.appending(member.key)
            guard catalog.rule(member.key) != nil else {
                problem(SuppressionInvalidRule.id, "x-lint-ignore names unknown rule \"\(member.key)\"", member.value, entryPointer,
                        hint: catalog.closestRuleID(to: member.key).map { "did you mean \"\($0)\"? (charter lint --list-rules)" }
                            ?? "charter lint --list-rules lists the rule ids")
                continue
            }
            // The rules about suppressions judge the suppressions themselves: an inline entry cannot silence them
            // (it would be judged by the rule it silences), so they are configured in charter.json instead.
            guard !Self.selfJudgedRules.contains(member.key) else {
                problem(SuppressionInvalidRule.id, "x-lint-ignore cannot silence \(member.key), which judges suppressions", member.value, entryPointer,
                        hint: #"fix the suppression it reports, or set "\#(member.key)": "off" (or a path override) in charter.json"#)
                continue
            }
            var reason = member.value.string
            var until: String?
            if let fields = member.value.object {
                // A misspelt key ("untill") would otherwise silence for good what was meant to expire.
                if let unknown = fields.members.first(where: { !Self.entryKeys.contains($0.key) }) {
                    problem(SuppressionInvalidRule.id, "suppression of \(member.key) has unknown key \"\(unknown.key)\"", unknown.value,
                            entryPointer.appending(unknown.key),
                            hint: EditDistance.closest(to: unknown.key, among: Self.entryKeys).map { "did you mean \"\($0)\"?" } ?? "an entry has only \"reason\" and \"until\"")
                    continue
                }
                if let reasonNode = fields["reason"], reasonNode.string == nil {
                    problem(SuppressionInvalidRule.id, "the reason of the suppression of \(member.key) must be a string", reasonNode,
                            entryPointer.appending("reason"), hint: #"say why in words: {"reason": "…", "until": "YYYY-MM-DD"}"#)
                    continue
                }
                reason = fields["reason"]?.string
                until = fields["until"]?.string
                if let untilNode = fields["until"], until.map(InstanceFormat.isFullDate) != true {
                    problem(SuppressionInvalidRule.id, "until must be a date YYYY-MM-DD", untilNode, entryPointer.appending("until"))
                    continue
                }
            }
            guard member.value.string != nil || member.value.object != nil else {
                problem(SuppressionInvalidRule.id, "suppression of \(member.key) must be a reason or an object with one", member.value, entryPointer,
                        hint: #"write "\#(member.key)": "why" or {"reason": "why", "until": "YYYY-MM-DD"}"#)
                continue
            }
            guard let reason = reason.nonBlank else {
                problem(SuppressionInvalidRule.id, "suppression of \(member.key) gives no reason", member.value, entryPointer,
                        hint: #"say why: {"reason": "…", "until": "YYYY-MM-DD"}"#)
                continue
            }
            if let until, until < today {
                problem(SuppressionExpiredRule.id, "suppression of \(member.key) expired on \(until)", member.value, entryPointer,
                        hint: "fix the findings it hid, or renew it with a new date and reason")
                continue
            }
            suppressions.append(Suppression(
                ruleID: member.key, reason: reason, until: until, stablePath: document.rootRelativePath, scope: scope,
                location: document.location(entryPointer, member.value.position), documentPath: document.path))
        }
    }

    /// The rules that judge suppressions; inline entries cannot silence them.
    static let selfJudgedRules: Set<String> = [SuppressionInvalidRule.id, SuppressionExpiredRule.id, SuppressionUnusedRule.id]

    /// The keys of a suppression entry written as an object.
    static let entryKeys = ["reason", "until"]
}
