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
        let components = Self.stronglyConnectedComponents(edges)
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

    /// Tarjan's algorithm, iterative (contracts can be deep).
    static func stronglyConnectedComponents(_ edges: [[IRTypeID]]) -> [[Int]] {
        var index = 0
        var indices = Array(repeating: -1, count: edges.count)
        var lowlink = Array(repeating: 0, count: edges.count)
        var onStack = Array(repeating: false, count: edges.count)
        var stack: [Int] = []
        var components: [[Int]] = []
        for start in edges.indices where indices[start] < 0 {
            var work: [(node: Int, edge: Int)] = [(start, 0)]
            indices[start] = index
            lowlink[start] = index
            index += 1
            stack.append(start)
            onStack[start] = true
            while let (node, edge) = work.last {
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let next = edges[node][edge].rawValue
                    if indices[next] < 0 {
                        indices[next] = index
                        lowlink[next] = index
                        index += 1
                        stack.append(next)
                        onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowlink[node] = min(lowlink[node], indices[next])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last { lowlink[parent.node] = min(lowlink[parent.node], lowlink[node]) }
                    if lowlink[node] == indices[node] {
                        var component: [Int] = []
                        while let top = stack.popLast() {
                            onStack[top] = false
                            component.append(top)
                            if top == node { break }
                        }
                        components.append(component)
                    }
                }
            }
        }
        return components
    }
}
