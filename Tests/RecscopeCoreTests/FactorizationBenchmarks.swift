import Foundation
import Testing
@testable import RecscopeCore

/// Speed at MovieLens 1M size. Off unless RECSCOPE_BENCH is set; run
/// `RECSCOPE_BENCH=1 swift test -c release --filter FactorizationBenchmarks`.
@Suite(.serialized,
       .enabled(if: ProcessInfo.processInfo.environment["RECSCOPE_BENCH"] != nil))
struct FactorizationBenchmarks {
  /// 6,040 users × 3,706 items and 1,000,209 ratings, as MovieLens 1M
  /// (165 or 166 per user rather than its long tail).
  static func movieLensSized() -> Dataset {
    var g = SeededGenerator(seed: 1)
    var m = RatingMatrix()
    for u in 0..<6040 { m.addUser("u\(u)") }
    for i in 0..<3706 { m.addItem("i\(i)") }
    for u in 0..<6040 {
      let n = u < 3_609 ? 166 : 165
      let offset = g.nextIndex(below: 3706)
      for j in 0..<n {
        // 13 is prime to 3706, so the items of one user are distinct.
        let i = (offset + j * 13) % 3706
        m.appendUnchecked(UserIndex(u), ItemIndex(i), Double(1 + g.nextIndex(below: 5)))
      }
    }
    return Dataset(ratings: m, scale: RatingScale(1, 5))
  }

  @Test func sgdEpochAtOneMillionRatings() throws {
    let data = Self.movieLensSized()
    #expect(data.ratings.count == 1_000_209)
    var mf = BiasedMF()
    mf.epochs = 5
    var seconds: [Double] = []
    _ = try mf.fit(data) { report in
      seconds.append(report.seconds)
      return .proceed
    }
    print("SGD epoch, 1M ratings × 100 factors: "
          + seconds.map { String(format: "%.3f s", $0) }.joined(separator: ", "))
    #expect(seconds.min()! < 0.5)
  }

  @Test func foldInOfAUserWithOneHundredRatings() throws {
    let data = Self.movieLensSized()
    var mf = BiasedMF()
    mf.epochs = 1
    let model = try mf.fit(data)
    var g = SeededGenerator(seed: 2)
    let ratings = (0..<100).map { j in
      (itemID: "i\((j * 37) % 3706)", rating: Double(1 + g.nextIndex(below: 5)))
    }
    let rounds = 2000
    let clock = ContinuousClock()
    let start = clock.now
    var sink = 0.0
    for _ in 0..<rounds { sink += try model.foldIn(ratings).bias }
    let each = (clock.now - start) / rounds
    print("fold-in, 100 ratings × 100 factors: \(each) per user (\(sink.sign))")
    #expect(each < .milliseconds(1))
  }

  @Test func alsEpochAtOneMillionRatings() throws {
    let data = Self.movieLensSized()
    var als = ALSMF()
    als.epochs = 2
    var seconds: [Double] = []
    _ = try als.fit(data) { report in
      seconds.append(report.seconds)
      return .proceed
    }
    print("ALS epoch, 1M ratings × 20 factors: "
          + seconds.map { String(format: "%.3f s", $0) }.joined(separator: ", "))
  }
}
