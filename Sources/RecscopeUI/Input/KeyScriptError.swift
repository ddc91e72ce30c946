/// A script token that is not valid.
public struct KeyScriptError: Error, Equatable, CustomStringConvertible {
  /// The line, from 1.
  public let line: Int
  /// The token as written.
  public let token: String
  /// What is wrong with it, as a predicate: `is not a key name`.
  public let problem: String
  /// How to write it instead.
  public let fix: String?

  /// `line 3: "<Entr>" is not a key name; did you mean <Enter>?`
  public var description: String {
    var text = "line \(line): \"\(token)\" \(problem)"
    if let fix { text += "; \(fix)" }
    return text
  }
}
