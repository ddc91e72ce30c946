/// The ways of holding ratings out for evaluation. Every split is a pure
/// function of the ratings, their order and a seed.
///
/// Both sides keep the original relative order of the ratings, so a train
/// set is what loading the remaining lines of the file would give and
/// order-dependent methods (k-NN tie-breaks, SGD) see the same sequence.
public enum Splitter {
  /// k-fold cross-validation: the ratings are shuffled once by the seed
  /// and cut into `folds` consecutive runs, the first |R| mod folds one
  /// rating longer, as Surprise's `KFold` does; fold f tests on run f and
  /// trains on the rest. Every rating is tested exactly once.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` unless
  ///   2 ≤ folds ≤ |R|.
  /// - Complexity: O(folds · |R|).
  public static func kFold(
    _ list: RatingList, folds: Int, seed: UInt64
  ) throws(EvaluationError) -> [TrainTestSplit] {
    guard folds >= 2, folds <= list.count else {
      throw .invalidSetting(
        "k-fold needs between 2 and \(list.count) folds (one per rating at "
        + "most), got \(folds)")
    }
    let fold = foldOfEach(list.count, folds: folds, seed: seed)
    return (0..<folds).map { f in
      TrainTestSplit(list, isTest: fold.map { $0 == f })
    }
  }

  /// The fold of each of `count` things: shuffled by the seed and cut
  /// into `folds` consecutive runs, the first count mod folds one longer.
  private static func foldOfEach(_ count: Int, folds: Int,
                                 seed: UInt64) -> [Int] {
    var generator = SeededGenerator(seed: seed)
    let order = generator.shuffledIndices(count)
    var fold = Array(repeating: 0, count: count)
    var start = 0
    for f in 0..<folds {
      let length = count / folds + (f < count % folds ? 1 : 0)
      for n in order[start..<start + length] { fold[n] = f }
      start += length
    }
    return fold
  }

  /// A random holdout: ⌈fraction · |R|⌉ ratings, chosen by the seed, are
  /// tested (Surprise's `train_test_split` rounds the same way).
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` unless
  ///   0 < fraction < 1.
  public static func holdout(
    _ list: RatingList, testFraction: Double, seed: UInt64
  ) throws(EvaluationError) -> TrainTestSplit {
    guard testFraction > 0, testFraction < 1 else {
      throw .invalidSetting(
        "the test fraction must lie strictly between 0 and 1, got \(testFraction)")
    }
    let testCount = Int((testFraction * Double(list.count)).rounded(.up))
    var generator = SeededGenerator(seed: seed)
    var isTest = Array(repeating: false, count: list.count)
    for n in generator.shuffledIndices(list.count).prefix(testCount) {
      isTest[n] = true
    }
    return TrainTestSplit(list, isTest: isTest)
  }

  /// Per-user leave-k-out: each user with more than k ratings has exactly
  /// k of them, chosen by the seed, tested; users with k or fewer stay
  /// whole in the train set, so every tested user can be predicted.
  /// Users are visited in order of first appearance.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` unless k ≥ 1.
  public static func leaveKOut(
    _ list: RatingList, k: Int, seed: UInt64
  ) throws(EvaluationError) -> TrainTestSplit {
    guard k >= 1 else {
      throw .invalidSetting("leave-k-out needs k of at least 1, got \(k)")
    }
    var positions: [String: Int] = [:]
    var byUser: [[Int]] = []
    for (n, record) in list.records.enumerated() {
      if let p = positions[record.userID] {
        byUser[p].append(n)
      } else {
        positions[record.userID] = byUser.count
        byUser.append([n])
      }
    }
    var generator = SeededGenerator(seed: seed)
    var isTest = Array(repeating: false, count: list.count)
    for rows in byUser where rows.count > k {
      for p in generator.shuffledIndices(rows.count).prefix(k) {
        isTest[rows[p]] = true
      }
    }
    return TrainTestSplit(list, isTest: isTest)
  }

  /// New items, item cold start: the items (in order of first rating)
  /// are cut into `folds` as ratings are by ``kFold(_:folds:seed:)``, and
  /// fold f tests every rating of its items, so no model trains on any
  /// rating of theirs. Their titles and features stay in the train set
  /// (see ``TrainTestSplit/train``): what content scoring and item
  /// vectors work from. Every rating is tested exactly once.
  /// - Throws: ``EvaluationError/invalidSetting(_:)`` unless
  ///   2 ≤ folds ≤ |I|.
  /// - Complexity: O(folds · |R|).
  public static func newItems(
    _ list: RatingList, folds: Int, seed: UInt64
  ) throws(EvaluationError) -> [TrainTestSplit] {
    var place: [String: Int] = [:]
    for record in list.records where place[record.itemID] == nil {
      place[record.itemID] = place.count
    }
    guard folds >= 2, folds <= place.count else {
      throw .invalidSetting(
        "new-items folds must be between 2 and the \(place.count) rated "
        + "items, got \(folds)")
    }
    let fold = foldOfEach(place.count, folds: folds, seed: seed)
    let itemFold = list.records.map { fold[place[$0.itemID]!] }
    return (0..<folds).map { f in
      TrainTestSplit(list, isTest: itemFold.map { $0 == f })
    }
  }

  /// A time-ordered holdout: the latest ⌈fraction · |R|⌉ ratings by
  /// timestamp are tested, so the model never trains on the future.
  /// Equal timestamps are ordered by position in the list.
  /// - Throws: ``EvaluationError/missingTimestamps(ratings:timestamps:)``
  ///   unless there is one timestamp per rating;
  ///   ``EvaluationError/invalidSetting(_:)`` unless 0 < fraction < 1.
  /// - Complexity: O(|R| log |R|).
  public static func timeOrdered(
    _ list: RatingList, testFraction: Double
  ) throws(EvaluationError) -> TrainTestSplit {
    guard let times = list.timestamps, times.count == list.count else {
      throw .missingTimestamps(ratings: list.count,
                               timestamps: list.timestamps?.count)
    }
    guard testFraction > 0, testFraction < 1 else {
      throw .invalidSetting(
        "the test fraction must lie strictly between 0 and 1, got \(testFraction)")
    }
    let testCount = Int((testFraction * Double(list.count)).rounded(.up))
    let order = list.records.indices.sorted {
      times[$0] != times[$1] ? times[$0] < times[$1] : $0 < $1
    }
    var isTest = Array(repeating: false, count: list.count)
    for n in order.suffix(testCount) { isTest[n] = true }
    return TrainTestSplit(list, isTest: isTest)
  }
}
