import Foundation

/// Paths shared by the test targets.
public enum Fixtures {
  /// The package root, found from this source file's location.
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  public static func sample(_ relative: String) -> URL {
    packageRoot.appendingPathComponent("Samples").appendingPathComponent(relative)
  }
}
