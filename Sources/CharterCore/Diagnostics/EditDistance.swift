/// Levenshtein distance between two strings, counted in characters: the measure behind the
/// "did you mean …" hints of the CLI (misspelt commands, options, rule ids), the loader (misspelt `$ref` targets) and
/// lint's configuration and suppressions (misspelt rule ids and keys).
package enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions that turn `a` into `b`.
    package static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }

    /// The candidate nearest `text` when it is at most `limit` edits away (the first of equally near ones, in
    /// `candidates`' order), else nil: what a "did you mean …" names for a misspelt name. With `ignoringCase`, names
    /// are compared lowercased (file names: `structs` is `Struct` one edit away).
    package static func closest(to text: String, among candidates: [String], within limit: Int = 3, ignoringCase: Bool = false) -> String? {
        let text = ignoringCase ? text.lowercased() : text
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = between(ignoringCase ? candidate.lowercased() : candidate, text)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }
}
