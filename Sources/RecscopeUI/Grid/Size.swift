/// A size in terminal columns and rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  public var width: Int
  public var height: Int

  /// Negative dimensions become zero: a terminal can report nonsense
  /// while it is being resized, and nothing downstream should care.
  public init(width: Int, height: Int) {
    self.width = max(width, 0)
    self.height = max(height, 0)
  }

  public static let zero = Size(width: 0, height: 0)

  /// `80×24`, the way people say terminal sizes.
  public var description: String { "\(width)×\(height)" }

  /// Whether `self` is at least as wide and as tall as `other`.
  public func contains(_ other: Size) -> Bool {
    width >= other.width && height >= other.height
  }
}
