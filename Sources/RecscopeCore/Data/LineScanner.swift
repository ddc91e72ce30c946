import Foundation

/// Walks the non-blank lines of a buffer: skips a UTF-8 byte order mark
/// at the start, drops the carriage return of CRLF endings, and counts
/// lines from 1 including the blank ones it skips.
struct LineScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  private var position: Int
  private(set) var line = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    position = ByteText.byteOrderMarkLength(bytes)
  }

  /// The byte range of the next line that holds more than padding.
  mutating func next() -> Range<Int>? {
    guard let base = bytes.baseAddress else { return nil }
    let n = bytes.count
    while position < n {
      line += 1
      let start = position
      let end: Int
      (end, position) = Self.line(at: start, in: base, count: n)
      if !ByteText.trimmed(base, start, end, separator: 0).isEmpty {
        return start..<end
      }
    }
    return nil
  }

  /// The end of the line starting at `start` (before any CR of a CRLF)
  /// and where the next line starts; the one place line ends are found.
  @inline(__always)
  static func line(at start: Int, in base: UnsafePointer<UInt8>,
                   count n: Int) -> (end: Int, next: Int) {
    var end = n
    if let hit = memchr(base + start, Int32(ASCII.newline), n - start) {
      end = start + (UnsafeRawPointer(hit) - UnsafeRawPointer(base + start))
    }
    let next = end + 1
    if end > start && base[end - 1] == ASCII.carriageReturn { end -= 1 }
    return (end, next)
  }

  /// Splits `range` at every `separator` (or every doubled separator),
  /// trimming padding around each field.
  func fields(of range: Range<Int>, separator: UInt8,
              doubled: Bool = false) -> [Range<Int>] {
    guard let base = bytes.baseAddress else { return [] }
    var out: [Range<Int>] = []
    var f = range.lowerBound
    var j = f
    while j < range.upperBound {
      if base[j] == separator
        && (!doubled || (j + 1 < range.upperBound && base[j + 1] == separator))
      {
        out.append(ByteText.trimmed(base, f, j, separator: separator))
        j += doubled ? 2 : 1
        f = j
      } else {
        j += 1
      }
    }
    out.append(ByteText.trimmed(base, f, range.upperBound,
                                separator: separator))
    return out
  }

  /// The bytes of `range`.
  func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[range])
  }
}
