/// Errors from splitting data and running evaluations.
public enum EvaluationError: Error, Equatable, CustomStringConvertible {
  /// A setting out of range; the text names it and the value given.
  case invalidSetting(String)
  /// A time-ordered split without one timestamp per rating.
  case missingTimestamps(ratings: Int, timestamps: Int?)
  /// A model maker threw while training on a fold.
  case modelFailed(model: String, fold: Int, reason: String)

  public var description: String {
    switch self {
    case .invalidSetting(let why): return why
    case .missingTimestamps(let ratings, let timestamps):
      guard let timestamps else {
        return "a time-ordered split needs timestamps, and the ratings have none"
      }
      return "a time-ordered split needs one timestamp per rating: "
        + "\(ratings) ratings, \(timestamps) timestamps"
    case .modelFailed(let model, let fold, let reason):
      return "\(model) failed on fold \(fold + 1): \(reason)"
    }
  }
}
