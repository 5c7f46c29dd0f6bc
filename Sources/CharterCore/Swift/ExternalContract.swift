/// A contract whose code another module generates (`charter generate --external-contract common=RetailCommon`,
/// `"externalContracts"` in `charter.json`): its namespaces are translated, so that other contracts can refer to
/// its types, but not rendered; every generated file imports ``module`` instead.
public struct ExternalContract: Hashable, Sendable {
    /// The contract's name, as its `x-contract` identity gives it (`common`); for a file without one, the name Charter
    /// gives the file's namespace: its `title`, else its file name without `.schema.json` or `.json` (`Common`, `common-types`).
    public var name: String
    /// The major version, when only that one is external (`common@1`); nil for every major.
    public var major: Int?
    /// The Swift module that generates the contract's code, and which generated files import (`RetailCommon`).
    public var module: String

    /// Creates a mapping.
    public init(name: String, major: Int? = nil, module: String) {
        self.name = name
        self.major = major
        self.module = module
    }

    /// What the option's value must look like, the start of every message about it.
    static let usage = "--external-contract takes NAME=MODULE or NAME@MAJOR=MODULE (common=RetailCommon)"

    /// Parses `NAME=MODULE` or `NAME@MAJOR=MODULE`; the error says what is wrong with `text`.
    public static func parse(_ text: String) throws(UsageError) -> ExternalContract {
        guard let equals = text.firstIndex(of: "=") else { throw UsageError("\(usage), not '\(text)'") }
        do {
            return try make(contract: String(text[..<equals]), module: String(text[text.index(after: equals)...]))
        } catch {
            throw UsageError("\(usage): '\(text)': \(error.message)")
        }
    }

    /// Makes a mapping from its two halves, `NAME` or `NAME@MAJOR` and `MODULE` (the option's value, or a member of
    /// `"externalContracts"` in `charter.json`); the error says what is wrong, in terms both can use.
    public static func make(contract: String, module: String) throws(UsageError) -> ExternalContract {
        let parts = contract.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        guard !name.isEmpty else { throw UsageError("the contract name is missing") }
        var major: Int?
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let number = Int(parts[1]) else {
                throw UsageError("the major version must be a whole number, not '\(parts[1])'")
            }
            major = number
        }
        guard isModuleName(module) else {
            throw UsageError("'\(module)' is not a Swift module name (letters, digits and _, not starting with a digit)")
        }
        return ExternalContract(name: name, major: major, module: module)
    }

    /// Whether `self` and `other` can both match one contract: the same name, and the same major or either without one.
    public func overlaps(_ other: ExternalContract) -> Bool {
        name == other.name && (major == nil || other.major == nil || major == other.major)
    }

    /// Whether `text` can name a Swift module: ASCII letters, digits and `_`, not starting with a digit.
    public static func isModuleName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Whether `namespace` is this contract (in the given major, when one is given). A file without an `x-contract`
    /// identity has no major: it is this contract when its namespace has ``name`` (its `title`, else its file stem; see
    /// `Translator`) and no major is given.
    public func matches(_ namespace: IRNamespace) -> Bool {
        matches(name: namespace.contractName, major: namespace.majorVersion)
    }

    /// Whether a file whose namespace has this name and major (none without an `x-contract` identity) is this contract.
    func matches(name: String, major: Int?) -> Bool {
        guard name == self.name else { return false }
        guard let major else { return self.major == nil }
        return self.major.map { $0 == major } ?? true
    }

    /// As written on the command line: `common=RetailCommon`, `common@1=RetailCommon`.
    public var argument: String { name + (major.map { "@\($0)" } ?? "") + "=" + module }

    /// ``argument`` as a shell reads it back: as is when it holds only `A`–`Z`, `a`–`z`, `0`–`9` and `._@=-`, else in
    /// single quotes, a `'` in it written `'\''` (`'Money types=RetailHub'`).
    public var shellArgument: String {
        let plain = argument.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._@=-".unicodeScalars.contains($0)
        }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Whether `name` can be an entry's name: not empty, and without the `@` and `=` that ``make(contract:module:)`` and
    /// ``parse(_:)`` split on (a file titled `Money@Home` cannot be named external).
    public static func canName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("@") && !name.contains("=")
    }
}

extension Array where Element == ExternalContract {
    /// The module generating `namespace`'s code, when one of these contracts matches it (the first that does).
    public func module(of namespace: IRNamespace) -> String? {
        module(name: namespace.contractName, major: namespace.majorVersion)
    }

    /// The module generating the code of a file whose namespace has this name and major (none without an `x-contract`
    /// identity), when one of these contracts matches it (the first that does).
    func module(name: String, major: Int?) -> String? {
        first { $0.matches(name: name, major: major) }?.module
    }
}
