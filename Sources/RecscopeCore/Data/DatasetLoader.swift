import Foundation

/// Loads a ``Dataset`` from MovieLens releases or our own CSV layout, with
/// a ``LoadReport`` of what was found.
///
/// A path may be a ratings file, `-` for standard input, or a directory
/// holding `u.data`, `ratings.dat`, `ratings.csv` or `ratings.tsv`. The
/// format is detected from the content unless ``format`` is set. An items
/// file beside the ratings file (`u.item`, `movies.dat`, `movies.csv`, or
/// our `items.csv`, as suits the format) is read too, unless ``itemsPath``
/// names another.
///
/// External ids keep their order of first appearance in the ratings file,
/// as Surprise assigns its inner ids; items only listed in the items file
/// follow in that file's order, with no ratings. A repeated (user, item)
/// pair keeps the later rating. Bad input throws a ``DataError`` and
/// yields nothing, unless ``skipBad`` asks for bad lines to be passed over
/// and counted.
public struct DatasetLoader: Sendable {
  /// The ratings format; nil to detect it from the content.
  public var format: RatingsFormat?
  /// An items file to read instead of the one beside the ratings.
  public var itemsPath: String?
  /// The rating scale; nil to infer it from the ratings. With a given
  /// scale a rating outside it is bad input.
  public var scale: RatingScale?
  /// Whether bad lines are skipped and counted instead of thrown.
  public var skipBad: Bool
  /// How many skipped lines' errors the report keeps.
  public var errorLimit: Int

  public init(format: RatingsFormat? = nil, itemsPath: String? = nil,
              scale: RatingScale? = nil, skipBad: Bool = false,
              errorLimit: Int = 5) {
    self.format = format
    self.itemsPath = itemsPath
    self.scale = scale
    self.skipBad = skipBad
    self.errorLimit = errorLimit
  }

  /// Loads the ratings at `path` and the items that go with them.
  /// - Throws: ``DataError`` for a missing path, a directory without a
  ///   ratings file, or bad content in either file.
  /// - Complexity: O(n) in the size of the files.
  public func load(_ path: String) throws(DataError)
    -> (dataset: Dataset, report: LoadReport)
  {
    let ratingsPath = try resolveRatings(path)
    let (format, parsed) = try readRatings(ratingsPath)

    var items: (path: String, data: Data)?
    if let itemsPath {
      switch DataFiles.kind(of: itemsPath) {
      case .missing:
        throw DataError(file: itemsPath,
                        problem: .missingFile(expected: "an items file"))
      case .directory:
        throw DataError(
          file: itemsPath,
          problem: .unreadable(reason: "it is a directory, not an items file"))
      case .file:
        items = (itemsPath, try DataFiles.read(itemsPath))
      }
    } else if ratingsPath != DataFiles.standardInput,
      let beside = DataFiles.firstFile(
        in: DataFiles.directory(of: ratingsPath), named: format.itemsFileNames)
    {
      items = (beside, try DataFiles.read(beside))
    }
    return try assemble(parsed, named: ratingsPath, format: format,
                        items: items)
  }

  /// Loads ratings and items already in memory; `name` and `itemsName`
  /// stand for the files in messages and in the report.
  public func load(ratings: Data, named name: String, items: Data? = nil,
                   itemsNamed itemsName: String = "items")
    throws(DataError) -> (dataset: Dataset, report: LoadReport)
  {
    let format = try chooseFormat(ratings, file: name)
    let parsed = try parseRatings(ratings, named: name, format: format)
    return try assemble(parsed, named: name, format: format,
                        items: items.map { (itemsName, $0) })
  }

  // MARK: Steps

  /// The ratings file a path stands for.
  private func resolveRatings(_ path: String) throws(DataError) -> String {
    if path == DataFiles.standardInput { return path }
    switch DataFiles.kind(of: path) {
    case .missing:
      throw DataError(
        file: path,
        problem: .missingFile(
          expected: "a ratings file, a directory holding one, or - for "
            + "standard input"))
    case .file:
      return path
    case .directory:
      let names = RatingsFormat.directoryFileNames
      guard let found = DataFiles.firstFile(in: path, named: names) else {
        throw DataError(file: path, problem: .noRatingsFile(lookedFor: names))
      }
      return found
    }
  }

  /// Reads and parses a ratings file; its bytes are released on return,
  /// before the matrix is built, to keep the peak memory of large loads
  /// down.
  private func readRatings(_ path: String) throws(DataError)
    -> (RatingsFormat, RatingsParser.Output)
  {
    let data = try DataFiles.read(path)
    let format = try chooseFormat(data, file: path)
    return (format, try parseRatings(data, named: path, format: format))
  }

  /// The caller's format, else the one the content looks like.
  private func chooseFormat(_ data: Data, file: String) throws(DataError)
    -> RatingsFormat
  {
    if let format { return format }
    let detected = data.withUnsafeBytes { raw in
      RatingsFormat.detect(raw.bindMemory(to: UInt8.self))
    }
    if let format = detected.format { return format }
    if detected.line == 0 {
      throw DataError(file: file, problem: .noRatings(skippedLines: 0))
    }
    throw DataError(file: file, line: detected.line,
                    problem: .unknownLayout(found: detected.text))
  }

  private func parseRatings(_ data: Data, named name: String,
                            format: RatingsFormat) throws(DataError)
    -> RatingsParser.Output
  {
    var parser = RatingsParser(format: format, file: name, scale: scale,
                               skipBad: skipBad, errorLimit: errorLimit)
    return try data.withUnsafeBytes { raw in
      parser.parse(raw.bindMemory(to: UInt8.self))
    }.get()
  }

  /// Builds the matrix, adds the items file's titles, features and
  /// unrated items, and settles the scale.
  private func assemble(_ parsed: RatingsParser.Output, named name: String,
                        format: RatingsFormat,
                        items: (path: String, data: Data)?)
    throws(DataError) -> (dataset: Dataset, report: LoadReport)
  {
    var skipped = parsed.skippedLines
    var errors = parsed.errors
    var table: ItemsParser.Table?
    var itemsFormat: ItemsFormat?
    if let items {
      (table, itemsFormat) = try readItems(
        items.data, named: items.path, skipped: &skipped, errors: &errors)
    }

    var (matrix, repeats) = parsed.gathered()
    let ratedItems = matrix.itemCount
    var catalog = ItemCatalog()
    if let table {
      catalog = ItemCatalog(featureNames: table.featureNames)
      for k in table.ids.indices {
        let item = matrix.addItem(table.ids[k])
        catalog.setTitle(table.titles[k], of: item)
        catalog.setFeatures(table.vector(k), of: item)
      }
    }

    let scale = self.scale
      ?? (repeats == 0
        ? RatingScale.inferred(min: parsed.lowest, max: parsed.highest)
        : Self.inferScale(matrix))
    let report = LoadReport(
      ratingsPath: name, itemsPath: items?.path, format: format,
      itemsFormat: itemsFormat, hadHeader: parsed.hadHeader,
      ratingCount: matrix.count, userCount: matrix.userCount,
      itemCount: matrix.itemCount,
      unratedItemCount: matrix.itemCount - ratedItems,
      skippedLines: skipped, firstErrors: errors, repeats: repeats,
      scale: scale, scaleInferred: self.scale == nil)
    return (Dataset(ratings: matrix, catalog: catalog, scale: scale), report)
  }

  private func readItems(_ data: Data, named name: String,
                         skipped: inout Int, errors: inout [DataError])
    throws(DataError) -> (ItemsParser.Table, ItemsFormat)
  {
    let output = try data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      let format = ItemsFormat.detect(named: name, bytes)
      var parser = ItemsParser(format: format, file: name, skipBad: skipBad,
                               errorLimit: errorLimit)
      return parser.parse(bytes).map { ($0, format) }
    }.get()
    skipped += output.0.skippedLines
    errors += output.0.errors.prefix(max(0, errorLimit - errors.count))
    return (output.0.table, output.1)
  }

  /// The smallest integer-bounded scale holding every rating.
  private static func inferScale(_ matrix: RatingMatrix) -> RatingScale {
    var low = Double.infinity
    var high = -Double.infinity
    for list in matrix.byUser {
      for entry in list {
        low = min(low, entry.value)
        high = max(high, entry.value)
      }
    }
    return RatingScale.inferred(min: low, max: high)
  }
}
