import RecscopeCore

/// Which users and items the explorer shows, in what order.
///
/// The engine can add users and items but never remove them, so undoing
/// "add user" hides the (by then rating-less) user instead; redoing it
/// shows the same user again. Rows and columns on screen are positions
/// in ``users`` and ``items``, not engine indices.
struct Roster {
  private(set) var users: [Int] = []
  private(set) var items: [Int] = []
  private(set) var hiddenUsers: Set<Int> = []
  private(set) var hiddenItems: Set<Int> = []
  private var userPosition: [Int] = []
  private var itemPosition: [Int] = []

  init(userCount: Int, itemCount: Int) {
    rebuild(userCount: userCount, itemCount: itemCount)
  }

  /// The screen row of engine user `u`, if shown.
  func row(ofUser u: Int) -> Int? {
    u < userPosition.count && userPosition[u] >= 0 ? userPosition[u] : nil
  }

  func column(ofItem i: Int) -> Int? {
    i < itemPosition.count && itemPosition[i] >= 0 ? itemPosition[i] : nil
  }

  var hasHidden: Bool { !hiddenUsers.isEmpty || !hiddenItems.isEmpty }

  mutating func setUser(_ u: Int, hidden: Bool, userCount: Int,
                        itemCount: Int) {
    if hidden { hiddenUsers.insert(u) } else { hiddenUsers.remove(u) }
    rebuild(userCount: userCount, itemCount: itemCount)
  }

  mutating func setItem(_ i: Int, hidden: Bool, userCount: Int,
                        itemCount: Int) {
    if hidden { hiddenItems.insert(i) } else { hiddenItems.remove(i) }
    rebuild(userCount: userCount, itemCount: itemCount)
  }

  /// Catches up with users and items the engine gained.
  mutating func rebuild(userCount: Int, itemCount: Int) {
    users = (0..<userCount).filter { !hiddenUsers.contains($0) }
    items = (0..<itemCount).filter { !hiddenItems.contains($0) }
    userPosition = Array(repeating: -1, count: userCount)
    for (row, u) in users.enumerated() { userPosition[u] = row }
    itemPosition = Array(repeating: -1, count: itemCount)
    for (column, i) in items.enumerated() { itemPosition[i] = column }
  }
}
