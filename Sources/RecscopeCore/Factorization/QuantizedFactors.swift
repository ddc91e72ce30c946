/// A factor matrix stored in 8 or 4 bits per entry with one scale per row.
///
/// Symmetric linear quantisation: row r has step s_r = max_f |x_rf| / L
/// with L = 127 (8 bits) or 7 (4 bits), and each entry is kept as the
/// integer c = round(x / s_r) ∈ [−L, L], so x ≈ c·s_r with an error of at
/// most s_r / 2. A scale per row, not per matrix, keeps the step small for
/// users and items whose vectors are short. Steps are stored as 32-bit
/// floats, rounded up so that no code overflows.
public struct QuantizedFactors: Sendable, Equatable {
  public enum Width: Int, Sendable, CaseIterable {
    case eight = 8
    case four = 4

    /// L, the largest code magnitude.
    public var levels: Int { self == .eight ? 127 : 7 }
  }

  public let width: Width
  public let rows: Int
  public let columns: Int
  /// s_r per row.
  public let steps: [Float]
  /// Codes in two's complement: one per byte at 8 bits, two per byte at
  /// 4 bits (even column in the low nibble); rows start on a byte.
  public let codes: [UInt8]

  /// - Complexity: O(rows · columns).
  public init(_ matrix: FactorMatrix, width: Width) {
    self.width = width
    rows = matrix.rows
    columns = matrix.columns
    let rowBytes = Self.rowBytes(columns, width)
    var steps: [Float] = []
    var codes = Array(repeating: UInt8(0), count: rows * rowBytes)
    let levels = Double(width.levels)
    for r in 0..<rows {
      var largest = 0.0
      for c in 0..<columns { largest = max(largest, abs(matrix[r, c])) }
      var step = Float(largest / levels)
      if Double(step) < largest / levels { step = step.nextUp }
      steps.append(step)
      guard step > 0 else { continue }
      for c in 0..<columns {
        let code = Int((matrix[r, c] / Double(step)).rounded())
        let clamped = Int8(max(-width.levels, min(width.levels, code)))
        let bits = UInt8(bitPattern: clamped)
        switch width {
        case .eight:
          codes[r * rowBytes + c] = bits
        case .four:
          let shift = UInt8(c % 2 == 0 ? 0 : 4)
          codes[r * rowBytes + c / 2] |= (bits & 0x0F) << shift
        }
      }
    }
    self.steps = steps
    self.codes = codes
  }

  /// The code c of one entry.
  public func code(row r: Int, column c: Int) -> Int {
    let rowBytes = Self.rowBytes(columns, width)
    switch width {
    case .eight:
      return Int(Int8(bitPattern: codes[r * rowBytes + c]))
    case .four:
      let byte = codes[r * rowBytes + c / 2]
      let nibble = c % 2 == 0 ? byte & 0x0F : byte >> 4
      // Sign-extend the 4-bit two's complement value.
      return Int(Int8(bitPattern: nibble << 4) >> 4)
    }
  }

  /// The matrix of c·s_r values.
  public func dequantized() -> FactorMatrix {
    var m = FactorMatrix(rows: rows, columns: columns)
    for r in 0..<rows {
      let step = Double(steps[r])
      for c in 0..<columns { m[r, c] = Double(code(row: r, column: c)) * step }
    }
    return m
  }

  /// Bytes of the codes and the per-row steps.
  public var byteCount: Int {
    codes.count + steps.count * MemoryLayout<Float>.size
  }

  private static func rowBytes(_ columns: Int, _ width: Width) -> Int {
    width == .eight ? columns : (columns + 1) / 2
  }
}

extension FactorModel {
  /// The model with P and Q replaced by their quantised values (biases
  /// kept as they are). No user vector is then an exact least-squares
  /// solution, so provenance falls back to its approximation.
  public func quantized(_ width: QuantizedFactors.Width)
    -> (model: FactorModel, users: QuantizedFactors, items: QuantizedFactors) {
    let users = QuantizedFactors(userFactors, width: width)
    let items = QuantizedFactors(itemFactors, width: width)
    var model = self
    model.userFactors = users.dequantized()
    model.itemFactors = items.dequantized()
    model.exactUsers = Array(repeating: false, count: exactUsers.count)
    return (model, users, items)
  }
}
