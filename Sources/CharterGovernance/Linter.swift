import CharterCore

/// The lint stage: runs every enabled rule of the catalog over a loaded graph, applies the configuration
/// (levels per rule and per file), the inline suppressions and the baseline, and returns the findings in a
/// stable order. Pure: it reads nothing from disk and prints nothing.
public struct Linter: Sendable {
    /// The rules.
    public var catalog: LintCatalog
    /// Levels, options and overrides.
    public var configuration: LintConfiguration
    /// Today as `YYYY-MM-DD` (suppression expiry, sunset dates).
    public var today: String
    /// Findings already accepted (nil: none).
    public var baseline: LintBaseline?

    /// Creates a linter.
    public init(catalog: LintCatalog = .standard, configuration: LintConfiguration = LintConfiguration(), today: String, baseline: LintBaseline? = nil) {
        self.catalog = catalog
        self.configuration = configuration
        self.today = today
        self.baseline = baseline
    }

    /// Lints every document of `graph` (the inputs and the files they reference).
    public func lint(_ graph: SchemaGraph) -> LintReport {
        let pathByStablePath = Dictionary(graph.documents.map { ($0.rootRelativePath, $0.path) }, uniquingKeysWith: { first, _ in first })
        let configuration = configuration
        let today = today
        let enabled = catalog.rules.filter { rule in graph.documents.contains { configuration.level(of: rule, forFile: $0.path) != .off } }
        // The rules are independent: two groups run on two cores, each with its own context; the findings are
        // sorted at the end, so the result does not depend on which finished first.
        let groups = [enabled.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), enabled.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)]
        var groupFindings = OrderedParallelMap.map(groups) { (rules: [any LintRule]) throws(Never) -> [LintFinding] in
            let context = LintContext(graph: graph, today: today)
            var findings: [LintFinding] = []
            for rule in rules {
                context.currentRule = (rule.id, configuration.rules[rule.id]?.options)
                context.reported.removeAll(keepingCapacity: true)
                rule.check(context)
                for item in context.reported {
                    guard let path = pathByStablePath[item.stablePath],
                        case .on(let severity) = configuration.level(of: rule, forFile: path)
                    else { continue }
                    findings.append(LintFinding(
                        ruleID: rule.id, severity: severity, message: item.message, hint: item.hint, location: item.location,
                        stablePath: item.stablePath))
                }
            }
            return findings
        }
        var findings = groupFindings.removeFirst()
        findings.append(contentsOf: groupFindings.removeFirst())
        var ran = enabled

        var collector = SuppressionCollector(catalog: catalog, today: today)
        for document in graph.documents { collector.collect(document) }
        var suppressedCount = 0
        // Only the suppressions of a finding's rule in its file can cover it: look those up rather than try them all.
        var candidates: [SuppressionKey: [Int]] = [:]
        for (index, suppression) in collector.suppressions.enumerated() {
            candidates[SuppressionKey(ruleID: suppression.ruleID, stablePath: suppression.stablePath), default: []].append(index)
        }
        findings.removeAll { finding in
            // The most specific suppression silences it (the innermost object's), so an outer one of the same rule
            // is stale only when it silences nothing else.
            guard !candidates.isEmpty, let indices = candidates[SuppressionKey(ruleID: finding.ruleID, stablePath: finding.stablePath)]
            else { return false }
            var chosen: Int?
            for index in indices where collector.suppressions[index].covers(finding) {
                if let best = chosen, collector.suppressions[best].scope.tokens.count >= collector.suppressions[index].scope.tokens.count { continue }
                chosen = index
            }
            guard let index = chosen else { return false }
            collector.suppressions[index].used = true
            suppressedCount += 1
            return true
        }
        var problems = collector.problems
        for suppression in collector.suppressions where !suppression.used {
            // Stale only when the rule runs for that file: a suppression of a rule turned off there is dormant.
            guard let rule = catalog.rule(suppression.ruleID), configuration.level(of: rule, forFile: suppression.documentPath) != .off else { continue }
            problems.append((SuppressionUnusedRule.id, "suppression of \(suppression.ruleID) silences nothing", "remove it",
                             suppression.location, suppression.stablePath, suppression.documentPath))
        }
        for problem in problems {
            guard let rule = catalog.rule(problem.ruleID), case .on(let severity) = configuration.level(of: rule, forFile: problem.path) else { continue }
            if !ran.contains(where: { $0.id == rule.id }) { ran.append(rule) }
            findings.append(LintFinding(
                ruleID: problem.ruleID, severity: severity, message: problem.message, hint: problem.hint, location: problem.location,
                stablePath: problem.stablePath))
        }

        var baselinedCount = 0
        if let baseline {
            var remaining = baseline.counts
            findings.removeAll { finding in
                guard let left = remaining[finding.fingerprint], left > 0 else { return false }
                remaining[finding.fingerprint] = left - 1
                baselinedCount += 1
                return true
            }
        }
        findings.sort(by: LintFinding.sortedOrder)
        let order = Dictionary(uniqueKeysWithValues: catalog.rules.enumerated().map { ($1.id, $0) })
        ran.sort { order[$0.id, default: 0] < order[$1.id, default: 0] }
        return LintReport(
            findings: findings, suppressedCount: suppressedCount, baselinedCount: baselinedCount,
            files: graph.documents.map(\.displayPath), rules: ran, loadWarnings: graph.warnings)
    }
}

/// The rule and file a suppression applies to: the only findings it can cover share both.
private struct SuppressionKey: Hashable {
    var ruleID: String
    var stablePath: String
}
