/// Maps external id bytes to dense indices in order of first appearance,
/// without making a `String` for ids it has seen before.
///
/// Canonical decimal ids (digits only, no leading zero unless the id is
/// `0`, at most 18 digits) are keyed by their integer value: small values
/// in a flat table, others in a dictionary. Every other id is keyed by
/// its text. A canonical id never reaches the text dictionary, so `7` and
/// `007` stay distinct ids.
struct IDInterner {
  /// Canonical ids below this go in ``table``, which grows on demand.
  private static let tableLimit = 1 << 22

  /// index + 1 per small canonical id; 0 when unseen.
  private var table: [Int32] = []
  private var numeric: [Int: Int32] = [:]
  private var text: [String: Int32] = [:]
  private(set) var count = 0

  /// The index of the id spelled by `bytes`, and the id as a `String`
  /// when it was seen here for the first time. The bytes must be UTF-8.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>)
    -> (index: Int32, newID: String?)
  {
    if let value = Self.canonicalValue(bytes) {
      if value < Self.tableLimit {
        if value < table.count {
          let stored = table[value]
          if stored != 0 { return (stored - 1, nil) }
        } else {
          let size = min(Self.tableLimit, max(value + 1, 2 * table.count))
          table.append(contentsOf: repeatElement(0, count: size - table.count))
        }
        table[value] = Int32(count) + 1
      } else {
        if let known = numeric[value] { return (known, nil) }
        numeric[value] = Int32(count)
      }
      return (next(), String(decoding: bytes, as: UTF8.self))
    }
    let id = String(decoding: bytes, as: UTF8.self)
    if let known = text[id] { return (known, nil) }
    text[id] = Int32(count)
    return (next(), id)
  }

  private mutating func next() -> Int32 {
    count += 1
    return Int32(count - 1)
  }

  /// The integer a canonical decimal id spells, else nil.
  @inline(__always)
  static func canonicalValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = bytes.count
    guard n > 0, n <= 18, bytes[0] != ASCII.zero || n == 1 else {
      return nil
    }
    var value = 0
    for byte in bytes {
      let d = byte &- ASCII.zero
      if d > 9 { return nil }
      value = value &* 10 &+ Int(d)
    }
    return value
  }
}
