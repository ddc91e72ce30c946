/// A dense matrix of latent factors, one row per user (p_u) or item (q_i).
///
/// Rows are stored one after another in a single contiguous array, so a
/// row is a run of memory that the training loops walk with a pointer
/// instead of an array of arrays with a header and a bounds check each.
public struct FactorMatrix: Sendable, Equatable {
  public private(set) var rows: Int
  public let columns: Int
  /// Row-major entries: row r, column c is at `r * columns + c`.
  public internal(set) var values: [Double]

  /// - Precondition: `rows >= 0`, `columns >= 0`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0,
                 "FactorMatrix(rows: \(rows), columns: \(columns)): "
                 + "negative size")
    self.rows = rows
    self.columns = columns
    values = Array(repeating: value, count: rows * columns)
  }

  /// - Precondition: `values.count == rows * columns`.
  public init(rows: Int, columns: Int, values: [Double]) {
    precondition(rows >= 0 && columns >= 0 && values.count == rows * columns,
                 "FactorMatrix: \(values.count) values for \(rows)×\(columns)")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// Entries drawn from N(mean, deviation²), row by row, each from the
  /// next normal deviate of `generator`.
  public init(rows: Int, columns: Int, mean: Double, deviation: Double,
              generator: inout SeededGenerator) {
    self.init(rows: rows, columns: columns)
    for n in values.indices {
      values[n] = mean + deviation * generator.nextGaussian()
    }
  }

  public subscript(row: Int, column: Int) -> Double {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }

  /// A copy of one row.
  public func row(_ r: Int) -> [Double] {
    Array(values[r * columns ..< (r + 1) * columns])
  }

  /// Replaces one row. - Precondition: `vector.count == columns`.
  public mutating func setRow(_ r: Int, to vector: [Double]) {
    precondition(vector.count == columns, "FactorMatrix.setRow: "
                 + "\(vector.count) values for \(columns) columns")
    values.replaceSubrange(r * columns ..< (r + 1) * columns, with: vector)
  }

  /// Appends a row (a new user or item).
  /// - Precondition: `vector.count == columns`.
  mutating func appendRow(_ vector: [Double]) {
    precondition(vector.count == columns, "FactorMatrix.appendRow: "
                 + "\(vector.count) values for \(columns) columns")
    values.append(contentsOf: vector)
    rows += 1
  }

  /// Bytes taken by the entries as 64-bit floats.
  public var byteCount: Int { values.count * MemoryLayout<Double>.size }

  /// q_iᵀp_u for row `a` of this matrix and row `b` of `other`, summed as
  /// the training loops sum it.
  public func dot(row a: Int, with other: FactorMatrix, row b: Int) -> Double {
    precondition(columns == other.columns, "FactorMatrix.dot: widths differ")
    var sum = 0.0
    let k = columns
    values.withUnsafeBufferPointer { x in
      other.values.withUnsafeBufferPointer { y in
        sum = VectorKernels.dot(x.baseAddress! + a * k,
                                y.baseAddress! + b * k, k)
      }
    }
    return sum
  }
}
