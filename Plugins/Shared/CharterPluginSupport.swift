import Foundation

/// What a target's `charter.json` may say. Every field is optional.
///
/// ```json
/// {
///   "contracts": ["Contracts"],
///   "access": "public",
///   "mutableProperties": false,
///   "filesPerContract": "auto",
///   "emit": ["models", "events", "client", "provider", "adapters"],
///   "externalContracts": { "common": "RetailCommon" },
///   "refMap": { "https://contracts.retail.example/": "../../Schemas" },
///   "templates": "Templates",
///   "root": "../.."
/// }
/// ```
/// Paths are relative to the target's folder.
struct CharterConfiguration: Decodable {
    /// Contract files or folders (searched for `*.json`). Default: every `*.json` in the target that
    /// is a schema (has `$schema`, `$defs` or `x-contract` at the top level).
    var contracts: [String]?
    /// `public`, `package` or `internal`. Default: `public`.
    var access: String?
    /// Whether struct properties are `var` rather than `let`. Default: `false`.
    var mutableProperties: Bool?
    /// How many files each contract's code is split into (`charter generate --files-per-contract`): a
    /// number from 1 to 64, or `"auto"`. The compiler builds the files of a target in parallel, so a few
    /// large contracts compile in less wall time in several files. Default: `"auto"` for the build plugin
    /// (see ``CharterTargetPlan/automaticParts(types:units:)``), 1 for the command plugin, whose files are
    /// checked in, unless `"auto"` is written out.
    var filesPerContract: FilesPerContract?
    /// What to generate (`charter generate --emit`): `models`, `events`, `client`, `provider`, `adapters`.
    /// Default: all.
    var emit: [String]?
    /// Contract name (`common`, or `common@1` for one major) → the Swift module that generates its code
    /// (`charter generate --external-contract`): the target imports that module instead of generating the contract,
    /// and must depend on it in `Package.swift` (both plugins check: ``CharterTargetPlan/checkExternalModules(targetModule:importableModules:targetsByModule:)``).
    /// As written, read only by ``decode(_:)``, which makes ``externalContractEntries`` of it: the plugins read those,
    /// and a configuration cannot hold one without the other.
    private var externalContracts: [String: String]?
    /// `externalContracts` parsed and checked by ``decode(_:)``, sorted by key; empty without the key.
    private(set) var externalContractEntries: [ExternalContractEntry] = []
    /// URL prefix → local folder, for `$ref`s into shared schema catalogues.
    var refMap: [String: String]?
    /// A folder of `*.mustache` template overrides.
    var templates: String?
    /// The folder no `$ref` may escape. Default: the package root.
    var root: String?
    /// Output folder of the command plugin (checked-in code). Default: `Generated`.
    var output: String?

    /// The keys decoded into the fields above (not ``externalContractEntries``, which ``decode(_:)`` makes).
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case contracts, access, mutableProperties, filesPerContract, emit, externalContracts, refMap, templates, root, output
    }

    static let fileName = "charter.json"

    /// Every key `charter.json` may have: the fields above and `lint` (read by `charter lint`).
    static let keys: Set<String> = Set(CodingKeys.allCases.map(\.rawValue)).union(["lint"])

    /// The `access` levels `charter generate` takes (CharterCore's `SwiftAccessLevel`; a test keeps the two equal).
    static let accessLevels: Set<String> = ["public", "package", "internal"]
    /// What `emit` may list (CharterCore's `PluginConfigurationCheck.emitValues`; a test keeps the two equal).
    static let emitValues: Set<String> = ["models", "events", "client", "provider", "adapters"]

    /// Reads `charter.json`: an unknown key (a misspelt one would otherwise be ignored), a value of the wrong type,
    /// or an `access`, `emit` or `filesPerContract` value `charter generate` does not take is an error. The build
    /// and command plugins then leave reporting it to `charter generate` (``CharterTargetPlan/configurationCheckArguments(_:output:)``),
    /// which gives line:column and the JSON pointer.
    static func decode(_ data: Data) throws -> CharterConfiguration {
        if let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
            let unknown = object.keys.filter { !keys.contains($0) }.sorted()
            if !unknown.isEmpty {
                throw CharterPluginError(description: "unknown key\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (charter.json has \(keys.sorted().joined(separator: ", ")))")
            }
        }
        do {
            var configuration = try JSONDecoder().decode(CharterConfiguration.self, from: data)
            if let access = configuration.access, !accessLevels.contains(access) {
                throw CharterPluginError(description: "access: must be public, package or internal, not '\(access)'")
            }
            if let unknown = configuration.emit?.first(where: { !emitValues.contains($0) }) {
                throw CharterPluginError(description: "emit: unknown output '\(unknown)' (emit takes \(emitValues.sorted().joined(separator: ", ")))")
            }
            if case .count(let parts)? = configuration.filesPerContract, !(1...64).contains(parts) {
                throw CharterPluginError(description: "filesPerContract: must be from 1 to 64, not \(parts)")
            }
            var entries: [ExternalContractEntry] = []
            for (key, module) in (configuration.externalContracts ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let entry = ExternalContractEntry(key: key, module: module) else {
                    throw CharterPluginError(description: "externalContracts: \"\(key)\": \"\(module)\" is not NAME[@MAJOR] to a Swift module name")
                }
                if let other = entries.first(where: entry.overlaps) {
                    throw CharterPluginError(description: "externalContracts: \"\(key)\" and \"\(other.key)\" name the same contract")
                }
                entries.append(entry)
            }
            configuration.externalContractEntries = entries
            return configuration
        } catch let error as DecodingError {
            switch error {
            case .dataCorrupted(let context) where context.codingPath.isEmpty:
                throw CharterPluginError(description: "not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))")
            case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
                let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
                throw CharterPluginError(description: "\(path): \(context.debugDescription)")
            @unknown default:
                throw error
            }
        }
    }
}

/// One entry of `"externalContracts"`: a contract (every major, or the one given) whose code another module generates.
/// The same rules as CharterCore's `ExternalContract.make(contract:module:)`, which the plugin cannot import (a test
/// keeps the two equal).
struct ExternalContractEntry: Equatable {
    /// The contract's `x-contract` name; for a file without one, its `title`, else its file stem
    /// (``CharterTargetPlan/externalName(of:files:)``).
    var name: String
    /// The major version, when only that one is external.
    var major: Int?
    /// The module generating its code.
    var module: String

    /// Reads `"NAME"` or `"NAME@MAJOR"` and a module name; nil when `charter generate` would refuse them.
    init?(key: String, module: String) {
        let parts = key.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard !parts[0].isEmpty, let first = module.unicodeScalars.first, !("0"..."9").contains(first),
            module.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let major = Int(parts[1]) else { return nil }
            self.major = major
        }
        self.name = parts[0]
        self.module = module
    }

    /// The key as `charter.json` writes it.
    var key: String { name + (major.map { "@\($0)" } ?? "") }

    /// The `--external-contract` value.
    var argument: String { key + "=" + module }

    /// Whether a contract of this identity is this entry's (a file without an `x-contract` identity has no major, and
    /// is only an entry's that gives none).
    func matches(_ identity: (name: String, major: Int?)) -> Bool {
        identity.name == name && (major.map { $0 == identity.major } ?? true)
    }

    /// Whether the two can match one contract.
    func overlaps(_ other: ExternalContractEntry) -> Bool {
        name == other.name && (major == nil || other.major == nil || major == other.major)
    }
}

/// `filesPerContract` in `charter.json`: a number of files for every contract, or `"auto"`.
enum FilesPerContract: Decodable, Equatable {
    /// This many files for every contract.
    case count(Int)
    /// The build plugin chooses per contract from its number of types.
    case automatic

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let count = try? container.decode(Int.self) {
            self = .count(count)
        } else if let text = try? container.decode(String.self), text == "auto" {
            self = .automatic
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a number from 1 to 64 or \"auto\"")
        }
    }
}

/// A plugin failure with the target and file it concerns; SwiftPM shows it as a build error.
struct CharterPluginError: Error, CustomStringConvertible {
    var description: String
    /// Whether the failure is only that the target has no contracts (which command plugins run over every
    /// target skip; any other failure they report).
    var isNoContracts = false
    /// The `charter.json` whose content is the failure (``CharterConfiguration/decode(_:)``), which the build plugin
    /// has `charter generate` report with positions (``CharterTargetPlan/configurationCheckArguments(_:output:)``).
    var invalidConfiguration: URL?
}

/// What the command plugins pass on to `charter` once per target, checked before any target runs.
enum CommandPluginArguments {
    /// Whether `arguments` ask for help (`--help` or `-h` before any `--`).
    static func wantHelp(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
    }

    /// The help of a command plugin run as `invocation` (`swift package charter-lint`) around `charter command`: its
    /// own option and where the contracts and settings come from, printed before `charter command --help` (whose
    /// options it passes on, and whose PATH default does not apply).
    static func help(invocation: String, command: String) -> String {
        """
        USAGE: \(invocation) [--target NAME]... [charter \(command) options]

          --target NAME           A target to run on (repeatable). Default: every target with contracts (others are skipped).

        For each target, runs charter \(command) on the target's contracts: those its charter.json lists under
        "contracts", else every *.json schema in the target's folder (not Schemas), with charter.json's "refMap" and
        "root"\(command == "lint" ? " and its \"lint\" settings" : command == "generate" ? ", its generation settings, writing to \"output\" (default: Generated in the target's folder)" : ""). Any other option below is passed on unchanged.
        README.md ("Use Charter in your package") has the details.

        charter \(command) --help:
        """
    }

    /// The line written before one target's run when `targets` (two or more) run, so that each summary (`no findings
    /// in 2 files`) says whose it is; nil for one target, and with `--quiet` / `-q` before any `--` (nothing but problems).
    static func heading(command: String, target: String, targets: Int, arguments: [String]) -> String? {
        guard targets > 1, !arguments.prefix(while: { $0 != "--" }).contains(where: { $0 == "--quiet" || $0 == "-q" }) else { return nil }
        return "charter \(command): target '\(target)'"
    }

    /// Why `arguments` cannot run once per target over `targets` (two or more): a `--report` or `--write-baseline`
    /// file would hold only the last target's findings — code scanning would close the others' alerts as fixed — and
    /// a `--format` of one document (JSON, SARIF, JUnit, HTML) would print one per target back to back, which no
    /// reader parses. Nil when they can (text, GitHub annotations and Markdown concatenate).
    static func perTargetProblem(_ arguments: [String], targets: [String]) -> String? {
        guard targets.count > 1 else { return nil }
        var index = 0
        var problem: String?
        func value(_ option: String) -> String? {
            if arguments[index].hasPrefix(option + "=") { return String(arguments[index].dropFirst(option.count + 1)) }
            guard arguments[index] == option, index + 1 < arguments.count else { return nil }
            index += 1
            return arguments[index]
        }
        while index < arguments.count, problem == nil {
            if arguments[index] == "--" { break }
            if let report = value("--report") {
                problem = "--report \(report) would hold only the last target's findings"
            } else if let baseline = value("--write-baseline") {
                problem = "--write-baseline \(baseline) would hold only the last target's findings"
            } else if let format = value("--format") ?? value("-f"), ["json", "sarif", "junit", "html"].contains(format) {
                problem = "--format \(format) would print one document per target, which no reader parses as one"
            }
            index += 1
        }
        return problem.map { "\($0): \(targets.count) targets have contracts (\(targets.joined(separator: ", "))); run once per target with --target NAME" }
    }
}

/// The JSON files one plan reads, each read and parsed once: planning asks about the same files many times (is it a
/// contract, its identity, its `$id`, its types, its `$ref`s, and those of every file it reaches).
final class PlanFiles {
    /// What reading a file gave.
    enum Content {
        case unreadable
        case notJSON
        case json(Any)
    }

    private var contents: [URL: Content] = [:]

    /// The file's content, read and parsed on first use.
    func content(_ file: URL) -> Content {
        if let known = contents[file] { return known }
        let content: Content
        if let data = try? Data(contentsOf: file) {
            content = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])).map(Content.json) ?? .notJSON
        } else {
            content = .unreadable
        }
        contents[file] = content
        return content
    }

    /// The parsed JSON, when the file is readable JSON.
    func json(_ file: URL) -> Any? {
        if case .json(let value) = content(file) { return value }
        return nil
    }

    /// The top-level object, when the file's JSON is one.
    func object(_ file: URL) -> [String: Any]? { json(file) as? [String: Any] }
}

/// Everything the plugins work out about one target before running `charter`.
struct CharterTargetPlan {
    /// The target's name.
    var targetName: String
    /// The target's folder.
    var directory: URL
    /// `charter.json`, if the target has one.
    var configurationFile: URL?
    /// The digest of its bytes when the plan was made (``digest(_:)``).
    var configurationDigest: String?
    /// Its contents.
    var configuration: CharterConfiguration
    /// The contracts to generate, sorted by path.
    var contracts: [URL]
    /// Files to generate: the contracts and every file they reach through `$ref`, each with its output name.
    var units: [Unit]
    /// The version adapters to generate: one per contract given in two or more major versions, unless
    /// `emit` leaves adapters out.
    var adapterUnits: [AdapterUnit]
    /// Template override files.
    var templateFiles: [URL]
    /// The external contracts each file of the plan is or reaches through `$ref`, by file.
    var externalContractsReached: [URL: [ExternalContractEntry]] = [:]
    /// The `$ref` root.
    var root: URL

    /// One file to generate, how many files its code goes into, and everything its output depends on.
    struct Unit {
        var source: URL
        var outputName: String
        var dependencies: [URL]
        /// How many files the build plugin's command writes for it (`--files-per-contract`), at least 1.
        var parts: Int = 1
    }

    /// One contract's majors (lowest first), the adapters file they give and everything it depends on.
    struct AdapterUnit {
        var sources: [URL]
        var outputName: String
        var dependencies: [URL]
    }

    /// The files the build plugin's command for `unit` writes (`charter generate --file-name`): its output
    /// name, then one `+Part<k>` file per further part.
    func outputNames(of unit: Unit) -> [String] {
        Self.partNames(unit.outputName, count: unit.parts)
    }

    /// The `--files-per-contract` arguments of the build plugin's command for `unit` (none for one file).
    func partArguments(of unit: Unit) -> [String] {
        unit.parts > 1 ? ["--files-per-contract", String(unit.parts)] : []
    }

    /// The `--files-per-contract` arguments of the command plugin, which writes code to be checked in: what
    /// `charter.json` gives (a number, or `"auto"`: `charter generate --files-per-contract auto` applies the same
    /// rule as ``automaticParts(types:units:)``); one file per contract when it gives nothing.
    var checkedInPartArguments: [String] {
        switch configuration.filesPerContract {
        case .count(let count)? where count > 1: return ["--files-per-contract", String(count)]
        case .automatic?: return ["--files-per-contract", "auto"]
        default: return []
        }
    }

    /// Top-level types in a unit of `types` types (`$defs`) per generated file under `"auto"`.
    static let typesPerAutomaticPart = 20
    /// The most files one unit is split into under `"auto"`.
    static let maximumAutomaticParts = 4
    /// Under `"auto"`, splitting stops once the target has this many generated files.
    static let automaticFileBudget = 8

    /// How many files `"auto"` gives a unit of `types` top-level types in a target of `units` units: one per
    /// ``typesPerAutomaticPart`` types, at most ``maximumAutomaticParts``, and at most an equal share of
    /// ``automaticFileBudget`` (a target of many contracts already has files enough to compile in
    /// parallel, and every further file costs each compile job its parsing). BENCHMARKS.md, "Splitting in
    /// the build plugin", has the measurements behind the numbers. The same rule as CharterCore's
    /// `SwiftFileParts.automaticCount` (`charter generate --files-per-contract auto`), which the plugin cannot
    /// import; a test keeps the two equal.
    static func automaticParts(types: Int, units: Int) -> Int {
        max(1, min(types / typesPerAutomaticPart, maximumAutomaticParts, automaticFileBudget / max(units, 1)))
    }

    /// `name`, then `<stem>+Part2.swift` … `<stem>+Part<count>.swift`: how CharterCore's
    /// `SwiftFileParts.fileName` names the parts of one contract's code (the plugin cannot import it).
    static func partNames(_ name: String, count: Int) -> [String] {
        let stem = name.hasSuffix(".swift") ? String(name.dropLast(".swift".count)) : name
        return [name] + (1..<max(count, 1)).map { "\(stem)+Part\($0 + 1).swift" }
    }

    init(targetName: String, directory: URL, packageDirectory: URL) throws {
        self.targetName = targetName
        self.directory = directory
        let configURL = directory.appendingPathComponent(CharterConfiguration.fileName)
        if FileManager.default.fileExists(atPath: configURL.path) {
            configurationFile = configURL
            do {
                let data = try Data(contentsOf: configURL)
                configuration = try CharterConfiguration.decode(data)
                // Never nil once the file decoded; should it be, the bytes' digest still catches every edit.
                configurationDigest = Self.configurationDigest(data) ?? Self.digest(data)
            } catch {
                throw CharterPluginError(description: "\(configURL.path): target '\(targetName)': charter.json is not valid: \(error)", invalidConfiguration: configURL)
            }
        } else {
            configurationFile = nil
            configuration = CharterConfiguration()
        }
        root = configuration.root.map { Self.resolve($0, in: directory) } ?? packageDirectory
        let files = PlanFiles()
        contracts = try Self.findContracts(configuration.contracts, in: directory, targetName: targetName, files: files)
        guard !contracts.isEmpty else {
            throw CharterPluginError(description: "\(directory.path): target '\(targetName)' has no contracts: add *.json contracts to the target or list them in charter.json", isNoContracts: true)
        }
        try Self.checkIdentities(contracts, targetName: targetName, files: files)
        let refMap = (configuration.refMap ?? [:]).mapValues { Self.resolve($0, in: directory) }
        var closure: [URL: [URL]] = [:]
        var order: [URL] = []
        for contract in contracts {
            for file in [contract] + Self.referencedFiles(from: contract, refMap: refMap, files: files) where closure[file] == nil {
                closure[file] = Self.referencedFiles(from: file, refMap: refMap, files: files)
                order.append(file)
            }
        }
        try Self.checkDocumentIDs(order, targetName: targetName, files: files)
        // A contract another module generates gets no command: the commands of the files that reach it import the module.
        let entries = configuration.externalContractEntries
        let external = { (file: URL) -> ExternalContractEntry? in
            let name = Self.externalName(of: file, files: files)
            return entries.first { $0.matches(name) }
        }
        if !entries.isEmpty {
            let identities = order.map { Self.externalName(of: $0, files: files) }
            for entry in entries where !identities.contains(where: entry.matches) {
                throw CharterPluginError(description: "\(configURL.path): target '\(targetName)': externalContracts: \"\(entry.key)\" is no contract of the target or of a file it reaches through $ref (\(identities.map { $0.name + ($0.major.map { " v\($0)" } ?? "") }.sorted().joined(separator: ", ")))")
            }
            // One entry, one contract (CharterCore's `ExternalContractCheck` has the same rule): an x-contract contract,
            // any of its majors, or one file without x-contract, not both.
            for entry in entries {
                let matched = order.filter { entry.matches(Self.externalName(of: $0, files: files)) }.sorted { $0.path < $1.path }
                guard Set(matched.map { Self.externalName(of: $0, files: files).major == nil ? $0.path : "" }).count > 1 else { continue }
                throw CharterPluginError(description: "\(configURL.path): target '\(targetName)': externalContracts: \"\(entry.key)\" matches more than one contract: \(matched.map(\.path).joined(separator: ", ")) (name an x-contract contract with its major, \"\(entry.name)@MAJOR\", which a file without x-contract does not match; give a file without x-contract a title no other contract has)")
            }
            for file in order {
                var reached: [ExternalContractEntry] = []
                for entry in ([file] + (closure[file] ?? [])).compactMap(external) where !reached.contains(entry) { reached.append(entry) }
                externalContractsReached[file] = reached.sorted { $0.key < $1.key }
            }
        }
        // Every file a unit writes (its parts too: `orders+Part2.json` must not collide with the second
        // part of `orders.json`) gets a name no other unit's file has, ignoring case.
        var used: Set<String> = []
        units = order.filter { external($0) == nil }.sorted { $0.path < $1.path }.map { [configuration] file in
            let parts: Int
            switch configuration.filesPerContract ?? .automatic {
            case .count(let count): parts = count
            case .automatic: parts = Self.automaticParts(types: Self.typeCount(of: file, files: files), units: order.count)
            }
            var name = file.deletingPathExtension().lastPathComponent + ".swift"
            var parent = file.deletingLastPathComponent()
            while Self.partNames(name, count: parts).contains(where: { used.contains($0.lowercased()) }) {
                name = parent.lastPathComponent + "_" + name
                parent = parent.deletingLastPathComponent()
            }
            used.formUnion(Self.partNames(name, count: parts).map { $0.lowercased() })
            return Unit(source: file, outputName: name, dependencies: closure[file] ?? [], parts: parts)
        }
        adapterUnits = []
        if configuration.emit.map({ $0.contains("adapters") }) ?? true {
            var families: [String: [(major: Int, file: URL)]] = [:]
            for file in contracts {
                guard let identity = Self.identity(of: file, files: files) else { continue }
                families[identity.name, default: []].append((identity.major, file))
            }
            // A contract any of whose majors is external has its adapters in that module, if anywhere.
            for (name, members) in families.sorted(by: { $0.key < $1.key })
            where members.count > 1 && !members.contains(where: { external($0.file) != nil }) {
                let sources = members.sorted { $0.major < $1.major }.map(\.file)
                var outputName = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }) + "-adapters.swift"
                while used.contains(outputName.lowercased()) { outputName = "_" + outputName }
                used.insert(outputName.lowercased())
                var dependencies: [URL] = []
                for source in sources {
                    for file in closure[source] ?? [] where !dependencies.contains(file) && !sources.contains(file) { dependencies.append(file) }
                }
                adapterUnits.append(AdapterUnit(sources: sources, outputName: outputName, dependencies: dependencies))
            }
        }
        if let templates = configuration.templates {
            let folder = Self.resolve(templates, in: directory)
            templateFiles = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".mustache") }.sorted().map { folder.appendingPathComponent($0) }
        } else {
            templateFiles = []
        }
    }

    /// The `--external-contract` arguments of a command generating `sources`: one per external contract they are or reach.
    func externalArguments(of sources: [URL]) -> [String] {
        var entries: [ExternalContractEntry] = []
        for source in sources {
            for entry in externalContractsReached[source] ?? [] where !entries.contains(entry) { entries.append(entry) }
        }
        return entries.sorted { $0.key < $1.key }.flatMap { ["--external-contract", $0.argument] }
    }

    /// The `--external-contract` arguments of the command plugin, which generates all of the target's contracts at once.
    var allExternalArguments: [String] {
        configuration.externalContractEntries.flatMap { ["--external-contract", $0.argument] }
    }

    /// The arguments by which a build plugin command checks that the build's plan is still current when it runs:
    /// SwiftPM asks the plugin for commands only when the package's manifest or list of files changes, so a contract
    /// that now reaches a file no command generates, or a changed `charter.json`, would otherwise run with what was
    /// planned before (`charter generate` explains what to do). Every file the plan generates is named, so a `$ref`
    /// to one another command generates is no error.
    var planArguments: [String] {
        var arguments = units.flatMap { ["--planned-input", $0.source.path] }
        if let configurationFile, let configurationDigest {
            arguments += ["--planned-config", "\(configurationFile.path)=\(configurationDigest)"]
        }
        return arguments
    }

    /// The arguments of the one command the build plugin plans for a target whose `charter.json` has a problem
    /// (``CharterPluginError/invalidConfiguration``): `charter generate` checks the file and reports every problem
    /// once, with line:column, JSON pointer and the key as written. The digest is left empty, so that once the file is
    /// fixed the command still fails, asking for the new plan that SwiftPM would not otherwise make.
    static func configurationCheckArguments(_ file: URL, output: URL) -> [String] {
        ["generate", "--output", output.path, "--planned-config", file.path + "=", "--quiet"]
    }

    /// The file the configuration check command declares (SwiftPM runs a command only for its outputs); never written.
    static let configurationCheckOutput = "charter.json-check.swift"

    /// The digest of the generation settings in a `charter.json`: every key but `lint`, sorted and written by
    /// `JSONSerialization`, then ``digest(_:)`` — CharterCore's `PluginPlanCheck.configurationDigest` (a test keeps
    /// the two equal), so an edit of the lint settings alone does not make `charter generate` ask for a new plan.
    static func configurationDigest(_ data: Data) -> String? {
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        object["lint"] = nil
        guard let canonical = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
        return digest(canonical)
    }

    /// 64-bit FNV-1a of `data`, in hex: CharterCore's `PluginPlanCheck.digest` (a test keeps the two equal).
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The `charter generate` arguments shared by both plugins (access, mutability, ref maps, templates, root);
    /// how many files a contract goes into is each plugin's (``partArguments(of:)``, ``checkedInPartArguments``).
    var commonArguments: [String] {
        var arguments = loaderArguments
        if let access = configuration.access { arguments += ["--access", access] }
        if configuration.mutableProperties == true { arguments.append("--mutable-properties") }
        if let emit = configuration.emit { arguments += ["--emit", emit.isEmpty ? "models" : emit.joined(separator: ",")] }
        if let templates = configuration.templates { arguments += ["--templates", Self.resolve(templates, in: directory).path] }
        return arguments
    }

    /// The arguments that say how contracts are loaded (root, ref maps, absolute paths), which every
    /// `charter` command takes, and `--from-plugin`, so that hints name charter.json's settings (`"refMap"`), not options.
    var loaderArguments: [String] {
        var arguments = ["--root", root.path, "--absolute-paths", "--from-plugin"]
        for (prefix, folder) in (configuration.refMap ?? [:]).sorted(by: { $0.key < $1.key }) {
            arguments += ["--ref-map", "\(prefix)=\(Self.resolve(folder, in: directory).path)"]
        }
        return arguments
    }

    /// The arguments of `charter lint` for this target: the loader's, and the target's `charter.json` (whose
    /// `"lint"` object configures the rules).
    var lintArguments: [String] {
        loaderArguments + (configurationFile.map { ["--config", $0.path] } ?? [])
    }

    /// A path from `charter.json`: absolute as written, else relative to the target's folder.
    static func resolve(_ path: String, in directory: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)).standardizedFileURL
    }

    /// The contracts named by `charter.json`, or the schema files found in the target.
    static func findContracts(_ listed: [String]?, in directory: URL, targetName: String, files: PlanFiles) throws -> [URL] {
        var result: [URL] = []
        if let listed {
            for entry in listed {
                let url = Self.resolve(entry, in: directory)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                    throw CharterPluginError(description: "\(directory.appendingPathComponent(CharterConfiguration.fileName).path): target '\(targetName)': contract path '\(entry)' does not exist")
                }
                result += isDirectory.boolValue ? jsonFiles(in: url) : [url]
            }
        } else {
            result = jsonFiles(in: directory).filter { $0.lastPathComponent != CharterConfiguration.fileName && looksLikeSchema($0, files: files) }
        }
        return Array(Set(result.map(\.standardizedFileURL))).sorted { $0.path < $1.path }
    }

    static func jsonFiles(in directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
    }

    /// The number of top-level types a file declares (`$defs` and `definitions`): what `"auto"` splits by.
    static func typeCount(of file: URL, files: PlanFiles) -> Int {
        guard let object = files.object(file) else { return 0 }
        return ((object["$defs"] as? [String: Any])?.count ?? 0) + ((object["definitions"] as? [String: Any])?.count ?? 0)
    }

    /// Whether a `*.json` file is taken for a contract: its top level has `$schema`, `$defs`, `definitions` or
    /// `x-contract` — or it is not JSON at all, so that `charter` reports where its syntax breaks instead of the
    /// contract silently dropping out of the build.
    static func looksLikeSchema(_ file: URL, files: PlanFiles) -> Bool {
        switch files.content(file) {
        case .unreadable: return false
        case .notJSON: return true
        case .json: break
        }
        guard let object = files.object(file) else { return false }
        return object["$schema"] != nil || object["$defs"] != nil || object["x-contract"] != nil || object["definitions"] != nil
    }

    /// A contract's name and major version, when its `x-contract` gives them.
    static func identity(of file: URL, files: PlanFiles) -> (name: String, major: Int)? {
        guard let contract = files.object(file)?["x-contract"] as? [String: Any], let name = contract["name"] as? String,
            let version = contract["version"] as? String, let major = version.split(separator: ".").first.flatMap({ Int($0) })
        else { return nil }
        return (name, major)
    }

    /// The name `"externalContracts"` gives a file: its `x-contract` identity, else the name Charter gives its namespace
    /// (CharterCore's `Translator`, which the plugin cannot import; a test keeps the two equal): its `title`, else its
    /// file name without `.schema.json` or `.json`, and no major.
    static func externalName(of file: URL, files: PlanFiles) -> (name: String, major: Int?) {
        if let identity = identity(of: file, files: files) { return (identity.name, identity.major) }
        if let title = files.object(file)?["title"] as? String { return (title, nil) }
        var name = file.lastPathComponent
        for suffix in [".schema.json", ".json"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return (name, nil)
    }

    /// Two contracts with the same name and major version cannot both generate.
    static func checkIdentities(_ contracts: [URL], targetName: String, files: PlanFiles) throws {
        var seen: [String: URL] = [:]
        for file in contracts {
            guard let (name, major) = identity(of: file, files: files) else { continue }
            let identity = "\(name) v\(major)"
            if let other = seen[identity] {
                throw CharterPluginError(description: "\(file.path): target '\(targetName)': duplicate contract identity \(identity), also declared by \(other.path)")
            }
            seen[identity] = file
        }
    }

    /// Two files with the same top-level `$id` cannot both load (`charter generate` on all of them says so); the
    /// build plugin runs one command per file, which would not notice, so the plan checks.
    static func checkDocumentIDs(_ documents: [URL], targetName: String, files: PlanFiles) throws {
        var seen: [String: URL] = [:]
        for file in documents.sorted(by: { $0.path < $1.path }) {
            guard let id = files.object(file)?["$id"] as? String else { continue }
            if let other = seen[id] {
                throw CharterPluginError(description: "\(file.path): target '\(targetName)': duplicate $id \(id), also declared by \(other.path)")
            }
            seen[id] = file
        }
    }

    /// Every file reachable from `file` through `$ref`s (relative paths, and mapped URL prefixes),
    /// transitively. Unresolvable references are left for `charter` to report with positions.
    static func referencedFiles(from file: URL, refMap: [String: URL], files: PlanFiles) -> [URL] {
        var found: [URL] = []
        var queue = [file]
        var seen: Set<URL> = [file]
        while let current = queue.popLast() {
            guard let json = files.json(current) else { continue }
            // As the loader does: a reference resolves against the document's `$id` when it has one, else against the
            // file (its real path, symlinks resolved); a URL under a `refMap` prefix (the longest that matches) names a
            // file in the mapped folder; a relative reference that maps nowhere may still name a file beside this one.
            let real = current.resolvingSymlinksInPath()
            let id = ((json as? [String: Any])?["$id"] as? String).flatMap { URL(string: $0) }.flatMap { $0.scheme == nil ? nil : $0 }
            for reference in references(in: json) {
                let target = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                guard !target.isEmpty else { continue }
                var candidates: [URL] = []
                if let absolute = URL(string: target, relativeTo: id ?? real)?.absoluteURL {
                    if absolute.isFileURL {
                        candidates.append(absolute)
                    } else if let mapped = Self.mapped(absolute.absoluteString, refMap: refMap) {
                        candidates.append(mapped)
                    }
                }
                if !target.contains(":") {
                    candidates.append(real.deletingLastPathComponent().appendingPathComponent(target.removingPercentEncoding ?? target))
                }
                guard let resolved = candidates.map({ $0.standardizedFileURL }).first(where: { FileManager.default.fileExists(atPath: $0.path) }),
                    seen.insert(resolved).inserted
                else { continue }
                found.append(resolved)
                queue.append(resolved)
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The local file a URL names through `refMap`: the longest matching prefix wins (as in `charter`'s loader),
    /// and the rest of the URL is percent-decoded into a path under the mapped folder.
    static func mapped(_ url: String, refMap: [String: URL]) -> URL? {
        guard let mapping = refMap.filter({ url.hasPrefix($0.key) }).max(by: { $0.key.count < $1.key.count }) else { return nil }
        let rest = String(url.dropFirst(mapping.key.count))
        return mapping.value.appendingPathComponent(rest.removingPercentEncoding ?? rest)
    }

    static func references(in json: Any) -> [String] {
        var result: [String] = []
        var stack: [Any] = [json]
        while let value = stack.popLast() {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    if key == "$ref", let text = child as? String { result.append(text) } else { stack.append(child) }
                }
            } else if let array = value as? [Any] {
                stack.append(contentsOf: array)
            }
        }
        return result
    }
}
