/// The governance extension of a contract (`"x-contract"` at the top level of the schema file):
/// identity, ownership, lifecycle, compatibility policy, and the operations, events and feeds the
/// schemas serve. See `docs/contract-format.md`.
public struct Contract: Sendable {
    /// Stable kebab-case identity, e.g. `inventory`.
    public var name: String
    /// Business domain, e.g. `supply-chain`.
    public var domain: String?
    /// The contract's semantic version.
    public var version: SemanticVersion
    /// Who owns it.
    public var owner: Owner?
    /// Where it is in its life.
    public var lifecycle: Lifecycle?
    /// The compatibility policy changes are checked against.
    public var compatibility: CompatibilityMode?
    /// Named authentication schemes, in source order.
    public var securitySchemes: [SecurityScheme]
    /// Synchronous operations, in source order.
    public var operations: [ContractOperation]
    /// Asynchronous events, in source order.
    public var events: [ContractEvent]
    /// Scheduled batch feeds, in source order.
    public var feeds: [ContractFeed]
    /// Where the extension is written.
    public var location: SourceLocation

    /// The team and domain that own a contract.
    public struct Owner: Sendable, Hashable {
        /// Owning team.
        public var team: String?
        /// Owning business domain.
        public var businessDomain: String?
        /// Contact channels (`email`, `chat`, `oncall`, …) in source order.
        public var contact: [String: String]
    }

    /// Lifecycle status and dates.
    public struct Lifecycle: Sendable, Hashable {
        /// `draft`, `active`, `deprecated` or `retired`.
        public var status: LifecycleStatus
        /// When it became active (full-date text).
        public var since: String?
        /// When it stops being served (full-date text).
        public var sunset: String?
        /// The contract that replaces it, e.g. `inventory@2`.
        public var successor: String?
    }

    /// Lifecycle states.
    public enum LifecycleStatus: String, Sendable, Hashable, CaseIterable {
        /// Being designed; may change without notice.
        case draft
        /// In use; changes follow the compatibility policy.
        case active
        /// Still served, but has a sunset date and a successor.
        case deprecated
        /// No longer served.
        case retired
    }
}

/// Compatibility policies (Confluent Schema Registry's names).
public enum CompatibilityMode: String, Sendable, Hashable, CaseIterable {
    /// New readers read old data (clients of the new version work with old providers' responses).
    case backward
    /// Backward against every kept version, not only the previous one.
    case backwardTransitive = "backward-transitive"
    /// Old readers read new data.
    case forward
    /// Forward against every kept version.
    case forwardTransitive = "forward-transitive"
    /// Both backward and forward.
    case full
    /// Full against every kept version.
    case fullTransitive = "full-transitive"
    /// No checks.
    case none
}

/// A semantic version `MAJOR.MINOR.PATCH[-prerelease][+build]`.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Incompatible changes.
    public var major: Int
    /// Compatible additions.
    public var minor: Int
    /// Compatible fixes.
    public var patch: Int
    /// Pre-release identifiers after `-`, if any.
    public var prerelease: String?

    /// Creates a version.
    public init(major: Int, minor: Int, patch: Int, prerelease: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses a Semantic Versioning 2.0.0 version (`1.2.3`, `1.2.3-rc.1`, `1.2.3+build.5`); nil when it
    /// breaks the grammar: leading zeros in numbers (also numeric pre-release identifiers), empty
    /// identifiers, characters other than `[0-9A-Za-z-]` in identifiers.
    public init?(_ text: String) {
        var core = Substring(text)
        if let plus = core.firstIndex(of: "+") {
            let build = core[core.index(after: plus)...]
            guard Self.validIdentifiers(build, numericLeadingZerosAllowed: true) else { return nil }
            core = core[..<plus]
        }
        var prerelease: String?
        if let dash = core.firstIndex(of: "-") {
            let identifiers = core[core.index(after: dash)...]
            guard Self.validIdentifiers(identifiers, numericLeadingZerosAllowed: false) else { return nil }
            prerelease = String(identifiers)
            core = core[..<dash]
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard Self.isNumeric(part), part == "0" || !part.hasPrefix("0"), let value = Int(part) else { return nil }
            numbers.append(value)
        }
        self.init(major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease: prerelease)
    }

    static func isNumeric(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func validIdentifiers(_ text: Substring, numericLeadingZerosAllowed: Bool) -> Bool {
        let identifiers = text.split(separator: ".", omittingEmptySubsequences: false)
        return identifiers.allSatisfy { identifier in
            guard !identifier.isEmpty,
                identifier.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D })
            else { return false }
            return numericLeadingZerosAllowed || !isNumeric(identifier) || identifier == "0" || !identifier.hasPrefix("0")
        }
    }

    /// `MAJOR.MINOR.PATCH[-prerelease]`.
    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.map { "-\($0)" } ?? "")
    }

    /// Semver precedence (section 11): numbers, then a pre-release sorts before its release, and
    /// pre-release identifiers compare one by one (numeric ones numerically and below alphanumeric ones;
    /// a shorter list first when all before are equal).
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if lhs.major != rhs.major { return lhs.major < rhs.major }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
        if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
        switch (lhs.prerelease, rhs.prerelease) {
        case (nil, nil), (nil, _?): return false
        case (_?, nil): return true
        case (let l?, let r?):
            let left = l.split(separator: ".", omittingEmptySubsequences: false)
            let right = r.split(separator: ".", omittingEmptySubsequences: false)
            for (a, b) in zip(left, right) where a != b {
                switch (isNumeric(a), isNumeric(b)) {
                case (true, true):
                    if a.count != b.count { return a.count < b.count }
                    return a < b
                case (true, false): return true
                case (false, true): return false
                case (false, false): return a.utf8.lexicographicallyPrecedes(b.utf8)
                }
            }
            return left.count < right.count
        }
    }
}
