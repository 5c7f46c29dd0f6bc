/// Finds where recursive contracts would make infinitely large Swift values, and decides where to break
/// the cycle: enums in a cycle become `indirect`, struct properties that point back into their cycle are
/// stored in an `Indirect` box. Lists and maps already store elements on the heap and break nothing.
struct SwiftRecursion {
    /// Unions that must be `indirect`.
    private(set) var indirectUnions: Set<IRTypeID> = []
    /// (struct, property index) pairs stored in a box.
    private(set) var boxedProperties: Set<BoxKey> = []

    /// A property of a struct.
    struct BoxKey: Hashable {
        var type: IRTypeID
        var property: Int
    }

    init(_ module: IRModule) {
        // Edges of inline containment: a value of `from` holds a value of `to` directly.
        var edges: [[IRTypeID]] = Array(repeating: [], count: module.types.count)
        for decl in module.types {
            switch decl.kind {
            case .object(let object):
                for property in object.properties { edges[decl.id.rawValue] += Self.inlineTargets(property.type, module) }
            case .union(let union):
                for variant in union.variants { edges[decl.id.rawValue] += Self.inlineTargets(variant.type, module) }
            case .alias(let target, _):
                edges[decl.id.rawValue] += Self.inlineTargets(target, module)
            case .enumeration:
                break
            }
        }
        let components = StronglyConnectedComponents.of(edges.map { $0.map(\.rawValue) })
        var componentOf: [Int] = Array(repeating: -1, count: module.types.count)
        for (index, component) in components.enumerated() {
            for node in component { componentOf[node] = index }
        }
        for decl in module.types {
            let own = componentOf[decl.id.rawValue]
            let cyclic = components[own].count > 1 || edges[decl.id.rawValue].contains(decl.id)
            guard cyclic else { continue }
            switch decl.kind {
            case .union: indirectUnions.insert(decl.id)
            case .object(let object):
                for (index, property) in object.properties.enumerated()
                where Self.inlineTargets(property.type, module).contains(where: { componentOf[$0.rawValue] == own }) {
                    boxedProperties.insert(BoxKey(type: decl.id, property: index))
                }
            default: break
            }
        }
    }

    /// Declared types a value of `type` contains inline (through aliases and optionals, not lists or maps).
    static func inlineTargets(_ type: IRTypeRef, _ module: IRModule) -> [IRTypeID] {
        var result: [IRTypeID] = []
        var current: IRTypeRef? = type
        while let next = current {
            current = nil
            switch next {
            case .named(let id):
                guard !result.contains(id) else { break }
                result.append(id)
                if case .alias(let target, _) = module[id].kind { current = target }
            case .optional(let wrapped): current = wrapped
            case .primitive, .array, .map, .any: break
            }
        }
        return result
    }
}
