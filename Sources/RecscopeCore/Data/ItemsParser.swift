import Foundation

/// Reads an items file into an ``ItemsParser/Table``: per item its id,
/// title and feature vector w_i, in file order.
///
/// The MovieLens files become one 0/1 feature per genre (for `movies.*`
/// in order of first appearance); our feature table keeps its columns.
/// `u.item` and `movies.dat` are ISO-8859-1 in the MovieLens releases
/// that ship them, so they are decoded as such unless the whole file is
/// valid UTF-8 (as in MovieLens 10M); the CSV files must be UTF-8.
struct ItemsParser {
  /// The items of one file, parallel arrays in file order.
  struct Table {
    var featureNames: [String] = []
    var ids: [String] = []
    var titles: [String?] = []
    /// Each row as long as ``featureNames`` was when the row was read;
    /// ``vector(_:)`` pads it.
    var features: [[Double]] = []

    /// Row `k`'s features, padded with zeros to every feature.
    func vector(_ k: Int) -> [Double] {
      let row = features[k]
      return row.count == featureNames.count
        ? row
        : row + repeatElement(0, count: featureNames.count - row.count)
    }

    fileprivate mutating func append(_ id: String, _ title: String?,
                                     _ vector: [Double]) {
      ids.append(id)
      titles.append(title?.isEmpty == false ? title : nil)
      features.append(vector)
    }
  }

  /// What a successful parse yields.
  struct Output {
    var table: Table
    var skippedLines: Int
    var errors: [DataError]
  }

  let format: ItemsFormat
  let file: String

  private var table = Table()
  private var genres: [String: Int] = [:]
  private var bad: BadLines

  init(format: ItemsFormat, file: String, skipBad: Bool, errorLimit: Int) {
    self.format = format
    self.file = file
    bad = BadLines(file: file, skipBad: skipBad, errorLimit: errorLimit)
  }

  mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>)
    -> Result<Output, DataError>
  {
    switch format {
    case .movieLens100K: parseUItem(bytes)
    case .movieLens1M: parseMoviesDat(bytes)
    case .movieLensLatest: parseMoviesCSV(bytes)
    case .features: parseFeatureTable(bytes)
    }
    if let failure = bad.failure { return .failure(failure) }
    return .success(
      Output(table: table, skippedLines: bad.skipped, errors: bad.errors))
  }

  // MARK: MovieLens

  private mutating func parseUItem(_ bytes: UnsafeBufferPointer<UInt8>) {
    let names = ItemsFormat.movieLens100KGenres
    table.featureNames = names
    let utf8 = ByteText.isValidUTF8(bytes)
    var scanner = LineScanner(bytes)
    lines: while let line = scanner.next() {
      let fields = scanner.fields(of: line, separator: ASCII.pipe)
      let shown = ByteText.shown(scanner.slice(line))
      guard fields.count == 5 + names.count, !fields[0].isEmpty else {
        let expected = fields.count == 5 + names.count
          ? "an item id in field 1"
          : "24 fields separated by \"|\" (id|title|release date|video "
            + "release date|IMDb URL| then 19 genre flags)"
        guard bad.reject(scanner.line,
                     .malformedItemLine(expected: expected, found: shown))
        else { return }
        continue
      }
      var vector: [Double] = []
      vector.reserveCapacity(names.count)
      for (k, name) in names.enumerated() {
        let flag = scanner.slice(fields[5 + k])
        guard let value = DecimalParser.double(flag), value.isFinite else {
          guard bad.reject(scanner.line,
                       .badFeature(name: name, found: ByteText.shown(flag)))
          else { return }
          continue lines
        }
        vector.append(value)
      }
      let id = decode(scanner.slice(fields[0]), utf8: utf8)
      let title = decode(scanner.slice(fields[1]), utf8: utf8)
      table.append(id, title, vector)
    }
  }

  private mutating func parseMoviesDat(_ bytes: UnsafeBufferPointer<UInt8>) {
    let utf8 = ByteText.isValidUTF8(bytes)
    var scanner = LineScanner(bytes)
    while let line = scanner.next() {
      let fields = scanner.fields(of: line, separator: ASCII.colon,
                                  doubled: true)
      guard fields.count == 3, !fields[0].isEmpty else {
        let expected = fields.count == 3
          ? "an item id in field 1"
          : "3 fields separated by \"::\" (id::title::genres)"
        let shown = ByteText.shown(scanner.slice(line))
        guard bad.reject(scanner.line,
                     .malformedItemLine(expected: expected, found: shown))
        else { return }
        continue
      }
      let id = decode(scanner.slice(fields[0]), utf8: utf8)
      let title = decode(scanner.slice(fields[1]), utf8: utf8)
      let genreList = decode(scanner.slice(fields[2]), utf8: utf8)
      table.append(id, title, genreVector(genreList))
    }
  }

  private mutating func parseMoviesCSV(_ bytes: UnsafeBufferPointer<UInt8>) {
    var reader = CSVRecordReader(
      bytes: bytes, position: ByteText.byteOrderMarkLength(bytes))
    var header = true
    while let fields = nextRecord(&reader) {
      if header {
        header = false
        if fields == ItemsFormat.movieLensLatestHeader { continue }
      }
      guard fields.count == 3, !fields[0].isEmpty else {
        let expected = fields.count == 3
          ? "an item id in field 1"
          : "3 comma-separated fields (movieId,title,genres)"
        guard bad.reject(reader.recordLine,
                     .malformedItemLine(expected: expected,
                                        found: reader.shownRecord))
        else { return }
        continue
      }
      table.append(fields[0], fields[1], genreVector(fields[2]))
    }
  }

  /// A 0/1 vector over the genres seen so far, adding new ones; the
  /// MovieLens marker `(no genres listed)` means none.
  private mutating func genreVector(_ list: String) -> [Double] {
    var vector = Array(repeating: 0.0, count: table.featureNames.count)
    for part in list.split(separator: "|") {
      let name = part.trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty, name != "(no genres listed)" else { continue }
      if let k = genres[name] {
        vector[k] = 1
      } else {
        genres[name] = table.featureNames.count
        table.featureNames.append(name)
        vector.append(1)
      }
    }
    return vector
  }

  private func decode(_ bytes: UnsafeBufferPointer<UInt8>,
                      utf8: Bool) -> String {
    utf8 ? String(decoding: bytes, as: UTF8.self) : ByteText.latin1(bytes)
  }

  // MARK: Feature table

  private mutating func parseFeatureTable(
    _ bytes: UnsafeBufferPointer<UInt8>
  ) {
    var reader = CSVRecordReader(
      bytes: bytes, position: ByteText.byteOrderMarkLength(bytes))
    guard let header = nextRecord(&reader, skippable: false) else { return }
    if let problem = Self.headerProblem(header) {
      bad.failure = DataError(
        file: file, line: reader.recordLine,
        problem: .malformedItemLine(expected: problem,
                                    found: reader.shownRecord))
      return
    }
    let titleColumn = header.indices.dropFirst().first {
      header[$0].lowercased() == "title"
    }
    let featureColumns = header.indices.dropFirst().filter {
      $0 != titleColumn
    }
    table.featureNames = featureColumns.map { header[$0] }

    rows: while let fields = nextRecord(&reader) {
      guard fields.count == header.count, !fields[0].isEmpty else {
        let expected = fields.count == header.count
          ? "an item id in field 1"
          : "\(header.count) comma-separated fields, as in the header"
        guard bad.reject(reader.recordLine,
                     .malformedItemLine(expected: expected,
                                        found: reader.shownRecord))
        else { return }
        continue
      }
      var vector: [Double] = []
      vector.reserveCapacity(featureColumns.count)
      for column in featureColumns {
        let value = reader.withField(column) { DecimalParser.double($0) }
        guard let value, value.isFinite else {
          let found = ByteText.shown(fields[column])
          guard bad.reject(reader.recordLine,
                       .badFeature(name: header[column], found: found))
          else { return }
          continue rows
        }
        vector.append(value)
      }
      table.append(fields[0], titleColumn.map { fields[$0] }, vector)
    }
  }

  /// What is wrong with a feature table's header, or nil.
  private static func headerProblem(_ header: [String]) -> String? {
    if header.contains(where: \.isEmpty) {
      return "a header naming every column (id, title, features)"
    }
    if Set(header.dropFirst()).count < header.count - 1 {
      return "a header with distinct column names"
    }
    return nil
  }

  // MARK: Reading records

  /// The next non-blank CSV record as text, or nil at the end or after a
  /// fatal error. Broken quoting and malformed UTF-8 count as bad lines.
  private mutating func nextRecord(_ reader: inout CSVRecordReader,
                                   skippable: Bool = true) -> [String]? {
    while bad.failure == nil {
      switch reader.read() {
      case .end:
        return nil
      case .malformed(let expected):
        let problem = DataError.Problem.malformedItemLine(
          expected: expected, found: reader.shownRecord)
        if !skippable || !bad.reject(reader.recordLine, problem) {
          bad.failure = bad.failure
            ?? DataError(file: file, line: reader.recordLine,
                         problem: problem)
          return nil
        }
      case .record:
        if reader.isBlank { continue }
        let fields = reader.fields.indices.compactMap { reader.string($0) }
        if fields.count == reader.fields.count { return fields }
        let problem = DataError.Problem.invalidUTF8(found: reader.shownRecord)
        if !skippable || !bad.reject(reader.recordLine, problem) {
          bad.failure = bad.failure
            ?? DataError(file: file, line: reader.recordLine,
                         problem: problem)
          return nil
        }
      }
    }
    return nil
  }
}
