/// Somewhere a command writes text: standard output or error in the
/// program, a string in tests.
///
/// Commands never print directly, so that tests can capture both streams
/// without starting a process.
public protocol TextSink: AnyObject, Sendable {
  func write(_ text: String)
  /// Pushes out anything buffered.
  func flush()
}

extension TextSink {
  /// Writes `text` and a newline.
  public func writeLine(_ text: String = "") {
    write(text + "\n")
  }
}
