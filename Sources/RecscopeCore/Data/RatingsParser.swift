import Foundation

/// Reads the lines of a ratings file into a ``RatingMatrix``: the hot
/// loop of every load, working on the file's bytes.
///
/// Each line is found with `memchr`, split at the separator in one pass
/// that also notes whether any byte is outside ASCII (only such lines are
/// checked for valid UTF-8), and handed to ``accept``. A comma-separated
/// line with a quoted field goes through ``CSVRecordReader`` instead.
/// Ratings are kept as flat columns, for the caller to gather into a
/// matrix once the file's bytes are released. Timestamps (a fourth field)
/// are kept when every rating line has one, and dropped as soon as one
/// does not, so a file without them costs nothing more.
struct RatingsParser {
  /// What a successful parse yields.
  struct Output {
    /// Distinct ids in order of first appearance.
    var userIDs: [String]
    var itemIDs: [String]
    /// One entry per rating, in file order.
    var users: [Int32]
    var items: [Int32]
    var values: [Double]
    /// t_ui per rating in file order, when every rating line had one.
    var times: [Int64]?
    var hadHeader: Bool
    var skippedLines: Int
    var errors: [DataError]
    /// The smallest and largest rating read, repeats included.
    var lowest: Double
    var highest: Double

    /// The matrix, with repeats merged, and how many were.
    func gathered() -> (matrix: RatingMatrix, repeats: Int) {
      RatingMatrix.gathering(userIDs: userIDs, itemIDs: itemIDs,
                             users: users, items: items, values: values,
                             times: times)
    }
  }

  /// The byte ranges of one line's fields, in the line's buffer.
  private struct Fields {
    var count = 0
    var user = 0..<0
    var item = 0..<0
    var rating = 0..<0
    var timestamp = 0..<0

    @inline(__always)
    mutating func add(_ range: Range<Int>) {
      switch count {
      case 0: user = range
      case 1: item = range
      case 2: rating = range
      case 3: timestamp = range
      default: break
      }
      count += 1
    }
  }

  let format: RatingsFormat
  let file: String
  let scale: RatingScale?
  /// Facts of ``format`` kept at hand for the per-line checks.
  private let fieldCounts: ClosedRange<Int>
  private let allowsHeader: Bool

  private var users = IDInterner()
  private var items = IDInterner()
  private var userIDs: [String] = []
  private var itemIDs: [String] = []
  private var userColumn: [Int32] = []
  private var itemColumn: [Int32] = []
  private var valueColumn: [Double] = []
  private var timeColumn: [Int64] = []
  /// Whether every rating so far had a timestamp.
  private var everyRatingTimed = true
  private var lowest = Double.infinity
  private var highest = -Double.infinity
  private var sawFirstLine = false
  private var hadHeader = false
  private var bad: BadLines
  /// The previous line's user id in the file's bytes, to skip interning
  /// when consecutive lines share a user, as sorted files do.
  private var previousUser: (start: UnsafePointer<UInt8>, count: Int,
                             index: Int32)?

  init(format: RatingsFormat, file: String, scale: RatingScale?,
       skipBad: Bool, errorLimit: Int) {
    self.format = format
    self.file = file
    self.scale = scale
    bad = BadLines(file: file, skipBad: skipBad, errorLimit: errorLimit)
    fieldCounts = format.fieldCounts
    allowsHeader = format.allowsHeader
  }

  /// Parses the whole buffer.
  /// - Complexity: O(n) in the bytes.
  mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>)
    -> Result<Output, DataError>
  {
    if let base = bytes.baseAddress {
      // A guess from typical line lengths saves most regrowth.
      let expected = bytes.count / 24
      userColumn.reserveCapacity(expected)
      itemColumn.reserveCapacity(expected)
      valueColumn.reserveCapacity(expected)
      parseLines(bytes, base)
    }
    if let failure = bad.failure { return .failure(failure) }
    guard !valueColumn.isEmpty else {
      return .failure(
        DataError(file: file, problem: .noRatings(skippedLines: bad.skipped)))
    }
    return .success(
      Output(userIDs: userIDs, itemIDs: itemIDs, users: userColumn,
             items: itemColumn, values: valueColumn,
             times: everyRatingTimed ? timeColumn : nil, hadHeader: hadHeader,
             skippedLines: bad.skipped, errors: bad.errors, lowest: lowest,
             highest: highest))
  }

  private mutating func parseLines(_ bytes: UnsafeBufferPointer<UInt8>,
                                   _ base: UnsafePointer<UInt8>) {
    let n = bytes.count
    let separator = format.separator
    let width = format.separatorIsDoubled ? 2 : 1
    let doubled = format.separatorIsDoubled
    let quoting = format.isQuoted
    var reader = CSVRecordReader(bytes: bytes, separator: separator)
    var position = ByteText.byteOrderMarkLength(bytes)
    var line = 0

    while position < n {
      line += 1
      let start = position
      let end: Int
      (end, position) = LineScanner.line(at: start, in: base, count: n)

      var fields = Fields()
      var high: UInt8 = 0
      var needsReader = false
      var f = start
      while true {
        if quoting {
          var q = f
          while q < end && ByteText.isPadding(base[q], separator: separator) {
            q += 1
          }
          if q < end && base[q] == ASCII.quote {
            needsReader = true
            break
          }
        }
        var j = f
        if doubled {
          while j < end {
            let b = base[j]
            high |= b
            if b == separator && j + 1 < end && base[j + 1] == separator {
              break
            }
            j += 1
          }
        } else {
          while j < end {
            let b = base[j]
            high |= b
            if b == separator { break }
            j += 1
          }
        }
        fields.add(ByteText.trimmed(base, f, j, separator: separator))
        if j >= end { break }
        f = j + width
      }

      if needsReader {
        reader.position = start
        reader.line = line - 1
        let outcome = reader.read()
        line = reader.line
        position = reader.position
        let text = UnsafeBufferPointer(rebasing: bytes[reader.recordText])
        if reader.isBlank { continue }
        let first = !sawFirstLine
        sawFirstLine = true
        if case .malformed(let expected) = outcome {
          let shown = ByteText.shown(text)
          guard bad.reject(reader.recordLine,
                       .malformedLine(expected: expected, found: shown))
          else { return }
          continue
        }
        guard checkUTF8(text, line: reader.recordLine) else { return }
        var quoted = Fields()
        for range in reader.fields { quoted.add(range) }
        let storage = reader.storage
        let ok = storage.withUnsafeBufferPointer {
          accept($0, quoted, line: reader.recordLine, text: text,
                 first: first, fromFile: false)
        }
        guard ok else { return }
        continue
      }

      if fields.count == 1 && fields.user.isEmpty { continue }
      let first = !sawFirstLine
      sawFirstLine = true
      let text = UnsafeBufferPointer(start: base + start, count: end - start)
      if high >= 0x80 {
        guard checkUTF8(text, line: line) else { return }
      }
      guard accept(bytes, fields, line: line, text: text, first: first,
                   fromFile: true)
      else { return }
    }
  }

  /// Checks one line's bytes for UTF-8; false when parsing must stop.
  private mutating func checkUTF8(_ text: UnsafeBufferPointer<UInt8>,
                                  line: Int) -> Bool {
    if text.allSatisfy({ $0 < 0x80 }) || ByteText.isValidUTF8(text) {
      return true
    }
    return bad.reject(line, .invalidUTF8(found: ByteText.shown(text)))
  }

  /// Validates one line's fields and appends its rating; returns false
  /// when parsing must stop.
  ///
  /// - Parameters:
  ///   - buffer: the bytes the field ranges refer to.
  ///   - text: the whole line, for messages.
  ///   - first: whether this is the first non-blank line (maybe a header).
  ///   - fromFile: whether `buffer` is the file itself, whose bytes stay
  ///     put, so the user id can be remembered for the next line.
  @inline(__always)
  private mutating func accept(
    _ buffer: UnsafeBufferPointer<UInt8>, _ fields: Fields, line: Int,
    text: UnsafeBufferPointer<UInt8>, first: Bool, fromFile: Bool
  ) -> Bool {
    guard fieldCounts.contains(fields.count) else {
      return bad.reject(
        line,
        .malformedLine(expected: format.expectedLine,
                       found: ByteText.shown(text)))
    }
    if let missing = Self.emptyField(fields) {
      return bad.reject(
        line,
        .malformedLine(expected: missing, found: ByteText.shown(text)))
    }

    let ratingBytes = UnsafeBufferPointer(rebasing: buffer[fields.rating])
    guard let value = DecimalParser.double(ratingBytes) else {
      if first && allowsHeader {
        hadHeader = true
        return true
      }
      return bad.reject(line,
                    .badRating(found: ByteText.shown(ratingBytes)))
    }
    guard value.isFinite && abs(value) < 1e12 else {
      return bad.reject(line,
                    .badRating(found: ByteText.shown(ratingBytes)))
    }
    if let scale, !scale.contains(value) {
      return bad.reject(
        line,
        .ratingOutsideScale(found: ByteText.shown(ratingBytes), scale: scale))
    }
    var time: Int64 = 0
    if fields.count == 4 {
      let timeBytes = UnsafeBufferPointer(rebasing: buffer[fields.timestamp])
      guard let t = DecimalParser.int64(timeBytes) else {
        return bad.reject(line,
                          .badTimestamp(found: ByteText.shown(timeBytes)))
      }
      time = t
    }

    let userBytes = UnsafeBufferPointer(rebasing: buffer[fields.user])
    let user: Int32
    if let previous = previousUser, previous.count == userBytes.count,
      memcmp(previous.start, userBytes.baseAddress!, previous.count) == 0
    {
      user = previous.index
    } else {
      let interned = users.intern(userBytes)
      if let id = interned.newID { userIDs.append(id) }
      user = interned.index
    }
    previousUser =
      fromFile ? (userBytes.baseAddress!, userBytes.count, user) : nil

    let interned = items.intern(
      UnsafeBufferPointer(rebasing: buffer[fields.item]))
    if let id = interned.newID { itemIDs.append(id) }
    userColumn.append(user)
    itemColumn.append(interned.index)
    valueColumn.append(value)
    if everyRatingTimed {
      if fields.count == 4 {
        if timeColumn.isEmpty {
          // As much as the other columns, so that none regrows alone.
          timeColumn.reserveCapacity(valueColumn.capacity)
        }
        timeColumn.append(time)
      } else {
        everyRatingTimed = false
        timeColumn = []
      }
    }
    lowest = min(lowest, value)
    highest = max(highest, value)
    return true
  }

  /// What an empty field should have held, or nil when none is empty.
  @inline(__always)
  private static func emptyField(_ fields: Fields) -> String? {
    if fields.user.isEmpty { return "a user id in field 1" }
    if fields.item.isEmpty { return "an item id in field 2" }
    if fields.rating.isEmpty { return "a rating in field 3" }
    if fields.count == 4 && fields.timestamp.isEmpty {
      return "a timestamp in field 4"
    }
    return nil
  }
}
