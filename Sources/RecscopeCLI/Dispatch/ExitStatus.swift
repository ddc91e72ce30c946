/// The process exit statuses of `recscope`.
public enum ExitStatus: Int32, Sendable {
  case success = 0
  /// The command was understood but could not be carried out.
  case failure = 1
  /// The command line itself was wrong.
  case usage = 2
}
