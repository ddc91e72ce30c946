import Foundation
import Testing
@testable import RecscopeCLI

/// `recscope bench` at its quick-check size: which figures it reports,
/// not how fast they are.
@Suite struct BenchCommandTests {
  static let engineColumns = [
    "size", "users", "items", "ratings", "load_s", "build_s", "top10_ms",
    "edit_median_ms", "edit_p99_ms", "frame_first_s", "frame_edit_median_ms",
    "frame_edit_p99_ms", "peak_mb",
  ]
  static let labColumns = [
    "sgd_epoch_s", "als_iteration_s", "fold_in_median_ms", "cv5_s",
  ]

  @Test func labAddsItsFiguresAfterTheEngineFigures() throws {
    let run = RecscopeRun(["bench", "--sizes", "2k", "--edits", "5", "--lab"])
    #expect(run.status == 0, "\(run.errors)")
    let lines = run.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.first == (Self.engineColumns + Self.labColumns)
      .joined(separator: "\t"))
    let cells = lines[1].split(separator: "\t", omittingEmptySubsequences: false)
    #expect(cells.prefix(4) == ["2k", "100", "200", "2000"])
    // Every figure is timed at this size: a number, none empty.
    for (column, cell) in zip(Self.engineColumns + Self.labColumns, cells)
    where column != "size" {
      #expect((Double(cell) ?? -1) >= 0, "\(column): '\(cell)'")
    }
    #expect(lines[2].hasPrefix("# knn-basic, user-based cosine, k=40; "))
    #expect(run.errors == "bench 2k: generating\nbench 2k: measuring\n"
              + "bench 2k: lab figures\n")
  }

  @Test func withoutLabTheTableIsTheEngineFiguresAlone() throws {
    let run = RecscopeRun(["bench", "--sizes", "2k", "--edits", "5", "--json"])
    #expect(run.status == 0, "\(run.errors)")
    let rows = try #require(try run.json() as? [[String: Any]])
    #expect(rows.count == 1)
    #expect(Set(rows[0].keys) == Set(Self.engineColumns))
  }
}
