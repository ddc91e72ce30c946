/// Guesses which known word a mistyped one was meant to be, for "did you
/// mean …?" in error messages.
enum Suggestion {
  /// The candidate closest to `typed`, when it is close enough to be a
  /// likely typo: a change of case, a unique prefix of at least three
  /// letters, or at most one edit per three letters (never more than two)
  /// that does not rewrite the whole word. Ties go to the earlier
  /// candidate.
  static func closest(to typed: String, among candidates: [String])
    -> String?
  {
    guard !typed.isEmpty else { return nil }
    if let same = candidates.first(where: {
      $0.lowercased() == typed.lowercased()
    }) {
      return same
    }
    let limit = max(1, min(2, typed.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(typed, candidate)
      if distance <= limit && distance < typed.count
        && distance < (best?.distance ?? Int.max)
      {
        best = (candidate, distance)
      }
    }
    if let best { return best.candidate }
    let extensions = candidates.filter { $0.hasPrefix(typed) }
    return typed.count >= 3 && extensions.count == 1 ? extensions[0] : nil
  }

  /// The optimal-string-alignment distance: insertions, deletions,
  /// substitutions and swaps of two neighbours each count one, so that
  /// `predcit` is one edit from `predict`.
  /// - Complexity: O(|a| · |b|).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          d = min(d, before[j - 2] + 1)
        }
        current[j] = d
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
