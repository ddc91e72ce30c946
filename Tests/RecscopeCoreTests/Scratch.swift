import Foundation

/// A fresh directory under the system's temporary directory, removed when
/// the value goes away, so tests running in parallel never share files.
final class Scratch {
  let path: String

  init() {
    path = FileManager.default.temporaryDirectory
      .appendingPathComponent("recscope-test-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// The path of `name` inside the directory.
  func path(_ name: String) -> String { path + "/" + name }

  /// Writes `text` as UTF-8 to `name`, making subdirectories; returns the
  /// file's path.
  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    write(name, bytes: Array(text.utf8))
  }

  /// Writes raw bytes to `name`; returns the file's path.
  @discardableResult
  func write(_ name: String, bytes: [UInt8]) -> String {
    let file = path(name)
    let directory = (file as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    return file
  }

  /// The names in the directory (or a subdirectory), sorted.
  func contents(_ name: String = "") -> [String] {
    let directory = name.isEmpty ? path : path(name)
    return ((try? FileManager.default.contentsOfDirectory(atPath: directory))
      ?? []).sorted()
  }
}
