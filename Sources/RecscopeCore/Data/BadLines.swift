/// What a parser does with a bad line: stop at the first, or with
/// `skipBad` count it, keep the first few errors, and go on.
struct BadLines: Sendable {
  let file: String
  let skipBad: Bool
  let errorLimit: Int
  /// Lines passed over.
  private(set) var skipped = 0
  /// The first `errorLimit` of them.
  private(set) var errors: [DataError] = []
  /// The error that stopped the parse, if one did.
  var failure: DataError?

  init(file: String, skipBad: Bool, errorLimit: Int) {
    self.file = file
    self.skipBad = skipBad
    self.errorLimit = errorLimit
  }

  /// Records a bad line; returns false when it must stop the parse.
  mutating func reject(_ line: Int, _ problem: DataError.Problem) -> Bool {
    let error = DataError(file: file, line: line, problem: problem)
    guard skipBad else {
      failure = error
      return false
    }
    skipped += 1
    if errors.count < errorLimit { errors.append(error) }
    return true
  }
}
