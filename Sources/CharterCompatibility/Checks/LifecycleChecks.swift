import CharterCore
import CharterGovernance

/// `lifecycle-changed`: a contract's lifecycle moved (deprecated, retired, back to active), its sunset came earlier,
/// or an operation or event was deprecated.
struct LifecycleChangedCheck: ChangeCheck {
    let id = "lifecycle-changed"
    let summary = "A contract was deprecated, retired or reactivated, its sunset moved earlier, or an operation or event was deprecated."
    let rationale = "Nothing on the wire changes, but clients plan their migrations on the lifecycle: a deprecation starts the clock (semantic versioning asks for a minor version), a sunset brought forward shortens it, and a retired contract is no longer served — retiring an active contract that was never deprecated breaks its users without notice, as removing it would. Change boards review exactly these."
    let category = ChangeCategory.contract
    let defaultSeverity = Severity.warning
    let exampleBase = Self.contract(#""status": "active", "since": "2025-01-01""#)
    let exampleHead = Self.contract(#""status": "deprecated", "since": "2025-01-01", "sunset": "2027-06-30", "successor": "demo@2""#, version: "1.1.0")
    let unaffectedHead = Self.contract(#""status": "active", "since": "2025-01-01""#, version: "1.0.1", summary: true)

    /// A demo contract with `lifecycle` members.
    static func contract(_ lifecycle: String, version: String = "1.0.0", summary: Bool = false) -> String {
        DiffExample.contract(version: version, defs: DiffExample.item(#""sku": {"type": "string"}"#),
                             operations: summary ? DiffExample.getItem.replacingOccurrences(of: #""method": "GET""#, with: #""summary": "Items.", "method": "GET""#) : DiffExample.getItem)
            .replacingOccurrences(of: #""lifecycle": {"status": "active", "since": "2025-01-01"}"#, with: #""lifecycle": {\#(lifecycle)}"#)
    }

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base?.contract, let head = pair.head?.contract, base.version.major == head.version.major else { return }
        let old = base.lifecycle, new = head.lifecycle
        let at = context.location(.head, pointer: ContractParser.extensionPointer.appending("lifecycle"))
        let name = "\(head.name) v\(head.version.major)"
        if let status = new?.status, let was = old?.status, status != was {
            let sunset = new?.sunset.map { ", sunset \($0)" } ?? ""
            let successor = new?.successor.map { ", successor \($0)" } ?? ""
            switch status {
            case .deprecated:
                context.report("\(name) deprecated (was \(was.rawValue)\(sunset)\(successor))", impact: .none, bump: .minor, at: at)
            case .retired where was == .active:
                // Retired without a deprecation: no notice, no sunset to plan by — as good as removing it.
                context.report("\(name) retired (was active): it is no longer served, and it was never deprecated", impact: .breaks, bump: .minor, at: at,
                               hint: "deprecate it first, with a sunset and a successor; retire it once its clients have moved",
                               who: "its clients, producers and consumers, which had no notice")
            case .retired:
                context.report("\(name) retired (was \(was.rawValue)): it is no longer served", impact: .risky, bump: .minor, at: at,
                               who: "clients, producers and consumers that have not moved\(new?.successor.map { " to \($0)" } ?? "")")
            case .active where was == .draft:
                // Out of draft: the version it is published with says what it promises; nothing to bump for that.
                context.report("\(name) is active (was draft)", impact: .none, bump: .patch, at: at)
            case .active, .draft:
                context.report("\(name) is \(status.rawValue) again (was \(was.rawValue))", impact: .none, bump: .minor, at: at)
            }
        }
        // ISO full dates compare as text.
        if let was = old?.sunset, let sunset = new?.sunset, sunset < was {
            context.report("sunset of \(name) moved earlier, from \(was) to \(sunset)", impact: .risky, bump: .minor,
                           at: context.location(.head, pointer: ContractParser.extensionPointer.appending("lifecycle").appending("sunset")),
                           hint: "tell the teams still on it: they planned their migration for \(was)",
                           who: "clients, producers and consumers planning to move by \(was)")
        }
        for operation in head.operations where operation.deprecated {
            guard let before = base.operations.first(where: { $0.id == operation.id }), !before.deprecated else { continue }
            context.report("operation \(operation.id) deprecated", impact: .none, bump: .minor,
                           at: context.location(.head, pointer: operation.pointer.appending("deprecated")))
        }
        for event in head.events where event.deprecated {
            guard let before = base.events.first(where: { $0.name == event.name }), !before.deprecated else { continue }
            context.report("event \(event.name) deprecated", impact: .none, bump: .minor,
                           at: context.location(.head, pointer: event.pointer.appending("deprecated")))
        }
    }
}
