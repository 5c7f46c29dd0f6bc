/// How `{{name}}` interpolations are escaped. `{{{name}}}` and `{{& name}}` are never escaped.
public enum MustacheEscaping: Sendable, Hashable {
    /// No escaping: `{{name}}` renders exactly like `{{{name}}}`. The mode for generating code.
    case none
    /// HTML escaping as the Mustache spec requires: `&` `"` `<` `>` become `&amp;` `&quot;` `&lt;` `&gt;`.
    case html
}
