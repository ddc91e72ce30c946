import Foundation

/// Standard output or standard error as a ``TextSink``.
///
/// Output is buffered, because a table of a million rows written one
/// system call per row is slow; errors are not, so that they appear at
/// once. Write failures (a closed pipe) are ignored: there is nowhere left
/// to report them.
public final class StandardStream: TextSink, @unchecked Sendable {
  // Unchecked: `buffer` is only touched while holding `lock`.
  private let handle: FileHandle
  private let bufferLimit: Int
  private let lock = NSLock()
  private var buffer: [UInt8] = []

  private init(handle: FileHandle, bufferLimit: Int) {
    self.handle = handle
    self.bufferLimit = bufferLimit
  }

  public static let output = StandardStream(
    handle: .standardOutput, bufferLimit: 1 << 16)
  public static let error = StandardStream(
    handle: .standardError, bufferLimit: 0)

  public func write(_ text: String) {
    lock.lock()
    defer { lock.unlock() }
    buffer.append(contentsOf: text.utf8)
    if buffer.count > bufferLimit { drain() }
  }

  public func flush() {
    lock.lock()
    defer { lock.unlock() }
    drain()
  }

  private func drain() {
    guard !buffer.isEmpty else { return }
    try? handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
