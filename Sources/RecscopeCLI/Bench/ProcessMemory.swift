import Foundation

/// The process's resident memory as Linux reports it in `/proc/self`.
enum ProcessMemory {
  /// Peak resident set size (VmHWM) in bytes, or nil off Linux.
  static var peakBytes: Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let digits = line.filter(\.isNumber)
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }

  /// Starts a new peak from the current resident size, so each stage of
  /// a benchmark reports its own; false where the kernel does not allow it.
  @discardableResult
  static func resetPeak() -> Bool {
    FileManager.default.createFile(atPath: "/proc/self/clear_refs",
                                   contents: Data("5".utf8))
  }
}
