import Foundation
import CharterCore

/// How a project tunes `charter lint`: the `"lint"` object of `charter.json`.
///
///     "lint": {
///       "preset": "recommended",
///       "rules": { "money-not-float": "error", "operation-sla-declared": { "severity": "warning", "options": { "maxLatencyP99Ms": 500 } } },
///       "overrides": [ { "files": ["legacy/**"], "rules": { "money-not-float": "off" } } ]
///     }
///
/// A rule's severity for a file is the last of: its default (when the preset enables it), the `rules`
/// setting, then each override whose `files` globs match the file's path relative to the configuration's
/// folder, in order.
public struct LintConfiguration: Sendable {
    /// Rule sets to start from.
    public enum Preset: String, Sendable, Hashable, CaseIterable {
        /// The rules every estate should follow (the default).
        case recommended
        /// Every rule.
        case strict
    }

    /// A rule's severity, or off.
    public enum Level: Sendable, Hashable {
        /// Not run.
        case off
        /// Run at this severity.
        case on(Severity)

        /// Parses `off`, `note`, `warning` or `error`.
        public init?(_ text: String) {
            if text == "off" { self = .off } else if let severity = Severity(rawValue: text) { self = .on(severity) } else { return nil }
        }
    }

    /// One rule's settings.
    public struct RuleSetting: Sendable {
        /// Its level, when set.
        public var level: Level?
        /// Its options, when set.
        public var options: JSONObject?

        /// Creates a setting.
        public init(level: Level? = nil, options: JSONObject? = nil) {
            self.level = level
            self.options = options
        }
    }

    /// Settings that apply only to some files.
    public struct Override: Sendable {
        /// Path patterns, relative to ``LintConfiguration/baseDirectory``.
        public var files: [Glob]
        /// Levels by rule id.
        public var levels: [String: Level]

        /// The globs an override's `files` entry stands for, read as ESLint and Spectral users write them: a leading
        /// `./` names the configuration's folder (`./legacy/**` is `legacy/**`), a trailing `/` a folder's contents
        /// (`legacy/` is `legacy/**`), and a pattern without `*` or `?` a file or a folder (`legacy` is `legacy` and
        /// `legacy/**`). Without this the three matched nothing, silently.
        public static func globs(_ pattern: String) -> [Glob] {
            var text = Substring(pattern)
            while text.hasPrefix("./") { text = text.dropFirst(2).drop { $0 == "/" } }
            if text.isEmpty || text == "." { return [Glob("**")] }
            if text.hasSuffix("/") { return [Glob(String(text) + "**")] }
            if !text.contains(where: { $0 == "*" || $0 == "?" }) { return [Glob(String(text)), Glob(String(text) + "/**")] }
            return [Glob(String(text))]
        }
    }

    /// The starting rule set.
    public var preset: Preset = .recommended
    /// Settings by rule id.
    public var rules: [String: RuleSetting] = [:]
    /// Per-path overrides, in order.
    public var overrides: [Override] = []
    /// The folder override globs are relative to (the configuration file's folder), absolute; nil: the working directory.
    public var baseDirectory: String?
    /// Levels set on the command line (`--rule ID=LEVEL`): they apply after everything in the file, overrides too.
    public var commandLineLevels: [String: Level] = [:]

    /// The default configuration: the recommended preset, nothing overridden.
    public init() {}

    /// Every top-level key of `charter.json`: `lint`, and the build plugin's settings (the plugin's own list,
    /// `CharterConfiguration.keys`, must be the same; a test checks it).
    public static let charterJSONKeys = PluginConfigurationCheck.keys

    /// The level of `rule` for the file at absolute `path`.
    public func level(of rule: any LintRule, forFile path: String) -> Level {
        var level: Level = (preset == .strict || rule.isRecommended) ? .on(rule.defaultSeverity) : .off
        if let set = rules[rule.id]?.level { level = set }
        if !overrides.isEmpty {
            let relative = Self.relativePath(path, to: baseDirectory)
            for override in overrides where override.files.contains(where: { $0.matches(relative) }) {
                if let set = override.levels[rule.id] { level = set }
            }
        }
        return commandLineLevels[rule.id] ?? level
    }

    /// `path` relative to `base` when inside it, else `path` unchanged.
    static func relativePath(_ path: String, to base: String?) -> String {
        guard let base else { return path }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Reads the `"lint"` object of a `charter.json` document (other top-level keys belong to generation and
    /// are ignored). Every mistake is a diagnostic with the file, line:column and JSON pointer.
    public static func parse(_ root: JSONNode, file: String, baseDirectory: String?, catalog: LintCatalog = .standard)
        throws(DiagnosticsError) -> LintConfiguration
    {
        var bag = DiagnosticBag()
        var configuration = LintConfiguration()
        configuration.baseDirectory = baseDirectory
        func fail(_ message: String, _ node: JSONNode, _ pointer: JSONPointer, hint: String? = nil) {
            bag.add(.error(message, at: SourceLocation(file: file, position: node.position, pointer: pointer), code: "config.invalid", hint: hint))
        }
        /// The members of an object (an error when `node` is not one); with `allowed`, only those keys.
        func members(_ node: JSONNode, _ pointer: JSONPointer, allowed: [String]? = nil) -> [JSONMember] {
            guard let object = node.object else {
                fail("must be an object", node, pointer)
                return []
            }
            guard let allowed else { return object.members }
            for member in object.members where !allowed.contains(member.key) {
                // The nearest allowed key, as the build plugin's check of the same file says it; else the whole list.
                let hint = allowed.isEmpty ? "this rule takes no options"
                    : EditDistance.closest(to: member.key, among: allowed, ignoringCase: true).map { "did you mean \"\($0)\"?" }
                        ?? "expected one of: \(allowed.joined(separator: ", "))"
                fail("unknown key \"\(member.key)\"", member.value, pointer.appending(member.key), hint: hint)
            }
            return object.members.filter { allowed.contains($0.key) }
        }
        func level(_ node: JSONNode, _ pointer: JSONPointer) -> Level? {
            guard let text = node.string, let level = Level(text) else {
                fail("a rule level must be \"off\", \"note\", \"warning\" or \"error\"", node, pointer)
                return nil
            }
            return level
        }
        func ruleID(_ key: String, _ node: JSONNode, _ pointer: JSONPointer) -> Bool {
            guard catalog.rule(key) == nil else { return true }
            fail("unknown lint rule \"\(key)\"", node, pointer,
                 hint: catalog.closestRuleID(to: key).map { "did you mean \"\($0)\"? (charter lint --list-rules)" } ?? "charter lint --list-rules lists them")
            return false
        }
        // charter.json is one object for every use of it: lint's key, and the build plugin's (which rejects unknown keys
        // too, so a misspelt "lint" is not silently a configuration without rules).
        _ = members(root, .root, allowed: charterJSONKeys)
        try bag.throwIfErrors()
        guard let lint = root["lint"] else { return configuration }
        let lintPointer = JSONPointer.root.appending("lint")
        for member in members(lint, lintPointer, allowed: ["preset", "rules", "overrides"]) {
            let pointer = lintPointer.appending(member.key)
            switch member.key {
            case "preset":
                if let text = member.value.string, let preset = Preset(rawValue: text) {
                    configuration.preset = preset
                } else {
                    fail("preset must be one of: " + Preset.allCases.map(\.rawValue).joined(separator: ", "), member.value, pointer)
                }
            case "rules":
                for rule in members(member.value, pointer) {
                    let rulePointer = pointer.appending(rule.key)
                    guard ruleID(rule.key, rule.value, rulePointer) else { continue }
                    if rule.value.string != nil {
                        configuration.rules[rule.key] = RuleSetting(level: level(rule.value, rulePointer))
                        continue
                    }
                    var setting = RuleSetting()
                    for field in members(rule.value, rulePointer, allowed: ["severity", "options"]) {
                        if field.key == "severity" {
                            setting.level = level(field.value, rulePointer.appending("severity"))
                        } else if let options = field.value.object {
                            let parameters = catalog.rule(rule.key)?.parameters ?? []
                            for option in members(field.value, rulePointer.appending("options"), allowed: parameters.map(\.name)) {
                                guard let parameter = parameters.first(where: { $0.name == option.key }) else { continue }
                                if let problem = parameter.problem(with: option.value) {
                                    fail(problem, option.value, rulePointer.appending("options").appending(option.key))
                                }
                            }
                            setting.options = options
                        } else {
                            fail("options must be an object", field.value, rulePointer.appending("options"))
                        }
                    }
                    configuration.rules[rule.key] = setting
                }
            default:  // overrides
                guard let list = member.value.array else {
                    fail("overrides must be an array", member.value, pointer)
                    continue
                }
                for (index, entry) in list.enumerated() {
                    let entryPointer = pointer.appending(index: index)
                    var override = Override(files: [], levels: [:])
                    for field in members(entry, entryPointer, allowed: ["files", "rules"]) {
                        let fieldPointer = entryPointer.appending(field.key)
                        if field.key == "files" {
                            let patterns = field.value.array?.compactMap(\.string) ?? []
                            if patterns.isEmpty || patterns.count != field.value.array?.count {
                                fail("files must be a non-empty array of path patterns", field.value, fieldPointer)
                            }
                            override.files = patterns.flatMap(Override.globs)
                        } else {
                            for rule in members(field.value, fieldPointer) {
                                let rulePointer = fieldPointer.appending(rule.key)
                                if ruleID(rule.key, rule.value, rulePointer), let level = level(rule.value, rulePointer) {
                                    override.levels[rule.key] = level
                                }
                            }
                        }
                    }
                    if override.files.isEmpty, entry.object?["files"] == nil {
                        fail("an override needs \"files\"", entry, entryPointer)
                    }
                    configuration.overrides.append(override)
                }
            }
        }
        try bag.throwIfErrors()
        return configuration
    }

    /// Reads the configuration from a `charter.json` file.
    public static func load(path: String, displayPath: String, catalog: LintCatalog = .standard) throws(DiagnosticsError) -> LintConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([.error("cannot read the configuration file", at: SourceLocation(file: displayPath), code: "config.unreadable")])
        }
        let root: JSONNode
        do {
            root = try JSONReader.parse(data)
        } catch {
            throw DiagnosticsError([.error(error.message, at: SourceLocation(file: displayPath, position: error.position, pointer: error.pointer), code: "config.invalid-json")])
        }
        // Canonical, as documents' paths are (`--config ../charter.json` names the folder above, not `sub/..`).
        let folder = DiskFileSource().canonicalPath((path as NSString).deletingLastPathComponent)
        return try parse(root, file: displayPath, baseDirectory: folder, catalog: catalog)
    }
}
