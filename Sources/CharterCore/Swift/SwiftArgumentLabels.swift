/// The argument labels generated Swift gives an operation's parameters — in client methods and provider
/// requirements alike — so that `charter diff` can tell whether renaming a parameter renames its argument.
package enum SwiftArgumentLabels {
    /// Each wire name's lowerCamel label, claimed in order in `scope` (a collision gets a suffix, the same one every
    /// time), escaped where Swift needs it.
    package static func claim(_ wireNames: [String], in scope: inout NameScope) -> [String] {
        wireNames.map { SwiftMembers.memberName($0, in: &scope) }
    }
}

extension SwiftArgumentLabels {
    /// A label as a reader writes it in a call, without the backticks that escape a keyword.
    package static func unescaped(_ label: String) -> String { SwiftIdentifier.unescaped(label) }
}
