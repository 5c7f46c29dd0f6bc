/// A `readOnly` or `writeOnly` property as generated code treats it. One direction never carries it (a `readOnly`
/// one is absent from requests, a `writeOnly` one from responses), so its Swift type is optional even when the
/// contract requires it (``IRProperty/isAlwaysPresent``), its doc comment says which, and its `init(from:)` /
/// `encode(to:)` statements run only when the coder's direction carries it (CharterRuntime's `CodingDirection`,
/// which the runtime's clients and providers set; a coder without one reads and writes it as any optional).
///
/// A property marked both (which no direction carries) is treated as `readOnly`.
struct SwiftPropertyAccess {
    /// The CharterRuntime `PropertyAccess` case, as written in generated code: `.readOnly` or `.writeOnly`.
    let access: String
    /// The access in a sentence: `Read-only` or `Write-only`.
    let name: String
    /// Which direction never carries the property: `absent in requests` or `never in responses`.
    let absence: String

    /// The doc comment line that says which direction never carries the property.
    var documentation: String {
        name + (access == ".readOnly" ? ": set by the provider, " : ": sent by clients, ") + absence + "."
    }

    /// The access of a `readOnly` or `writeOnly` property; nil for any other.
    init?(_ property: IRProperty) {
        if property.isReadOnly {
            (access, name, absence) = (".readOnly", "Read-only", "absent in requests")
        } else if property.isWriteOnly {
            (access, name, absence) = (".writeOnly", "Write-only", "never in responses")
        } else {
            return nil
        }
    }

    /// The condition under which `init(from:)` reads the property at `key` (a Swift string literal) from `container`:
    /// the decoder's direction carries it; for a property the contract requires, that direction requires it too, so
    /// the runtime throws when it is missing there.
    func decodeCondition(isRequired: Bool, key: String) -> String {
        isRequired ? "try decoder.decodes(\(access), requiredKey: \(key), in: container)" : "decoder.decodes(\(access))"
    }

    /// The condition under which `encode(to:)` writes the property's `value` (a Swift expression) at `key`: the
    /// encoder's direction carries it; for a property the contract requires, the runtime throws when `value` is nil there.
    func encodeCondition(isRequired: Bool, key: String, value: String) -> String {
        isRequired ? "try encoder.encodes(\(access), required: \(value), forKey: \(key))" : "encoder.encodes(\(access))"
    }
}
