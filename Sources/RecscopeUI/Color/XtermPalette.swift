/// The standard xterm 256-colour palette, and nearest-colour lookup in it.
///
/// Entries 16–231 form a 6×6×6 cube with channel levels 0, 95, 135, 175,
/// 215, 255; entries 232–255 are greys from 8 to 238 in steps of 10. Both
/// are the same in every xterm-compatible terminal. Entries 0–15 follow
/// the reader's theme, so the lookup never returns them.
public enum XtermPalette {
  /// Channel values of the colour cube, by cube coordinate 0...5.
  public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

  /// The colour the terminal shows for palette entry `index` (16...255).
  public static func color(ofIndex index: UInt8) -> RGB {
    precondition(
      index >= 16, "XtermPalette.color(ofIndex:): \(index) is theme-defined")
    if index >= 232 {
      let level = 8 + 10 * (index - 232)
      return RGB(level, level, level)
    }
    let cube = Int(index) - 16
    return RGB(
      cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
  }

  /// The palette entry (16...255) closest to `color` in sRGB distance.
  ///
  /// Per channel, the nearest cube level gives the nearest cube colour,
  /// because the distance separates by channel; the best grey is then
  /// compared against it.
  public static func nearestIndex(to color: RGB) -> UInt8 {
    let r = nearestLevel(color.red)
    let g = nearestLevel(color.green)
    let b = nearestLevel(color.blue)
    let cubeIndex = UInt8(16 + 36 * r + 6 * g + b)

    let mean = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
    let step = min(max((mean - 8 + 5) / 10, 0), 23)
    let greyIndex = UInt8(232 + step)

    let cubeDistance = self.color(ofIndex: cubeIndex).distanceSquared(to: color)
    let greyDistance = self.color(ofIndex: greyIndex).distanceSquared(to: color)
    return greyDistance < cubeDistance ? greyIndex : cubeIndex
  }

  private static func nearestLevel(_ channel: UInt8) -> Int {
    var best = 0
    for (level, value) in cubeLevels.enumerated()
    where abs(Int(value) - Int(channel))
      < abs(Int(cubeLevels[best]) - Int(channel))
    {
      best = level
    }
    return best
  }
}

extension XtermPalette {
  /// Palette entries for the bins of a ramp: as near to `colors` as
  /// possible while neighbouring bins stay distinct.
  ///
  /// Plain nearest-colour lookup merges neighbouring bins of a smooth
  /// ramp, because the cube's steps are coarser than the ramp's (16
  /// viridis bins fall on only 11 entries). Here lightness must move
  /// between neighbours in the same direction as in `colors`, which keeps
  /// them apart and keeps the ramp's order readable; among such sequences
  /// we take the one with the least total squared distance, by dynamic
  /// programming over the 240 entries.
  ///
  /// - Complexity: O(*n* · 240²) for *n* colours; ramps compute it once.
  public static func rampIndices(for colors: [RGB]) -> [UInt8] {
    guard colors.count > 1 else { return colors.map(nearestIndex) }
    let entries = (16...255).map { UInt8($0) }
    let lightness = entries.map { color(ofIndex: $0).lightness }
    let unreachable = Int.max

    var cost = entries.map { color(ofIndex: $0).distanceSquared(to: colors[0]) }
    var previous: [[Int]] = []
    for step in 1..<colors.count {
      let rising = colors[step].lightness > colors[step - 1].lightness
      var nextCost = [Int](repeating: unreachable, count: entries.count)
      var from = [Int](repeating: -1, count: entries.count)
      for (j, entry) in entries.enumerated() {
        var best = -1
        for i in entries.indices where cost[i] != unreachable {
          let moves = rising
            ? lightness[j] > lightness[i] : lightness[j] < lightness[i]
          if moves, best < 0 || cost[i] < cost[best] { best = i }
        }
        guard best >= 0 else { continue }
        from[j] = best
        nextCost[j] = cost[best]
          + color(ofIndex: entry).distanceSquared(to: colors[step])
      }
      cost = nextCost
      previous.append(from)
    }

    guard var last = cost.indices.min(by: { cost[$0] < cost[$1] }),
      cost[last] != unreachable
    else { return colors.map(nearestIndex) }
    var path = [entries[last]]
    for from in previous.reversed() {
      last = from[last]
      path.append(entries[last])
    }
    return path.reversed()
  }
}
