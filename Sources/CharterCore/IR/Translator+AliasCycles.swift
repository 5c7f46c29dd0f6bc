/// Aliases that contain themselves (`A = [A]`, `A = [String: B]`, `B = [A]`) cannot be written as Swift
/// typealiases. Each such cycle is broken by typing the reference that closes it as free-form JSON,
/// with a warning.
extension TranslationSession {
    func breakAliasCycles() {
        var edges: [[Int]] = Array(repeating: [], count: types.count)
        for decl in types {
            if case .alias(let target, _) = decl.kind {
                edges[decl.id.rawValue] = aliasesContained(in: target).map(\.rawValue)
            }
        }
        for component in StronglyConnectedComponents.of(edges) {
            let members = Set(component)
            guard component.count > 1 || edges[component[0]].contains(component[0]) else { continue }
            for index in component.sorted() {
                guard case .alias(let target, let constraints) = types[index].kind else { continue }
                types[index].kind = .alias(replacing(target, members: members), constraints)
                bag.add(.warning(
                    "\(types[index].documentation.reference) contains itself through aliases; the recursive part is free-form JSON",
                    at: types[index].documentation.origin, code: "translate.recursive-alias"))
            }
        }
    }

    /// Aliases a type use contains directly (through lists, maps and optionals; not through records).
    func aliasesContained(in type: IRTypeRef) -> [IRTypeID] {
        switch type {
        case .named(let id):
            if case .alias = types[id.rawValue].kind { return [id] }
            return []
        case .array(let inner), .map(let inner), .optional(let inner): return aliasesContained(in: inner)
        case .primitive, .any: return []
        }
    }

    /// `type` with every use of an alias in `members` replaced by free-form JSON.
    func replacing(_ type: IRTypeRef, members: Set<Int>) -> IRTypeRef {
        switch type {
        case .named(let id): return members.contains(id.rawValue) ? .any : type
        case .array(let inner): return .array(replacing(inner, members: members))
        case .map(let inner): return .map(replacing(inner, members: members))
        case .optional(let inner):
            let replaced = replacing(inner, members: members)
            if case .any = replaced { return .any }
            return .optional(replaced)
        case .primitive, .any: return type
        }
    }
}
