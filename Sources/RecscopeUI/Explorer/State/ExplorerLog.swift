import Foundation

/// Diagnostics for `--log FILE`: nothing reaches the terminal while the
/// screen is up, so this file is where the explorer says what it did.
final class ExplorerLog {
  private let handle: FileHandle?
  private let start = ContinuousClock.now

  /// A log appending to `path`, or one that drops everything.
  init(path: String?) {
    guard let path else {
      handle = nil
      return
    }
    if !FileManager.default.fileExists(atPath: path) {
      _ = FileManager.default.createFile(atPath: path, contents: nil)
    }
    handle = FileHandle(forWritingAtPath: path)
    _ = try? handle?.seekToEnd()
  }

  deinit { try? handle?.close() }

  func write(_ message: @autoclosure () -> String) {
    guard let handle else { return }
    let elapsed = ContinuousClock.now - start
    let ms = elapsed.components.seconds * 1000
      + elapsed.components.attoseconds / 1_000_000_000_000_000
    try? handle.write(contentsOf: Data("[\(ms) ms] \(message())\n".utf8))
  }
}
