/// A command that was called correctly but could not do its work, such
/// as a file that cannot be read. The user sees `error: ` and the message,
/// which should name what failed and why; the process exits with 1.
public struct CommandFailure: Error, Equatable, Sendable,
  CustomStringConvertible
{
  public let message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
