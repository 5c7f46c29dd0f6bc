import CharterCore

/// Decides, where it can cheaply and soundly, whether one set of `pattern`s (each must match) accepts every string
/// another does. Containment of regular expressions is decidable in theory but costly, and ECMA-262 patterns with
/// lookarounds and backreferences are not regular; so only what a few structural rules prove is proven, and anything
/// else is ``Relation/unknown``, never guessed.
///
/// What is proven: two patterns that read as the same expression (`\d` and `[0-9]`, `{0,}` and `*`, groups that group
/// nothing); a pattern that matches every string (absent, empty, `.*`, `^a*`: unanchored, or anchored at one end only,
/// with a body that matches the empty string); anchors dropped from the same body (`^[0-9]{4}$` → `[0-9]{4}`); a
/// character class that admits more (`[a-f]` → `[a-z]`); a quantifier that admits more repetitions of an atom that
/// admits at least as much (`{4}` → `{4,6}`, `+` → `*`); optional parts added (`^[0-9]{4}$` → `^[0-9]{4}(-[0-9]+)?$`);
/// alternatives added (`a|b` → `a|b|c`). Each rule is monotone (a part that admits more makes the whole admit more),
/// so a proof by them holds for every string. A pattern that is not ECMA-262 (`ECMAScriptSyntax`), or uses a
/// lookaround, a backreference, `\b`, a `\p{…}` property or an anchor anywhere but at either end, is compared only
/// as written.
enum PatternContainment {
    /// How the strings the new patterns accept relate to those the old ones accept.
    enum Relation: Equatable {
        /// The same strings.
        case same
        /// Every string the old patterns accept, and maybe more.
        case wider
        /// Only strings the old patterns accept, and maybe fewer.
        case narrower
        /// Neither proven.
        case unknown
    }

    /// How `new` (every pattern must match; none: any string) relates to `old`.
    static func relation(old: [String], new: [String]) -> Relation {
        let before = old.map(Pattern.init), after = new.map(Pattern.init)
        switch (accepts(after, everythingOf: before), accepts(before, everythingOf: after)) {
        case (true, true): return .same
        case (true, false): return .wider
        case (false, true): return .narrower
        case (false, false): return .unknown
        }
    }

    /// Whether a string every pattern of `inner` matches is matched by every pattern of `outer`: each of `outer`
    /// accepts everything one of `inner` accepts, or everything at all.
    static func accepts(_ outer: [Pattern], everythingOf inner: [Pattern]) -> Bool {
        outer.allSatisfy { pattern in pattern.acceptsEverything || inner.contains { pattern.accepts(everythingOf: $0) } }
    }

    /// One pattern: the text, and its alternatives as parsed (nil when it is outside what the rules read).
    struct Pattern {
        let text: String
        let branches: [Branch]?

        init(_ text: String) {
            self.text = text
            branches = ECMAScriptSyntax.problem(in: text) == nil ? PatternParser.parse(text).map(Branch.split) : nil
        }

        /// Whether it matches every string: one alternative does.
        var acceptsEverything: Bool { branches?.contains { $0.acceptsEverything } ?? false }

        /// Whether it matches every string `other` matches: the same text, or each of `other`'s alternatives is
        /// accepted by one of its own.
        func accepts(everythingOf other: Pattern) -> Bool {
            if text == other.text { return true }
            guard let branches, let others = other.branches else { return false }
            var budget = Budget()
            return others.allSatisfy { inner in branches.contains { $0.accepts(everythingOf: inner, &budget) } }
        }
    }

    /// One top-level alternative: whether it is anchored at the start (`^`) and end (`$`), and its body. A pattern is
    /// searched for in the value: unanchored, the body may match any substring; anchored at the start, a prefix.
    struct Branch {
        var start: Bool
        var end: Bool
        var body: RegexNode
        /// Whether an anchor is left inside the body: then it is compared only as written.
        var opaque: Bool

        /// The anchors at either end of an alternative split off.
        static func split(_ node: RegexNode) -> [Branch] {
            let alternatives: [RegexNode] = if case .alternation(let nodes) = node { nodes } else { [node] }
            return alternatives.map { alternative in
                var items: [RegexNode] = if case .sequence(let nodes) = alternative { nodes } else { [alternative] }
                var start = false, end = false
                while items.first == .start { items.removeFirst(); start = true }
                while items.last == .end { items.removeLast(); end = true }
                let body = RegexNode.sequence(items).normalized
                return Branch(start: start, end: end, body: body, opaque: body.hasAnchor)
            }
        }

        /// Matches every string: the body matches the empty string, and is not pinned to both ends.
        var acceptsEverything: Bool { !opaque && !(start && end) && body.nullable }

        /// Whether it matches every string `inner` matches: it anchors no end `inner` leaves free, and its body
        /// admits everything `inner`'s does — the substring `inner` matched then matches it, where it is.
        func accepts(everythingOf inner: Branch, _ budget: inout Budget) -> Bool {
            if opaque || inner.opaque { return start == inner.start && end == inner.end && body == inner.body }
            if acceptsEverything { return true }
            guard !start || inner.start, !end || inner.end else { return false }
            return RegexNode.contains(body, inner.body, &budget)
        }
    }

    /// A bound on the work one comparison may do: past it, nothing more is proven.
    struct Budget {
        var steps = 0
        mutating func spend() -> Bool {
            steps += 1
            return steps <= 20_000
        }
    }
}

/// A regular expression as the containment rules read it: sets of characters, sequences, alternatives, repetitions,
/// and the two anchors.
indirect enum RegexNode: Hashable {
    /// One character from a set.
    case set(CharacterSet32)
    /// Each part in turn.
    case sequence([RegexNode])
    /// One of the alternatives.
    case alternation([RegexNode])
    /// `min` to `max` (nil: unbounded) repetitions.
    case repetition(RegexNode, min: Int, max: Int?)
    /// `^`.
    case start
    /// `$`.
    case end

    /// The same expression with nested sequences and alternatives flattened, single parts unwrapped and `{1}` dropped.
    var normalized: RegexNode {
        switch self {
        case .sequence(let nodes):
            let flat = nodes.map(\.normalized).flatMap { node -> [RegexNode] in if case .sequence(let inner) = node { inner } else { [node] } }
            return flat.count == 1 ? flat[0] : .sequence(flat)
        case .alternation(let nodes):
            let flat = nodes.map(\.normalized).flatMap { node -> [RegexNode] in if case .alternation(let inner) = node { inner } else { [node] } }
            return flat.count == 1 ? flat[0] : .alternation(flat)
        case .repetition(let node, let min, let max):
            return min == 1 && max == 1 ? node.normalized : .repetition(node.normalized, min: min, max: max)
        case .set, .start, .end:
            return self
        }
    }

    /// Whether `^` or `$` occurs anywhere in it.
    var hasAnchor: Bool {
        switch self {
        case .start, .end: true
        case .set: false
        case .sequence(let nodes), .alternation(let nodes): nodes.contains { $0.hasAnchor }
        case .repetition(let node, _, _): node.hasAnchor
        }
    }

    /// Whether it matches the empty string.
    var nullable: Bool {
        switch self {
        case .start, .end: true
        case .set: false
        case .sequence(let nodes): nodes.allSatisfy(\.nullable)
        case .alternation(let nodes): nodes.contains(where: \.nullable)
        case .repetition(let node, let min, _): min == 0 || node.nullable
        }
    }

    /// The node as a repetition: itself, or one repetition of it.
    private var asRepetition: (node: RegexNode, min: Int, max: Int?) {
        if case .repetition(let node, let min, let max) = self { (node, min, max) } else { (self, 1, 1) }
    }

    /// Whether every string `inner` matches, `outer` matches (both anchor-free). Sound, not complete: false when no
    /// rule proves it.
    static func contains(_ outer: RegexNode, _ inner: RegexNode, _ budget: inout PatternContainment.Budget) -> Bool {
        guard budget.spend() else { return false }
        if outer == inner { return true }
        if case .alternation(let nodes) = inner { return nodes.allSatisfy { contains(outer, $0, &budget) } }
        if case .set(let wide) = outer, case .set(let narrow) = inner { return narrow.isSubset(of: wide) }
        if case .alternation(let nodes) = outer, nodes.contains(where: { contains($0, inner, &budget) }) { return true }
        let outerItems: [RegexNode] = if case .sequence(let nodes) = outer { nodes } else { [outer] }
        let innerItems: [RegexNode] = if case .sequence(let nodes) = inner { nodes } else { [inner] }
        if outerItems.count == 1, innerItems.count == 1 {
            // One part each: a repetition whose atom admits the other's atom, and whose count covers the other's.
            guard case .repetition(let atom, let low, let high) = outer else { return false }
            let part = inner.asRepetition
            guard part.min >= low, high.map({ bound in part.max.map { $0 <= bound } ?? false }) ?? true else { return false }
            return contains(atom, part.node, &budget)
        }
        return sequence(outerItems, contains: innerItems, &budget)
    }

    /// Whether the concatenation `outer` matches every string the concatenation `inner` does: `inner`'s parts are laid
    /// over `outer`'s in order — a run of them inside one repetition of `outer` whose atom admits each and whose count
    /// covers theirs, or one inside one part — and the parts of `outer` left over match the empty string.
    private static func sequence(_ outer: [RegexNode], contains inner: [RegexNode], _ budget: inout PatternContainment.Budget) -> Bool {
        // known[i][j]: whether inner[i...] is proven inside outer[j...] (nil: not yet asked).
        var known = Array(repeating: [Bool?](repeating: nil, count: outer.count + 1), count: inner.count + 1)
        func proven(_ i: Int, _ j: Int, _ budget: inout PatternContainment.Budget) -> Bool {
            if let answer = known[i][j] { return answer }
            guard budget.spend() else { return false }
            var answer = false
            if i == inner.count {
                answer = outer[j...].allSatisfy(\.nullable)
            } else if j < outer.count {
                if outer[j].nullable, proven(i, j + 1, &budget) {
                    answer = true
                } else if contains(outer[j], inner[i], &budget), proven(i + 1, j + 1, &budget) {
                    answer = true
                } else {
                    // A run inner[i..<k] inside outer[j]'s repetition: each part repeats an atom outer's atom admits,
                    // and their counts add up to one outer's count admits.
                    let (atom, low, high) = outer[j].asRepetition
                    var total = (min: 0, max: Optional(0))
                    var k = i
                    while !answer, k < inner.count {
                        let part = inner[k].asRepetition
                        guard contains(atom, part.node, &budget) else { break }
                        total.min += part.min
                        total.max = total.max.flatMap { sum in part.max.map { sum + $0 } }
                        k += 1
                        if total.min >= low, high.map({ bound in total.max.map { $0 <= bound } ?? false }) ?? true, proven(k, j + 1, &budget) {
                            answer = true
                        }
                    }
                }
            }
            known[i][j] = answer
            return answer
        }
        return proven(0, 0, &budget)
    }
}

/// A set of Unicode scalars as sorted, disjoint, non-adjacent ranges.
struct CharacterSet32: Hashable {
    private(set) var ranges: [ClosedRange<UInt32>]

    /// The largest scalar value.
    static let top: UInt32 = 0x10FFFF

    init(_ ranges: [ClosedRange<UInt32>]) {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    /// Every scalar not in the set.
    var complement: CharacterSet32 {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= Self.top { result.append(next...Self.top) }
        return CharacterSet32(result)
    }

    /// Whether every scalar of the set is in `other`.
    func isSubset(of other: CharacterSet32) -> Bool {
        ranges.allSatisfy { range in other.ranges.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound } }
    }

    /// Both sets' scalars.
    func union(_ other: CharacterSet32) -> CharacterSet32 { CharacterSet32(ranges + other.ranges) }
}

/// Reads an ECMA-262 pattern (already checked by `ECMAScriptSyntax`) into a ``RegexNode``; nil for what the
/// containment rules do not read: lookarounds, backreferences, word boundaries, `\p{…}`, quantifiers beyond 10,000.
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// The pattern's expression, or nil.
    static func parse(_ pattern: String) -> RegexNode? {
        var parser = PatternParser(scalars: Array(pattern.unicodeScalars))
        guard let node = parser.disjunction(), parser.index == parser.scalars.count else { return nil }
        return node.normalized
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    /// `.`: any scalar but a line terminator.
    static let dot = CharacterSet32([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]).complement
    /// `\d`.
    static let digit = CharacterSet32([0x30...0x39])
    /// `\w`.
    static let word = CharacterSet32([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\s`: ECMA-262's white space and line terminators.
    static let space = CharacterSet32([0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
                                       0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF])

    private mutating func disjunction() -> RegexNode? {
        var alternatives: [RegexNode] = []
        while true {
            var items: [RegexNode] = []
            while let scalar = current, scalar != "|", scalar != ")" {
                guard let term = term() else { return nil }
                items.append(term)
            }
            alternatives.append(.sequence(items))
            guard current == "|" else { return .alternation(alternatives) }
            index += 1
        }
    }

    private mutating func term() -> RegexNode? {
        let scalar = scalars[index]
        index += 1
        let atom: RegexNode
        switch scalar {
        case "^": return .start
        case "$": return .end
        case "(":
            if current == "?" {
                // `(?:` and `(?<name>` group; lookarounds are not read.
                guard index + 1 < scalars.count else { return nil }
                if scalars[index + 1] == ":" {
                    index += 2
                } else if scalars[index + 1] == "<", index + 2 < scalars.count, scalars[index + 2] != "=", scalars[index + 2] != "!" {
                    while let next = current, next != ">" { index += 1 }
                    index += 1
                } else {
                    return nil
                }
            }
            guard let inner = disjunction(), current == ")" else { return nil }
            index += 1
            atom = inner
        case "[":
            guard let set = characterClass() else { return nil }
            atom = .set(set)
        case ".":
            atom = .set(Self.dot)
        case "\\":
            guard let set = escape(inClass: false) else { return nil }
            atom = .set(set)
        default:
            atom = .set(CharacterSet32([scalar.value...scalar.value]))
        }
        return quantified(atom)
    }

    /// `atom` with the quantifier after it, if any (lazy or not: the strings matched are the same).
    private mutating func quantified(_ atom: RegexNode) -> RegexNode? {
        var bounds: (min: Int, max: Int?)
        switch current {
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "?": bounds = (0, 1); index += 1
        case "{":
            index += 1
            guard let low = number() else { return nil }
            bounds = (low, low)
            if current == "," {
                index += 1
                bounds.max = current == "}" ? nil : number()
                if bounds.max == nil, current != "}" { return nil }
            }
            guard current == "}" else { return nil }
            index += 1
        default:
            return atom
        }
        if current == "?" { index += 1 }
        return .repetition(atom, min: bounds.min, max: bounds.max)
    }

    /// A decimal quantifier bound up to 10,000.
    private mutating func number() -> Int? {
        var value = 0, digits = 0
        while let scalar = current, ("0"..."9").contains(scalar) {
            value = value * 10 + Int(scalar.value - 48)
            digits += 1
            index += 1
            if value > 10_000 { return nil }
        }
        return digits > 0 ? value : nil
    }

    /// `[…]` after its `[`.
    private mutating func characterClass() -> CharacterSet32? {
        var negated = false
        if current == "^" { negated = true; index += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        while let scalar = current, scalar != "]" {
            index += 1
            let first: CharacterSet32
            if scalar == "\\" {
                guard let set = escape(inClass: true) else { return nil }
                first = set
            } else {
                first = CharacterSet32([scalar.value...scalar.value])
            }
            // A range: both ends single scalars (ECMAScriptSyntax refuses a class escape at either end).
            if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]", first.ranges.count == 1, first.ranges[0].count == 1 {
                index += 1
                let endScalar = scalars[index]
                index += 1
                let end: CharacterSet32
                if endScalar == "\\" {
                    guard let set = escape(inClass: true) else { return nil }
                    end = set
                } else {
                    end = CharacterSet32([endScalar.value...endScalar.value])
                }
                guard end.ranges.count == 1, end.ranges[0].count == 1, first.ranges[0].lowerBound <= end.ranges[0].lowerBound else { return nil }
                ranges.append(first.ranges[0].lowerBound...end.ranges[0].lowerBound)
            } else {
                ranges += first.ranges
            }
        }
        guard current == "]" else { return nil }
        index += 1
        let set = CharacterSet32(ranges)
        return negated ? set.complement : set
    }

    /// An escape after its `\`: the set it stands for, or nil for one that is not a set of characters.
    private mutating func escape(inClass: Bool) -> CharacterSet32? {
        guard let scalar = current else { return nil }
        index += 1
        func one(_ value: UInt32) -> CharacterSet32 { CharacterSet32([value...value]) }
        switch scalar {
        case "d": return Self.digit
        case "D": return Self.digit.complement
        case "w": return Self.word
        case "W": return Self.word.complement
        case "s": return Self.space
        case "S": return Self.space.complement
        case "f": return one(0x0C)
        case "n": return one(0x0A)
        case "r": return one(0x0D)
        case "t": return one(0x09)
        case "v": return one(0x0B)
        case "b" where inClass: return one(0x08)
        case "0": return one(0)
        case "-" where inClass: return one(0x2D)
        case "c":
            guard let letter = current else { return nil }
            index += 1
            return one(letter.value % 32)
        case "x":
            return hex(count: 2).map(one)
        case "u":
            if current == "{" {
                index += 1
                var value: UInt32 = 0
                while let digit = current, digit != "}" {
                    guard let nibble = Self.hexValue(digit), value <= 0x10FFFF else { return nil }
                    value = value * 16 + nibble
                    index += 1
                }
                index += 1
                return value <= CharacterSet32.top ? one(value) : nil
            }
            // A surrogate (half of a pair written as two escapes) is not read.
            guard let value = hex(count: 4), !(0xD800...0xDFFF).contains(value) else { return nil }
            return one(value)
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return one(scalar.value)
        default:
            // Backreferences, `\k<name>`, `\b`, `\B`, `\p{…}`: not sets of characters the rules read.
            return nil
        }
    }

    private mutating func hex(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let scalar = current, let nibble = Self.hexValue(scalar) else { return nil }
            value = value * 16 + nibble
            index += 1
        }
        return value
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }
}
