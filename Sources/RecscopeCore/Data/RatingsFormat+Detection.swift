import Foundation

extension RatingsFormat {
  /// The format the content looks like, judged from its first non-blank
  /// line; nil when no separator fits.
  ///
  /// The separators are tried in the order tab, `::`, comma, and the first
  /// that splits the line into 3 or 4 fields wins. A tab-separated line of
  /// 4 fields with a numeric rating is MovieLens 100K; a comma-separated
  /// header `userId,movieId,rating,timestamp` is MovieLens latest.
  public static func detect(_ data: Data) -> RatingsFormat? {
    data.withUnsafeBytes { raw in
      detect(raw.bindMemory(to: UInt8.self)).format
    }
  }

  /// The detected format, or the 1-based line and text that fit none.
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>)
    -> (format: RatingsFormat?, line: Int, text: String)
  {
    var scanner = LineScanner(bytes)
    guard let first = scanner.next() else { return (nil, 0, "") }
    let shown = ByteText.shown(scanner.slice(first))

    let tabbed = scanner.fields(of: first, separator: ASCII.tab)
    if (3...4).contains(tabbed.count) {
      let numeric = DecimalParser.double(scanner.slice(tabbed[2])) != nil
      let format: RatingsFormat =
        tabbed.count == 4 && numeric ? .movieLens100K : .tsv
      return (format, scanner.line, shown)
    }
    let colons = scanner.fields(of: first, separator: ASCII.colon,
                                doubled: true)
    if (3...4).contains(colons.count) {
      return (.movieLens1M, scanner.line, shown)
    }
    let header = RatingsFormat.movieLensLatest.header ?? []
    var reader = CSVRecordReader(bytes: bytes, separator: ASCII.comma,
                                 position: first.lowerBound)
    if case .record = reader.read(), (3...4).contains(reader.fields.count) {
      let names = reader.fields.indices.map { reader.string($0) ?? "" }
      return (names == header ? .movieLensLatest : .csv, scanner.line, shown)
    }
    return (nil, scanner.line, shown)
  }
}
