/// One way of holding ratings out: a data set to train on and the ratings
/// to test against, by external id.
public struct TrainTestSplit: Sendable {
  /// The training ratings in their original relative order; only users
  /// that have a training rating appear. Items without one follow those
  /// that have, with their titles and features but no ratings: what is
  /// known of an item before anyone rates it is not held out, so content
  /// scoring can reach items new to the training ratings. Coming last,
  /// they leave every other index, and so every sum, as it was.
  public var train: Dataset
  /// The held-out ratings in their original relative order.
  public var test: [RatingRecord]

  public init(train: Dataset, test: [RatingRecord]) {
    self.train = train
    self.test = test
  }

  /// Splits `list`, record n going to the test side when `isTest[n]`.
  /// A (user, item) pair repeated in the train part keeps its first place
  /// and its last value, as a load does.
  /// - Complexity: O(|R|) plus the merge of repeats.
  init(_ list: RatingList, isTest: [Bool]) {
    var m = RatingMatrix()
    var test: [RatingRecord] = []
    for (n, record) in list.records.enumerated() {
      if isTest[n] {
        test.append(record)
      } else {
        m.appendUnchecked(m.addUser(record.userID), m.addItem(record.itemID),
                          record.rating)
      }
    }
    _ = m.mergingRepeats()
    for id in list.metadata?.ratings.itemIDs ?? [] { m.addItem(id) }
    let names = list.metadata?.catalog.featureNames ?? []
    var catalog = ItemCatalog(featureNames: names)
    catalog.resize(to: m.itemCount)
    if let source = list.metadata {
      for i in m.items {
        guard let j = source.ratings.item(m.id(of: i)) else { continue }
        catalog.setTitle(source.catalog.title(of: j), of: i)
        catalog.setFeatures(source.catalog.features(of: j), of: i)
      }
    }
    self.init(train: Dataset(ratings: m, catalog: catalog, scale: list.scale),
              test: test)
  }

  /// The training ratings as records, users in index order.
  public var trainRecords: [RatingRecord] { RatingList(train).records }
}
