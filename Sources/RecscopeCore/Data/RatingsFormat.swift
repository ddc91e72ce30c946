import Foundation

/// The layout of a ratings file: how fields are separated, how many there
/// are, and whether a header line may come first.
///
/// Every format carries the same three facts per line, user, item and
/// rating r_ui, optionally followed by a timestamp t_ui, a whole number
/// (MovieLens: Unix seconds). The command-line ``name`` is what users type.
public enum RatingsFormat: String, CaseIterable, Sendable,
  CustomStringConvertible
{
  /// MovieLens 100K `u.data`: `user⇥item⇥rating⇥timestamp`, no header.
  case movieLens100K = "ml-100k"
  /// MovieLens 1M and 10M `ratings.dat`: `user::item::rating::timestamp`.
  case movieLens1M = "ml-1m"
  /// MovieLens latest `ratings.csv`: `userId,movieId,rating,timestamp`
  /// after a header line.
  case movieLensLatest = "ml-latest"
  /// Comma-separated `user,item,rating[,timestamp]` with RFC 4180
  /// quoting, with or without a header line.
  case csv
  /// Tab-separated `user⇥item⇥rating[⇥timestamp]`, with or without a
  /// header line; fields are never quoted.
  case tsv

  /// The short name used on the command line, such as `ml-100k`.
  public var name: String { rawValue }

  /// The format with this command-line name, ignoring case.
  public init?(name: String) {
    let key = name.trimmingCharacters(in: .whitespaces).lowercased()
    guard let format = RatingsFormat(rawValue: key) else { return nil }
    self = format
  }

  public var description: String {
    switch self {
    case .movieLens100K: "MovieLens 100K u.data"
    case .movieLens1M: "MovieLens 1M ratings.dat"
    case .movieLensLatest: "MovieLens latest ratings.csv"
    case .csv: "CSV"
    case .tsv: "TSV"
    }
  }

  /// The name a ratings file in this format has inside a data directory.
  public var fileName: String {
    switch self {
    case .movieLens100K: "u.data"
    case .movieLens1M: "ratings.dat"
    case .movieLensLatest, .csv: "ratings.csv"
    case .tsv: "ratings.tsv"
    }
  }

  /// Ratings file names looked for in a directory, in order of preference.
  static let directoryFileNames = [
    "u.data", "ratings.dat", "ratings.csv", "ratings.tsv",
  ]

  /// Items files looked for beside a ratings file in this format, in
  /// order of preference. `items.csv` is our own layout, which no
  /// MovieLens release ships: beside one it is what a save wrote after
  /// items were edited (with every title and feature), so it comes first.
  var itemsFileNames: [String] {
    switch self {
    case .movieLens100K: ["items.csv", "u.item"]
    case .movieLens1M: ["items.csv", "movies.dat"]
    case .movieLensLatest, .csv: ["items.csv", "movies.csv"]
    case .tsv: ["items.csv"]
    }
  }

  /// The separator byte; for ``movieLens1M`` it appears twice (`::`).
  var separator: UInt8 {
    switch self {
    case .movieLens100K, .tsv: ASCII.tab
    case .movieLens1M: ASCII.colon
    case .movieLensLatest, .csv: ASCII.comma
    }
  }

  var separatorIsDoubled: Bool { self == .movieLens1M }

  /// Whether fields may be quoted as RFC 4180 describes.
  var isQuoted: Bool { self == .csv || self == .movieLensLatest }

  /// Whether a first line whose rating field is not a number is a header.
  var allowsHeader: Bool {
    self == .csv || self == .tsv || self == .movieLensLatest
  }

  /// How many fields a line holds: the MovieLens formats always carry a
  /// timestamp, the generic ones may.
  var fieldCounts: ClosedRange<Int> {
    switch self {
    case .movieLens100K, .movieLens1M, .movieLensLatest: 4...4
    case .csv, .tsv: 3...4
    }
  }

  /// The header line written before the ratings, if the format has one.
  var header: [String]? {
    switch self {
    case .movieLensLatest: ["userId", "movieId", "rating", "timestamp"]
    case .csv, .tsv: ["user", "item", "rating"]
    case .movieLens100K, .movieLens1M: nil
    }
  }

  /// Whether every line has a timestamp, so that the writer must add one
  /// (0) even for ratings without a time.
  var writesTimestamp: Bool { fieldCounts.lowerBound == 4 }

  /// How the expected line looks, for error messages.
  var expectedLine: String {
    switch self {
    case .movieLens100K:
      "4 tab-separated fields (user, item, rating, timestamp)"
    case .movieLens1M:
      "4 fields separated by \"::\" (user::item::rating::timestamp)"
    case .movieLensLatest:
      "4 comma-separated fields (userId,movieId,rating,timestamp)"
    case .csv: "3 or 4 comma-separated fields (user,item,rating[,timestamp])"
    case .tsv: "3 or 4 tab-separated fields (user, item, rating[, timestamp])"
    }
  }
}
