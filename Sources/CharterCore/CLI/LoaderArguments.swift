import Foundation

/// The options every command that loads contracts shares (`--ref-map`, `--root`, `--absolute-paths`): their
/// specs and how they become ``LoaderOptions``, written once for `generate` and `lint`.
package enum LoaderArguments {
    /// The shared options, in help order.
    package static let options = [
        OptionSpec("ref-map", value: "PREFIX=DIR", repeatable: true, help: "Resolve $refs under URL PREFIX from local folder DIR."),
        OptionSpec("root", value: "DIR", help: "Folder no $ref may escape, and that paths in output are relative to. Default: the working folder when every input is inside it, else the inputs' common folder"),
        OptionSpec("absolute-paths", help: "Name files by absolute path in messages."),
        OptionSpec("from-plugin", hidden: true, help: "Run by a Charter SwiftPM plugin: hints name charter.json settings, not options."),
    ]

    /// Loader settings from parsed arguments; folders are made absolute against `workingDirectory`.
    package static func loaderOptions(_ arguments: ParsedArguments, workingDirectory: String) throws(UsageError) -> LoaderOptions {
        var options = LoaderOptions()
        for mapping in arguments.values["ref-map"] ?? [] {
            guard let equals = mapping.firstIndex(of: "="), equals != mapping.startIndex, mapping.index(after: equals) != mapping.endIndex else {
                throw UsageError("--ref-map takes PREFIX=DIR, not '\(mapping)'")
            }
            let directory = SchemaLoader.absolutePath(String(mapping[mapping.index(after: equals)...]), relativeTo: workingDirectory)
            try requireFolder(directory, shown: String(mapping[mapping.index(after: equals)...]), option: "--ref-map")
            options.refMappings.append(RefMapping(prefix: String(mapping[..<equals]), directory: directory))
        }
        options.absolutePaths = arguments.flags.contains("absolute-paths")
        if arguments.flags.contains("from-plugin") { options.refMappingAdvice = .charterJSON }
        if let root = arguments.value("root") {
            options.root = SchemaLoader.absolutePath(root, relativeTo: workingDirectory)
            try requireFolder(options.root!, shown: root, option: "--root")
        }
        return options
    }

    /// A folder an option names must be one: a typo is a mistake in the command (exit 2), not one error per contract.
    static func requireFolder(_ path: String, shown: String, option: String) throws(UsageError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw UsageError("\(option) \(shown): no such folder") }
        guard isDirectory.boolValue else { throw UsageError("\(option) \(shown): not a folder") }
    }
}
