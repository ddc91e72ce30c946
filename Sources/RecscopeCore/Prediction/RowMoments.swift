/// Mean μ_x and population deviation σ_x of each row's ratings on one
/// side of the matrix; k-NN with means and with z-score centre and scale
/// neighbours' ratings by them.
///
/// Kept up to date row by row: an edit of r_ui refreshes only user u's and
/// item i's moments.
struct RowMoments: Sendable {
  private(set) var means: [Double]
  private(set) var deviations: [Double]

  init<X: RatingEntry>(rows: [[X]]) {
    means = []
    deviations = []
    means.reserveCapacity(rows.count)
    deviations.reserveCapacity(rows.count)
    for row in rows {
      let (m, s) = Self.moments(row)
      means.append(m)
      deviations.append(s)
    }
  }

  mutating func refresh<X: RatingEntry>(_ x: Int, rows: [[X]]) {
    while means.count < rows.count {
      means.append(0)
      deviations.append(0)
    }
    (means[x], deviations[x]) = Self.moments(rows[x])
  }

  /// Mean and population standard deviation, summed as numpy sums;
  /// (0, 0) for an empty row.
  static func moments<X: RatingEntry>(_ row: [X]) -> (Double, Double) {
    numpyMoments(row.map(\.value))
  }
}
