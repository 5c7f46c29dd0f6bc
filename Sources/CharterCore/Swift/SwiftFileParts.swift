/// How one contract's code is spread over several files when ``SwiftOptions/filesPerContract`` is above 1.
///
/// The namespace's top-level declarations keep their order and are cut into contiguous runs of about equal
/// weight (`weight(of:in:)`: a declaration, its members and its nested types), one run per file; a nested
/// type stays in its parent's file. The split depends only on the contract and the part count, so the same
/// input gives the same files, and the file names depend only on the contract's file name and the part
/// count, so the build plugin can name every output before anything is generated (SwiftPM needs that).
/// Every part gets at least one declaration when there are enough; with fewer declarations than parts, the
/// last parts hold none and are still written, so the set of files never changes with the contract's
/// contents.
public enum SwiftFileParts {
    /// The name of part `number` (1-based) of the file `base`: part 1 is `base` itself, part *k*
    /// inserts `+Part<k>` before the `.swift` extension (`InventoryV2.swift` → `InventoryV2+Part2.swift`).
    /// The build plugin (`Plugins/Shared/CharterPluginSupport.swift`) names the parts the same way.
    public static func fileName(_ base: String, part number: Int) -> String {
        guard number > 1 else { return base }
        let stem = base.hasSuffix(".swift") ? String(base.dropLast(".swift".count)) : base
        return "\(stem)+Part\(number).swift"
    }

    /// Top-level types per file under `--files-per-contract auto`.
    public static let typesPerAutomaticPart = 20
    /// The most files `auto` splits one contract into.
    public static let maximumAutomaticParts = 4
    /// Under `auto`, splitting stops once the output has this many files.
    public static let automaticFileBudget = 8

    /// How many files `--files-per-contract auto` gives a contract of `types` top-level types among `files`
    /// generated contract files: one per ``typesPerAutomaticPart`` types, at most ``maximumAutomaticParts``,
    /// and at most an equal share of ``automaticFileBudget`` (many contracts are already files enough to
    /// compile in parallel, and every further file costs each compile job its parsing). The build plugin
    /// applies the same rule to the `$defs` it counts (`CharterTargetPlan.automaticParts`, which cannot import
    /// this module; a test keeps the two equal). It does not look at the machine's cores, so the same
    /// contracts give the same files everywhere.
    public static func automaticCount(types: Int, files: Int) -> Int {
        max(1, min(types / typesPerAutomaticPart, maximumAutomaticParts, automaticFileBudget / max(files, 1)))
    }

    /// Splits declarations of the given weights (in order) into `count` contiguous runs of about equal
    /// total weight. Each declaration goes to the part its weight's midpoint falls in, except that a part
    /// is never skipped while declarations remain (a heavy declaration cannot leave the part before it
    /// empty) and enough declarations are left for the parts after it: with at least `count` declarations
    /// every part gets one or more, with fewer the first parts get one each and the last are empty.
    /// Returns exactly `max(count, 1)` ranges of indices into `weights`, in order, covering them all.
    public static func partition(_ weights: [Int], into count: Int) -> [Range<Int>] {
        let count = max(count, 1)
        let total = weights.reduce(0) { $0 + max($1, 1) }
        var ends = Array(repeating: 0, count: count)
        var before = 0
        var previous = -1
        for (index, rawWeight) in weights.enumerated() {
            let weight = max(rawWeight, 1)
            let midpoint = (2 * before + weight) * count / (2 * total)
            let leaveEnough = count - (weights.count - index)
            let part = min(max(midpoint, leaveEnough), previous + 1, count - 1)
            ends[part] = index + 1
            before += weight
            previous = part
        }
        var ranges: [Range<Int>] = []
        var start = 0
        for end in ends {
            let upper = max(end, start)
            ranges.append(start..<upper)
            start = upper
        }
        return ranges
    }

    /// The weight of a declaration: itself, its members (properties, cases, variants) and, recursively,
    /// the types nested in it — about proportional to the Swift it renders to.
    static func weight(of id: IRTypeID, in module: IRModule) -> Int {
        let decl = module[id]
        let members = switch decl.kind {
        case .object(let object): object.properties.count
        case .enumeration(let enumeration): enumeration.cases.count
        case .union(let union): union.variants.count
        case .alias: 0
        }
        return decl.nested.reduce(1 + members) { $0 + weight(of: $1, in: module) }
    }
}
