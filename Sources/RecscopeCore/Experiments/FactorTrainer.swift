/// A factor model trained epoch by epoch, whose progress can be watched:
/// what learning curves, early stopping and epoch sweeps need from
/// ``BiasedMF`` and ``ALSMF`` alike.
public protocol FactorTrainer: ModelMaker {
  /// k, the number of latent factors.
  var factors: Int { get set }
  var epochs: Int { get set }
  /// Seeds the starting factors, so equal settings train equal models.
  var seed: UInt64 { get set }

  /// Fits the model to `train`; `monitor`, if any, hears after each
  /// epoch and may stop training.
  func fit(_ train: Dataset, test: [RatingRecord],
           initialItemFactors: FactorMatrix?,
           monitor: ((EpochReport) -> TrainingControl)?)
    throws(FactorizationError) -> FactorModel

  /// Fits the model to `train`, reporting after each epoch with the model
  /// as trained so far; `.stop` ends training there.
  func fit(_ train: Dataset, test: [RatingRecord],
           initialItemFactors: FactorMatrix?,
           observer: @escaping (EpochReport, FactorModel) -> TrainingControl)
    throws(FactorizationError) -> FactorModel
}

extension BiasedMF: FactorTrainer {}
extension ALSMF: FactorTrainer {}

extension FactorTrainer {
  /// Fits the model and returns it with every epoch's report.
  /// - Complexity: one training, plus an RMSE over `train` and `test`
  ///   after each epoch.
  func fitRecording(_ train: Dataset, test: [RatingRecord])
    throws(FactorizationError) -> (model: FactorModel, reports: [EpochReport]) {
    var reports: [EpochReport] = []
    let model = try fit(train, test: test, initialItemFactors: nil) { r, _ in
      reports.append(r)
      return .proceed
    }
    return (model, reports)
  }
}
