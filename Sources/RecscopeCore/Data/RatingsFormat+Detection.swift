import Foundation

extension RatingsFormat {
  /// The format the content looks like, judged from its first non-blank
  /// line that fits a layout; nil when none of the first 100 does.
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

  /// How many non-blank lines detection looks at before giving up, so a
  /// malformed first line (skipped as bad) does not hide the layout.
  static let detectionLines = 100

  /// The detected format, or the 1-based number and text of the first
  /// non-blank line when none fits (line 0 when there is none).
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>)
    -> (format: RatingsFormat?, line: Int, text: String)
  {
    var scanner = LineScanner(bytes)
    var first: (line: Int, text: String)?
    for _ in 0..<detectionLines {
      guard let range = scanner.next() else { break }
      if first == nil {
        first = (scanner.line, ByteText.shown(scanner.slice(range)))
      }
      if let format = layout(of: range, in: scanner) {
        return (format, scanner.line, "")
      }
    }
    return (nil, first?.line ?? 0, first?.text ?? "")
  }

  /// The format one line fits, if any.
  private static func layout(of line: Range<Int>,
                             in scanner: LineScanner) -> RatingsFormat? {
    let tabbed = scanner.fields(of: line, separator: ASCII.tab)
    if (3...4).contains(tabbed.count) {
      let numeric = DecimalParser.double(scanner.slice(tabbed[2])) != nil
      return tabbed.count == 4 && numeric ? .movieLens100K : .tsv
    }
    let colons = scanner.fields(of: line, separator: ASCII.colon,
                                doubled: true)
    if (3...4).contains(colons.count) { return .movieLens1M }
    var reader = CSVRecordReader(bytes: scanner.bytes, separator: ASCII.comma,
                                 position: line.lowerBound)
    if case .record = reader.read(), (3...4).contains(reader.fields.count) {
      let names = reader.fields.indices.map { reader.string($0) ?? "" }
      return names == RatingsFormat.movieLensLatest.header
        ? .movieLensLatest : .csv
    }
    return nil
  }
}
