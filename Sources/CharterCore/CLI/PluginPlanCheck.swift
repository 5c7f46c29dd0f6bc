import Foundation

/// What the build plugin read from files when SwiftPM planned the build, checked when its command runs.
///
/// SwiftPM asks a build-tool plugin for its commands when it plans a build — after the manifest or the package's
/// list of files changes — not when a file's contents change. A command then runs again with the arguments and
/// outputs planned before: a contract that now `$ref`s a file the plan does not generate, or a `charter.json` whose
/// settings changed, would give code that does not compile or settings silently ignored. The plugin passes what it
/// planned from (`--planned-input`, `--planned-config`), and `charter generate` stops with the way out instead.
public enum PluginPlanCheck {
    /// The digest of a file's bytes the plugin passes and the command compares: ``FNV1a64`` in hex. Not a
    /// security measure, only a change detector. The plugin's copy (`CharterTargetPlan.digest`, which cannot import
    /// this module) must agree; a test checks it.
    public static func digest(_ bytes: some Sequence<UInt8>) -> String {
        var hash = FNV1a64()
        hash.mix(bytes)
        return hash.hex
    }

    /// The digest of what in a `charter.json` the build plugin plans from: every key but `lint` (which `charter lint`
    /// reads when it runs, so editing it needs no new plan), sorted and written by `JSONSerialization`, then
    /// ``digest(_:)``. nil when the bytes are not a JSON object. The plugin's copy
    /// (`CharterTargetPlan.configurationDigest`) must agree; a test checks it.
    public static func configurationDigest(_ bytes: [UInt8]) -> String? {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return nil }
        object["lint"] = nil
        guard let canonical = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
        return digest(canonical)
    }

    /// What to do about a plan that is out of date.
    static let replan = "SwiftPM plans build-tool plugin commands when the package's manifest or list of files changes, not when a file's contents change: run `touch Package.swift` and build again"

    /// What to do when the plan misses a file it should have had (the plugin could not follow a `$ref` the loader can).
    static let listIt = "if the error stays after that, the plugin did not follow that $ref: list the file in charter.json's \"contracts\""

    /// The files the generated code came from that the plan did not include (absolute, canonical), in order.
    static func unplanned(reached: [String], planned: [String], workingDirectory: String) -> [String] {
        let source = DiskFileSource()
        let canonical = { (path: String) in source.canonicalPath(SchemaLoader.absolutePath(path, relativeTo: workingDirectory)) }
        let known = Set(planned.map(canonical))
        var seen: Set<String> = []
        return reached.map(canonical).filter { !known.contains($0) && seen.insert($0).inserted }
    }

    /// `--planned-config PATH=DIGEST`: the file's problems (``PluginConfigurationCheck``, or JSON that does not parse),
    /// else an error when its generation settings no longer have that digest (``configurationDigest(_:)``), or it is
    /// gone or no longer a JSON object. Empty when the file is as planned. The build plugin passes an empty digest
    /// when it found a problem in the file, so the command always fails: with the problems, or, once they are fixed,
    /// asking for a new plan.
    static func configErrors(_ value: String, workingDirectory: String) -> [Diagnostic] {
        guard let separator = value.lastIndex(of: "=") else { return [] }
        let path = SchemaLoader.absolutePath(String(value[..<separator]), relativeTo: workingDirectory)
        let planned = String(value[value.index(after: separator)...])
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        // A duplicate key is an error of its own: the plugin's decoder and the digest would take different copies.
        if let bytes {
            let root: JSONNode
            do {
                root = try JSONReader.parse(bytes)
            } catch {
                return [.error("charter.json is not valid: \(error.message)", at: SourceLocation(file: path, position: error.position, pointer: error.pointer),
                               code: "plugin.configuration")]
            }
            let problems = PluginConfigurationCheck.problems(root, file: path)
            if !problems.isEmpty { return problems }
        }
        guard bytes.flatMap(configurationDigest) != planned else { return [] }
        return [.error("\(path) changed since this build was planned, so its settings would be ignored: \(replan)", code: "plugin.stale-plan")]
    }
}
