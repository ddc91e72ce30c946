import Foundation

/// One rating seen from its user: the item and the value r_ui.
public struct ItemRating: Equatable, Sendable {
  public var item: ItemIndex
  public var value: Double

  public init(item: ItemIndex, value: Double) {
    self.item = item
    self.value = value
  }
}

/// One rating seen from its item: the user and the value r_ui.
public struct UserRating: Equatable, Sendable {
  public var user: UserIndex
  public var value: Double

  public init(user: UserIndex, value: Double) {
    self.user = user
    self.value = value
  }
}

/// The sparse user × item matrix of known ratings r_ui, kept twice: by user
/// (Surprise's `ur`) and by item (`ir`), each list in the order its ratings
/// were added.
///
/// That order is part of the model, not an accident of storage: k-NN breaks
/// ties between equally similar neighbours by it, as Surprise does, so it is
/// kept across edits (a changed rating keeps its place; a new one goes last).
///
/// External ids are strings in order of first appearance; ``UserIndex`` and
/// ``ItemIndex`` are their dense positions.
///
/// A matrix may also keep t_ui, the time of each rating (see
/// ``timesByUser``); every edit keeps those in step with the ratings.
public struct RatingMatrix: Sendable {
  public private(set) var userIDs: [String] = []
  public private(set) var itemIDs: [String] = []
  private var userLookup: [String: UserIndex] = [:]
  private var itemLookup: [String: ItemIndex] = [:]

  /// r_u·: each user's ratings in insertion order.
  public private(set) var byUser: [[ItemRating]] = []
  /// r_·i: each item's ratings in insertion order.
  public private(set) var byItem: [[UserRating]] = []

  /// t_ui: each user's rating times, parallel to ``byUser`` (entry p is
  /// the time of the user's rating p), in the data's whole unit
  /// (MovieLens: Unix seconds); nil when the data had no times.
  ///
  /// Held apart from the rating lists, which the similarity and top-N
  /// loops stream through and which therefore stay as small as they are.
  public private(set) var timesByUser: [[Int64]]?

  /// Number of known ratings, |R|.
  public private(set) var count = 0
  private var total = ExactSum()

  public init() {}

  /// An empty matrix that keeps a time for every rating it is given.
  public init(keepingTimes: Bool) {
    if keepingTimes { timesByUser = [] }
  }

  public var userCount: Int { userIDs.count }
  public var itemCount: Int { itemIDs.count }

  /// μ, the mean of all ratings; nil when there are none.
  ///
  /// Kept as an exact sum so that it does not drift across edits: the
  /// value after any edit sequence equals the one from a fresh load.
  public var globalMean: Double? {
    count == 0 ? nil : total.value / Double(count)
  }

  public func user(_ id: String) -> UserIndex? { userLookup[id] }
  public func item(_ id: String) -> ItemIndex? { itemLookup[id] }
  public func id(of user: UserIndex) -> String { userIDs[user.int] }
  public func id(of item: ItemIndex) -> String { itemIDs[item.int] }

  public var users: [UserIndex] { (0..<userCount).map(UserIndex.init) }
  public var items: [ItemIndex] { (0..<itemCount).map(ItemIndex.init) }

  /// r_ui, or nil when user u has not rated item i.
  /// - Complexity: O(|I_u|).
  public func rating(_ user: UserIndex, _ item: ItemIndex) -> Double? {
    byUser[user.int].first { $0.item == item }?.value
  }

  /// t_ui, or nil when user u has not rated item i or no times are kept.
  /// - Complexity: O(|I_u|).
  public func time(_ user: UserIndex, _ item: ItemIndex) -> Int64? {
    guard let times = timesByUser,
      let p = byUser[user.int].firstIndex(where: { $0.item == item })
    else { return nil }
    return times[user.int][p]
  }

  /// The current Unix time in whole seconds: what an edit without a
  /// time of its own is stamped with.
  public static var now: Int64 {
    Int64(Date().timeIntervalSince1970.rounded(.down))
  }

  // MARK: Growing

  /// The index of the user with this id, adding the user if new.
  @discardableResult
  public mutating func addUser(_ id: String) -> UserIndex {
    if let known = userLookup[id] { return known }
    let index = UserIndex(userIDs.count)
    userIDs.append(id)
    userLookup[id] = index
    byUser.append([])
    timesByUser?.append([])
    return index
  }

  /// The index of the item with this id, adding the item if new.
  @discardableResult
  public mutating func addItem(_ id: String) -> ItemIndex {
    if let known = itemLookup[id] { return known }
    let index = ItemIndex(itemIDs.count)
    itemIDs.append(id)
    itemLookup[id] = index
    byItem.append([])
    return index
  }

  // MARK: Editing

  /// Sets r_ui, keeping its place if it existed; returns the old value.
  /// When times are kept, t_ui becomes `time`, by default ``now``: the
  /// time of the edit.
  /// - Complexity: O(|I_u| + |U_i|).
  @discardableResult
  public mutating func set(_ user: UserIndex, _ item: ItemIndex,
                           to value: Double, at time: Int64? = nil) -> Double? {
    precondition(value.isFinite, "RatingMatrix.set: rating must be finite")
    if let p = byUser[user.int].firstIndex(where: { $0.item == item }) {
      let old = byUser[user.int][p].value
      byUser[user.int][p].value = value
      if timesByUser != nil { timesByUser![user.int][p] = time ?? Self.now }
      let q = byItem[item.int].firstIndex { $0.user == user }!
      byItem[item.int][q].value = value
      total.remove(old)
      total.add(value)
      return old
    }
    byUser[user.int].append(ItemRating(item: item, value: value))
    byItem[item.int].append(UserRating(user: user, value: value))
    if timesByUser != nil { timesByUser![user.int].append(time ?? Self.now) }
    total.add(value)
    count += 1
    return nil
  }

  /// Removes r_ui if present; returns the removed value.
  /// - Complexity: O(|I_u| + |U_i|).
  @discardableResult
  public mutating func remove(_ user: UserIndex, _ item: ItemIndex) -> Double? {
    guard let p = byUser[user.int].firstIndex(where: { $0.item == item })
    else { return nil }
    let old = byUser[user.int].remove(at: p).value
    timesByUser?[user.int].remove(at: p)
    let q = byItem[item.int].firstIndex { $0.user == user }!
    byItem[item.int].remove(at: q)
    total.remove(old)
    count -= 1
    return old
  }

  /// Appends a rating known to be new, without looking for a repeat.
  /// Loaders use it and then call ``mergingRepeats()`` once. When times
  /// are kept, t_ui is `time`, by default ``now``.
  public mutating func appendUnchecked(_ user: UserIndex, _ item: ItemIndex,
                                       _ value: Double, at time: Int64? = nil) {
    byUser[user.int].append(ItemRating(item: item, value: value))
    byItem[item.int].append(UserRating(user: user, value: value))
    if timesByUser != nil { timesByUser![user.int].append(time ?? Self.now) }
    total.add(value)
    count += 1
  }

  /// Collapses repeated (user, item) pairs added by ``appendUnchecked``:
  /// the later value, and its time, win and keep the place of the first.
  /// - Returns: how many repeats were merged away.
  /// - Complexity: O(|R| log d), d the largest user degree.
  public mutating func mergingRepeats() -> Int {
    var repeats = 0
    for u in 0..<userCount where hasRepeat(byUser[u]) {
      var latest: [ItemIndex: Int] = [:]
      for (p, entry) in byUser[u].enumerated() { latest[entry.item] = p }
      var seen = Set<ItemIndex>()
      var kept: [Int] = []
      for entry in byUser[u] where seen.insert(entry.item).inserted {
        kept.append(latest[entry.item]!)
      }
      repeats += byUser[u].count - kept.count
      let all = byUser[u]
      byUser[u] = kept.map { all[$0] }
      if let times = timesByUser?[u] {
        timesByUser![u] = kept.map { times[$0] }
      }
    }
    if repeats > 0 { rebuildItemSide() }
    return repeats
  }

  private func hasRepeat(_ list: [ItemRating]) -> Bool {
    guard list.count > 1 else { return false }
    let sorted = list.map(\.item.rawValue).sorted()
    return zip(sorted, sorted.dropFirst()).contains { $0 == $1 }
  }

  /// Rebuilds the item side from the user side, keeping within each item
  /// the relative order ratings had when first loaded (user order, then
  /// position), and recounts the totals.
  private mutating func rebuildItemSide() {
    byItem = Array(repeating: [], count: itemCount)
    total = ExactSum()
    count = 0
    for u in 0..<userCount {
      for entry in byUser[u] {
        byItem[entry.item.int].append(
          UserRating(user: UserIndex(u), value: entry.value))
        total.add(entry.value)
        count += 1
      }
    }
  }

  /// Every rating as (user, item, value), users in index order and each
  /// user's ratings in insertion order: the order a save writes.
  public var triples: [(UserIndex, ItemIndex, Double)] {
    var out: [(UserIndex, ItemIndex, Double)] = []
    out.reserveCapacity(count)
    for u in 0..<userCount {
      for entry in byUser[u] { out.append((UserIndex(u), entry.item, entry.value)) }
    }
    return out
  }
}

/// A rating seen from one side, naming the index on the other side; lets
/// the similarity kernels run the same code user-based and item-based.
public protocol RatingEntry: Sendable {
  /// The dense index on the other side (the item of an ``ItemRating``).
  var other: Int { get }
  var value: Double { get }
}

extension ItemRating: RatingEntry {
  @inlinable public var other: Int { item.int }
}

extension UserRating: RatingEntry {
  @inlinable public var other: Int { user.int }
}

extension RatingMatrix {
  /// A matrix built in one go from ratings in the order they were read,
  /// equal in every respect to adding the ids with ``addUser(_:)`` and
  /// ``addItem(_:)``, each rating with ``appendUnchecked(_:_:_:at:)``, and
  /// then calling ``mergingRepeats()``.
  ///
  /// Loaders of millions of ratings use it because appending scatters
  /// writes over thousands of growing arrays; here each list is cut from
  /// one sorted buffer instead, several times faster.
  ///
  /// - Parameters:
  ///   - userIDs: distinct ids in index order; likewise `itemIDs`.
  ///   - users, items, values: one entry per rating, in reading order.
  ///   - times: t_ui per rating in reading order, or nil for none.
  /// - Returns: the matrix and how many repeats were merged away.
  /// - Complexity: O(|R| + |U| + |I|).
  static func gathering(
    userIDs: [String], itemIDs: [String],
    users: [Int32], items: [Int32], values: [Double], times: [Int64]? = nil
  ) -> (matrix: RatingMatrix, repeats: Int) {
    precondition(users.count == items.count && items.count == values.count
                 && (times?.count ?? values.count) == values.count,
                 "RatingMatrix.gathering: rating columns differ in length")
    var m = RatingMatrix()
    m.userIDs = userIDs
    m.itemIDs = itemIDs
    m.userLookup = Dictionary(
      uniqueKeysWithValues: userIDs.enumerated().map { ($1, UserIndex($0)) })
    m.itemLookup = Dictionary(
      uniqueKeysWithValues: itemIDs.enumerated().map { ($1, ItemIndex($0)) })

    var grouper = RatingGrouper(count: values.count)
    m.byUser = grouper.group(
      users, groups: userIDs.count, others: items, values: values
    ) { ItemRating(item: ItemIndex(Int($0)), value: $1) }
    if let times {
      m.timesByUser = RatingGrouper.group(times, by: users,
                                          groups: userIDs.count)
    }
    let repeats = m.mergeRepeatsInPlace()
    if repeats == 0 {
      m.byItem = grouper.group(
        items, groups: itemIDs.count, others: users, values: values
      ) { UserRating(user: UserIndex(Int($0)), value: $1) }
      for value in values { m.total.add(value) }
      m.count = values.count
    } else {
      m.rebuildItemSide()
    }
    return (m, repeats)
  }

  /// ``mergingRepeats()`` for the user side only, in linear time: a
  /// stamp per item marks what the current user has rated.
  private mutating func mergeRepeatsInPlace() -> Int {
    var stamp = [Int32](repeating: -1, count: itemCount)
    var place = [Int32](repeating: 0, count: itemCount)
    var repeats = 0
    for u in 0..<userCount {
      let mark = Int32(u)
      var hasRepeat = false
      for entry in byUser[u] {
        if stamp[entry.item.int] == mark {
          hasRepeat = true
          break
        }
        stamp[entry.item.int] = mark
      }
      guard hasRepeat else { continue }
      let times = timesByUser?[u]
      var kept: [ItemRating] = []
      var keptTimes: [Int64] = []
      for (p, entry) in byUser[u].enumerated() {
        let i = entry.item.int
        if stamp[i] == -2 - mark {
          kept[Int(place[i])].value = entry.value
          if let times { keptTimes[Int(place[i])] = times[p] }
        } else {
          stamp[i] = -2 - mark
          place[i] = Int32(kept.count)
          kept.append(entry)
          if let times { keptTimes.append(times[p]) }
        }
      }
      repeats += byUser[u].count - kept.count
      byUser[u] = kept
      if times != nil { timesByUser![u] = keptTimes }
    }
    return repeats
  }

  /// Gives a matrix built without times the times of its ratings, one
  /// list per user parallel to ``byUser``.
  mutating func attachTimes(_ times: [[Int64]]) {
    precondition(times.count == userCount
                 && zip(times, byUser).allSatisfy { $0.count == $1.count },
                 "RatingMatrix.attachTimes: times do not match the ratings")
    timesByUser = times
  }
}

/// Groups the ratings of one side (by user or by item) into one list per
/// key, keeping reading order within a list, for
/// ``RatingMatrix/gathering(userIDs:itemIDs:users:items:values:times:)``.
///
/// Keys already in order, as in a file sorted by user, are cut into runs.
/// Others are first sorted by a least-significant-digit radix sort in
/// passes of at most 10 bits: one counting-sort pass over 100,000 keys
/// would scatter writes over as many places, each a cache miss, while
/// 1,024 places stay in cache, and whole rows travel with their keys so
/// nothing is read at random. The two sort buffers serve both sides,
/// sparing the page faults of fresh ones on large loads.
private struct RatingGrouper {
  /// A rating seen from its key: the index on the other side and r_ui.
  private struct Entry {
    var key: Int32
    var other: Int32
    var value: Double
  }

  private let count: Int
  private var front: [Entry] = []
  private var back: [Entry] = []

  init(count: Int) { self.count = count }

  /// One list per key in `0..<groups`, each made of `make(other, value)`.
  mutating func group<T>(
    _ keys: [Int32], groups: Int, others: [Int32], values: [Double],
    _ make: (Int32, Double) -> T
  ) -> [[T]] {
    var out: [[T]] = []
    out.reserveCapacity(groups)
    if zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) {
      var k = 0
      for g in 0..<groups {
        let first = k
        while k < count && keys[k] == g { k += 1 }
        out.append((first..<k).map { make(others[$0], values[$0]) })
      }
      return out
    }

    sort(keys, groups: groups, others: others, values: values)
    var k = 0
    for g in 0..<groups {
      let first = k
      while k < count && front[k].key == g { k += 1 }
      out.append(front[first..<k].map { make($0.other, $0.value) })
    }
    return out
  }

  /// `times` cut into one list per key, keeping reading order within a
  /// list: runs when the keys are in order, else a stable counting sort.
  /// Times are grouped apart from the ratings so that the radix sort's
  /// rows stay 16 bytes whether or not the data has times.
  /// - Complexity: O(|R| + groups).
  static func group(_ times: [Int64], by keys: [Int32],
                    groups: Int) -> [[Int64]] {
    var out: [[Int64]] = []
    out.reserveCapacity(groups)
    if zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) {
      var k = 0
      for g in 0..<groups {
        let first = k
        while k < keys.count && keys[k] == g { k += 1 }
        out.append(Array(times[first..<k]))
      }
      return out
    }
    var next = [Int](repeating: 0, count: groups + 1)
    for key in keys { next[Int(key) + 1] += 1 }
    for g in 0..<groups { next[g + 1] += next[g] }
    let starts = next
    var sorted = [Int64](repeating: 0, count: times.count)
    for (k, key) in keys.enumerated() {
      sorted[next[Int(key)]] = times[k]
      next[Int(key)] += 1
    }
    for g in 0..<groups { out.append(Array(sorted[starts[g]..<starts[g + 1]])) }
    return out
  }

  /// Leaves the rows in ``front`` sorted by key, stably; the first pass
  /// reads the columns themselves.
  private mutating func sort(_ keys: [Int32], groups: Int, others: [Int32],
                             values: [Double]) {
    let bits = Int.bitWidth - max(groups - 1, 1).leadingZeroBitCount
    let passes = (bits + 9) / 10
    let digitBits = (bits + passes - 1) / passes
    let mask = (1 << digitBits) - 1
    let blank = Entry(key: 0, other: 0, value: 0)
    if front.count != count {
      front = [Entry](repeating: blank, count: count)
    }
    if passes > 1 && back.count != count {
      back = [Entry](repeating: blank, count: count)
    }

    for pass in 0..<passes {
      let shift = pass * digitBits
      var next = [Int](repeating: 0, count: mask + 2)
      for key in keys { next[((Int(key) >> shift) & mask) + 1] += 1 }
      for d in 0...mask { next[d + 1] += next[d] }
      if pass == 0 {
        front.withUnsafeMutableBufferPointer { out in
          for k in 0..<count {
            let key = keys[k]
            let digit = (Int(key) >> shift) & mask
            out[next[digit]] = Entry(key: key, other: others[k],
                                     value: values[k])
            next[digit] += 1
          }
        }
        continue
      }
      front.withUnsafeBufferPointer { rows in
        back.withUnsafeMutableBufferPointer { out in
          for row in rows {
            let digit = (Int(row.key) >> shift) & mask
            out[next[digit]] = row
            next[digit] += 1
          }
        }
      }
      swap(&front, &back)
    }
  }
}
