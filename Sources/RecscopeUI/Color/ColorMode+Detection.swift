extension ColorMode {
  /// The colour mode to use, from the `--color` option, the environment
  /// and the number of colours the terminal library reports.
  ///
  /// The rules, first match wins:
  /// 1. An explicit `--color` value: a command-line choice overrides the
  ///    environment, as the `NO_COLOR` convention asks.
  /// 2. `NO_COLOR` set to anything but the empty string: ``none``.
  /// 3. A reported count below 8 (no colour capability): ``none``.
  /// 4. `COLORTERM` of `truecolor` or `24bit`, or a reported count of at
  ///    least 2²⁴ (a `*-direct` terminal description): ``trueColor``.
  /// 5. `TERM` containing `256color`, or a count of at least 256:
  ///    ``palette256``.
  /// 6. A count of at least 8, or, with no count, any `TERM` but `dumb`:
  ///    ``basic8``.
  /// 7. Otherwise ``none``.
  ///
  /// - Parameters:
  ///   - option: the parsed `--color` value.
  ///   - environment: the process environment (only `NO_COLOR`,
  ///     `COLORTERM` and `TERM` are read).
  ///   - reportedColors: what the terminal library says it can show, or
  ///     `nil` when there is no terminal (a headless screen dump).
  public static func detect(
    option: ColorOption,
    environment: [String: String],
    reportedColors: Int?
  ) -> ColorMode {
    if case .fixed(let mode) = option { return mode }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
      return .none
    }
    if let count = reportedColors, count < 8 { return .none }

    let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
    let term = environment["TERM"]?.lowercased() ?? ""
    let count = reportedColors ?? 0
    if colorTerm == "truecolor" || colorTerm == "24bit"
      || count >= 1 << 24
    {
      return .trueColor
    }
    if term.contains("256color") || count >= 256 { return .palette256 }
    if count >= 8 { return .basic8 }
    if reportedColors == nil, !term.isEmpty, term != "dumb" {
      return .basic8
    }
    return .none
  }
}
