/// Strongly connected components of a directed graph given as adjacency lists (node → successors).
enum StronglyConnectedComponents {
    /// Tarjan's algorithm, iterative (contracts can be deep).
    static func of(_ edges: [[Int]]) -> [[Int]] {
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
                    let next = edges[node][edge]
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
