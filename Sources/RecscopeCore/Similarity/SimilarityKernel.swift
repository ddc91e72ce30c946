/// Computes one row sim(x, ·) of a similarity matrix straight from the
/// ratings, with scratch accumulators reused from row to row.
///
/// For each y that x rated, in ascending order of y, it visits every x′
/// that rated y and adds the pair's terms. Every pair's terms are thus
/// summed in ascending y whichever row is computed, so sim(x, x′) and
/// sim(x′, x) are equal to the last bit, and a row recomputed after an
/// edit equals the one a full rebuild gives. The order is also Surprise's.
///
/// - Complexity: O(Σ_{y ∈ I_x} |U_y|) per row, where I_x are the y that x
///   rated and U_y the x′ that rated y.
struct SimilarityKernel {
  let measure: SimilarityMeasure
  let minSupport: Int
  let shrinkage: Double
  var centring: ValueCentring

  /// Per-x′ running sums, kept together so one update touches one line.
  private struct Accumulator {
    var count = 0.0
    var products = 0.0
    var squaresX = 0.0
    var squaresOther = 0.0
    var sumX = 0.0
    var sumOther = 0.0
  }

  private var sums: [Accumulator]
  private var touched: [Int32] = []

  init(measure: SimilarityMeasure, minSupport: Int, shrinkage: Double,
       centring: ValueCentring, width: Int) {
    self.measure = measure
    self.minSupport = minSupport
    self.shrinkage = shrinkage
    self.centring = centring
    sums = Array(repeating: Accumulator(), count: width)
    touched.reserveCapacity(width)
  }

  /// The number of rows it can compare against.
  var width: Int { sums.count }

  /// Writes sim(x, x′) into `out` for every x′ > `after` (every x′ when
  /// `after` is -1), with sim(x, x) = 1 and 0 where they share nothing.
  /// Entries at or below `after` are left as they were.
  ///
  /// With `after` ≥ 0, each `other[y]` must be sorted by index, so that
  /// the x′ ≤ `after` are skipped without being read: the full build
  /// streams half the ratings it otherwise would.
  mutating func row<X: RatingEntry, Y: RatingEntry>(
    of x: Int, own: [[X]], other: [[Y]],
    into out: UnsafeMutableBufferPointer<Double>, after: Int = -1
  ) {
    let mine = own[x].sorted { $0.other < $1.other }
    touched.removeAll(keepingCapacity: true)
    let measure = self.measure
    let centring = self.centring
    sums.withUnsafeMutableBufferPointer { acc in
      for entry in mine {
        let y = entry.other
        let a = centring.value(entry.value, x: x, y: y)
        // What every x′ subtracts for this y; baselines add their own b_x′.
        let (shift, biases) = centring.shift(y: y)
        other[y].withUnsafeBufferPointer { all in
          let raters = after < 0 ? all[...] : all[firstAbove(after, in: all)...]
          for theirs in raters {
            let x2 = theirs.other
            if acc[x2].count == 0 { touched.append(Int32(truncatingIfNeeded: x2)) }
            acc[x2].count += 1
            switch measure {
            case .jaccard:
              break
            case .msd:
              let d = entry.value - theirs.value
              acc[x2].products += d * d
            default:
              let b = biases == nil ? theirs.value - shift
                                    : theirs.value - (shift + biases![x2])
              acc[x2].products += a * b
              acc[x2].squaresX += a * a
              acc[x2].squaresOther += b * b
              if measure == .pearson {
                acc[x2].sumX += a
                acc[x2].sumOther += b
              }
            }
          }
        }
      }
      for x2 in out.indices where x2 > after { out[x2] = 0 }
      let sizeX = own[x].count
      for t in touched {
        let x2 = Int(t)
        let s = acc[x2]
        var pair = PairSums()
        pair.count = Int(s.count)
        if measure == .msd {
          pair.squaredDifferences = s.products
        } else {
          pair.products = s.products
          pair.squaresX = s.squaresX
          pair.squaresOther = s.squaresOther
          pair.sumX = s.sumX
          pair.sumOther = s.sumOther
        }
        pair.sizeX = sizeX
        pair.sizeOther = own[x2].count
        out[x2] = pair.similarity(measure, minSupport: minSupport, shrinkage: shrinkage)
        acc[x2] = Accumulator()
      }
      if x >= after && x < out.count { out[x] = 1 }
    }
  }
}

/// The position of the first entry whose index exceeds `bound` in a list
/// sorted by index.
private func firstAbove<E: RatingEntry>(
  _ bound: Int, in list: UnsafeBufferPointer<E>
) -> Int {
  var low = 0, high = list.count
  while low < high {
    let mid = (low + high) / 2
    if list[mid].other <= bound { low = mid + 1 } else { high = mid }
  }
  return low
}

/// The sums of one pair, from a merge of the two rows; what the
/// explanation of a similarity shows, term by term.
///
/// - Returns: the sums and the co-rated y in ascending order, each with
///   the two values the measure used and the two ratings.
func pairSums<X: RatingEntry>(
  _ x: Int, _ x2: Int, own: [[X]], centring: ValueCentring
) -> (PairSums, [(y: Int, a: Double, b: Double, ra: Double, rb: Double)]) {
  let left = own[x].sorted { $0.other < $1.other }
  let right = own[x2].sorted { $0.other < $1.other }
  var sums = PairSums()
  sums.sizeX = left.count
  sums.sizeOther = right.count
  var terms: [(y: Int, a: Double, b: Double, ra: Double, rb: Double)] = []
  var i = 0, j = 0
  while i < left.count && j < right.count {
    let yl = left[i].other, yr = right[j].other
    if yl < yr { i += 1; continue }
    if yr < yl { j += 1; continue }
    let a = centring.value(left[i].value, x: x, y: yl)
    let b = centring.value(right[j].value, x: x2, y: yl)
    sums.add(a, b)
    terms.append((yl, a, b, left[i].value, right[j].value))
    i += 1; j += 1
  }
  return (sums, terms)
}
