import Foundation

/// Maps a URL prefix to a local folder, so `$ref`s into a shared schema catalogue resolve offline.
public struct RefMapping: Hashable, Sendable {
    /// The URL prefix, e.g. `https://schemas.example.com/`.
    public var prefix: String
    /// The absolute path of the folder that mirrors it.
    public var directory: String

    /// Creates a mapping.
    public init(prefix: String, directory: String) {
        self.prefix = prefix
        self.directory = directory
    }
}

/// Settings and limits of the loader. Every limit is documented in `docs/limits.md` and exceeding one
/// is a positioned error, never a crash.
public struct LoaderOptions: Sendable {
    /// The folder no `$ref` may escape (symlinks resolved), and that paths in messages and generated headers are
    /// relative to. Defaults to the working folder when every input is inside it, else the inputs' common folder.
    public var root: String?
    /// Offline mirrors for remote `$ref` prefixes.
    public var refMappings: [RefMapping]
    /// The largest file read, in bytes.
    public var maxFileSize: Int
    /// The deepest JSON nesting accepted.
    public var maxJSONDepth: Int
    /// The deepest nesting of subschemas accepted.
    public var maxSchemaDepth: Int
    /// The most schemas accepted across all files.
    public var maxSchemas: Int
    /// The most files loaded (inputs plus files reached through `$ref`).
    public var maxDocuments: Int
    /// The longest chain of `$ref` and `allOf` links from one schema (each link counts one). Longer
    /// chains describe no real contract and would make translation quadratic.
    public var maxReferenceChain: Int = 128
    /// The most values one `enum` may list (a larger enum would make generated code slow to compile).
    public var maxEnumValues: Int = 10_000
    /// Whether messages name files by absolute path (for build systems and IDEs) instead of relative
    /// to the working directory.
    public var absolutePaths: Bool = false
    /// How a governance number outside the range it can mean is reported (code ``outOfRangeCode``): an SLA's
    /// `availability` outside `0 < a ≤ 1` (`99.9` for 99.9%), a `latencyP99Ms`, `timeoutMs`, rate-limit `quota` or event
    /// `sla.maxLagMs` below 1, a negative retry `initialDelayMs` or `maxDelayMs`. An error by default, so nothing is
    /// generated or linted from such a value; `charter diff` reads its bases — older versions, which the head may be
    /// fixing — with `.warning`. Either way the value reads as not given (a rate limit with such a quota as none), so
    /// it is never compared with another.
    public var outOfRangeSeverity: Severity = .error

    /// How the hint of an unresolved `$ref` tells the user to map a URL prefix to a local folder: the command
    /// line's ``RefMappingAdvice/option`` by default; ``RefMappingAdvice/charterJSON`` when a Charter SwiftPM
    /// plugin runs the command (`--from-plugin`), whose user sets `"refMap"` in charter.json and passes no options.
    public var refMappingAdvice: RefMappingAdvice = .option

    /// Where a user maps a URL prefix to a local folder.
    public enum RefMappingAdvice: String, Sendable {
        /// `--ref-map PREFIX=DIR` on the command line.
        case option = "--ref-map PREFIX=DIR"
        /// `"refMap"` in the target's charter.json (the SwiftPM plugins).
        case charterJSON = #""refMap": {"PREFIX": "DIR"} in the target's charter.json"#
    }

    /// The code of the diagnostics whose severity ``outOfRangeSeverity`` sets.
    public static let outOfRangeCode = "contract.out-of-range"

    /// How a key that an object of `x-contract` does not allow is reported (code ``unknownKeyCode``; keys beginning
    /// with `x-` are always allowed): an error by default, since an unknown key is almost always a misspelt one whose
    /// value would go unread; `charter diff` reads its bases — older versions, which the head may be fixing — with
    /// `.warning`. Either way the key's value is not read.
    public var unknownKeySeverity: Severity = .error

    /// The code of the diagnostics whose severity ``unknownKeySeverity`` sets.
    public static let unknownKeyCode = "contract.unknown-key"

    /// How an operation breaking the extension schema's rules for methods is reported (code ``methodRuleCode``): a
    /// `method` not written in uppercase (`"get"`), and a `request` on a method whose requests carry no content
    /// (``ContractOperation/methodsWithoutRequestBody``). An error by default, as the schema refuses both; `charter diff`
    /// reads its bases — older versions, which loaded before the loader enforced these rules and which the head may be
    /// fixing — with `.warning`. Either way the method reads as its uppercase spelling, and such a request as not given,
    /// so it is never compared with another.
    public var methodRuleSeverity: Severity = .error

    /// The code of the diagnostics whose severity ``methodRuleSeverity`` sets.
    public static let methodRuleCode = "contract.method-rule"

    /// The codes of the diagnostics whose severity these options set (``outOfRangeSeverity``, ``unknownKeySeverity``,
    /// ``methodRuleSeverity``): what `charter diff` reads a base with as warnings, and shows why a base value is not compared.
    public static let adjustableCodes: Set<String> = [outOfRangeCode, unknownKeyCode, methodRuleCode]

    /// Creates options with the documented default limits.
    public init(
        root: String? = nil, refMappings: [RefMapping] = [], maxFileSize: Int = 32 << 20, maxJSONDepth: Int = 512,
        maxSchemaDepth: Int = 128, maxSchemas: Int = 200_000, maxDocuments: Int = 10_000
    ) {
        self.root = root
        self.refMappings = refMappings
        self.maxFileSize = maxFileSize
        self.maxJSONDepth = maxJSONDepth
        self.maxSchemaDepth = maxSchemaDepth
        self.maxSchemas = maxSchemas
        self.maxDocuments = maxDocuments
    }
}
