import CharterCore

/// `contract-governed`: every input file declares `x-contract`.
struct ContractGovernedRule: LintRule {
    let id = "contract-governed"
    let summary = "Every contract file declares x-contract (identity, owner, lifecycle)."
    let rationale = "A schema without `x-contract` has no owner, no version and no compatibility promise: nobody is asked before it changes, and `charter diff` cannot gate it. Plain JSON Schema files still generate models; this rule says they are ungoverned."
    let category = LintCategory.governance
    let defaultSeverity = Severity.warning
    let failingExample = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Geo point", "type": "object", "properties": {"lat": {"type": "number"}}}"#
    let passingExample = ExampleContract.make()

    func check(_ context: LintContext) {
        for document in context.graph.documents where document.isInput && document.contract == nil {
            // The finding names the file; a path in the message would change its fingerprint with the working folder.
            context.report("the file has no x-contract: no owner, version or compatibility policy", in: document, at: .root,
                           hint: "add \"x-contract\" with name, version, owner, lifecycle and compatibility (docs/contract-format.md)")
        }
    }
}

/// `owner-declared`: a contract names its owning team.
struct OwnerDeclaredRule: LintRule {
    let id = "owner-declared"
    let summary = "A contract names its owning team (x-contract.owner.team)."
    let rationale = "Breaking-change reviews, incidents and deprecations need someone to ask. An unowned contract drifts because no team is accountable for it."
    let category = LintCategory.governance
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(governance: false)
    let passingExample = ExampleContract.make()

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts where contract.owner?.team.nonBlank == nil {
            let pointer = ContractParser.extensionPointer.appending("owner")
            context.report("contract \(contract.name) names no owning team", in: document, at: contract.owner == nil ? ContractParser.extensionPointer : pointer,
                           hint: #"add "owner": {"team": "…", "contact": {"email": "…"}}"#)
        }
    }
}

/// `owner-contact`: the owner can be reached.
struct OwnerContactRule: LintRule {
    let id = "owner-contact"
    let summary = "The owner gives at least one contact channel (email, chat, on-call)."
    let rationale = "Consumers who find a problem, and architects who plan a migration, need a channel that reaches the owning team without a directory search."
    let category = LintCategory.governance
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(extension: #""owner": {"team": "demo-team"}, "lifecycle": {"status": "active"}, "compatibility": "backward""#, governance: false)
    let passingExample = ExampleContract.make()

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            // A blank value reaches no one; `x-` keys are estate extensions, not channels.
            guard let owner = contract.owner, !owner.contact.contains(where: { !$0.key.hasPrefix("x-") && !$0.value.isBlank }) else { continue }
            context.report("owner of \(contract.name) gives no contact channel", in: document, at: ContractParser.extensionPointer.appending("owner"),
                           hint: #"add "contact": {"email": "…", "chat": "…"}"#)
        }
    }
}

/// `lifecycle-declared`: a contract says where it is in its life.
struct LifecycleDeclaredRule: LintRule {
    let id = "lifecycle-declared"
    let summary = "A contract declares its lifecycle status (draft, active, deprecated, retired); its since and sunset are dates YYYY-MM-DD."
    let rationale = "Clients need to know whether a contract may still change without notice (draft), is stable (active), or is on its way out (deprecated). Without a status, every contract looks equally safe to adopt. A blank `sunset` is none (`deprecation-planned` asks a deprecated contract for one)."
    let category = LintCategory.governance
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(extension: #""owner": {"team": "demo-team", "contact": {"email": "demo@retail.example"}}, "compatibility": "backward""#, governance: false)
    let passingExample = ExampleContract.make()

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            guard let lifecycle = contract.lifecycle else {
                context.report("contract \(contract.name) declares no lifecycle status", in: document, at: ContractParser.extensionPointer,
                               hint: #"add "lifecycle": {"status": "active", "since": "YYYY-MM-DD"}"#)
                continue
            }
            // Compared as text with each other and with today: a day that is not in the calendar compares wrongly. A blank
            // sunset is none (deprecation-planned's, when the contract is deprecated).
            for (key, value) in [("since", lifecycle.since), ("sunset", lifecycle.sunset.nonBlank)] {
                guard let value, !InstanceFormat.isFullDate(value) else { continue }
                context.report("lifecycle \(key) \"\(value)\" of \(contract.name) is not a date YYYY-MM-DD", in: document,
                               at: ContractParser.extensionPointer.appending("lifecycle").appending(key))
            }
        }
    }
}

/// `deprecation-planned`: a deprecated contract says when it goes and what replaces it.
struct DeprecationPlannedRule: LintRule {
    let id = "deprecation-planned"
    let summary = "A deprecated contract has a sunset date after its since date, and a successor other than itself."
    let rationale = "Deprecation without a date and a successor gives clients nothing to plan a migration against (a blank value is none); a sunset before `since` is a typo that makes reports wrong, and a successor that names the contract itself or an earlier major of it sends clients nowhere."
    let category = LintCategory.governance
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(extension: #""owner": {"team": "demo-team", "contact": {"email": "demo@retail.example"}}, "lifecycle": {"status": "deprecated", "since": "2025-01-01"}, "compatibility": "backward""#, governance: false)
    let passingExample = ExampleContract.make(extension: #""owner": {"team": "demo-team", "contact": {"email": "demo@retail.example"}}, "lifecycle": {"status": "deprecated", "since": "2025-01-01", "sunset": "2099-06-30", "successor": "demo@2"}, "compatibility": "backward""#, governance: false)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            guard let lifecycle = contract.lifecycle else { continue }
            let pointer = ContractParser.extensionPointer.appending("lifecycle")
            if lifecycle.status == .deprecated {
                var missing: [String] = []
                if lifecycle.sunset.nonBlank == nil { missing.append("sunset date") }
                if lifecycle.successor.nonBlank == nil { missing.append("successor") }
                if !missing.isEmpty {
                    context.report("deprecated contract \(contract.name) has no \(missing.joined(separator: " and "))", in: document, at: pointer,
                                   hint: #"add "sunset": "YYYY-MM-DD" and "successor": "name@MAJOR""#)
                }
            }
            if let since = lifecycle.since, let sunset = lifecycle.sunset.nonBlank, sunset <= since {
                context.report("sunset \(sunset) is not after since \(since)", in: document, at: pointer.appending("sunset"))
            }
            // `name@MAJOR`: the same name at this major or below is not a replacement.
            let own = contract.version.major
            if let successor = lifecycle.successor, let at = successor.lastIndex(of: "@"), successor[..<at] == contract.name,
               let major = Int(successor[successor.index(after: at)...]), major <= own {
                context.report("successor \(successor) of \(contract.name) is \(major == own ? "the contract itself" : "an earlier major version of it")",
                               in: document, at: pointer.appending("successor"), hint: "name the version that replaces it, e.g. \(contract.name)@\(own + 1)")
            }
        }
    }
}

/// `sunset-passed`: a contract past its sunset date is marked retired.
struct SunsetPassedRule: LintRule {
    let id = "sunset-passed"
    let summary = "A contract whose sunset date has passed is marked retired (or its sunset is moved)."
    let rationale = "After the sunset the provider may switch the interface off. A contract still marked active or deprecated past that date misleads every client still generating code from it."
    let category = LintCategory.governance
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(extension: #""owner": {"team": "demo-team", "contact": {"email": "demo@retail.example"}}, "lifecycle": {"status": "deprecated", "since": "2020-01-01", "sunset": "2021-01-01", "successor": "demo@2"}, "compatibility": "backward""#, governance: false)
    let passingExample = ExampleContract.make(extension: #""owner": {"team": "demo-team", "contact": {"email": "demo@retail.example"}}, "lifecycle": {"status": "retired", "since": "2020-01-01", "sunset": "2021-01-01", "successor": "demo@2"}, "compatibility": "backward""#, governance: false)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            guard let lifecycle = contract.lifecycle, lifecycle.status != .retired, let sunset = lifecycle.sunset.nonBlank, sunset < context.today else { continue }
            context.report("contract \(contract.name) is \(lifecycle.status.rawValue) but its sunset \(sunset) has passed", in: document,
                           at: ContractParser.extensionPointer.appending("lifecycle").appending("sunset"),
                           hint: "mark it retired, or move the sunset and tell its clients")
        }
    }
}

/// `compatibility-declared`: a contract states the compatibility policy changes are checked against.
struct CompatibilityDeclaredRule: LintRule {
    let id = "compatibility-declared"
    let summary = "A contract declares its compatibility policy, and an active one is not \"none\"."
    let rationale = "`charter diff` checks changes against the declared policy (backward, forward, full and their transitive variants). Without one, or with `none` on an active contract, nothing stops a breaking change from reaching clients."
    let category = LintCategory.governance
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(extension: #""owner": {"team": "demo-team", "contact": {"email": "demo@retail.example"}}, "lifecycle": {"status": "active"}, "compatibility": "none""#, governance: false)
    let passingExample = ExampleContract.make()

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            if contract.compatibility == nil {
                context.report("contract \(contract.name) declares no compatibility policy", in: document, at: ContractParser.extensionPointer,
                               hint: #"add "compatibility": "backward" (or forward, full, and their -transitive variants)"#)
            } else if contract.compatibility == CompatibilityMode.none, contract.lifecycle?.status == .active {
                context.report("active contract \(contract.name) promises no compatibility", in: document,
                               at: ContractParser.extensionPointer.appending("compatibility"), hint: "choose backward, forward or full")
            }
        }
    }
}

/// `version-matches-file-name`: a contract file named for a major version (`billing-v1.json`) declares that major.
struct VersionMatchesFileNameRule: LintRule {
    let id = "version-matches-file-name"
    let summary = "A contract file named <name>-v<MAJOR>.json declares a version of that MAJOR."
    let rationale = "Each major version is its own file, side by side with the others while clients migrate (`billing-v1.json`, `billing-v2.json`): the file name is the version clients and references pin. A new major written over the old file (`billing-v1.json` declaring 2.0.0) takes the old major away from its clients, and generates a namespace (BillingV2) the file name does not say."
    let category = LintCategory.governance
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(version: "2.0.0")
    let passingExample = ExampleContract.make()

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            guard let fileName = document.path.split(separator: "/").last, let named = Self.major(inFileName: fileName),
                  named.major != String(contract.version.major) else { continue }
            let next = "\(named.stem)-v\(contract.version.major).json"
            context.report("\(fileName) declares version \(contract.version): major \(contract.version.major), not the file name's v\(named.major)",
                           in: document, at: ContractParser.extensionPointer.appending("version"),
                           hint: "publish major \(contract.version.major) as \(next) beside \(fileName) (its clients keep v\(named.major)), or keep the version at \(named.major).x")
        }
    }

    /// The stem and the major (its digits) of a file named `<stem>-v<MAJOR>.json`; nil for a file not named so.
    static func major(inFileName fileName: Substring) -> (stem: Substring, major: Substring)? {
        guard fileName.hasSuffix(".json") else { return nil }
        let base = fileName.dropLast(".json".count)
        let digits = base.reversed().prefix { ("0"..."9").contains($0) }.count
        let stem = base.dropLast(digits)
        guard digits > 0, stem.hasSuffix("-v"), stem.count > 2 else { return nil }
        return (stem.dropLast(2), base.suffix(digits))
    }
}
