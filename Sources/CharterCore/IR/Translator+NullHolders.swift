/// A list element or map value whose type holds `null` itself — free-form JSON, a union that allows `null` (see
/// ``IRTypeRef/holdsNull(in:)``) — needs no optional around it: `[U]` where `U` has a `null` case, not `[U?]`, whose
/// `nil` and `.null` would be two values for the one JSON `null` that `==` and hashing tell apart. Run once every
/// declaration is complete: only then is it known which declarations are such unions.
extension TranslationSession {
    func dropOptionalsAroundNullHolders() {
        for index in types.indices {
            switch types[index].kind {
            case .object(var object):
                for offset in object.properties.indices {
                    object.properties[offset].type = withoutOptionalsAroundNullHolders(object.properties[offset].type)
                }
                if case .map(let value) = object.additionalProperties {
                    object.additionalProperties = .map(withoutOptionalsAroundNullHolders(value))
                }
                types[index].kind = .object(object)
            case .union(var union):
                for offset in union.variants.indices {
                    union.variants[offset].type = withoutOptionalsAroundNullHolders(union.variants[offset].type)
                }
                types[index].kind = .union(union)
            case .alias(let target, let constraints):
                types[index].kind = .alias(withoutOptionalsAroundNullHolders(target), constraints)
            case .enumeration:
                break
            }
        }
        for (schema, type) in translatedRefs {
            translatedRefs[schema] = withoutOptionalsAroundNullHolders(type)
        }
    }

    /// `type` with every optional around a type that holds `null` itself removed, in lists and maps at any depth.
    func withoutOptionalsAroundNullHolders(_ type: IRTypeRef) -> IRTypeRef {
        switch type {
        case .optional(let wrapped):
            let inner = withoutOptionalsAroundNullHolders(wrapped)
            return inner.holdsNull(in: types) ? inner : .optional(inner)
        case .array(let element): return .array(withoutOptionalsAroundNullHolders(element))
        case .map(let value): return .map(withoutOptionalsAroundNullHolders(value))
        case .named, .primitive, .any: return type
        }
    }
}
