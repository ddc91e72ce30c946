extension SyntheticBuilder {
  /// The hidden model by item number (`i1` is 0), which is not the dense
  /// index: that is only known once the ratings are laid out.
  struct HiddenModel {
    var mean: Double
    var userBias: [Double]
    var itemBias: [Double]
    var userFactors: [Double]
    var itemFactors: [Double]
  }

  /// One drawn rating, held until its block is added to the matrix.
  private struct Entry {
    var item: Int32
    var user: Int32
    /// Position of the item in the catalogue order.
    var rank: Int32
    /// Index into the rating levels.
    var level: UInt16
  }

  /// Draws every rating and adds it to `matrix`; returns the item number
  /// of each dense index.
  ///
  /// Each user's items come in one catalogue order, a random permutation
  /// of the items shared by all users, as MovieLens files list each
  /// user's films by id. The file order is therefore users in order, each
  /// user's items in catalogue order, and dense indices (first appearance)
  /// follow no id order.
  ///
  /// The matrix keeps each item's ratings in user order too, and filling
  /// it user by user would touch a random item's list at every rating,
  /// which at 20 million ratings is dominated by cache misses. Ratings are
  /// therefore drawn a block of users at a time and added in catalogue
  /// order within the block: both orders come out the same, and each
  /// item's list is touched once per block.
  func drawRatings(
    model: HiddenModel, degrees: [Int], popularity: [Double],
    into matrix: inout RatingMatrix, order: inout RandomSource,
    choices: inout RandomSource, noise: inout RandomSource
  ) -> [Int] {
    let users = recipe.users, items = recipe.items
    var rank = Array(0..<Int32(items))
    order.shuffle(&rank)
    for u in 0..<users { matrix.addUser("u\(u + 1)") }
    var denseOf = [Int32](repeating: -1, count: items)
    var numberOf: [Int] = []
    numberOf.reserveCapacity(items)

    let levels = ratingLevels()
    let topLevel = Double(levels.count - 1)
    let noiseSpread = Self.noiseSpread * stretch
    let lower = recipe.scale.lower, step = recipe.step
    var sampler = ItemSampler(weights: popularity)
    var chosen: [Int32] = []
    var keys: [UInt64] = []
    var block: [Entry] = []
    var sorted: [Entry] = []
    var starts = [Int](repeating: 0, count: items + 1)

    var u = 0
    while u < users {
      block.removeAll(keepingCapacity: true)
      while u < users && block.count < recipe.ratingsPerBlock {
        sampler.draw(degrees[u], for: Int32(u), into: &chosen,
                     using: &choices)
        // Rank and item packed in one word sort faster than by a closure.
        keys.removeAll(keepingCapacity: true)
        for item in chosen {
          keys.append(UInt64(rank[Int(item)]) << 32 | UInt64(item))
        }
        keys.sort()
        let base = model.mean + model.userBias[u]
        for number in keys.lazy.map({ Int($0 & 0xFFFF_FFFF) }) {
          if denseOf[number] < 0 {
            denseOf[number] = matrix.addItem("i\(number + 1)").rawValue
            numberOf.append(number)
          }
          var dot = 0.0
          for d in 0..<k {
            dot += model.userFactors[u * k + d]
              * model.itemFactors[number * k + d]
          }
          let raw = base + model.itemBias[number] + stretch * dot
            + noiseSpread * noise.normal()
          let level = min(topLevel, max(0, ((raw - lower) / step).rounded()))
          block.append(Entry(item: denseOf[number], user: Int32(u),
                             rank: rank[number], level: UInt16(level)))
        }
        u += 1
      }
      Self.sortByRank(block, into: &sorted, starts: &starts)
      for entry in sorted {
        matrix.appendUnchecked(UserIndex(Int(entry.user)),
                               ItemIndex(Int(entry.item)),
                               levels[Int(entry.level)])
      }
    }
    for number in 0..<items where denseOf[number] < 0 {
      denseOf[number] = matrix.addItem("i\(number + 1)").rawValue
      numberOf.append(number)
    }
    return numberOf
  }

  /// A stable counting sort of `block` by rank into `sorted`; `starts` is
  /// scratch space with one slot per rank and one more.
  /// - Complexity: O(block + M).
  private static func sortByRank(_ block: [Entry], into sorted: inout [Entry],
                                 starts: inout [Int]) {
    for i in starts.indices { starts[i] = 0 }
    for entry in block { starts[Int(entry.rank) + 1] += 1 }
    for i in 1..<starts.count { starts[i] += starts[i - 1] }
    sorted.removeAll(keepingCapacity: true)
    sorted.append(contentsOf: block)
    for entry in block {
      sorted[starts[Int(entry.rank)]] = entry
      starts[Int(entry.rank)] += 1
    }
  }
}
