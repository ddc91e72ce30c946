import Dispatch
import Synchronization

/// Runs numbered jobs on every core, or one after another, and hands back
/// their outcomes in job order, so results never depend on the setting.
/// Cores claim the jobs in order, so the first jobs end first.
public enum ParallelJobs {
  /// Where concurrent jobs leave their outcomes.
  private final class Outcomes<Value: Sendable>: Sendable {
    let store = Mutex<[Int: Result<Value, any Error>]>([:])
  }

  /// The outcome of `work(0)` … `work(count − 1)`, in that order.
  /// - Complexity: `count` calls of `work`, split over the cores.
  public static func run<Value: Sendable>(
    _ count: Int, parallel: Bool,
    _ work: @escaping @Sendable (Int) throws -> Value
  ) -> [Result<Value, any Error>] {
    let outcomes = Outcomes<Value>()
    let job: @Sendable (Int) -> Void = { n in
      let outcome: Result<Value, any Error>
      do { outcome = .success(try work(n)) } catch { outcome = .failure(error) }
      outcomes.store.withLock { $0[n] = outcome }
    }
    if parallel {
      DispatchQueue.concurrentPerform(iterations: count, execute: job)
    } else {
      for n in 0..<count { job(n) }
    }
    let all = outcomes.store.withLock { $0 }
    return (0..<count).map { all[$0]! }
  }
}
