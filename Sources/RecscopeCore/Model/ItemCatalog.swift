/// What is known about items beyond their ratings: a display title and a
/// vector of named numeric features w_i (genre flags, tags, pretrained
/// factors), used by content-based scoring.
///
/// Indexed by ``ItemIndex``, parallel to the ``RatingMatrix`` it belongs
/// to; an item without known features has an all-zero vector.
public struct ItemCatalog: Sendable, Equatable {
  /// Names of the feature columns, such as genre names.
  public private(set) var featureNames: [String]
  /// Display title per item; nil when the data has none.
  public private(set) var titles: [String?]
  /// w_i per item, each of length `featureNames.count`.
  public private(set) var features: [[Double]]

  public init(featureNames: [String] = []) {
    self.featureNames = featureNames
    titles = []
    features = []
  }

  public var itemCount: Int { titles.count }
  public var featureCount: Int { featureNames.count }

  /// Grows the catalog to cover `count` items, new ones untitled and zero.
  public mutating func resize(to count: Int) {
    while titles.count < count {
      titles.append(nil)
      features.append(Array(repeating: 0, count: featureCount))
    }
  }

  public func title(of item: ItemIndex) -> String? {
    item.int < titles.count ? titles[item.int] : nil
  }

  public func features(of item: ItemIndex) -> [Double] {
    item.int < features.count
      ? features[item.int] : Array(repeating: 0, count: featureCount)
  }

  public mutating func setTitle(_ title: String?, of item: ItemIndex) {
    resize(to: item.int + 1)
    titles[item.int] = title
  }

  /// Replaces w_i. - Precondition: `vector.count == featureCount`.
  public mutating func setFeatures(_ vector: [Double], of item: ItemIndex) {
    precondition(vector.count == featureCount,
                 "ItemCatalog.setFeatures: \(vector.count) values for "
                 + "\(featureCount) features")
    resize(to: item.int + 1)
    features[item.int] = vector
  }

  /// Sets one component of w_i.
  public mutating func setFeature(_ feature: Int, of item: ItemIndex,
                                  to value: Double) {
    precondition(feature >= 0 && feature < featureCount,
                 "ItemCatalog.setFeature: no feature \(feature)")
    resize(to: item.int + 1)
    features[item.int][feature] = value
  }

  /// The index of a named feature, or nil.
  public func feature(named name: String) -> Int? {
    featureNames.firstIndex(of: name)
  }

  /// Adds a feature column, zero for every item; returns its index.
  @discardableResult
  public mutating func addFeature(named name: String) -> Int {
    if let known = feature(named: name) { return known }
    featureNames.append(name)
    for i in features.indices { features[i].append(0) }
    return featureNames.count - 1
  }
}
