/// How a recommendation's rank moved after the last edit.
public enum RankMove: Equatable, Sendable {
  case same
  case up(Int)
  case down(Int)
  /// Not in the list before the edit.
  case new

  /// `↑2`, `↓1`, `new`, or nothing.
  public var label: String {
    switch self {
    case .same: ""
    case .up(let n): "↑\(n)"
    case .down(let n): "↓\(n)"
    case .new: "new"
    }
  }

  /// Moves from the list before an edit to the list after it.
  static func moves(before: [Int], after: [Int]) -> [Int: RankMove] {
    var old: [Int: Int] = [:]
    for (rank, item) in before.enumerated() { old[item] = rank }
    var out: [Int: RankMove] = [:]
    for (rank, item) in after.enumerated() {
      guard let was = old[item] else {
        out[item] = .new
        continue
      }
      out[item] = was == rank ? .same : was > rank ? .up(was - rank)
        : .down(rank - was)
    }
    return out
  }
}
