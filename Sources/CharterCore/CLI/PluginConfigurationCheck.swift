import Foundation

/// The generation settings of a target's `charter.json`, checked by `charter generate` when the build plugin names the
/// file (`--planned-config`).
///
/// The build plugin reads `charter.json` to plan, and passes its settings on as options; it cannot import this module
/// and has no JSON reader with positions. So when the file has a problem — a misspelt key, a value of the wrong type,
/// an `emit` or `access` value `charter` does not know — the plugin plans one command that runs `charter generate`
/// on the file alone, and this check reports every problem with the file, line:column and JSON pointer, once, naming
/// the key as written in `charter.json` (not the command-line option it would have become).
package enum PluginConfigurationCheck {
    /// Every top-level key of `charter.json`: the build plugin's settings and `lint` (read by `charter lint`). The
    /// plugin's list (`CharterConfiguration.keys`) and lint's use of it must agree; a test checks it.
    package static let keys = ["contracts", "access", "mutableProperties", "filesPerContract", "emit", "externalContracts", "refMap", "templates", "root", "output", "lint"]

    /// What `emit` may list: `models` and every ``SwiftOutput``.
    package static let emitValues = ["models"] + SwiftOutput.allCases.map(\.rawValue)

    /// The diagnostic code of every problem found.
    static let code = "plugin.configuration"

    /// The problems of the parsed `charter.json` at `file`, in document order: unknown keys (with the nearest known
    /// key as a hint), values of the wrong type, and `access`, `emit` and `filesPerContract` values generation does
    /// not take, and `externalContracts` entries `charter generate --external-contract` would refuse. The `lint` object is `charter lint`'s to check.
    package static func problems(_ root: JSONNode, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func fail(_ message: String, _ node: JSONNode, _ pointer: JSONPointer, hint: String? = nil) {
            problems.append(.error(message, at: SourceLocation(file: file, position: node.position, pointer: pointer), code: code, hint: hint))
        }
        /// The nearest of `candidates` to a misspelt `text`, as a hint; else `fallback`.
        func suggestion(_ text: String, among candidates: [String], fallback: String) -> String {
            EditDistance.closest(to: text, among: candidates, ignoringCase: true).map { "did you mean \"\($0)\"?" } ?? fallback
        }
        func strings(_ node: JSONNode, _ pointer: JSONPointer, _ name: String) -> [(String, JSONNode, JSONPointer)] {
            guard let elements = node.array else {
                fail("\"\(name)\" must be an array of strings", node, pointer)
                return []
            }
            return elements.enumerated().compactMap { index, element in
                guard let text = element.string else {
                    fail("\"\(name)\" must be an array of strings", element, pointer.appending(index: index))
                    return nil
                }
                return (text, element, pointer.appending(index: index))
            }
        }
        guard let object = root.object else {
            fail("charter.json must be an object", root, .root)
            return problems
        }
        for member in object.members {
            let pointer = JSONPointer.root.appending(member.key)
            let value = member.value
            switch member.key {
            case "contracts":
                _ = strings(value, pointer, member.key)
            case "emit":
                for (text, node, elementPointer) in strings(value, pointer, member.key) where !emitValues.contains(text) {
                    fail("\"emit\" has unknown output \"\(text)\"", node, elementPointer,
                         hint: suggestion(text, among: emitValues, fallback: "expected: " + emitValues.joined(separator: ", ")))
                }
            case "access":
                let levels = SwiftAccessLevel.allCases.map(\.rawValue)
                guard let text = value.string else {
                    fail("\"access\" must be a string: " + levels.joined(separator: ", "), value, pointer)
                    continue
                }
                if !levels.contains(text) {
                    fail("\"access\" must be public, package or internal, not \"\(text)\"", value, pointer,
                         hint: suggestion(text, among: levels, fallback: "expected: " + levels.joined(separator: ", ")))
                }
            case "mutableProperties":
                if value.bool == nil { fail("\"mutableProperties\" must be true or false", value, pointer) }
            case "filesPerContract":
                let range = 1...SwiftOptions.maximumFilesPerContract
                if value.string != "auto", !(value.number?.intValue.map(range.contains) ?? false) {
                    fail("\"filesPerContract\" must be a whole number from 1 to \(range.upperBound) or \"auto\"", value, pointer)
                }
            case "refMap":
                guard let map = value.object else {
                    fail("\"refMap\" must be an object of URL prefix to folder", value, pointer)
                    continue
                }
                for entry in map.members where entry.value.string == nil {
                    fail("\"refMap\" must be an object of URL prefix to folder: a folder is a string", entry.value, pointer.appending(entry.key))
                }
            case "externalContracts":
                guard let map = value.object else {
                    fail("\"externalContracts\" must be an object of contract name to Swift module", value, pointer)
                    continue
                }
                var seen: [ExternalContract] = []
                for entry in map.members {
                    let entryPointer = pointer.appending(entry.key)
                    guard let module = entry.value.string else {
                        fail("\"externalContracts\" must be an object of contract name to Swift module: a module is a string", entry.value, entryPointer)
                        continue
                    }
                    do {
                        let external = try ExternalContract.make(contract: entry.key, module: module)
                        if let other = seen.first(where: external.overlaps) {
                            fail("\"externalContracts\" names contract \(external.name)\(external.major.map { " v\($0)" } ?? "") twice: \"\(entry.key)\" and \"\(other.name)\(other.major.map { "@\($0)" } ?? "")\"", entry.value, entryPointer)
                        }
                        seen.append(external)
                    } catch {
                        fail("\"externalContracts\" entry \"\(entry.key)\": \(error.message)", entry.value, entryPointer,
                             hint: "an entry is \"NAME\": \"MODULE\" or \"NAME@MAJOR\": \"MODULE\", e.g. \"common\": \"RetailCommon\"")
                    }
                }
            case "templates", "root", "output":
                if value.string == nil { fail("\"\(member.key)\" must be a string (a path relative to the target's folder)", value, pointer) }
            case "lint":
                continue
            default:
                fail("unknown key \"\(member.key)\"", value, pointer,
                     hint: suggestion(member.key, among: keys, fallback: "charter.json has: " + keys.joined(separator: ", ")))
            }
        }
        return problems
    }
}
