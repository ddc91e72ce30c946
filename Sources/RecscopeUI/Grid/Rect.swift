/// A rectangle of cells: origin at the top left, x to the right, y down.
///
/// Rects never have negative sizes, and every operation (insetting,
/// slicing, intersecting) clamps instead of failing, so layout code can
/// shrink a screen to nothing without special cases.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(width, 0)
    self.height = max(height, 0)
  }

  /// The rect at the origin with `size`.
  public init(size: Size) {
    self.init(x: 0, y: 0, width: size.width, height: size.height)
  }

  public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

  /// One past the last column.
  public var maxX: Int { x + width }
  /// One past the last row.
  public var maxY: Int { y + height }
  public var size: Size { Size(width: width, height: height) }
  public var isEmpty: Bool { width == 0 || height == 0 }
  public var area: Int { width * height }

  /// `(x,y) w×h`, for test failures.
  public var description: String { "(\(x),\(y)) \(width)×\(height)" }

  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < maxX && py >= y && py < maxY
  }

  /// Whether `other` lies inside `self`; an empty rect lies anywhere.
  public func contains(_ other: Rect) -> Bool {
    other.isEmpty
      || (other.x >= x && other.y >= y && other.maxX <= maxX
        && other.maxY <= maxY)
  }

  /// The cells in both rects; empty, at the clamped origin, when they do
  /// not meet.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    return Rect(
      x: left, y: top,
      width: min(maxX, other.maxX) - left,
      height: min(maxY, other.maxY) - top)
  }

  public func intersects(_ other: Rect) -> Bool {
    !intersection(other).isEmpty
  }
}
