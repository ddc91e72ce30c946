/// Numbers as text that reads back to the same `Double`.
public enum NumberFormat {
  /// The shortest text that converts back to exactly `value`: whole
  /// numbers without a fraction (`4`, not `4.0`), others as Swift prints
  /// them (`3.5`, `0.1`, `1e-05`); `nan`, `inf` and `-inf` for the rest.
  public static func shortest(_ value: Double) -> String {
    if value.isFinite && value == value.rounded() && abs(value) < 1e15
      && !(value == 0 && value.sign == .minus)
    {
      return String(Int64(value))
    }
    return value.description
  }
}
