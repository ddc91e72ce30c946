/// The layout of an items file, which gives titles and features w_i.
public enum ItemsFormat: String, CaseIterable, Sendable,
  CustomStringConvertible
{
  /// MovieLens 100K `u.item`: `id|title|release date|video release
  /// date|IMDb URL|` then 19 genre flags; ISO-8859-1 text.
  case movieLens100K = "u.item"
  /// MovieLens 1M and 10M `movies.dat`: `id::title::Genre1|Genre2`;
  /// ISO-8859-1 in 1M, UTF-8 in 10M.
  case movieLens1M = "movies.dat"
  /// MovieLens latest `movies.csv`: `movieId,title,genres` with RFC 4180
  /// quoting.
  case movieLensLatest = "movies.csv"
  /// Our generic feature table: a header naming an id column, an
  /// optional `title` column and one numeric column per feature.
  case features = "items.csv"

  public var description: String {
    switch self {
    case .movieLens100K: "MovieLens 100K u.item"
    case .movieLens1M: "MovieLens movies.dat"
    case .movieLensLatest: "MovieLens movies.csv"
    case .features: "feature CSV"
    }
  }

  /// The 19 genres of MovieLens 100K, in the order of `u.item`'s flags.
  static let movieLens100KGenres = [
    "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy",
    "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror",
    "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
  ]

  /// The header that marks a `movies.csv`.
  static let movieLensLatestHeader = ["movieId", "title", "genres"]

  /// The format a file's name or content shows: `u.item` and
  /// `movies.dat` by name, anything else by ``detect(_:)``.
  static func detect(named path: String,
                     _ bytes: UnsafeBufferPointer<UInt8>) -> ItemsFormat {
    if path == "u.item" || path.hasSuffix("/u.item") { return .movieLens100K }
    if path == "movies.dat" || path.hasSuffix("/movies.dat") {
      return .movieLens1M
    }
    return detect(bytes)
  }

  /// The format the content looks like, judged from its first non-blank
  /// line: the `movies.csv` header, the `item,title` header our writer
  /// puts first, a `::` separator, 24 `|`-separated fields, or else our
  /// feature table.
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> ItemsFormat {
    var scanner = LineScanner(bytes)
    guard let first = scanner.next() else { return .features }
    var reader = CSVRecordReader(bytes: bytes, position: first.lowerBound)
    if case .record = reader.read() {
      let names = reader.fields.indices.map { reader.string($0) ?? "" }
      if names == movieLensLatestHeader { return .movieLensLatest }
      if names.starts(with: ["item", "title"]) { return .features }
    }
    if scanner.fields(of: first, separator: ASCII.colon, doubled: true)
      .count == 3
    {
      return .movieLens1M
    }
    if scanner.fields(of: first, separator: ASCII.pipe).count
      == 5 + movieLens100KGenres.count
    {
      return .movieLens100K
    }
    return .features
  }
}
