/// Item vectors learned elsewhere (from text, images or another data
/// set), keyed by item id, brought into this data's models: as starting
/// item factors for ``BiasedMF`` or ``ALSMF``, so the factor space begins
/// where the vectors put similar items, or as item features for the
/// content-based engine.
public struct PretrainedItemVectors: Sendable, Equatable {
  /// The vectors' common length, which becomes the number of factors.
  public let dimension: Int
  public let vectors: [String: [Double]]

  /// - Throws: ``FactorizationError/dimensionMismatch(_:)`` when the
  ///   vectors differ in length, ``FactorizationError/invalidSetting(_:)``
  ///   when there are none, they are empty or not finite.
  public init(_ vectors: [String: [Double]]) throws(FactorizationError) {
    guard let first = vectors.min(by: { $0.key < $1.key }) else {
      throw .invalidSetting("there are no pretrained vectors")
    }
    let d = first.value.count
    guard d > 0 else {
      throw .invalidSetting("pretrained vectors must not be empty")
    }
    for (id, v) in vectors.sorted(by: { $0.key < $1.key }) {
      guard v.count == d else {
        throw .dimensionMismatch(
          "pretrained vector of item '\(id)' has \(v.count) values, "
          + "item '\(first.key)' has \(d)")
      }
      guard v.allSatisfy(\.isFinite) else {
        throw .invalidSetting("pretrained vector of item '\(id)' is not finite")
      }
    }
    dimension = d
    self.vectors = vectors
  }

  /// How many items of `ratings` have a vector.
  public func matches(in ratings: RatingMatrix) -> Int {
    ratings.itemIDs.filter { vectors[$0] != nil }.count
  }

  /// Starting Q for the items of `ratings`: an item's vector when there
  /// is one, else a seeded N(0, deviation²) draw (in item order). With
  /// `rescaledTo`, every given entry is multiplied so that the entries'
  /// root mean square equals that value, matching the random rows (and
  /// keeping large embeddings from overwhelming the first SGD steps).
  public func itemFactors(for ratings: RatingMatrix, deviation: Double = 0.1,
                          rescaledTo target: Double? = nil,
                          seed: UInt64 = 0) -> FactorMatrix {
    let factor = scale(for: ratings, rescaledTo: target)
    var generator = SeededGenerator(seed: seed)
    var q = FactorMatrix(rows: ratings.itemCount, columns: dimension)
    for (i, id) in ratings.itemIDs.enumerated() {
      for f in 0..<dimension {
        q[i, f] = vectors[id].map { $0[f] * factor }
          ?? deviation * generator.nextGaussian()
      }
    }
    return q
  }

  /// What ``itemFactors(for:deviation:rescaledTo:seed:)`` multiplies the
  /// vectors by: `target` over the root mean square of the entries of the
  /// items of `ratings` that have a vector; 1 without a target.
  public func scale(for ratings: RatingMatrix,
                    rescaledTo target: Double?) -> Double {
    guard let target else { return 1 }
    var squares = 0.0, n = 0
    for id in ratings.itemIDs {
      guard let v = vectors[id] else { continue }
      for x in v { squares += x * x }
      n += v.count
    }
    let rms = n > 0 ? (squares / Double(n)).squareRoot() : 0
    return rms > 0 ? target / rms : 1
  }

  /// Places in `model` every item with a vector and no training rating,
  /// at its vector times `scale`, in order of id.
  /// - Returns: how many were placed.
  /// - Precondition: the model has ``dimension`` factors.
  @discardableResult
  public func placeUnseenItems(in model: inout FactorModel,
                               scale: Double = 1) -> Int {
    var placed = 0
    for id in vectors.keys.sorted() {
      if model.placeItem(id, at: vectors[id]!.map { $0 * scale }) != nil {
        placed += 1
      }
    }
    return placed
  }

  /// The data set with the vectors added as item features named
  /// `prefix1`…`prefixD`; items without a vector get zeros there.
  public func addingFeatures(to dataset: Dataset,
                             prefix: String = "v") -> Dataset {
    var out = dataset
    let columns = (1...dimension).map {
      out.catalog.addFeature(named: "\(prefix)\($0)")
    }
    for (i, id) in dataset.ratings.itemIDs.enumerated() {
      guard let v = vectors[id] else { continue }
      for (f, column) in columns.enumerated() {
        out.catalog.setFeature(column, of: ItemIndex(i), to: v[f])
      }
    }
    return out
  }
}
