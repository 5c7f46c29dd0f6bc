import Foundation

/// What generated code makes of a `pattern`, asked by the tools that read contracts: the rewrite for ICU is
/// `ECMAScriptPattern`, compiled into this module from `Sources/CharterRuntime/ECMAScriptPattern.swift` through a
/// symbolic link, so the linter judges a pattern exactly as generated validation will compile it.
package enum PatternSyntax {
    /// Whether generated validation can compile `pattern` (the empty pattern matches everything). A pattern it cannot
    /// compile makes every value a validation issue ("cannot be checked").
    package static func compiles(_ pattern: String) -> Bool {
        pattern.isEmpty || (try? NSRegularExpression(pattern: ECMAScriptPattern.icu(pattern), options: [])) != nil
    }
}
