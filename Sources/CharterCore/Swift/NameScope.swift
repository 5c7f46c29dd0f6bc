/// Hands out unique names within one Swift scope (the types of a namespace, the members of a type),
/// deterministically: the first claimant keeps a name, later ones get `2`, `3`, … appended (`_2`, `_3`
/// after a trailing digit).
public struct NameScope: Sendable {
    /// The names reserved when the scope was made: shared with whoever made it, never copied or changed.
    private let reserved: Set<String>
    /// The names claimed or reserved since.
    private var taken: Set<String> = []
    /// The next suffix to try for a preferred name, so claiming the same name n times is linear, not
    /// quadratic (an enum of 10,000 all-punctuation values all want `value`). Names only ever become
    /// taken, so skipping the suffixes already tried gives the same result as counting from 2.
    private var nextSuffix: [String: Int] = [:]

    /// Creates a scope in which `reserved` names are already taken.
    public init(reserved: Set<String> = []) { self.reserved = reserved }

    /// Claims `preferred`, or the first free `preferred2`, `preferred3`, …, and returns the claimed name.
    /// A name that ends in a digit gets `_2`, so `_1` and `_12` stay distinct from each other's suffixes.
    public mutating func claim(_ preferred: String) -> String {
        if take(preferred) { return preferred }
        let separator = preferred.last?.isNumber == true ? "_" : ""
        var counter = nextSuffix[preferred, default: 2]
        while !take("\(preferred)\(separator)\(counter)") { counter += 1 }
        nextSuffix[preferred] = counter + 1
        return "\(preferred)\(separator)\(counter)"
    }

    /// Whether `name` is taken.
    public func contains(_ name: String) -> Bool { reserved.contains(name) || taken.contains(name) }

    /// Takes `name` when it is free; whether it was.
    private mutating func take(_ name: String) -> Bool {
        !reserved.contains(name) && taken.insert(name).inserted
    }

    /// Marks `name` as taken without checking.
    public mutating func reserve(_ name: String) { taken.insert(name) }
}
