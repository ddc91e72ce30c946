import RecscopeCore

/// The experiments of `recscope lab`, each with its own declaration.
enum LabExperiment: String, CaseIterable, Sendable {
  case curve
  case sweep
  case augment
  case privacy
  case compress
  case transfer

  /// `lab` with this experiment as its keyword and its own options.
  var spec: CommandSpec {
    CommandSpec(
      name: "lab", abstract: abstract, discussion: discussion,
      arguments: [LabCommand.data,
                  Argument("experiment", .choice([rawValue]),
                           help: "The experiment.")],
      options: options)
  }

  private static let common: [any OptionDeclaration] =
    SplitOptions.all + [LabOptions.serial, Flag.json]
  private static let plotting: [any OptionDeclaration] =
    [LabOptions.plot, LabOptions.plotSize]
  private static let factorSettings = ModelOptions.all

  var options: [any OptionDeclaration] {
    let data = EngineOptions.dataOptions
    let engine = EngineOptions.neighbourhoodOptions
    switch self {
    case .curve:
      return [LabOptions.factorAlgorithms] + Self.factorSettings
        + [LabOptions.earlyStop, LabOptions.patience, LabOptions.validation]
        + Self.common + Self.plotting + data
    case .sweep:
      return [LabOptions.sweepAlgorithms, LabOptions.sweepK,
              LabOptions.sweepFactors, LabOptions.sweepEpochs,
              LabOptions.sweepRegularization,
              LabOptions.sweepBiasRegularization, ModelOptions.learningRate]
        + engine.filter { $0.info.name != EngineOptions.k.name }
        + Self.common + [LabOptions.trainSample] + Self.plotting
        + [EngineOptions.items] + data
    case .augment:
      return [LabOptions.algorithm, LabOptions.noise, LabOptions.dropout,
              LabOptions.oversample] + Self.factorSettings + engine
        + Self.common + [LabOptions.trainSample] + Self.plotting
        + [EngineOptions.items] + data
    case .privacy:
      return [LabOptions.algorithm, LabOptions.epsilon, LabOptions.noClip]
        + Self.factorSettings + engine + Self.common
        + [LabOptions.trainSample] + Self.plotting + [EngineOptions.items]
        + data
    case .compress:
      return [LabOptions.factorAlgorithm, LabOptions.bits] + Self.factorSettings
        + Self.common + [LabOptions.trainSample] + Self.plotting + data
    case .transfer:
      return [LabOptions.vectors, LabOptions.cold, LabOptions.rescale,
              ModelOptions.epochs, ModelOptions.learningRate,
              ModelOptions.regularization, ModelOptions.biasRegularization]
        + Self.common + [LabOptions.trainSample] + data
    }
  }

  var abstract: String {
    switch self {
    case .curve: return "Train and test RMSE of svd and als after each epoch."
    case .sweep: return "Test and train RMSE against one setting of a model."
    case .augment:
      return "Noise, dropout or oversampling of training ratings, against none."
    case .privacy:
      return "Test RMSE of models trained on Laplace-perturbed ratings, per ε."
    case .compress:
      return "Factor matrices in 8 and 4 bits: bytes and test RMSE against 64."
    case .transfer:
      return "Pretrained item vectors against random starting factors, on "
        + "cold items."
    }
  }

  var discussion: String {
    switch self {
    case .curve: return """
      Each fold trains for every epoch, measuring RMSE on its training \
      ratings and on its test ratings after each; a row gives one epoch's \
      mean over folds and its deviation (one split: deviation 0). Where \
      test RMSE stops falling while train RMSE keeps falling, the model \
      has begun to fit noise: the gap, test minus train, widens.

      Columns: algo, epoch, rmse, rmse_std, train_rmse, train_rmse_std, \
      gap, gap_std (rmse is test RMSE, as in 'evaluate').

      With '--early-stop' each fold holds back a seeded share \
      '--validation' of its training ratings, trains on the rest, and \
      keeps the model of the epoch with the lowest validation RMSE, \
      stopping once '--patience' epochs pass without a lower one. The \
      same run is carried to the last epoch to give the model without \
      early stopping, and a second run trains on every training rating. \
      The table then has a row per variant: all-epochs (the baseline), \
      early-stopped and full-train, with the columns algo, variant, \
      epochs (chosen, mean over folds), validation_rmse, rmse, \
      train_rmse, gap (each with _std), change and change_std (test RMSE \
      minus the baseline's, fold by fold) and verdict. Train RMSE is \
      taken on the ratings each model trained on. The plot shows the \
      reduced run's train, validation and test curves.

      A verdict is 'helps' or 'hurts' when the corrected resampled t-test \
      (Nadeau and Bengio 2003) finds the mean change clear at 5 %, which \
      allows for folds sharing their training ratings, else 'no clear \
      change'.

        recscope lab Samples/teaching curve --algo svd,als --plot
        recscope lab ml100k curve --epochs 60 --early-stop --patience 5
      """
    case .sweep: return """
      Give one setting two or more values, comma-separated: '--k' for the \
      k-NN algorithms, '--factors', '--reg' or '--epochs' for svd and \
      als. Each value is trained and scored on the same folds; a row \
      gives its mean test RMSE, train RMSE and gap with their deviations \
      over folds, and the seconds spent fitting. The other settings come \
      from their single-valued options ('--lr', '--sim', …) or the \
      defaults.

      Columns: algo, the setting's name, rmse, rmse_std, train_rmse, \
      train_rmse_std, gap, gap_std, fit_seconds. An epoch sweep gives \
      the figures of 'curve' at those epochs. The plot uses a \
      logarithmic x axis when the values are positive and span a factor \
      of 8 or more.

        recscope lab ml100k sweep --algo knn-basic,knn-means --k 5,10,20,40,80
        recscope lab ml100k sweep --factors 2,5,10,20,50 --epochs 30
      """
    case .augment: return """
      Trains the model on each fold as it is ('none') and with each \
      change to its training ratings: '--noise' adds N(0, σ²) to every \
      rating and clips to the scale, '--dropout' drops a share p of them, \
      '--oversample' repeats the ratings of users with fewer than n of \
      them in each SGD epoch (svd only). Noise is drawn per fold from \
      '--seed'. Every model is scored against the real test and training \
      ratings, so train RMSE and gap say how well it fits the data, not \
      the noise. Without any of the three, σ 0.25 and 0.5, p 0.1 and 0.2 \
      and, for svd, n 20 are tried.

      Columns: algo, variant, setting, rmse, rmse_std, train_rmse, \
      train_rmse_std, gap, gap_std, change, change_std, verdict: change \
      is test RMSE minus none's, fold by fold; the verdict is 'helps' or \
      'hurts' when the corrected resampled t-test finds its mean clear at \
      5 %, else 'no clear change'. '--plot' needs exactly one kind.

        recscope lab ml100k augment --noise 0.1,0.3,0.5 --plot
      """
    case .privacy: return """
      Each rating of a training set is released as r + Laplace(Δ/ε) \
      noise, Δ the width of the rating scale, and clipped back onto it \
      (unless '--no-clip'); the model trains on the released ratings and \
      is scored against the real test ratings. That is ε-differential \
      privacy for each rating's value; it does not hide which items a \
      user rated, how many, or the ids, and a user's n ratings together \
      are protected at nε. The noise comes from a seeded generator: \
      repeatable for experiments, not fit to protect real data.

      Columns: algo, variant (none, laplace), setting (ε), noise_scale \
      (Δ/ε), rmse, rmse_std, train_rmse, train_rmse_std, gap, gap_std, \
      change, change_std, verdict, as for 'augment'.

        recscope lab ml100k privacy --epsilon inf,10,5,1,0.5 --plot
      """
    case .compress: return """
      Trains the model once per fold and scores it as trained (64-bit, \
      the baseline) and with P and Q quantised to each width with a \
      scale per row: a row of k factors becomes k codes of 8 or 4 bits \
      and one 32-bit step. Biases are kept and not counted.

      Columns: algo, variant, setting (bits), bytes (P and Q, mean over \
      folds), rmse, rmse_std, train_rmse, train_rmse_std, gap, gap_std, \
      change, change_std, verdict, as for 'augment'.

        recscope lab ml100k compress --bits 8,4 --factors 50
      """
    case .transfer: return """
      Compares three ways to train on each fold, all with as many factors \
      as the vectors have values: svd from seeded random factors \
      (random-init, the baseline), svd with Q starting from the vectors \
      (pretrained-init; items without a vector start at random, P \
      starts as in random-init, and items with a vector but no training \
      rating are placed at it after training), and the content-based \
      engine with the vectors as the only item features (content). \
      Besides test RMSE over all test ratings it reports the RMSE over \
      those of cold items, with 1 to '--cold' training ratings, and of \
      unseen items, with none; '--split new-items' makes every test item \
      unseen.

      Columns: algo, variant, rmse, rmse_std, train_rmse, \
      train_rmse_std, gap, gap_std, change, change_std, verdict, \
      cold_tested, cold_rmse, cold_rmse_std, cold_change, \
      cold_change_std, cold_verdict, unseen_tested, unseen_rmse, \
      unseen_rmse_std, unseen_change, unseen_change_std, unseen_verdict.

        recscope lab ml100k transfer --vectors item-factors.json --cold 10
        recscope lab ml100k transfer --vectors v.csv --split new-items
      """
    }
  }
}
