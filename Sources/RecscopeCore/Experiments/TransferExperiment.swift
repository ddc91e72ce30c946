/// Whether item vectors learned elsewhere help where this data says
/// little: the test ratings of cold items, those with few training
/// ratings, beside the test ratings as a whole.
public enum TransferExperiment {
  /// Three ways to train, the first the baseline:
  /// - `random-init`: `mf` with ``BiasedMF/factors`` set to the vectors'
  ///   dimension, starting from seeded random factors;
  /// - `pretrained-init`: the same, with Q starting from the vectors
  ///   (rescaled so that their root mean square is `rescaledTo`, when
  ///   given), items without a vector drawn at random. P starts from the
  ///   same draws as in `random-init`, so the two differ only in Q. Items
  ///   with a vector and no training rating are placed at it after
  ///   training (``FactorModel/placeItem(_:at:)``), so the product scores
  ///   them too;
  /// - `content`: the content-based engine with the vectors as the only
  ///   item features, items with a vector and no training rating among
  ///   them.
  /// - Complexity: per fold, two SGD trainings and one content engine.
  public static func variants(_ vectors: PretrainedItemVectors, mf: BiasedMF,
                              rescaledTo target: Double?) -> [TrainingVariant] {
    var random = mf
    random.factors = vectors.dimension
    let seeded = random
    let baseline = TrainingVariant(name: "random-init") { split, _ in
      TrainedVariant(try seeded.fit(split.train))
    }
    let pretrained = TrainingVariant(name: "pretrained-init") { split, fold in
      let q = vectors.itemFactors(
        for: split.train.ratings, deviation: seeded.initDeviation,
        rescaledTo: target, seed: ComparisonRunner.seed(seeded.seed, fold: fold))
      var model = try seeded.fit(split.train, initialItemFactors: q)
      vectors.placeUnseenItems(
        in: &model, scale: vectors.scale(for: split.train.ratings,
                                         rescaledTo: target))
      return TrainedVariant(model)
    }
    var contentSettings = EngineSettings()
    contentSettings.algorithm = .content
    let settings = contentSettings
    let content = TrainingVariant(name: "content") { split, _ in
      let data = vectors.replacingFeatures(of: split.train)
      return TrainedVariant(
        try EngineMaker(settings).makePredictor(training: data))
    }
    return [baseline, pretrained, content]
  }
}

extension PretrainedItemVectors {
  /// The data set with the vectors as its only item features, named
  /// `v1`…`vD`; titles are kept. Items with a vector that the data lacks
  /// are added without ratings (in order of id), so content scoring
  /// reaches them.
  public func replacingFeatures(of dataset: Dataset) -> Dataset {
    var bare = dataset
    for id in vectors.keys.sorted() where bare.ratings.item(id) == nil {
      bare.ratings.addItem(id)
    }
    var catalog = ItemCatalog()
    catalog.resize(to: dataset.ratings.itemCount)
    for i in dataset.ratings.items {
      catalog.setTitle(dataset.catalog.title(of: i), of: i)
    }
    catalog.resize(to: bare.ratings.itemCount)
    bare.catalog = catalog
    return addingFeatures(to: bare)
  }
}
