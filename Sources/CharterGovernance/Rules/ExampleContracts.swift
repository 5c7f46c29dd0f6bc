import CharterCore

/// Builds the small contracts the rules' documentation and fixture tests use: a governed contract skeleton
/// with the parts a rule is about spliced in, so each example shows only what matters.
package enum ExampleContract {
    /// A contract file: `extensionFields` are extra members of `x-contract` (JSON text after the identity and
    /// governance fields), `defs` the members of `$defs`. `governance: false` leaves owner, lifecycle and
    /// compatibility out. `version` is the contract's version.
    package static func make(extension extensionFields: String = "", defs: String = "", governance: Bool = true, version: String = "1.0.0") -> String {
        var contract = #""name": "demo", "version": ""# + version + "\""
        if governance {
            contract += #", "owner": {"team": "demo-team", "contact": {"email": "demo@retail.example"}}"#
            contract += #", "lifecycle": {"status": "active", "since": "2025-01-01"}, "compatibility": "backward""#
        }
        if !extensionFields.isEmpty { contract += ", " + extensionFields }
        return """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-contract": {\(contract)},
              "$defs": {\(defs)}
            }
            """
    }

    /// The name the examples are linted under, as a contract file of the estate would be named: `demo-v1.json`.
    package static let fileName = "demo-v1.json"

    /// `security` declaring an OAuth2 scheme `oauth` with `demo:read` and `demo:write`.
    static let oauth = #""security": {"oauth": {"type": "oauth2", "tokenUrl": "https://auth.retail.example/token", "scopes": {"demo:read": "Read", "demo:write": "Write"}}}"#

    /// An operation's `sla`, within the default latency budget and with a timeout that covers the p99.
    static let sla = #""sla": {"latencyP99Ms": 200, "availability": 0.999, "timeoutMs": 1000}"#

    /// An event's `publish` and `subscribe` access under the ``oauth`` scheme, one system each.
    static let access = #""publish": {"auth": {"scheme": "oauth", "scopes": ["demo:write"]}, "allowed": ["demo-service"]}, "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": ["pos"]}"#

    /// A documented object type `Item` with an example, for operations and events to refer to.
    static let item = #""Item": {"title": "Item", "description": "An item.", "type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}, "examples": [{"sku": "A1"}]}"#
}
