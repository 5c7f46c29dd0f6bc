/// The options every command that loads contracts shares (`--ref-map`, `--root`, `--absolute-paths`): their
/// specs and how they become ``LoaderOptions``, written once for `generate` and `lint`.
package enum LoaderArguments {
    /// The shared options, in help order.
    package static let options = [
        OptionSpec("ref-map", value: "PREFIX=DIR", repeatable: true, help: "Resolve $refs under URL PREFIX from local folder DIR."),
        OptionSpec("root", value: "DIR", help: "Folder no $ref may escape. Default: the common folder of the inputs"),
        OptionSpec("absolute-paths", help: "Name files by absolute path in messages."),
    ]

    /// Loader settings from parsed arguments; folders are made absolute against `workingDirectory`.
    package static func loaderOptions(_ arguments: ParsedArguments, workingDirectory: String) throws(UsageError) -> LoaderOptions {
        var options = LoaderOptions()
        for mapping in arguments.values["ref-map"] ?? [] {
            guard let equals = mapping.firstIndex(of: "="), equals != mapping.startIndex, mapping.index(after: equals) != mapping.endIndex else {
                throw UsageError("--ref-map takes PREFIX=DIR, not '\(mapping)'")
            }
            let directory = SchemaLoader.absolutePath(String(mapping[mapping.index(after: equals)...]), relativeTo: workingDirectory)
            options.refMappings.append(RefMapping(prefix: String(mapping[..<equals]), directory: directory))
        }
        options.absolutePaths = arguments.flags.contains("absolute-paths")
        options.root = arguments.value("root").map { SchemaLoader.absolutePath($0, relativeTo: workingDirectory) }
        return options
    }
}
