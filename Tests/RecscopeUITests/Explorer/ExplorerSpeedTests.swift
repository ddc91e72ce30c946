import RecscopeCore
import Testing
import TestSupport
@testable import RecscopeUI

/// The timing harness behind `recscope bench`'s explorer figures. The
/// figures themselves come from the benchmark, not from tests.
@Suite struct ExplorerSpeedTests {
  @Test func measureTimesEveryKey() throws {
    let engine = try Engine(dataset: Datasets.random(seed: 9, users: 30, items: 20,
                                                     ratings: 200))
    let keys = try KeyScript.parse("j l 4 x u <C-r>")
    let report = ExplorerTiming.measure(
      engine: engine, options: ExplorerOptions(), keys: keys,
      size: Size(width: 100, height: 30))
    #expect(report.keys.count == keys.count)
    #expect(report.firstFrame > .zero)
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
