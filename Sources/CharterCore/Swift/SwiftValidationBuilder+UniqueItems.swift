extension SwiftValidationBuilder {
    /// Whether two elements of `type` that are equal once decoded were equal as JSON, as `uniqueItems` compares
    /// them. Not where decoding normalises the wire form: an RFC 3339 `date-time` (its offset and digits: `…T00:00:00Z`
    /// and `…T05:30:00+05:30` are one `Date`), a UUID (its case), a decimal string (its zeros: `"1.0"` and `"1.00"` are
    /// one `Decimal`), a record that drops the members it does not declare — at any depth. There `uniqueItems` is not
    /// checked: distinct values must not be refused as equal.
    func decodedEqualityIsJSONEquality(_ type: IRTypeRef) -> Bool {
        var visiting: Set<IRTypeID> = []
        return keepsWireForm(type, visiting: &visiting)
    }

    private func keepsWireForm(_ type: IRTypeRef, visiting: inout Set<IRTypeID>) -> Bool {
        switch type {
        case .primitive(.dateTime), .primitive(.uuid), .primitive(.decimal(asString: true)):
            return false
        case .primitive, .any:
            return true
        case .array(let inner), .map(let inner), .optional(let inner):
            return keepsWireForm(inner, visiting: &visiting)
        case .named(let id):
            // A type met again on the way down is decided where it was first met.
            guard visiting.insert(id).inserted else { return true }
            var parts: [IRTypeRef]
            switch context.module[id].kind {
            case .alias(let target, _):
                parts = [target]
            case .enumeration:
                parts = []  // a value it does not know is kept as written
            case .union(let union):
                parts = union.variants.map(\.type)
            case .object(let object):
                switch object.additionalProperties {
                case .ignored: return false
                case .forbidden: parts = []
                case .map(let value): parts = [value]
                }
                parts += object.properties.map(\.type)
            }
            for part in parts where !keepsWireForm(part, visiting: &visiting) { return false }
            return true
        }
    }
}
