/// What rendering does when a tag's name does not resolve in the context stack.
public enum MustacheMissingNames: Sendable, Hashable {
    /// The Mustache spec's behaviour: a missing variable renders as the empty
    /// string, a missing section is skipped (an inverted one renders), and a
    /// missing partial renders as the empty string.
    case empty
    /// Strict mode, for catching typos in templates: a name that does not
    /// resolve in a variable, section or inverted-section tag, a missing
    /// partial, and interpolating a list or an object are all errors that name
    /// the template, line and column.
    ///
    /// A name that resolves to `.null` is *not* missing, and a dotted name
    /// stops quietly at a `.null` (`{{owner.name}}` with `owner: .null` renders
    /// empty), so optional data is expressed by storing `.null` under the key.
    case error
}
