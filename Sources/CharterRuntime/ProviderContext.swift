import Foundation

/// What a generated provider is serving, for the implementation of an operation to read: the contract's
/// parameters arrive as arguments, and everything else about the request — who the caller is, as the server's
/// authentication left it on the request; a trace id; the raw headers — is here.
public enum ProviderContext {
    /// The request a generated provider's `handle(_:)` (or `handle(_:idempotency:)`) is serving, while it runs;
    /// nil outside. A task-local value: child tasks the method starts see it too.
    @TaskLocal public static var request: ClientRequest?
}
