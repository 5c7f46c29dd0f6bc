import CharterCore
import CharterGovernance

/// `version-gate`: the declared version moved as far as the changes need.
///
/// Run by the differ after the other checks of a contract pair (it judges their results), and in the catalog
/// so it has an id, documentation and fixtures like any other check.
struct VersionGateCheck: ChangeCheck {
    static let id = "version-gate"
    var id: String { Self.id }
    let summary = "The head's semantic version moved as far as its changes need: major for breaking, minor for additions."
    let rationale = "Clients pin versions and read the number as a promise. A breaking change shipped as a minor or patch version breaks them without warning; Charter suggests the next correct version. Major versions live side by side (`inventory-v2.json` beside `inventory-v1.json`), so a breaking change is published as a new file while the old major stays for its clients."
    let category = ChangeCategory.contract
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}"#)
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}, "note": {"type": "string"}"#)
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}, "note": {"type": "string"}"#, version: "1.1.0")

    /// What `changes` of `pair` need and whether the head's version says so.
    static func verdict(_ pair: ContractPair, _ changes: [Change]) -> VersionVerdict {
        var verdict = VersionVerdict(
            contract: pair.name, base: pair.base?.contract?.version, head: pair.head?.contract?.version, required: nil, suggested: nil,
            breaking: changes.filter { $0.impact == .breaks }.count, risky: changes.filter { $0.impact == .risky }.count,
            other: changes.filter { $0.impact == .none }.count)
        verdict.required = changes.map(\.bump).max()
        verdict.retired = pair.head?.contract?.lifecycle?.status == .retired
        verdict.inBase = pair.base != nil
        verdict.inHead = pair.head != nil
        guard let base = verdict.base, let head = verdict.head, !verdict.retired else { return verdict }
        // Saturating: a version at Int.max has no next one, and suggesting itself still reads as "move it".
        let increment = { (value: Int) in value == Int.max ? value : value + 1 }
        guard let required = verdict.required else {
            // No change needs a new version, but a version must never go backwards: clients pinned to the base's
            // would read the head as older. The smallest correct one is the base's own.
            if head < base { verdict.suggested = base }
            return verdict
        }
        let next: SemanticVersion
        var moved: Bool
        switch required {
        // Under 0.y.z anything may change (SemVer §4). As Cargo and npm read it, the minor number then marks breaking
        // changes and the patch number everything else: 0.3.1 → 0.4.0 for a breaking change, 0.3.2 for an addition.
        case .major where base.major == 0:
            next = SemanticVersion(major: 0, minor: increment(base.minor), patch: 0)
            moved = head.major > 0 || head.minor > base.minor
        case .minor where base.major == 0:
            next = SemanticVersion(major: 0, minor: base.minor, patch: increment(base.patch))
            moved = base < head
        case .major:
            next = SemanticVersion(major: increment(base.major), minor: 0, patch: 0)
            moved = head.major > base.major
        case .minor:
            next = SemanticVersion(major: base.major, minor: increment(base.minor), patch: 0)
            moved = head.major > base.major || (head.major == base.major && head.minor > base.minor)
        case .patch:
            next = SemanticVersion(major: base.major, minor: base.minor, patch: increment(base.patch))
            moved = base < head
        }
        // A pre-release previews its release (`1.1.0-rc.1` → `1.1.0`): moving on to that release (or a later pre-release
        // of it) makes whatever change the release is for — a major release any, a minor one additions, a patch fixes.
        if !moved, base.prerelease != nil, head > base, (head.major, head.minor, head.patch) == (base.major, base.minor, base.patch) {
            switch required {
            case .major: moved = (base.major == 0 || base.minor == 0) && base.patch == 0
            case .minor: moved = base.major == 0 || base.patch == 0
            case .patch: moved = true
            }
        }
        if !moved { verdict.suggested = next }
        return verdict
    }

    static func message(_ verdict: VersionVerdict, required: VersionBump?) -> String {
        guard let required else {
            return "\(verdict.contract) goes back from \(verdict.base.map(\.description) ?? "?") to \(verdict.head.map(\.description) ?? "?"): a version never decreases"
        }
        let plural = { (count: Int, noun: String) in "\(count) \(noun) change\(count == 1 ? "" : "s")" }
        let counted = required == .major ? [plural(verdict.breaking, "breaking")]
            : [plural(verdict.risky, "risky"), plural(verdict.other, "compatible")].filter { !$0.hasPrefix("0 ") }
        let total = required == .major ? verdict.breaking : verdict.risky + verdict.other
        let counts = counted.isEmpty ? "the changes" : counted.joined(separator: " and ")
        let backwards = verdict.base.flatMap { base in verdict.head.map { $0 < base } } ?? false
        let bump = verdict.requiredLabel ?? "\(required)"
        return "\(counts) need\(total == 1 ? "s" : "") a \(bump) version, but \(verdict.contract) goes \(backwards ? "back " : "")from "
            + "\(verdict.base.map(\.description) ?? "?") to \(verdict.head.map(\.description) ?? "?")"
    }

    static func hint(_ verdict: VersionVerdict, suggested: SemanticVersion, head: SchemaDocument) -> String {
        guard verdict.required == .major, let name = head.contract?.name, let base = verdict.base else {
            return "set the version to \(suggested)"
        }
        if base.major == 0 {
            return "set the version to \(suggested) (under 0.x the minor number marks breaking changes) — or revert them"
        }
        return "publish the breaking changes as \(name) v\(suggested.major) (\(suggested)) beside v\(base.major), which stays for its clients — or revert them"
    }
}
