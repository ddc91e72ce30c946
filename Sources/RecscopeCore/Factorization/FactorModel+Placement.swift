/// Items placed in the factor space from outside: a vector learned
/// elsewhere taken as q_i for an item that no training rating reached, so
/// that the model scores it by μ + b_u + q_iᵀp_u (its b_i is 0, nothing
/// having measured it) instead of by the biases alone. This is how item
/// vectors transfer to items that are cold in the strictest sense.
extension FactorModel {
  /// Places item `id` at `factors`, adding the id when the training data
  /// lacks it. An item with training ratings keeps its trained q_i.
  /// - Returns: the item's index, or nil when it has training ratings.
  /// - Precondition: `factors` has ``factorCount`` values.
  @discardableResult
  public mutating func placeItem(_ id: String,
                                 at factors: [Double]) -> ItemIndex? {
    precondition(factors.count == factorCount,
                 "FactorModel.placeItem: \(factors.count) values for "
                   + "\(factorCount) factors")
    let i: ItemIndex
    if let existing = ratings.item(id) {
      guard !isKnown(existing) else { return nil }
      i = existing
      itemFactors.setRow(i.int, to: factors)
      itemBias[i.int] = 0
    } else {
      i = ratings.addItem(id)
      itemFactors.appendRow(factors)
      itemBias.append(0)
    }
    placedItems.insert(i.int)
    return i
  }

  /// Placed from outside with no training rating (see
  /// ``placeItem(_:at:)``).
  public func isPlaced(_ i: ItemIndex?) -> Bool {
    guard let i else { return false }
    return placedItems.contains(i.int)
  }
}
