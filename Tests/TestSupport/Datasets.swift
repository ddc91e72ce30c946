import RecscopeCore

/// Small data sets built in code, for tests that must not depend on the
/// loaders.
public enum Datasets {
  /// Builds a data set from (user, item, rating) triples in file order.
  public static func make(_ triples: [(String, String, Double)],
                          scale: RatingScale = RatingScale(1, 5),
                          features: [String: [Double]] = [:],
                          featureNames: [String] = []) -> Dataset {
    var m = RatingMatrix()
    for (u, i, r) in triples { m.set(m.addUser(u), m.addItem(i), to: r) }
    var catalog = ItemCatalog(featureNames: featureNames)
    catalog.resize(to: m.itemCount)
    for (id, w) in features {
      let i = m.item(id) ?? m.addItem(id)
      catalog.setFeatures(w, of: i)
    }
    return Dataset(ratings: m, catalog: catalog, scale: scale)
  }

  /// The three-user example of the reference essay, with item features.
  public static var essay: Dataset {
    make([("A", "1", 4), ("A", "2", 3), ("A", "3", 1),
          ("B", "1", 5), ("B", "2", 5), ("B", "3", 4),
          ("C", "1", 3), ("C", "2", 2), ("C", "3", 5)],
         features: ["1": [0.8, 0.9, 0.5], "2": [0.6, 0.7, 0.8], "3": [0.9, 0.6, 0.7]],
         featureNames: ["f1", "f2", "f3"])
  }

  /// Random ratings with long-tailed activity, for property tests.
  public static func random(seed: UInt64, users: Int, items: Int,
                            ratings: Int, halfStars: Bool = true) -> Dataset {
    var g = SeededGenerator(seed: seed)
    var m = RatingMatrix()
    for u in 0..<users { m.addUser("u\(u)") }
    for i in 0..<items { m.addItem("i\(i)") }
    var placed = 0, attempts = 0
    while placed < ratings && attempts < ratings * 20 {
      attempts += 1
      // Squaring a uniform skews choices toward low indices: a long tail.
      let u = Int(Double(users) * g.nextUnit() * g.nextUnit())
      let i = Int(Double(items) * g.nextUnit() * g.nextUnit())
      if m.rating(UserIndex(u), ItemIndex(i)) != nil { continue }
      var r = 1 + Double(g.next() % 5)
      if halfStars && r < 5 && g.next() % 5 == 0 { r += 0.5 }
      m.set(UserIndex(u), ItemIndex(i), to: r)
      placed += 1
    }
    var catalog = ItemCatalog(featureNames: ["a", "b", "c", "d"])
    catalog.resize(to: items)
    for i in 0..<items {
      catalog.setFeatures((0..<4).map { _ in g.next() % 3 == 0 ? 1 : 0 },
                          of: ItemIndex(i))
    }
    return Dataset(ratings: m, catalog: catalog, scale: RatingScale(1, 5))
  }
}
