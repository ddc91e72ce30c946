extension Dataset {
  /// A copy with every rating passed through `transform`, users in index
  /// order and each user's ratings in insertion order; nil drops the
  /// rating. Users and items keep their indices, titles and features (one
  /// left without ratings becomes unknown to the models), and each user's
  /// ratings keep their order; each item's list is rebuilt in user order.
  /// - Complexity: O(|R|) plus the calls to `transform`.
  func rewritingRatings(
    _ transform: (UserIndex, ItemIndex, Double) -> Double?
  ) -> Dataset {
    var m = RatingMatrix()
    for id in ratings.userIDs { m.addUser(id) }
    for id in ratings.itemIDs { m.addItem(id) }
    for (u, row) in ratings.byUser.enumerated() {
      for entry in row {
        if let value = transform(UserIndex(u), entry.item, entry.value) {
          m.appendUnchecked(UserIndex(u), entry.item, value)
        }
      }
    }
    return Dataset(ratings: m, catalog: catalog, scale: scale)
  }
}
