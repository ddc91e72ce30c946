/// Numbers for foreground/background combinations, allocated on demand.
///
/// Curses draws colour through numbered *pairs*, which must be defined
/// before use and are limited in number (64 on an 8-colour terminal,
/// 65536 with 256 colours). The adapter asks this table for the pair of
/// each combination it meets; the table hands out numbers from 1 up and
/// remembers them. When they run out the adapter resets the table and
/// repaints, which is rare: a screen uses a few hundred combinations at
/// most. Pair 0 is the terminal's default colours and is never handed
/// out. Colours here are terminal colour numbers, -1 for the default.
public struct ColorPairTable: Sendable {
  /// What ``pair(foreground:background:)`` found.
  public enum Allocation: Equatable, Sendable {
    /// The combination already has this pair.
    case existing(Int32)
    /// This pair is new and must be defined before use.
    case new(Int32)
    /// No numbers left; reset and start over.
    case exhausted
  }

  private struct Colors: Hashable {
    let foreground: Int32
    let background: Int32
  }

  /// Pairs 1..<capacity may be handed out.
  public let capacity: Int32
  private var numbers: [Colors: Int32] = [:]
  private var nextNumber: Int32 = 1

  public init(capacity: Int32) { self.capacity = max(capacity, 1) }

  /// How many pairs are in use.
  public var count: Int { numbers.count }

  /// The pair for a combination, allocating one if needed.
  public mutating func pair(
    foreground: Int32, background: Int32
  ) -> Allocation {
    if foreground == -1, background == -1 { return .existing(0) }
    let colors = Colors(foreground: foreground, background: background)
    if let number = numbers[colors] { return .existing(number) }
    guard nextNumber < capacity else { return .exhausted }
    let number = nextNumber
    nextNumber += 1
    numbers[colors] = number
    return .new(number)
  }

  /// Forgets every pair, after which numbers are handed out from 1 again.
  public mutating func reset() {
    numbers.removeAll(keepingCapacity: true)
    nextNumber = 1
  }
}
