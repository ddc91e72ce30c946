/// Draws, for one user at a time, distinct items with chances in
/// proportion to their popularity among the items not drawn yet
/// (successive weighted sampling without replacement).
///
/// Most draws come from an ``AliasTable`` over all items, a repeat being
/// drawn again. That stays cheap while the items already drawn hold a
/// small share of the total weight; when repeats become common (a user who
/// rates a large share of the catalogue), the rest of the draws switch to
/// exponential keys over the items left (Efraimidis and Spirakis 2006),
/// which give the same distribution in O(M log M).
struct ItemSampler {
  private let table: AliasTable
  private let weights: [Double]
  /// The user who last drew each item, so that a repeat is spotted in
  /// O(1) without clearing a set between users.
  private var drawnBy: [Int32]

  /// - Precondition: every weight positive and finite.
  init(weights: [Double]) {
    precondition(weights.allSatisfy { $0 > 0 && $0.isFinite },
                 "ItemSampler: weights must be positive and finite")
    self.weights = weights
    table = AliasTable(weights: weights)
    drawnBy = Array(repeating: -1, count: weights.count)
  }

  /// Replaces `items` with `count` distinct item numbers for `user`, in
  /// the order drawn.
  /// - Precondition: `count ≤` the number of items; users drawn for in
  ///   increasing order, each once.
  /// - Complexity: O(`count`) expected while repeats are rare, else
  ///   O(M log M).
  mutating func draw(_ count: Int, for user: Int32, into items: inout [Int32],
                     using random: inout RandomSource) {
    precondition(count <= weights.count, "ItemSampler.draw: \(count) items")
    items.removeAll(keepingCapacity: true)
    var attempts = 0
    let budget = 4 * count + 64
    while items.count < count && attempts < budget {
      attempts += 1
      let item = table.sample(using: &random)
      if drawnBy[item] != user {
        drawnBy[item] = user
        items.append(Int32(item))
      }
    }
    if items.count < count {
      drawRest(count - items.count, for: user, into: &items, using: &random)
    }
  }

  /// The remaining draws by exponential keys: the smallest `E_i / w_i`
  /// over the items left, E_i exponential, in increasing order.
  private mutating func drawRest(_ count: Int, for user: Int32,
                                 into items: inout [Int32],
                                 using random: inout RandomSource) {
    var keyed: [(key: Double, item: Int32)] = []
    keyed.reserveCapacity(weights.count - items.count)
    for item in weights.indices where drawnBy[item] != user {
      keyed.append((random.exponential() / weights[item], Int32(item)))
    }
    // Ties broken by item number, so the order never depends on the sort.
    keyed.sort { $0.key < $1.key || ($0.key == $1.key && $0.item < $1.item) }
    for entry in keyed.prefix(count) {
      drawnBy[Int(entry.item)] = user
      items.append(entry.item)
    }
  }
}
