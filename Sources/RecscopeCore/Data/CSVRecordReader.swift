/// Reads one record at a time from comma-separated bytes, following
/// RFC 4180: a field in double quotes may hold separators, doubled quotes
/// and line breaks.
///
/// Padding around a field outside quotes is dropped, and a carriage return
/// before a line feed ends the line. The fields of the last record are
/// kept unescaped in one reused buffer, so reading allocates nothing once
/// warm.
struct CSVRecordReader {
  /// How reading one record turned out.
  enum Outcome {
    /// A record; its fields are in ``fields``.
    case record
    /// The bytes are used up.
    case end
    /// Broken quoting; reading resumes on the next line.
    case malformed(expected: String)
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let separator: UInt8
  /// Where the next record starts.
  var position: Int
  /// The number of the last line read, so the next record starts on
  /// line `line + 1`.
  var line: Int
  /// Line on which the last record started.
  private(set) var recordLine = 0
  /// Byte range of the last record in ``bytes``, for messages.
  private(set) var recordText: Range<Int> = 0..<0
  /// Unescaped field contents of the last record.
  private(set) var storage: [UInt8] = []
  /// Each field of the last record as a range of ``storage``.
  private(set) var fields: [Range<Int>] = []

  init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = ASCII.comma,
       position: Int = 0, line: Int = 0) {
    self.bytes = bytes
    self.separator = separator
    self.position = position
    self.line = line
  }

  /// Whether the last record is a blank line.
  var isBlank: Bool { fields.count == 1 && fields[0].isEmpty && !quoted }
  private var quoted = false

  /// Reads the record that starts at ``position``.
  mutating func read() -> Outcome {
    guard position < bytes.count else { return .end }
    storage.removeAll(keepingCapacity: true)
    fields.removeAll(keepingCapacity: true)
    quoted = false
    line += 1
    recordLine = line
    let start = position
    let n = bytes.count
    var i = position
    while true {
      while i < n && ByteText.isPadding(bytes[i], separator: separator) {
        i += 1
      }
      let first = storage.count
      if i < n && bytes[i] == ASCII.quote {
        quoted = true
        guard let after = readQuoted(from: i + 1) else {
          return fail(start: start, expected: "a closing double quote")
        }
        i = after
        while i < n && ByteText.isPadding(bytes[i], separator: separator) {
          i += 1
        }
        if i < n && bytes[i] == ASCII.carriageReturn
          && (i + 1 == n || bytes[i + 1] == ASCII.newline)
        {
          i += 1
        }
        fields.append(first..<storage.count)
        if i < n && bytes[i] == separator {
          i += 1
          continue
        }
        guard i == n || bytes[i] == ASCII.newline else {
          return fail(
            start: start, expected: "a separator after a quoted field")
        }
      } else {
        var j = i
        while j < n && bytes[j] != separator && bytes[j] != ASCII.newline {
          j += 1
        }
        var e = j
        if e > i && bytes[e - 1] == ASCII.carriageReturn
          && (j == n || bytes[j] == ASCII.newline)
        {
          e -= 1
        }
        while e > i && ByteText.isPadding(bytes[e - 1], separator: separator) {
          e -= 1
        }
        storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<e]))
        fields.append(first..<storage.count)
        i = j
        if i < n && bytes[i] == separator {
          i += 1
          continue
        }
      }
      // At a line feed or the end of the bytes.
      position = min(i + 1, n)
      var textEnd = i
      if textEnd > start && bytes[textEnd - 1] == ASCII.carriageReturn {
        textEnd -= 1
      }
      recordText = start..<textEnd
      return .record
    }
  }

  /// Copies a quoted field's contents, from just after the opening quote;
  /// returns the index after the closing quote, or nil when unclosed.
  private mutating func readQuoted(from start: Int) -> Int? {
    let n = bytes.count
    var i = start
    while i < n {
      let b = bytes[i]
      if b == ASCII.quote {
        if i + 1 < n && bytes[i + 1] == ASCII.quote {
          storage.append(ASCII.quote)
          i += 2
          continue
        }
        return i + 1
      }
      if b == ASCII.newline { line += 1 }
      storage.append(b)
      i += 1
    }
    return nil
  }

  /// Reports broken quoting and moves past the record's first line, so a
  /// caller that skips bad lines loses only that line.
  private mutating func fail(start: Int, expected: String) -> Outcome {
    var end = start
    while end < bytes.count && bytes[end] != ASCII.newline { end += 1 }
    position = min(end + 1, bytes.count)
    line = recordLine
    var textEnd = end
    if textEnd > start && bytes[textEnd - 1] == ASCII.carriageReturn {
      textEnd -= 1
    }
    recordText = start..<textEnd
    return .malformed(expected: expected)
  }

  /// Runs `body` on field `k` of the last record as bytes.
  func withField<R>(_ k: Int,
                    _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    storage.withUnsafeBufferPointer {
      body(UnsafeBufferPointer(rebasing: $0[fields[k]]))
    }
  }

  /// Field `k` of the last record as text, or nil when it is not UTF-8.
  func string(_ k: Int) -> String? {
    withField(k) { ByteText.utf8($0) }
  }

  /// The last record's text as a message should quote it.
  var shownRecord: String {
    ByteText.shown(UnsafeBufferPointer(rebasing: bytes[recordText]))
  }
}
