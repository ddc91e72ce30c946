/// Errors from training, folding in and compressing factor models.
public enum FactorizationError: Error, Equatable, CustomStringConvertible {
  /// A setting out of range; the text names it and the value given.
  case invalidSetting(String)
  /// Training needs at least one rating.
  case noRatings
  /// A regularised system was not positive definite: its pivot in this
  /// column was zero, negative or not finite (a regularisation of 0, or
  /// ratings that are not finite).
  case notPositiveDefinite(column: Int)
  /// Vectors or matrices whose sizes do not fit together.
  case dimensionMismatch(String)

  public var description: String {
    switch self {
    case .invalidSetting(let why): return why
    case .noRatings: return "there are no ratings to train on"
    case .notPositiveDefinite(let column):
      return "the regularised system is not positive definite (column "
        + "\(column)); use a regularisation above 0"
    case .dimensionMismatch(let why): return why
    }
  }
}
