/// Dense, zero-based position of a user in a ``RatingMatrix``.
///
/// External ids (the strings in a data file) and dense indices never mix:
/// the type keeps a user position from being used as an item position,
/// and from being mistaken for the id a person typed.
public struct UserIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int32

  public init(_ value: Int) { rawValue = Int32(value) }

  /// The index as an array subscript.
  @inlinable public var int: Int { Int(rawValue) }

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
  public var description: String { "user#\(rawValue)" }
}

/// Dense, zero-based position of an item in a ``RatingMatrix``.
public struct ItemIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int32

  public init(_ value: Int) { rawValue = Int32(value) }

  /// The index as an array subscript.
  @inlinable public var int: Int { Int(rawValue) }

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
  public var description: String { "item#\(rawValue)" }
}
