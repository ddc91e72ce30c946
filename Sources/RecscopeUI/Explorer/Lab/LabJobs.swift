import Foundation
import RecscopeCore

/// A lab part's jobs, one (model, fold) or (value, fold) each, run on
/// every core while the calling thread passes their steps on to
/// ``LabSteps`` in job order.
///
/// The jobs run on ``ParallelJobs``, whose cores claim them in order. The
/// calling thread only relays: job n's steps go out after all of job
/// n − 1's, however the jobs interleave, so a run's progress reads the
/// same every time and a replayed script (one step per `<Wait>`) sees
/// the same screens. The bar lags the work by the jobs in flight at
/// most. While the relay waits at a step (stepped pacing), the jobs go
/// on; their results are the same whenever they are computed.
///
/// A cancel stops the jobs at their next ``Job/isStopped`` check: before
/// each starts, and inside those that ask (after each epoch, every few
/// hundred estimates). ``run(_:parallel:steps:work:ended:)`` returns
/// only once every job has ended, so no work outlives a run.
final class LabJobs<Value: Sendable>: @unchecked Sendable {
  /// A job's side of the relay.
  struct Job: Sendable {
    /// The job's number, in the order its steps are reported.
    let index: Int
    fileprivate let jobs: LabJobs

    /// One step done; `detail` is reported after every earlier job's
    /// steps and this job's earlier ones.
    func step(_ detail: String) { jobs.post(index, detail) }

    /// True once the run is cancelled or the job's result is no longer
    /// wanted; the job should then stop as soon as it can.
    var isStopped: Bool { jobs.isStopped(index) }
  }

  /// What a job has said so far; guarded by `condition`.
  private struct Record {
    var steps: [String] = []
    var outcome: Result<Value, any Error>?
    var wanted = true
  }

  private let condition = NSCondition()
  private var records: [Record]
  private var stopped = false
  private let cancelled: @Sendable () -> Bool

  private init(count: Int, cancelled: @escaping @Sendable () -> Bool) {
    records = Array(repeating: Record(), count: count)
    self.cancelled = cancelled
  }

  /// Runs jobs 0 ..< `count` and relays their steps and outcomes in job
  /// order on the calling thread.
  /// - Parameters:
  ///   - parallel: on every core, or one job after another; the outcomes
  ///     and the steps reported do not depend on it.
  ///   - work: one job; runs on any thread.
  ///   - ended: hears each job's outcome after its steps, in job order;
  ///     returns the next job to relay. The jobs it passes over are
  ///     dropped: stopped if running, their steps and outcomes unheard
  ///     (the other folds of a model that failed).
  /// - Throws: `CancellationError` after a cancel, once every job has
  ///   stopped.
  static func run(
    _ count: Int, parallel: Bool, steps: LabSteps,
    work: @escaping @Sendable (Job) throws -> Value,
    ended: (Int, Result<Value, any Error>) -> Int
  ) throws {
    guard count > 0 else { return }
    let jobs = LabJobs(count: count, cancelled: steps.cancelled)
    let finished = DispatchSemaphore(value: 0)
    let thread = Thread {
      _ = ParallelJobs.run(count, parallel: parallel) { n in
        let job = Job(index: n, jobs: jobs)
        let outcome: Result<Value, any Error>
        if job.isStopped {
          outcome = .failure(CancellationError())
        } else {
          do {
            outcome = .success(try work(job))
          } catch {
            outcome = .failure(error)
          }
        }
        jobs.end(n, outcome)
      }
      finished.signal()
    }
    thread.name = "recscope: lab jobs"
    thread.start()
    defer { finished.wait() }
    do {
      try jobs.relay(to: steps, ended: ended)
    } catch {
      jobs.stopAll()
      throw error
    }
  }

  private func relay(
    to steps: LabSteps, ended: (Int, Result<Value, any Error>) -> Int
  ) throws {
    var n = 0
    var told = 0
    while n < records.count {
      let (details, outcome) = news(of: n, after: told)
      for detail in details { try steps.step(detail) }
      told += details.count
      guard let outcome else { continue }
      if case .failure(let error) = outcome, error is CancellationError {
        throw error
      }
      let next = min(max(n + 1, ended(n, outcome)), records.count)
      drop(n + 1 ..< next)
      n = next
      told = 0
    }
  }

  /// Job n's steps after the first `told`, with its outcome once it has
  /// one; waits until there is something new.
  private func news(of n: Int, after told: Int)
    -> ([String], Result<Value, any Error>?) {
    condition.lock()
    defer { condition.unlock() }
    while records[n].steps.count == told && records[n].outcome == nil {
      condition.wait()
    }
    return (Array(records[n].steps[told...]), records[n].outcome)
  }

  private func post(_ n: Int, _ detail: String) {
    condition.lock()
    records[n].steps.append(detail)
    condition.broadcast()
    condition.unlock()
  }

  private func end(_ n: Int, _ outcome: Result<Value, any Error>) {
    condition.lock()
    records[n].outcome = outcome
    condition.broadcast()
    condition.unlock()
  }

  private func isStopped(_ n: Int) -> Bool {
    condition.lock()
    let stop = stopped || !records[n].wanted
    condition.unlock()
    return stop || cancelled()
  }

  private func drop(_ range: Range<Int>) {
    condition.lock()
    for n in range { records[n].wanted = false }
    condition.unlock()
  }

  private func stopAll() {
    condition.lock()
    stopped = true
    condition.unlock()
  }
}
