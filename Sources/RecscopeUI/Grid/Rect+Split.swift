/// Layout helpers: every result lies inside the rect it came from, and
/// the pieces of a split tile it exactly.
extension Rect {
  /// The rect shrunk by `amount` on every side (a box's interior is
  /// `inset(by: 1)`).
  public func inset(by amount: Int) -> Rect {
    inset(horizontal: amount, vertical: amount)
  }

  public func inset(horizontal: Int, vertical: Int) -> Rect {
    let dx = min(max(horizontal, 0), width / 2)
    let dy = min(max(vertical, 0), height / 2)
    return Rect(
      x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
  }

  /// The top `rows` rows (fewer if there are not that many) and the rest.
  public func sliceTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let taken = min(max(rows, 0), height)
    return (
      Rect(x: x, y: y, width: width, height: taken),
      Rect(x: x, y: y + taken, width: width, height: height - taken)
    )
  }

  /// The bottom `rows` rows and the rest above them.
  public func sliceBottom(_ rows: Int) -> (bottom: Rect, rest: Rect) {
    let taken = min(max(rows, 0), height)
    return (
      Rect(x: x, y: maxY - taken, width: width, height: taken),
      Rect(x: x, y: y, width: width, height: height - taken)
    )
  }

  /// The left `columns` columns and the rest.
  public func sliceLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
    let taken = min(max(columns, 0), width)
    return (
      Rect(x: x, y: y, width: taken, height: height),
      Rect(x: x + taken, y: y, width: width - taken, height: height)
    )
  }

  /// The right `columns` columns and the rest to their left.
  public func sliceRight(_ columns: Int) -> (right: Rect, rest: Rect) {
    let taken = min(max(columns, 0), width)
    return (
      Rect(x: maxX - taken, y: y, width: taken, height: height),
      Rect(x: x, y: y, width: width - taken, height: height)
    )
  }

  /// Side-by-side pieces with widths proportional to `weights`.
  ///
  /// Rounding leftovers go to the first pieces, one column each, so the
  /// pieces always add up to `width`. Zero or negative weights get
  /// nothing; all-zero weights give equal shares.
  public func splitColumns(_ weights: [Int]) -> [Rect] {
    var left = x
    return Self.shares(of: width, weights: weights).map { share in
      defer { left += share }
      return Rect(x: left, y: y, width: share, height: height)
    }
  }

  /// Stacked pieces with heights proportional to `weights` (see
  /// ``splitColumns(_:)``).
  public func splitRows(_ weights: [Int]) -> [Rect] {
    var top = y
    return Self.shares(of: height, weights: weights).map { share in
      defer { top += share }
      return Rect(x: x, y: top, width: width, height: share)
    }
  }

  static func shares(of total: Int, weights: [Int]) -> [Int] {
    guard !weights.isEmpty else { return [] }
    var positive = weights.map { max($0, 0) }
    if positive.allSatisfy({ $0 == 0 }) {
      positive = Array(repeating: 1, count: weights.count)
    }
    let sum = positive.reduce(0, +)
    var result = positive.map { total * $0 / sum }
    var leftover = total - result.reduce(0, +)
    for index in result.indices where leftover > 0 && positive[index] > 0 {
      result[index] += 1
      leftover -= 1
    }
    return result
  }
}
