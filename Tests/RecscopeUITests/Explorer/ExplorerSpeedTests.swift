import Foundation
import RecscopeCore
import Testing
@testable import RecscopeUI

/// Key-to-frame times on data the size of MovieLens 100K (and, when
/// `RECSCOPE_BENCH_1M` is set, 1M), built in memory with the same long
/// tails. Debug builds are several times slower than release, so the
/// checks here are loose; the figures are printed for a person to read.
@Suite("Explorer speed", .serialized)
struct ExplorerSpeedTests {
  /// Ratings with long-tailed user activity and item popularity.
  static func synthetic(users: Int, items: Int, ratings: Int,
                        seed: UInt64) throws -> Engine {
    var g = SeededGenerator(seed: seed)
    var matrix = RatingMatrix()
    for u in 0..<users { matrix.addUser("u\(u)") }
    for i in 0..<items { matrix.addItem("i\(i)") }
    var seen = Set<Int>()
    seen.reserveCapacity(ratings)
    while seen.count < ratings {
      let u = Int(Double(users) * g.nextUnit() * g.nextUnit())
      let i = Int(Double(items) * g.nextUnit() * g.nextUnit())
      guard seen.insert(u * items + i).inserted else { continue }
      let r = Double(1 + (u + 3 * i + Int(g.next() % 3)) % 5)
      matrix.appendUnchecked(UserIndex(u), ItemIndex(i), r)
    }
    return try Engine(dataset: Dataset(ratings: matrix, scale: RatingScale(1, 5)))
  }

  /// Moves, rates, clears, undoes and redoes, as a session would.
  static let script = Array(repeating: "j l 4 l 2 x u <C-r> j 5 <Tab><Tab><Tab>",
                            count: 10).joined(separator: " ")

  /// Which keys of the script are edits (rate, clear, undo, redo).
  static func isEdit(_ key: Key) -> Bool {
    switch key {
    case .character(let c): return "0123456789xu".contains(c)
    case .control("r"): return true
    default: return false
    }
  }

  /// Times `script` after `start`, reporting the edit keys apart.
  static func report(_ name: String, _ engine: Engine, start: String = "")
    throws -> (first: Duration, edits: ExplorerTiming.Report)
  {
    let keys = try KeyScript.parse(start + " " + script)
    let report = ExplorerTiming.measure(
      engine: engine, options: ExplorerOptions(), keys: keys,
      size: Size(width: 160, height: 50))
    let edits = zip(keys, report.keys).filter { isEdit($0.0) }.map(\.1)
    let editReport = ExplorerTiming.Report(firstFrame: report.firstFrame,
                                           keys: edits)
    print("\(name): first frame \(report.firstFrame), all keys median "
          + "\(report.median) p99 \(report.percentile(99)); edits median "
          + "\(editReport.median) p99 \(editReport.percentile(99))")
    return (report.firstFrame, editReport)
  }

  @Test func movieLens100KSize() throws {
    let engine = try Self.synthetic(users: 943, items: 1682, ratings: 100_000,
                                    seed: 100)
    let (first, edits) = try Self.report("100K heavy users", engine)
    #expect(edits.keys.count == 60)
    #expect(first < .seconds(5))
    #expect(edits.median < .milliseconds(250))
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["RECSCOPE_BENCH_1M"]
                   != nil))
  func movieLens1MSize() throws {
    let engine = try Self.synthetic(users: 6040, items: 3706,
                                    ratings: 1_000_209, seed: 1)
    // The first rows are the heaviest raters (over a thousand ratings
    // each); u3000 has about as many as a typical MovieLens user.
    let (first, edits) = try Self.report("1M heavy users", engine)
    #expect(first < .seconds(15))
    #expect(edits.median < .seconds(1))
    let (_, typical) = try Self.report("1M typical users", engine,
                                       start: "/u3000<Enter>")
    #expect(typical.median < .seconds(1))
  }

  @Test func reportPercentilesAreNearestRank() {
    let report = ExplorerTiming.Report(
      firstFrame: .zero, keys: (1...100).map { .milliseconds($0) })
    #expect(report.median == .milliseconds(50))
    #expect(report.percentile(99) == .milliseconds(99))
    #expect(report.percentile(100) == .milliseconds(100))
    #expect(ExplorerTiming.Report(firstFrame: .zero, keys: []).median == .zero)
  }
}
