/// Ratings named by external ids, resolved once to the dense indices of a
/// training matrix (nil where an id is absent), so that an error measure
/// can be taken after every epoch without a dictionary look-up per rating.
struct IndexedRatings {
  var users: [UserIndex?] = []
  var items: [ItemIndex?] = []
  var values: [Double] = []

  init(_ records: [RatingRecord], in ratings: RatingMatrix) {
    users = records.map { ratings.user($0.userID) }
    items = records.map { ratings.item($0.itemID) }
    values = records.map(\.rating)
  }

  /// Every rating of the matrix, users in index order.
  init(_ ratings: RatingMatrix) {
    for (u, row) in ratings.byUser.enumerated() {
      for entry in row {
        users.append(UserIndex(u))
        items.append(entry.item)
        values.append(entry.value)
      }
    }
  }

  /// RMSE of the model's clipped estimates; 0 when there are no ratings.
  /// - Complexity: O(n · k).
  func rmse(of model: FactorModel) -> Double {
    guard !values.isEmpty else { return 0 }
    var squares = 0.0
    for n in values.indices {
      let e = model.estimate(users[n], items[n]).estimate - values[n]
      squares += e * e
    }
    return (squares / Double(values.count)).squareRoot()
  }
}
