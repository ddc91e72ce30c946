import Testing
import TestSupport
@testable import RecscopeCore

/// What a person poking at a brand-new user sees, step by step.
@Suite struct ColdStartTests {
  func teaching(_ algorithm: Algorithm) throws -> Engine {
    var s = EngineSettings()
    s.algorithm = algorithm
    let data = Datasets.random(seed: 5, users: 20, items: 15, ratings: 120)
    return try Engine(dataset: data, settings: s)
  }

  @Test func newUserGetsMostPopularItems() throws {
    let e = try teaching(.knnMeans)
    let u = e.addUser("newcomer")
    let list = e.recommend(for: u, count: 3)
    #expect(list.note == "no ratings yet: most popular")
    let counts = e.ratings.byItem.map(\.count)
    #expect(list.items.map(\.score) == counts.sorted(by: >).prefix(3).map(Double.init))
    #expect(list.items.allSatisfy { $0.source == .popularity })
  }

  @Test func hybridScoresByContentBelowMinimumRatings() throws {
    let e = try teaching(.hybrid)
    let u = e.addUser("newcomer")
    try e.setRating(u, ItemIndex(0), to: 5)
    let list = e.recommend(for: u, count: 5)
    #expect(list.note == "1 rating: content-based")
    let p = e.predict(u, ItemIndex(3))
    #expect(p.explanation.fallbacks.first?.hasPrefix("user has 1 rating, fewer than 3") == true)
    try e.setRating(u, ItemIndex(1), to: 4)
    try e.setRating(u, ItemIndex(2), to: 1)
    #expect(e.recommend(for: u, count: 5).note == nil)
  }

  @Test func singleRatingStillGivesADirectedProfile() throws {
    let e = try teaching(.content)
    let u = e.addUser("newcomer")
    let liked = ItemIndex(0)
    try e.setRating(u, liked, to: 5)
    let p = e.profile(u)
    let w = e.catalog.features(of: liked)
    // One rating above the global mean: the profile points along w.
    #expect(p.contains { $0 != 0 })
    #expect(zip(p, w).allSatisfy { $0.0 * $0.1 >= 0 })
  }

  @Test func unknownItemIsImpossibleWithReason() throws {
    let e = try teaching(.knnBasic)
    let i = e.addItem("never-rated", title: "Never Rated")
    let p = e.predict(UserIndex(0), i)
    #expect(p.wasImpossible && p.reason == "user and/or item is unknown")
    #expect(p.source == .globalMean)
  }

  @Test func settingsOutOfRangeAreRejected() throws {
    var s = EngineSettings()
    s.k = 0
    #expect(throws: EngineError.invalidSettings("k must be at least 1, got 0")) {
      try Engine(dataset: Datasets.essay, settings: s)
    }
    let e = try Engine(dataset: Datasets.essay)
    #expect(throws: EngineError.ratingOutsideScale(6, RatingScale(1, 5))) {
      try e.setRating(UserIndex(0), ItemIndex(0), to: 6)
    }
  }

  @Test func baselineMatchesHandComputedAlternatingLeastSquares() throws {
    var s = EngineSettings()
    s.algorithm = .baseline
    s.baselines.epochs = 1
    let e = try Engine(dataset: Datasets.essay, settings: s)
    let mu = 32.0 / 9
    // One epoch: items first with b_u = 0, then users against those b_i.
    let bi = [12.0, 10, 10].map { ($0 - 3 * mu) / (10 + 3) }
    let ratingsOfA = [4.0, 3, 1]
    let buA = zip(ratingsOfA, bi).map { $0 - mu - $1 }.reduce(0, +) / (15 + 3)
    let b = e.baselines
    for i in 0..<3 { #expect(abs(b.item[i] - bi[i]) < 1e-12) }
    #expect(abs(b.user[0] - buA) < 1e-12)
    #expect(abs(e.predict(UserIndex(0), ItemIndex(0)).raw - (mu + buA + bi[0])) < 1e-12)
  }
}
