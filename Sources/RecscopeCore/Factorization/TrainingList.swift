/// The sequence of ratings an SGD epoch visits, as flat index arrays.
///
/// Built from a data set it holds every rating once, users in index order
/// and each user's ratings in insertion order, the order in which
/// Surprise's `sgd` walks its training set. Because ``RatingMatrix`` keeps
/// one rating per (user, item) pair, reweighting is done here instead: a
/// rating listed twice gets two updates per epoch, which is what an
/// integer sample weight means for stochastic gradient descent.
public struct TrainingList: Sendable {
  /// Where the ratings came from: ids, μ, the scale and the catalogue.
  public let dataset: Dataset
  public private(set) var users: [Int32]
  public private(set) var items: [Int32]
  public private(set) var values: [Double]

  /// Every rating of `dataset` once, in the order described above.
  /// - Complexity: O(|R|).
  public init(_ dataset: Dataset) {
    self.dataset = dataset
    let n = dataset.ratings.count
    users = []
    items = []
    values = []
    users.reserveCapacity(n)
    items.reserveCapacity(n)
    values.reserveCapacity(n)
    for (u, row) in dataset.ratings.byUser.enumerated() {
      for entry in row {
        users.append(Int32(u))
        items.append(entry.item.rawValue)
        values.append(entry.value)
      }
    }
  }

  public var count: Int { values.count }

  /// The list with the ratings of sparse users repeated: a user with
  /// 0 < n_u < `minimum` ratings has their block of ratings listed
  /// ⌈minimum / n_u⌉ times in a row, so each epoch updates them about as
  /// often as a user with `minimum` ratings. μ stays that of the data set.
  /// - Precondition: `minimum >= 0`.
  /// - Complexity: O(|R| + added entries).
  public func oversamplingSparseUsers(below minimum: Int) -> TrainingList {
    precondition(minimum >= 0,
                 "TrainingList.oversamplingSparseUsers: minimum \(minimum) < 0")
    var out = self
    out.users.removeAll(keepingCapacity: true)
    out.items.removeAll(keepingCapacity: true)
    out.values.removeAll(keepingCapacity: true)
    var start = 0
    while start < count {
      var end = start
      while end < count && users[end] == users[start] { end += 1 }
      let n = end - start
      let copies = n < minimum ? (minimum + n - 1) / n : 1
      for _ in 0..<copies {
        out.users.append(contentsOf: users[start..<end])
        out.items.append(contentsOf: items[start..<end])
        out.values.append(contentsOf: values[start..<end])
      }
      start = end
    }
    return out
  }
}
