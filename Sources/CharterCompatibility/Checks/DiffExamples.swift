import CharterCore
import CharterGovernance

/// Builds the contract pairs the change checks' documentation and fixture tests use.
enum DiffExample {
    /// A contract `demo` at `version` with `defs` (members of `$defs`), `operations` and `events` (members
    /// of those objects) and `extra` (more members of `x-contract`).
    static func contract(version: String = "1.0.0", defs: String, operations: String = "", events: String = "", extra: String = "") -> String {
        var fields = #""security": {"oauth": {"type": "oauth2", "scopes": {"demo:read": "Read", "demo:write": "Write"}}}"#
        if !operations.isEmpty { fields += #", "operations": {"# + operations + "}" }
        if !events.isEmpty { fields += #", "events": {"# + events + "}" }
        if !extra.isEmpty { fields += ", " + extra }
        return ExampleContract.make(extension: fields, defs: defs).replacingOccurrences(of: #""version": "1.0.0""#, with: #""version": "\#(version)""#)
    }

    /// A type `Item` with `properties` (members), `required` names and more members `extra`.
    static func item(_ properties: String, required: [String] = ["sku"], extra: String = "") -> String {
        let names = required.map { "\"\($0)\"" }.joined(separator: ", ")
        return #""Item": {"title": "Item", "description": "An item.", "type": "object", "required": [\#(names)], "properties": {\#(properties)}\#(extra.isEmpty ? "" : ", " + extra)}"#
    }

    /// `GET /items` answering 200 with an `Item`: makes `Item` response data.
    static let getItem = ##""getItem": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}"##

    /// `PUT /items` sending an `Item`: makes `Item` request data.
    static let putItem = ##""putItem": {"method": "PUT", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"204": {}}, "auth": {"scheme": "oauth", "scopes": ["demo:write"]}, "idempotency": {"required": true, "keyHeader": "Idempotency-Key"}}"##

    /// A response-data contract: `Item` with `properties`, returned by `getItem`.
    static func response(_ properties: String, required: [String] = ["sku"], version: String = "1.0.0", extra: String = "") -> String {
        contract(version: version, defs: item(properties, required: required, extra: extra), operations: getItem)
    }

    /// A request-data contract: `Item` with `properties`, sent by `putItem`.
    static func request(_ properties: String, required: [String] = ["sku"], version: String = "1.0.0", extra: String = "") -> String {
        contract(version: version, defs: item(properties, required: required, extra: extra), operations: putItem)
    }

    /// An operation contract: `Item` as response data and `op` with `members`.
    static func operation(_ members: String, version: String = "1.0.0") -> String {
        contract(version: version, defs: item(#""sku": {"type": "string"}"#), operations: #""op": {"# + members + "}")
    }

    /// An event contract: `ItemChanged` with `members`, payload `Item`.
    static func event(_ members: String, version: String = "1.0.0") -> String {
        contract(version: version, defs: item(#""sku": {"type": "string"}, "shop": {"type": "string"}"#, required: ["sku", "shop"]),
                 events: ##""ItemChanged": {"payload": {"$ref": "#/$defs/Item"}, "## + members + "}")
    }
}
