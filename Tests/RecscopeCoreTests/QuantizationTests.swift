import Testing
import TestSupport
@testable import RecscopeCore

/// 8- and 4-bit factor matrices with a step per row.
@Suite struct QuantizationTests {
  @Test func roundTripErrorIsAtMostHalfAStep() {
    for seed: UInt64 in 1...100 {
      var g = SeededGenerator(seed: seed)
      let rows = 1 + g.nextIndex(below: 10), columns = 1 + g.nextIndex(below: 17)
      var m = FactorMatrix(rows: rows, columns: columns, mean: 0,
                           deviation: 0.5, generator: &g)
      m.setRow(0, to: Array(repeating: 0, count: columns))
      for width in QuantizedFactors.Width.allCases {
        let q = QuantizedFactors(m, width: width)
        let back = q.dequantized()
        for r in 0..<rows {
          let half = Double(q.steps[r]) / 2
          for c in 0..<columns {
            let error = abs(back[r, c] - m[r, c])
            #expect(error <= half * (1 + 1e-12), "seed \(seed), \(width), [\(r), \(c)]")
            #expect(abs(q.code(row: r, column: c)) <= width.levels)
          }
        }
        #expect(back.row(0) == Array(repeating: 0, count: columns))
      }
    }
  }

  @Test func bytesBeforeAndAfter() {
    let m = FactorMatrix(rows: 10, columns: 7, repeating: 0.25)
    #expect(m.byteCount == 560)
    #expect(QuantizedFactors(m, width: .eight).byteCount == 70 + 40)
    #expect(QuantizedFactors(m, width: .four).byteCount == 40 + 40)
  }

  @Test func signedNibblesDecode() {
    let m = FactorMatrix(rows: 1, columns: 3, values: [-0.7, 0.3, 0.7])
    let q = QuantizedFactors(m, width: .four)
    #expect((0..<3).map { q.code(row: 0, column: $0) } == [-7, 3, 7])
  }

  @Test func reportComparesTestErrorBeforeAndAfter() throws {
    let data = Datasets.random(seed: 8, users: 60, items: 40, ratings: 900)
    let split = try Splitter.holdout(RatingList(data), testFraction: 0.2, seed: 1)
    var mf = BiasedMF()
    mf.factors = 16
    mf.epochs = 10
    let model = try mf.fit(split.train)
    let (eight, quantized) = try #require(
      QuantizationReport.measure(model, test: split.test, width: .eight))
    let (four, _) = try #require(
      QuantizationReport.measure(model, test: split.test, width: .four))
    let rows = model.userFactors.rows + model.itemFactors.rows
    #expect(eight.bytesBefore == rows * 16 * 8)
    #expect(eight.bytesAfter == rows * (16 + 4))
    #expect(four.bytesAfter == rows * (8 + 4))
    #expect(abs(eight.rmseChange) < 0.01)
    #expect(abs(four.rmseChange) < 0.05)
    #expect(!quantized.provenance(userID: "u0", itemID: "i0").influencesAreExact)
  }
}
