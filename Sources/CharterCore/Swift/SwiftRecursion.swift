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
        // Edges of inline containment: a value of `from` holds a value of `to` directly. Indices, not bound
        // declarations and properties: binding one copies every field of it.
        var edges: [[IRTypeID]] = Array(repeating: [], count: module.types.count)
        for index in module.types.indices {
            switch module.types[index].kind {
            case .object(let object):
                let properties = object.properties
                for offset in properties.indices { Self.appendInlineTargets(properties[offset].type, module, to: &edges[index]) }
            case .union(let union):
                for variant in union.variants { Self.appendInlineTargets(variant.type, module, to: &edges[index]) }
            case .alias(let target, _):
                Self.appendInlineTargets(target, module, to: &edges[index])
            case .enumeration:
                break
            }
        }
        let components = StronglyConnectedComponents.of(edges.map { $0.map(\.rawValue) })
        var componentOf: [Int] = Array(repeating: -1, count: module.types.count)
        for (index, component) in components.enumerated() {
            for node in component { componentOf[node] = index }
        }
        for index in module.types.indices {
            let own = componentOf[index]
            let cyclic = components[own].count > 1 || edges[index].contains(IRTypeID(index))
            guard cyclic else { continue }
            switch module.types[index].kind {
            case .union: indirectUnions.insert(IRTypeID(index))
            case .object(let object):
                let properties = object.properties
                for offset in properties.indices
                where Self.inlineTargets(properties[offset].type, module).contains(where: { componentOf[$0.rawValue] == own }) {
                    boxedProperties.insert(BoxKey(type: IRTypeID(index), property: offset))
                }
            default: break
            }
        }
    }

    /// Declared types a value of `type` contains inline (through aliases and optionals, not lists or maps).
    static func inlineTargets(_ type: IRTypeRef, _ module: IRModule) -> [IRTypeID] {
        var result: [IRTypeID] = []
        appendInlineTargets(type, module, to: &result)
        return result
    }

    /// Appends to `result` the declared types a value of `type` contains inline, each once.
    static func appendInlineTargets(_ type: IRTypeRef, _ module: IRModule, to result: inout [IRTypeID]) {
        let start = result.count
        var current: IRTypeRef? = type
        while let next = current {
            current = nil
            switch next {
            case .named(let id):
                guard !result[start...].contains(id) else { break }
                result.append(id)
                if case .alias(let target, _) = module[id].kind { current = target }
            case .optional(let wrapped): current = wrapped
            case .primitive, .array, .map, .any: break
            }
        }
    }
}
