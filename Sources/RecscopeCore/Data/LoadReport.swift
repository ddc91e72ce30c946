/// What a load found and decided, for the caller to show or log: where
/// the data came from, how it was read, and what was skipped or merged.
public struct LoadReport: Sendable, Equatable {
  /// The ratings file read; `-` for standard input.
  public var ratingsPath: String
  /// The items file read, if any.
  public var itemsPath: String?
  public var format: RatingsFormat
  public var itemsFormat: ItemsFormat?
  /// Whether the first line was a header rather than a rating.
  public var hadHeader: Bool
  /// |R| after repeats were merged.
  public var ratingCount: Int
  public var userCount: Int
  /// Every item, rated or only listed in the items file.
  public var itemCount: Int
  /// Items that appear only in the items file, added after rated ones.
  public var unratedItemCount: Int
  /// Bad lines passed over when skipping was asked for, in both files.
  public var skippedLines: Int
  /// The first few of those lines' errors, in file order.
  public var firstErrors: [DataError]
  /// Ratings of a (user, item) pair seen before, merged so the later
  /// value won.
  public var repeats: Int
  public var scale: RatingScale
  /// Whether ``scale`` was guessed from the data rather than given.
  public var scaleInferred: Bool

  public init(
    ratingsPath: String, itemsPath: String? = nil,
    format: RatingsFormat, itemsFormat: ItemsFormat? = nil,
    hadHeader: Bool = false, ratingCount: Int = 0, userCount: Int = 0,
    itemCount: Int = 0, unratedItemCount: Int = 0, skippedLines: Int = 0,
    firstErrors: [DataError] = [], repeats: Int = 0,
    scale: RatingScale, scaleInferred: Bool
  ) {
    self.ratingsPath = ratingsPath
    self.itemsPath = itemsPath
    self.format = format
    self.itemsFormat = itemsFormat
    self.hadHeader = hadHeader
    self.ratingCount = ratingCount
    self.userCount = userCount
    self.itemCount = itemCount
    self.unratedItemCount = unratedItemCount
    self.skippedLines = skippedLines
    self.firstErrors = firstErrors
    self.repeats = repeats
    self.scale = scale
    self.scaleInferred = scaleInferred
  }
}
