/// Small operations on raw bytes shared by the parsers, which work on a
/// file's bytes rather than on `String` for speed.
enum ByteText {
  /// The length of a UTF-8 byte order mark at the start, 0 or 3.
  static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB
      && bytes[2] == 0xBF ? 3 : 0
  }

  /// Whether `byte` is padding around a field: a space, or a tab when the
  /// tab is not itself the separator.
  @inline(__always)
  static func isPadding(_ byte: UInt8, separator: UInt8) -> Bool {
    byte == ASCII.space || (byte == ASCII.tab && separator != ASCII.tab)
  }

  /// The range `lower..<upper` of `bytes` without padding at either end.
  @inline(__always)
  static func trimmed(_ bytes: UnsafePointer<UInt8>, _ lower: Int,
                      _ upper: Int, separator: UInt8) -> Range<Int> {
    var lo = lower, hi = upper
    while lo < hi && isPadding(bytes[lo], separator: separator) { lo += 1 }
    while hi > lo && isPadding(bytes[hi - 1], separator: separator) { hi -= 1 }
    return lo..<hi
  }

  /// Whether the bytes are well-formed UTF-8.
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
  }

  /// Text decoded as UTF-8, or nil when malformed.
  static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    String(validating: bytes, as: UTF8.self)
  }

  /// Text decoded as ISO-8859-1, where every byte is the code point of
  /// the same value; this never fails.
  static func latin1(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var text = ""
    text.unicodeScalars.append(
      contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
    return text
  }

  /// Offending input as it should appear inside quotes in a message:
  /// malformed UTF-8 shown as U+FFFD, control characters escaped, and
  /// cut to `limit` characters so one long line cannot flood a message.
  static func shown(_ bytes: UnsafeBufferPointer<UInt8>,
                    limit: Int = 60) -> String {
    shown(String(decoding: bytes, as: UTF8.self), limit: limit)
  }

  /// The `String` form of ``shown(_:limit:)``.
  static func shown(_ text: String, limit: Int = 60) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == limit {
        out += "…"
        break
      }
      switch scalar {
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case "\n": out += "\\n"
      case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value):
        out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default: out.unicodeScalars.append(scalar)
      }
      count += 1
    }
    return out
  }
}
