/// Explanations as plain text lines: what `--explain` prints and what the
/// explorer's explanation overlay shows (and copies).
extension Engine {
  public func explanationLines(for p: Prediction) -> [String] {
    let e = p.explanation
    let user = p.user.map { ratings.id(of: $0) } ?? "?"
    let item = p.item.map { ratings.id(of: $0) } ?? "?"
    var lines = ["r̂(\(user), \(item)) = \(display(p.estimate))  by \(p.source.rawValue)"]
    lines.append("method    \(e.method)")
    lines.append("formula   \(e.formula)")
    if !e.terms.isEmpty {
      lines.append("terms     " + e.terms.map { "\($0.name) = \(display($0.value))" }
        .joined(separator: ", "))
    }
    for note in e.notes { lines.append("model     \(note)") }
    if !e.neighbours.isEmpty || e.candidateCount > 0 {
      lines += neighbourTable(e)
    }
    if let f = e.factors { lines += factorLines(f) }
    if !e.sums.isEmpty {
      lines.append("sums      " + e.sums.map { "\($0.name) = \(display($0.value))" }
        .joined(separator: ", "))
    }
    if !e.substituted.isEmpty { lines.append("value     \(e.substituted)") }
    if p.raw != p.estimate {
      lines.append("clipped   \(display(p.raw)) → \(display(p.estimate)) "
                   + "(scale \(dataset.scale))")
    }
    for (n, f) in e.fallbacks.enumerated() {
      lines.append((n == 0 ? "fallback  " : "          ") + f)
    }
    return lines
  }

  private func neighbourTable(_ e: Explanation) -> [String] {
    let userBased = settings.basis == .user
    let who = userBased ? "v" : "j"
    let r = userBased ? "r_vi" : "r_uj"
    let lines = ["neighbours \(e.neighbours.count) nearest of \(e.candidateCount) "
                 + "who rated the target (k = \(settings.k))"]
    let hasOffset = e.neighbours.contains { $0.offset != nil }
    let hasSigma = e.neighbours.contains { $0.deviation != nil }
    var header = [who, "sim", "n", r]
    if hasOffset {
      header.append(settings.algorithm == .knnBaseline ? "b_\(who)" : "μ_\(who)")
    }
    if hasSigma { header.append("σ_\(who)") }
    header.append("contribution")
    var rows = [header]
    for n in e.neighbours {
      var row = [n.id, display(n.similarity), String(n.coRated), display(n.rating)]
      if hasOffset { row.append(n.offset.map { display($0) } ?? "") }
      if hasSigma { row.append(n.deviation.map { display($0) } ?? "") }
      row.append(n.used ? display(n.contribution) : "dropped (sim ≤ 0)")
      rows.append(row)
    }
    return lines + alignedColumns(rows).map { "  " + $0 }
  }

  /// The largest factor shares of q_iᵀp_u (with the rest summed, so the
  /// column adds up to the product) and the rated items that pull it.
  private func factorLines(_ f: FactorProvenance) -> [String] {
    guard let dot = f.dot else { return [] }
    let k = factorModel?.factorCount ?? f.topFactors.count
    let shown = f.topFactors.count
    var lines = ["factors   the \(shown) largest of \(k) terms q_if·p_uf "
                 + "of q_iᵀp_u = \(display(dot))"]
    var rows = [["f", "p_uf", "q_if", "q_if·p_uf"]]
    for share in f.topFactors {
      rows.append([String(share.factor + 1), display(share.userValue),
                   display(share.itemValue), display(share.contribution)])
    }
    if k > shown {
      let rest = dot - f.topFactors.reduce(0) { $0 + $1.contribution }
      rows.append(["other \(k - shown)", "", "", display(rest)])
    }
    lines += alignedColumns(rows).map { "  " + $0 }
    let pulls = f.pullingUp + f.pullingDown
    guard !pulls.isEmpty else { return lines }
    if f.influencesAreExact {
      lines.append("pulls     rated items j that move q_iᵀp_u most; "
                   + "Σ_j w_ij·t_j = q_iᵀp_u,")
      lines.append("          t_j = r_uj − μ − b_j")
    } else {
      lines.append("pulls     rated items j that move the estimate most, "
                   + "approximately:")
      lines.append("          w_ij = q_iᵀq_j, t_j = r_uj − μ − b_u − b_j")
    }
    var pullRows = [["", "j", "r_uj", "t_j", "w_ij", "w_ij·t_j"]]
    for (n, pull) in pulls.enumerated() {
      pullRows.append([n < f.pullingUp.count ? "↑" : "↓", pull.itemID,
                       display(pull.rating), display(pull.residual),
                       display(pull.weight), display(pull.contribution)])
    }
    return lines + alignedColumns(pullRows).map { "  " + $0 }
  }

  public func explanationLines(for s: SimilarityExplanation) -> [String] {
    let side = s.basis == .user ? "users" : "items"
    var lines = ["sim(\(s.xID), \(s.otherID)) = \(display(s.value))  "
                 + "\(s.measure.rawValue) between \(side), \(s.sums.count) co-rated"]
    lines.append("formula   \(s.formula)")
    if !s.entries.isEmpty {
      let centred = s.entries.contains { $0.value != $0.rating || $0.otherValue != $0.otherRating }
      var rows = [[s.basis == .user ? "item" : "user", "r_\(s.xID)", "r_\(s.otherID)"]
                  + (centred ? ["a", "b"] : [])]
      for entry in s.entries {
        rows.append([entry.id, display(entry.rating), display(entry.otherRating)]
                    + (centred ? [display(entry.value), display(entry.otherValue)] : []))
      }
      lines += alignedColumns(rows).map { "  " + $0 }
    }
    lines.append("value     \(s.substituted)")
    if let note = s.note { lines.append("note      \(note)") }
    return lines
  }
}

/// Pads columns to their widest cell, two spaces apart.
public func alignedColumns(_ rows: [[String]]) -> [String] {
  let columns = rows.map(\.count).max() ?? 0
  var widths = [Int](repeating: 0, count: columns)
  for row in rows {
    for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) }
  }
  return rows.map { row in
    row.enumerated().map { c, cell in
      c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
    }.joined(separator: "  ")
  }
}
