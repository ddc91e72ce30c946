/// The sum numpy computes for `np.sum`, `np.mean` and `np.std` of doubles:
/// blocks of eight running totals below 128 elements, halves above.
///
/// Means and deviations of ratings use it so they match Surprise to the
/// last bit, not only to rounding (a plain left-to-right sum of squared
/// deviations differs in the last place for many users).
func pairwiseSum(_ values: UnsafeBufferPointer<Double>) -> Double {
  let n = values.count
  if n < 8 {
    var sum = -0.0
    for v in values { sum += v }
    return sum
  }
  if n <= 128 {
    var r = (values[0], values[1], values[2], values[3],
             values[4], values[5], values[6], values[7])
    var i = 8
    while i + 8 <= n {
      r.0 += values[i]; r.1 += values[i + 1]; r.2 += values[i + 2]
      r.3 += values[i + 3]; r.4 += values[i + 4]; r.5 += values[i + 5]
      r.6 += values[i + 6]; r.7 += values[i + 7]
      i += 8
    }
    var sum = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
    while i < n {
      sum += values[i]
      i += 1
    }
    return sum
  }
  var half = n / 2
  half -= half % 8
  return pairwiseSum(UnsafeBufferPointer(rebasing: values[..<half]))
    + pairwiseSum(UnsafeBufferPointer(rebasing: values[half...]))
}

/// Mean and population standard deviation as numpy's `mean` and `std`
/// compute them; (0, 0) for no values.
func numpyMoments(_ values: [Double]) -> (mean: Double, deviation: Double) {
  guard !values.isEmpty else { return (0, 0) }
  let n = Double(values.count)
  let mean = values.withUnsafeBufferPointer(pairwiseSum) / n
  let squares = values.map { ($0 - mean) * ($0 - mean) }
  return (mean, (squares.withUnsafeBufferPointer(pairwiseSum) / n).squareRoot())
}
