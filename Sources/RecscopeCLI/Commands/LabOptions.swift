import RecscopeCore
import RecscopeUI

/// The options of `recscope lab`'s experiments.
enum LabOptions {
  // Output.
  static let plot = Option(
    "plot", .choice(of: PlotGlyphs.self, placeholder: "glyphs"),
    bare: .braille,
    help: "After the table, plot it: braille dots (the finest), quadrant "
      + "blocks, or ASCII marks for any terminal; write '--plot=ascii'.")
  static let plotSize = Option(
    "plot-size", .plotSize, default: Size(width: 72, height: 20),
    help: "The plot's width and height in characters.")
  static let serial = Flag(
    "serial", help: "Run one fold at a time instead of on every core; "
      + "figures are the same.")
  static let trainSample = Option(
    "train-sample", .integer(atLeast: 1),
    help: "Measure train RMSE on at most this many training ratings, a "
      + "seeded sample; all of them by default.")

  // Models.
  static let factorAlgorithms = ListOption(
    "algo", .factorModel, default: [.svd],
    help: "Factor models to follow, comma-separated.")
  static let factorAlgorithm = Option(
    "algo", .factorModel, default: .svd, help: "The factor model.")
  static let algorithm = Option(
    "algo", .evaluatedModel, default: .svd,
    help: "The model to train each way.")
  static let sweepAlgorithms = ListOption(
    "algo", .evaluatedModel,
    help: "Models to sweep, comma-separated, all on the same folds; "
      + "knn-basic for '--k' and svd otherwise by default.")

  // curve
  static let earlyStop = Flag(
    "early-stop",
    help: "Hold back a validation share of each training set, stop when "
      + "its RMSE has not improved for '--patience' epochs, and compare "
      + "the best epoch's model with training to the end.")
  static let patience = Option(
    "patience", .integer(atLeast: 1), default: 3,
    help: "Epochs without a lower validation RMSE before stopping.")
  static let validation = Option(
    "validation", .number(in: 0...1), default: 0.1,
    help: "Share of each training set held back for validation, strictly "
      + "between 0 and 1.")

  // sweep
  static let sweepK = ListOption(
    "k", .integer(atLeast: 1), help: "Neighbours of the k-NN algorithms.")
  static let sweepFactors = ListOption(
    "factors", .integer(atLeast: 1), help: "Latent factors of svd and als.")
  static let sweepEpochs = ListOption(
    "epochs", .integer(atLeast: 0), help: "Epochs of svd and als.")
  static let sweepRegularization = ListOption(
    "reg", .number(atLeast: 0),
    help: "Regularisation of svd and als, on factors and biases alike "
      + "unless '--reg-bias' is given.")
  static let sweepBiasRegularization = ListOption(
    "reg-bias", .number(atLeast: 0),
    help: "Regularisation of the biases of svd and als alone.")

  // augment
  static let noise = ListOption(
    "noise", .number(atLeast: 0),
    help: "Deviations σ of Gaussian noise added to the training ratings, "
      + "clipped to the scale.")
  static let dropout = ListOption(
    "dropout", .number(in: 0...1),
    help: "Shares p of training ratings dropped, each below 1.")
  static let oversample = ListOption(
    "oversample", .integer(atLeast: 1),
    help: "svd only: users with fewer ratings than this have theirs "
      + "repeated in each epoch until they have about as many.")

  // privacy
  static let epsilon = ListOption(
    "epsilon", .epsilon, default: [10, 5, 2, 1, 0.5],
    help: "Privacy budgets ε per rating; 'inf' adds no noise.")
  static let noClip = Flag(
    "no-clip", help: "Keep noisy ratings off the scale instead of clipping "
      + "them back onto it.")

  // compress
  static let bits = ListOption(
    "bits", .choice(["64", "8", "4"], placeholder: "bits"), default: ["8", "4"],
    help: "Widths to store P and Q in, each against the 64-bit model.")

  // transfer
  static let vectors = Option(
    "vectors", .path, valueName: "file", required: true,
    help: "Item vectors: CSV lines 'id,v1,v2,…' (a header is allowed) or "
      + "JSON lines {\"id\": …, \"features\": […]} as Spark's ALS writes "
      + "its itemFactors.")
  static let cold = Option(
    "cold", .integer(atLeast: 1), default: 5,
    help: "An item is cold with 1 to this many training ratings.")
  static let rescale = Option(
    "rescale", .number(atLeast: 0), default: 0.1,
    help: "Scale the vectors so that their root mean square is this, the "
      + "deviation of svd's random start; 0 keeps them as they are.")
}

extension ValueKind where Value == EvaluatedModel {
  /// `svd` or `als`.
  static var factorModel: Self {
    let models = EvaluatedModel.all.filter(\.isFactorModel)
    let names = models.map(\.name)
    return ValueKind(
      placeholder: "name", expectation: "one of " + names.joined(separator: ", "),
      choices: names,
      convert: { EvaluatedModel(name: $0).flatMap { $0.isFactorModel ? $0 : nil } },
      describe: \.name)
  }
}

extension ValueKind where Value == Double {
  /// A number above 0, or `inf`.
  static var epsilon: Self {
    ValueKind(
      placeholder: "ε", expectation: "a number above 0, or inf",
      convert: { text in
        if text == "inf" { return .infinity }
        guard let v = Double(text), v.isFinite, v > 0 else { return nil }
        return v
      },
      describe: { $0.isInfinite ? "inf" : NumberFormat.shortest($0) })
  }
}

extension ValueKind where Value == Size {
  /// `72x20`: columns by rows.
  static var plotSize: Self {
    ValueKind(
      placeholder: "WxH",
      expectation: "a size such as 72x20 (at least 10x5, at most 1000x500)",
      convert: { text in
        let parts = text.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (10...1000).contains(w), (5...500).contains(h) else { return nil }
        return Size(width: w, height: h)
      },
      describe: { "\($0.width)x\($0.height)" })
  }
}
