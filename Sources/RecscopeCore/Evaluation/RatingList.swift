/// Ratings to split: records by external id in a fixed order, optional
/// timestamps parallel to them, the scale, and where to copy item titles
/// and features from.
public struct RatingList: Sendable {
  public var records: [RatingRecord]
  /// One per record when known (seconds or any increasing unit).
  public var timestamps: [Int64]?
  public var scale: RatingScale
  /// Titles and features are copied into each train set by item id.
  public var metadata: Dataset?

  public init(records: [RatingRecord], timestamps: [Int64]? = nil,
              scale: RatingScale, metadata: Dataset? = nil) {
    self.records = records
    self.timestamps = timestamps
    self.scale = scale
    self.metadata = metadata
  }

  /// Every rating of a data set, users in index order and each user's
  /// ratings in insertion order (the order a save writes), with their
  /// times when the data set keeps them.
  public init(_ dataset: Dataset) {
    let m = dataset.ratings
    var records: [RatingRecord] = []
    records.reserveCapacity(m.count)
    for (u, row) in m.byUser.enumerated() {
      for entry in row {
        records.append(RatingRecord(userID: m.userIDs[u],
                                    itemID: m.id(of: entry.item),
                                    rating: entry.value))
      }
    }
    self.init(records: records,
              timestamps: m.timesByUser.map { Array($0.joined()) },
              scale: dataset.scale, metadata: dataset)
  }

  public var count: Int { records.count }
}
