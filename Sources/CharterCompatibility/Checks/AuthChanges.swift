import CharterCore

/// What changed between two auth requirements — an operation's, or an event's publish or subscribe side — judged
/// by what a request or a broker connection must carry, not by the names the contracts give their schemes.
/// `auth-changed` and `event-access-changed` both read it, so a scheme renamed without a byte changing on the
/// wire is no change to either.
struct AuthChanges {
    /// The scheme a caller must now use is another one (or there is none now, or one where there was none).
    var scheme: (from: String, to: String)?
    /// The scheme kept its name but is another kind of credential (an API key where there was OAuth, another
    /// header); described with its kind on each side.
    var kind: (from: String, to: String)?
    /// Scopes the head requires that the base did not.
    var scopesAdded: [String] = []
    /// Scopes the base required that the head does not.
    var scopesRemoved: [String] = []

    /// Whether the head requires no auth at all (a scheme change towards that breaks nobody).
    var toNone: Bool { scheme?.to == "none" }

    /// Compares `base` (declared in `baseContract`) with `head` (declared in `headContract`).
    init(_ base: AuthRequirement?, in baseContract: Contract?, _ head: AuthRequirement?, in headContract: Contract?) {
        let oldScheme = base?.scheme ?? "none"
        let newScheme = head?.scheme ?? "none"
        let oldCredential = Self.credential(base?.scheme, in: baseContract)
        let newCredential = Self.credential(head?.scheme, in: headContract)
        if oldScheme == newScheme, let oldCredential, let newCredential, oldCredential != newCredential {
            kind = (Self.describe(oldScheme, in: baseContract), Self.describe(newScheme, in: headContract))
            return
        }
        let renamedOnly = oldCredential != nil && Self.renames(baseContract, headContract)[oldScheme] == newScheme
        if oldScheme != newScheme, !renamedOnly {
            scheme = (oldScheme, newScheme)
            return
        }
        let oldScopes = base?.scopes ?? []
        let newScopes = head?.scopes ?? []
        scopesAdded = newScopes.filter { !oldScopes.contains($0) }
        scopesRemoved = oldScopes.filter { !newScopes.contains($0) }
    }

    /// The security schemes renamed between two contracts, old name → new name: a scheme gone from the head and one
    /// new in it that carry the same credential, when neither could be paired with another. Switching between two
    /// schemes that both sides declare is not a rename, whatever they carry: a client holds credentials for the
    /// one it used (another issuer's tokens, another key).
    static func renames(_ base: Contract?, _ head: Contract?) -> [String: String] {
        guard let base, let head else { return [:] }
        let baseNames = Set(base.securitySchemes.map(\.name)), headNames = Set(head.securitySchemes.map(\.name))
        let gone = base.securitySchemes.filter { !headNames.contains($0.name) }
        let new = head.securitySchemes.filter { !baseNames.contains($0.name) }
        var pairs: [String: String] = [:]
        for old in gone {
            let credential = Self.credential(old.name, in: base)
            let candidates = new.filter { Self.credential($0.name, in: head) == credential }
            let rivals = gone.filter { Self.credential($0.name, in: base) == credential }
            if candidates.count == 1, rivals.count == 1, let only = candidates.first { pairs[old.name] = only.name }
        }
        return pairs
    }

    /// What a request must carry for a scheme: its kind and, for API keys, where the key goes (header names
    /// compared ignoring case), for HTTP auth its scheme — not the name the contract gives it, which a rename
    /// changes without changing a byte on the wire. nil for `none` or a scheme the contract does not declare.
    static func credential(_ name: String?, in contract: Contract?) -> String? {
        guard let name, let scheme = contract?.securitySchemes.first(where: { $0.name == name }) else { return nil }
        let keyName = scheme.keyLocation == "header" ? scheme.keyName?.lowercased() : scheme.keyName
        return [scheme.type, scheme.keyLocation ?? "", keyName ?? "", scheme.httpScheme?.lowercased() ?? ""].joined(separator: " ")
    }

    /// How a scheme is described in a message: its name, and its kind when that is what changed.
    static func describe(_ name: String, in contract: Contract?) -> String {
        guard let scheme = contract?.securitySchemes.first(where: { $0.name == name }) else { return name }
        let detail = [scheme.type] + (scheme.keyName.map { ["\(scheme.keyLocation ?? "") \($0)"] } ?? []) + (scheme.httpScheme.map { [$0] } ?? [])
        return "\(name) (\(detail.joined(separator: ", ")))"
    }
}
