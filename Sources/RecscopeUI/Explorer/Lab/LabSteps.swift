/// Counts a run's steps and passes each to the explorer; an answer of
/// false means the run was cancelled and should stop. It lives on the
/// run's reporting thread (see ``LabJobs``).
final class LabSteps {
  private(set) var done = 0
  let total: Int
  private let report: (Int, String) -> Bool
  /// Whether the explorer has cancelled the run; safe on any thread, so
  /// that jobs running beside the reporting thread can ask it too.
  let cancelled: @Sendable () -> Bool
  private var refused = false

  /// - Parameters:
  ///   - report: hears the steps done so far and what the last one was;
  ///     false stops the run.
  ///   - cancelled: whether the run should stop between steps.
  init(total: Int, report: @escaping (Int, String) -> Bool,
       cancelled: @escaping @Sendable () -> Bool = { false }) {
    self.total = total
    self.report = report
    self.cancelled = cancelled
  }

  var isCancelled: Bool { refused || cancelled() }

  /// One step done.
  /// - Throws: `CancellationError` once the explorer has cancelled.
  func step(_ detail: String) throws {
    done += 1
    if !report(done, detail) { refused = true }
    if isCancelled { throw CancellationError() }
  }

  /// Moves the count on to `step` without a report, past the steps of a
  /// model that could not train.
  func skip(to step: Int) {
    done = max(done, step)
  }
}
