@testable import RecscopeCore

/// A dataset seen through external ids only, the view a save and load
/// must keep: users in index order with their ratings in order, and each
/// item's title and features by id. Values are compared bit for bit.
struct DatasetByID: Equatable {
  struct Rating: Equatable {
    var item: String
    var bits: UInt64
  }

  struct Item: Equatable {
    var title: String?
    var features: [UInt64]
  }

  var users: [String]
  var ratings: [[Rating]]
  var featureNames: [String]
  var items: [String: Item]

  init(_ dataset: Dataset) {
    let m = dataset.ratings
    users = m.userIDs
    ratings = m.byUser.map { list in
      list.map { Rating(item: m.id(of: $0.item), bits: $0.value.bitPattern) }
    }
    featureNames = dataset.catalog.featureNames
    var items: [String: Item] = [:]
    for i in m.items {
      items[m.id(of: i)] = Item(
        title: dataset.catalog.title(of: i),
        features: dataset.catalog.features(of: i).map(\.bitPattern))
    }
    self.items = items
  }
}
