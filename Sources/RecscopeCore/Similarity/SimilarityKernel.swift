/// Computes one row sim(x, ·) of a similarity matrix straight from the
/// ratings, with scratch accumulators reused from row to row.
///
/// For each y that x rated, in ascending order of y, it visits every x'
/// that rated y and adds the pair's terms. Every pair's terms are thus
/// summed in ascending y whichever row is computed, so sim(x, x') and
/// sim(x', x) are equal to the last bit, and a row recomputed after an
/// edit equals the one a full rebuild gives. The order is also Surprise's.
///
/// - Complexity: O(Σ_{y ∈ I_x} |U_y|) per row, where I_x are the y that x
///   rated and U_y the x' that rated y.
struct SimilarityKernel {
  let measure: SimilarityMeasure
  let minSupport: Int
  let shrinkage: Double
  var centring: ValueCentring

  private var count: [Int32]
  private var products: [Double]
  private var squaresX: [Double]
  private var squaresOther: [Double]
  private var sumX: [Double]
  private var sumOther: [Double]
  private var touched: [Int32] = []

  init(measure: SimilarityMeasure, minSupport: Int, shrinkage: Double,
       centring: ValueCentring, width: Int) {
    self.measure = measure
    self.minSupport = minSupport
    self.shrinkage = shrinkage
    self.centring = centring
    count = Array(repeating: 0, count: width)
    products = Array(repeating: 0, count: width)
    squaresX = Array(repeating: 0, count: width)
    squaresOther = Array(repeating: 0, count: width)
    sumX = Array(repeating: 0, count: width)
    sumOther = Array(repeating: 0, count: width)
    touched.reserveCapacity(width)
  }

  /// The number of rows it can compare against.
  var width: Int { count.count }

  /// Writes sim(x, x') for every x' into `out` (length = number of x),
  /// with sim(x, x) = 1 and 0 where x and x' share nothing.
  mutating func row<X: RatingEntry, Y: RatingEntry>(
    of x: Int, own: [[X]], other: [[Y]], into out: UnsafeMutableBufferPointer<Double>
  ) {
    let mine = own[x].sorted { $0.other < $1.other }
    touched.removeAll(keepingCapacity: true)
    let c = centring
    count.withUnsafeMutableBufferPointer { n in
    products.withUnsafeMutableBufferPointer { p in
    squaresX.withUnsafeMutableBufferPointer { sx in
    squaresOther.withUnsafeMutableBufferPointer { so in
    sumX.withUnsafeMutableBufferPointer { ax in
    sumOther.withUnsafeMutableBufferPointer { ao in
      for entry in mine {
        let y = entry.other
        let a = c.value(entry.value, x: x, y: y)
        for theirs in other[y] {
          let x2 = theirs.other
          if n[x2] == 0 { touched.append(Int32(x2)) }
          n[x2] &+= 1
          switch measure {
          case .msd:
            let d = entry.value - theirs.value
            p[x2] += d * d
          case .jaccard:
            break
          default:
            let b = c.value(theirs.value, x: x2, y: y)
            p[x2] += a * b
            sx[x2] += a * a
            so[x2] += b * b
            ax[x2] += a
            ao[x2] += b
          }
        }
      }
      for i in out.indices { out[i] = 0 }
      for t in touched {
        let x2 = Int(t)
        var sums = PairSums()
        sums.count = Int(n[x2])
        if measure == .msd {
          sums.squaredDifferences = p[x2]
        } else {
          sums.products = p[x2]
          sums.squaresX = sx[x2]
          sums.squaresOther = so[x2]
          sums.sumX = ax[x2]
          sums.sumOther = ao[x2]
        }
        sums.sizeX = own[x].count
        sums.sizeOther = own[x2].count
        out[x2] = sums.similarity(measure, minSupport: minSupport,
                                  shrinkage: shrinkage)
        n[x2] = 0; p[x2] = 0; sx[x2] = 0; so[x2] = 0; ax[x2] = 0; ao[x2] = 0
      }
      if x < out.count { out[x] = 1 }
    }}}}}}
  }
}

/// The sums of one pair, from a merge of the two rows; what the
/// explanation of a similarity shows, term by term.
///
/// - Returns: the sums and the co-rated y in ascending order, each with
///   the two values the measure used.
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
