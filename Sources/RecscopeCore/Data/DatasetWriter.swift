import Foundation

/// Saves ratings in any ``RatingsFormat`` and items as our feature table,
/// so that loading the files back gives the same ids, ratings, titles and
/// features.
///
/// Ratings are written users in index order, each user's ratings in
/// insertion order (the order of ``RatingMatrix/triples``), which is also
/// the order a load assigns. Reloading therefore keeps every user index
/// and each user's list; item indices follow the first appearance of
/// items in that order, so they survive unchanged when the ratings were
/// themselves grouped by user, as a written file is. Rating times, when
/// the matrix keeps them, are the fourth field (with a `timestamp`
/// header column in CSV and TSV); the MovieLens formats, whose lines must
/// have one, get 0 when there are none. Numbers take the shortest form
/// that reads back to the same `Double` (`4`, `3.5`).
///
/// Each file is written to a temporary file beside it and renamed into
/// place, so an interrupted save never leaves half a file.
public struct DatasetWriter: Sendable {
  public var format: RatingsFormat

  public init(format: RatingsFormat = .csv) {
    self.format = format
  }

  /// A writer that keeps the format the data was loaded in, or CSV.
  public init(matching report: LoadReport?) {
    format = report?.format ?? .csv
  }

  /// The ratings file's contents.
  /// - Throws: ``DataError`` when an id cannot be written in ``format``
  ///   (say, a tab inside an id for TSV) or a rating is not finite.
  /// - Complexity: O(|R|).
  public func ratingsData(_ ratings: RatingMatrix) throws(DataError) -> Data {
    try encodeRatings(ratings, file: format.fileName)
  }

  /// The items file's contents: `item,title,<feature names>`, then one
  /// row per item in index order, every item included.
  public func itemsData(_ dataset: Dataset) throws(DataError) -> Data {
    try encodeItems(dataset, file: "items.csv")
  }

  /// Writes the ratings to `path`, replacing any file there atomically.
  public func writeRatings(_ ratings: RatingMatrix,
                           to path: String) throws(DataError) {
    try DataFiles.write(try encodeRatings(ratings, file: path), to: path)
  }

  /// Writes the items to `path` as a feature table, atomically.
  public func writeItems(_ dataset: Dataset,
                         to path: String) throws(DataError) {
    try DataFiles.write(try encodeItems(dataset, file: path), to: path)
  }

  /// Writes our directory layout: the ratings under ``format``'s file
  /// name and the items as `items.csv`, creating the directory if need
  /// be. A directory already holding a ratings file under another name
  /// may load that one instead, as loading prefers `u.data`,
  /// `ratings.dat`, `ratings.csv`, `ratings.tsv` in that order.
  @discardableResult
  public func write(_ dataset: Dataset, toDirectory directory: String)
    throws(DataError) -> (ratingsPath: String, itemsPath: String)
  {
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw DataError(
        file: directory,
        problem: .writeFailed(reason: "the directory cannot be created"))
    }
    let ratingsPath = DataFiles.join(directory, format.fileName)
    let itemsPath = DataFiles.join(directory, "items.csv")
    let ratings = try encodeRatings(dataset.ratings, file: ratingsPath)
    let items = try encodeItems(dataset, file: itemsPath)
    try DataFiles.write(ratings, to: ratingsPath)
    try DataFiles.write(items, to: itemsPath)
    return (ratingsPath, itemsPath)
  }

  // MARK: Encoding

  private func encodeRatings(_ ratings: RatingMatrix,
                             file: String) throws(DataError) -> Data {
    let separator: [UInt8] =
      format.separatorIsDoubled
      ? [format.separator, format.separator] : [format.separator]
    var encoder = FieldEncoder(format: format, file: file)
    var users: [[UInt8]] = []
    users.reserveCapacity(ratings.userCount)
    for id in ratings.userIDs { users.append(try encoder.id(id)) }
    var items: [[UInt8]] = []
    items.reserveCapacity(ratings.itemCount)
    for id in ratings.itemIDs { items.append(try encoder.id(id)) }

    let times = ratings.timesByUser
    let writesTime = format.writesTimestamp || times != nil
    var out: [UInt8] = []
    out.reserveCapacity(ratings.count * (writesTime ? 27 : 16) + 64)
    if var header = format.header {
      if writesTime && header.count == 3 { header.append("timestamp") }
      out += Array(header.joined(separator: String(decoding: separator,
                                                   as: UTF8.self)).utf8)
      out.append(ASCII.newline)
    }
    for (u, list) in ratings.byUser.enumerated() {
      for (p, entry) in list.enumerated() {
        out += users[u]
        out += separator
        out += items[entry.item.int]
        out += separator
        out += try encoder.number(entry.value, what: "a finite rating")
        if writesTime {
          out += separator
          Self.appendDecimal(times?[u][p] ?? 0, to: &out)
        }
        out.append(ASCII.newline)
      }
    }
    return Data(out)
  }

  /// Appends the decimal digits of `value`, with a minus sign if negative.
  private static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
    if value < 0 { out.append(ASCII.minus) }
    var magnitude = value.magnitude
    let start = out.count
    repeat {
      out.append(ASCII.zero + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    out[start...].reverse()
  }

  private func encodeItems(_ dataset: Dataset,
                           file: String) throws(DataError) -> Data {
    var encoder = FieldEncoder(format: .csv, file: file)
    let catalog = dataset.catalog
    var out: [UInt8] = Array("item,title".utf8)
    for name in catalog.featureNames {
      guard !name.isEmpty else {
        throw DataError(
          file: file,
          problem: .unwritable(expected: "a non-empty feature name",
                               found: ""))
      }
      out.append(ASCII.comma)
      out += encoder.text(name)
    }
    out.append(ASCII.newline)

    for item in dataset.ratings.items {
      out += try encoder.id(dataset.ratings.id(of: item))
      out.append(ASCII.comma)
      out += encoder.text(catalog.title(of: item) ?? "")
      for value in catalog.features(of: item) {
        out.append(ASCII.comma)
        out += try encoder.number(value, what: "a finite feature value")
      }
      out.append(ASCII.newline)
    }
    return Data(out)
  }
}

/// Turns ids, text and numbers into field bytes for one format, refusing
/// what the format could not read back.
private struct FieldEncoder {
  let format: RatingsFormat
  let file: String
  /// Recent numbers' text, since ratings repeat a handful of values.
  private var numbers: [UInt64: [UInt8]] = [:]

  init(format: RatingsFormat, file: String) {
    self.format = format
    self.file = file
  }

  /// An id as a field; quoted when the format quotes, else checked.
  func id(_ id: String) throws(DataError) -> [UInt8] {
    if id.isEmpty {
      throw unwritable("a non-empty id", id)
    }
    if format.isQuoted { return text(id) }
    let bytes = Array(id.utf8)
    let padded = ByteText.isPadding(bytes[0], separator: 0)
      || ByteText.isPadding(bytes[bytes.count - 1], separator: 0)
    if padded
      || bytes.contains(where: {
        $0 == ASCII.newline || $0 == ASCII.carriageReturn
      })
    {
      throw unwritable(
        "an id without line breaks or surrounding spaces for \(format)", id)
    }
    let hasTab = bytes.contains(ASCII.tab)
    if format.separatorIsDoubled {
      let colons = zip(bytes, bytes.dropFirst()).contains {
        $0 == ASCII.colon && $1 == ASCII.colon
      }
      if colons || bytes[bytes.count - 1] == ASCII.colon || hasTab {
        throw unwritable(
          "an id without \"::\", a final \":\" or tabs for \(format)", id)
      }
    } else if hasTab {
      throw unwritable("an id without tabs for \(format)", id)
    }
    return bytes
  }

  /// Text as a CSV field, quoted as RFC 4180 says when it holds a comma,
  /// a quote or a line break, or has padding that reading would trim.
  func text(_ text: String) -> [UInt8] {
    let bytes = Array(text.utf8)
    let needsQuotes =
      bytes.contains {
        $0 == ASCII.comma || $0 == ASCII.quote || $0 == ASCII.newline
          || $0 == ASCII.carriageReturn
      }
      || (bytes.first.map { ByteText.isPadding($0, separator: 0) } ?? false)
      || (bytes.last.map { ByteText.isPadding($0, separator: 0) } ?? false)
    guard needsQuotes else { return bytes }
    var out: [UInt8] = [ASCII.quote]
    for byte in bytes {
      if byte == ASCII.quote { out.append(ASCII.quote) }
      out.append(byte)
    }
    out.append(ASCII.quote)
    return out
  }

  /// The shortest text that reads back as exactly `value`.
  mutating func number(_ value: Double,
                       what: String) throws(DataError) -> [UInt8] {
    if let known = numbers[value.bitPattern] { return known }
    guard value.isFinite else { throw unwritable(what, "\(value)") }
    let text: String
    if value == value.rounded() && abs(value) < 1e15 {
      text = value == 0 && value.sign == .minus ? "-0" : String(Int64(value))
    } else {
      text = value.description
    }
    let bytes = Array(text.utf8)
    if numbers.count < 4096 { numbers[value.bitPattern] = bytes }
    return bytes
  }

  private func unwritable(_ expected: String, _ found: String) -> DataError {
    DataError(file: file,
              problem: .unwritable(expected: expected,
                                   found: ByteText.shown(found)))
  }
}
