/// Blank text: what the presence rules count as missing. A value written as `""` or `" "` declares nothing —
/// a contact nobody can write to, a header without a name, a topic nobody can publish to — so every rule that
/// asks whether something is declared asks it through these.
extension StringProtocol {
    /// Whether the text is empty or only whitespace.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension Optional where Wrapped: StringProtocol {
    /// The text, or nil when it is missing or blank.
    var nonBlank: Wrapped? { flatMap { $0.isBlank ? nil : $0 } }
}
