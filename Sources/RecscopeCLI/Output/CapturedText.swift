import Foundation

/// A ``TextSink`` that keeps what is written, for tests.
public final class CapturedText: TextSink, @unchecked Sendable {
  // Unchecked: `storage` is only touched while holding `lock`.
  private let lock = NSLock()
  private var storage = ""

  public init() {}

  /// Everything written so far.
  public var text: String {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }

  public func write(_ text: String) {
    lock.lock()
    defer { lock.unlock() }
    storage += text
  }

  public func flush() {}
}
