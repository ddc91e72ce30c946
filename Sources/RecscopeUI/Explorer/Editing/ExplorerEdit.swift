import Foundation
import RecscopeCore

/// One change made in the explorer, with what it replaced, so that it
/// can be undone, redone, written to the journal and replayed.
///
/// Edits name users, items and features by their external ids, never by
/// index: a journal must replay onto a fresh load of the same file, and
/// ids are what stay the same.
public enum ExplorerEdit: Equatable, Sendable {
  /// r_ui went from `old` to `new`; nil is "not rated". Where the data
  /// keeps rating times, t_ui went from `oldTime` to `newTime` (the time
  /// of the edit), so that undo gives a rating back its own time and redo
  /// and a journal replay the edit's; nil times are stamped on applying.
  case rating(user: String, item: String, old: Double?, new: Double?,
              oldTime: Int64? = nil, newTime: Int64? = nil)
  /// A new user with no ratings (the cold-start case).
  case addUser(String)
  /// A new item with no ratings, optionally titled.
  case addItem(id: String, title: String?)
  /// One component of an item's feature vector w_i.
  case feature(item: String, feature: String, old: Double, new: Double)
  /// Any change of the engine settings.
  case settings(old: EngineSettings, new: EngineSettings)

  /// Whether the edit changes what `:w` writes (settings do not).
  public var changesData: Bool {
    if case .settings = self { return false }
    return true
  }

  /// A few words for the status line: `ana × m04: 4 → 5`.
  public var summary: String {
    switch self {
    case .rating(let u, let i, let old, let new, _, _):
      return "\(u) × \(i): \(Self.show(old)) → \(Self.show(new))"
    case .addUser(let id): return "new user \(id)"
    case .addItem(let id, _): return "new item \(id)"
    case .feature(let i, let f, let old, let new):
      return "\(i) \(f): \(display(old)) → \(display(new))"
    case .settings(let old, let new):
      return SettingsDiff.describe(old, new)
    }
  }

  static func show(_ value: Double?) -> String {
    value.map { display($0) } ?? "·"
  }
}

// MARK: Journal lines

extension ExplorerEdit {
  /// The edit as one journal line of tab-separated fields, with `%`,
  /// tab, CR and LF percent-escaped inside fields. A rating's line ends
  /// with its two times when either is known.
  var journalLine: String {
    let fields: [String]
    switch self {
    case .rating(let u, let i, let old, let new, let oldTime, let newTime):
      fields = ["rate", u, i, Self.number(old), Self.number(new)]
        + (oldTime == nil && newTime == nil ? []
           : [Self.time(oldTime), Self.time(newTime)])
    case .addUser(let id):
      fields = ["user", id]
    case .addItem(let id, let title):
      fields = ["item", id] + (title.map { [$0] } ?? [])
    case .feature(let i, let f, let old, let new):
      fields = ["feature", i, f, exact(old), exact(new)]
    case .settings(let old, let new):
      fields = ["settings", Self.json(old), Self.json(new)]
    }
    return fields.map(Self.escape).joined(separator: "\t")
  }

  /// Parses what ``journalLine`` wrote; nil for anything else.
  init?(journalLine line: String) {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      .map { Self.unescape(String($0)) }
    guard let kind = fields.first else { return nil }
    switch (kind, fields.count) {
    case ("rate", 5), ("rate", 7):
      guard let old = Self.parse(fields[3]), let new = Self.parse(fields[4])
      else { return nil }
      var times: (Int64?, Int64?) = (nil, nil)
      if fields.count == 7 {
        guard let a = Self.parseTime(fields[5]), let b = Self.parseTime(fields[6])
        else { return nil }
        times = (a, b)
      }
      self = .rating(user: fields[1], item: fields[2], old: old, new: new,
                     oldTime: times.0, newTime: times.1)
    case ("user", 2):
      self = .addUser(fields[1])
    case ("item", 2), ("item", 3):
      self = .addItem(id: fields[1], title: fields.count == 3 ? fields[2] : nil)
    case ("feature", 5):
      guard let old = Double(fields[3]), let new = Double(fields[4])
      else { return nil }
      self = .feature(item: fields[1], feature: fields[2], old: old, new: new)
    case ("settings", 3):
      let decoder = JSONDecoder()
      guard let old = try? decoder.decode(EngineSettings.self,
                                          from: Data(fields[1].utf8)),
        let new = try? decoder.decode(EngineSettings.self,
                                      from: Data(fields[2].utf8))
      else { return nil }
      self = .settings(old: old, new: new)
    default:
      return nil
    }
  }

  private static func number(_ value: Double?) -> String {
    value.map(exact) ?? "-"
  }

  private static func time(_ value: Int64?) -> String {
    value.map(String.init) ?? "-"
  }

  /// `-` is "no time"; nil means the field is malformed.
  private static func parseTime(_ field: String) -> Int64?? {
    if field == "-" { return .some(nil) }
    guard let value = Int64(field) else { return nil }
    return .some(value)
  }

  /// `-` is "no rating"; nil means the field is malformed.
  private static func parse(_ field: String) -> Double?? {
    if field == "-" { return .some(nil) }
    guard let value = Double(field), value.isFinite else { return nil }
    return .some(value)
  }

  private static func json(_ settings: EngineSettings) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = (try? encoder.encode(settings)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  static func escape(_ field: String) -> String {
    var out = ""
    for scalar in field.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\t": out += "%09"
      case "\n": out += "%0A"
      case "\r": out += "%0D"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func unescape(_ field: String) -> String {
    guard field.contains("%") else { return field }
    return field.replacingOccurrences(of: "%09", with: "\t")
      .replacingOccurrences(of: "%0A", with: "\n")
      .replacingOccurrences(of: "%0D", with: "\r")
      .replacingOccurrences(of: "%25", with: "%")
  }
}
