import Foundation

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

    /// Parses `1.2.3`, `1.2.3-rc.1`, `1.2.3+build`; nil when malformed (leading zeros included).
    public init?(_ text: String) {
        var core = Substring(text)
        if let plus = core.firstIndex(of: "+") { core = core[..<plus] }
        var prerelease: String?
        if let dash = core.firstIndex(of: "-") {
            prerelease = String(core[core.index(after: dash)...])
            core = core[..<dash]
            if prerelease?.isEmpty == true { return nil }
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
                part == "0" || !part.hasPrefix("0"), let value = Int(part)
            else { return nil }
            numbers.append(value)
        }
        self.init(major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease: prerelease)
    }

    /// `MAJOR.MINOR.PATCH[-prerelease]`.
    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.map { "-\($0)" } ?? "")
    }

    /// Semver precedence (pre-releases sort before their release; identifiers compared simply).
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if lhs.major != rhs.major { return lhs.major < rhs.major }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
        if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
        switch (lhs.prerelease, rhs.prerelease) {
        case (nil, nil), (nil, _?): return false
        case (_?, nil): return true
        case (let l?, let r?): return l.compare(r, options: .numeric) == .orderedAscending
        }
    }
}
