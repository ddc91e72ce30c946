import Foundation
import Testing
import TestSupport
@testable import RecscopeCore

/// Rating times t_ui: read from every format, merged with repeats, kept
/// through edits and saves, and ordering the time split.
@Suite struct RatingTimesTests {
  /// Each rating as `user item=value@time`, users in index order.
  func timed(_ dataset: Dataset) -> [String] {
    let m = dataset.ratings
    var out: [String] = []
    for u in m.users {
      for (p, entry) in m.byUser[u.int].enumerated() {
        let time = m.timesByUser.map { "@\($0[u.int][p])" } ?? ""
        out.append("\(m.id(of: u)) \(m.id(of: entry.item))=\(entry.value)"
                   + time)
      }
    }
    return out
  }

  @Test func movieLens100KKeepsTimes() throws {
    let dir = Scratch()
    let path = dir.write(
      "u.data",
      "196\t242\t3\t881250949\n186\t302\t3\t891717742\n"
        + "196\t377\t1\t878887116\n")
    let data = try DatasetLoader().load(path).dataset
    #expect(timed(data) == ["196 242=3.0@881250949", "196 377=1.0@878887116",
                            "186 302=3.0@891717742"])
  }

  @Test func movieLens1MKeepsTimes() throws {
    let dir = Scratch()
    let path = dir.write(
      "ratings.dat",
      "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n")
    let data = try DatasetLoader().load(path).dataset
    #expect(timed(data) == ["1 1193=5.0@978300760", "1 661=3.0@978302109",
                            "2 1193=4.0@978298413"])
  }

  @Test func movieLensLatestWithHeaderKeepsTimes() throws {
    let dir = Scratch()
    let path = dir.write(
      "ratings.csv",
      "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n"
        + "1,3,4.5,964981247\n2,1,0.5,964982224\n")
    let (data, report) = try DatasetLoader().load(path)
    #expect(report.format == .movieLensLatest)
    #expect(timed(data) == ["1 1=4.0@964982703", "1 3=4.5@964981247",
                            "2 1=0.5@964982224"])
  }

  @Test func genericCSVKeepsTimesOnlyWhenEveryLineHasOne() throws {
    let dir = Scratch()
    let all = dir.write("all.csv", "u,x,2,-5\nv,x,3,+77\nu,y,1,0\n")
    #expect(timed(try DatasetLoader().load(all).dataset)
            == ["u x=2.0@-5", "u y=1.0@0", "v x=3.0@77"])

    let none = dir.write("none.csv", "user,item,rating\nu,x,2\nv,x,3\n")
    let some = dir.write("some.csv", "u,x,2,10\nv,x,3\n")
    for path in [none, some] {
      let data = try DatasetLoader().load(path).dataset
      #expect(data.ratings.timesByUser == nil, "\(path)")
      #expect(RatingList(data).timestamps == nil, "\(path)")
    }
  }

  @Test func tsvAndStandardInputKeepTimes() throws {
    let text = "user\titem\trating\ttimestamp\nu\tx\t2\t7\nu\ty\t4\t3\n"
    let data = try DatasetLoader().load(ratings: Data(text.utf8),
                                        named: "standard input").dataset
    #expect(timed(data) == ["u x=2.0@7", "u y=4.0@3"])
  }

  @Test func aRepeatKeepsTheLaterRatingsTime() throws {
    let dir = Scratch()
    // v's line between u's makes the users unsorted: the grouping sorts.
    let path = dir.write(
      "r.csv", "u,a,3,10\nv,a,2,15\nu,b,4,20\nu,a,5,30\nv,a,1,5\n")
    let (data, report) = try DatasetLoader().load(path)
    #expect(report.repeats == 2)
    #expect(timed(data) == ["u a=5.0@30", "u b=4.0@20", "v a=1.0@5"])
  }

  @Test func aTimestampThatIsNotAWholeNumberIsBadInput() throws {
    let dir = Scratch()
    for (name, text, found) in [
      ("r.csv", "a,b,4,12\nc,d,3,1.5\n", "1.5"),
      ("u.data", "1\t2\t3\t12\n1\t3\t3\tyesterday\n", "yesterday"),
      ("ratings.dat", "1::2::3::12\n1::3::3::99999999999999999999\n",
       "99999999999999999999"),
    ] {
      let path = dir.write(name, text)
      #expect {
        _ = try DatasetLoader().load(path)
      } throws: { error in
        (error as? DataError)?.description
          == "Line 2 of \"\(path)\": expected a whole-number timestamp "
          + "(such as Unix seconds) in field 4, found \"\(found)\"."
      }
    }
    let skipping = DatasetLoader(skipBad: true)
    let (data, report) = try skipping.load(dir.write("s.csv",
                                                     "a,b,4,12\nc,d,3,x\n"))
    #expect(report.skippedLines == 1 && timed(data) == ["a b=4.0@12"])
  }

  @Test func wholeNumbersParseExactly() {
    func int64(_ text: String) -> Int64? {
      Array(text.utf8).withUnsafeBufferPointer { DecimalParser.int64($0) }
    }
    #expect(int64("0") == 0 && int64("-12") == -12 && int64("+7") == 7)
    #expect(int64("9223372036854775807") == .max)
    #expect(int64("-9223372036854775808") == .min)
    for bad in ["", "-", "+", "9223372036854775808", "1.0", "1e3", " 1",
                "0x10"] {
      #expect(int64(bad) == nil, "\(bad)")
    }
  }

  /// Gathering with times equals appending with times one by one and
  /// merging, for random ratings with repeats in any order.
  @Test func gatheringMatchesAppendingWithTimes() {
    for seed in UInt64(1)...200 {
      var g = SeededGenerator(seed: seed)
      let userCount = 1 + Int(g.next() % 6)
      let itemCount = 1 + Int(g.next() % 6)
      let n = Int(g.next() % 30)
      let users = (0..<n).map { _ in Int32(g.next() % UInt64(userCount)) }
      let items = (0..<n).map { _ in Int32(g.next() % UInt64(itemCount)) }
      let values = (0..<n).map { _ in Double(1 + g.next() % 5) }
      let times = (0..<n).map { _ in Int64(g.next() % 1000) }
      let userIDs = (0..<userCount).map { "u\($0)" }
      let itemIDs = (0..<itemCount).map { "i\($0)" }

      var slow = RatingMatrix(keepingTimes: true)
      for id in userIDs { slow.addUser(id) }
      for id in itemIDs { slow.addItem(id) }
      for k in 0..<n {
        slow.appendUnchecked(UserIndex(Int(users[k])),
                             ItemIndex(Int(items[k])), values[k],
                             at: times[k])
      }
      _ = slow.mergingRepeats()
      let (fast, _) = RatingMatrix.gathering(
        userIDs: userIDs, itemIDs: itemIDs, users: users, items: items,
        values: values, times: times)
      #expect(fast.byUser == slow.byUser, "seed \(seed)")
      #expect(fast.timesByUser == slow.timesByUser, "seed \(seed)")
    }
  }

  @Test func ratingListTimesFollowItsRecords() throws {
    let dir = Scratch()
    let path = dir.write("r.csv", "b,x,4,30\na,x,2,10\nb,y,5,20\n")
    let list = RatingList(try DatasetLoader().load(path).dataset)
    #expect(list.records == [RatingRecord("b", "x", 4), RatingRecord("b", "y", 5),
                             RatingRecord("a", "x", 2)])
    #expect(list.timestamps == [30, 20, 10])
  }

  /// Six ratings, the latest two tested: b×z at 600 and a×y at 500.
  @Test func timeSplitOfALoadedFileTestsTheLatestRatings() throws {
    let dir = Scratch()
    let path = dir.write(
      "r.csv",
      "user,item,rating,timestamp\na,x,4,100\na,y,2,500\nb,x,5,200\n"
        + "b,z,3,600\nc,y,1,300\nc,z,5,400\n")
    let list = RatingList(try DatasetLoader().load(path).dataset)
    let split = try Splitter.timeOrdered(list, testFraction: 1.0 / 3)
    #expect(split.test == [RatingRecord("a", "y", 2), RatingRecord("b", "z", 3)])
    #expect(split.trainRecords == [
      RatingRecord("a", "x", 4), RatingRecord("b", "x", 5),
      RatingRecord("c", "y", 1), RatingRecord("c", "z", 5),
    ])
  }

  @Test func loadSaveLoadKeepsTimesInEveryFormat() throws {
    let dir = Scratch()
    let source = dir.write("r.csv", "u1,i1,4,978300760\nu1,i2,3.5,5\n"
                             + "u2,i1,1,-3\n")
    let loaded = try DatasetLoader().load(source).dataset
    for format in RatingsFormat.allCases {
      let path = dir.path("out-\(format.name)")
      try DatasetWriter(format: format).write(loaded, toDirectory: path)
      let again = try DatasetLoader(format: format).load(path).dataset
      #expect(timed(again) == timed(loaded), "\(format)")
    }
    let text = String(decoding: try DatasetWriter(format: .csv)
      .ratingsData(loaded.ratings), as: UTF8.self)
    #expect(text == "user,item,rating,timestamp\nu1,i1,4,978300760\n"
              + "u1,i2,3.5,5\nu2,i1,1,-3\n")
  }

  @Test func dataWithoutTimesSavesAsBefore() throws {
    let data = Datasets.make([("u", "a", 4), ("v", "a", 2)])
    let csv = try DatasetWriter(format: .csv).ratingsData(data.ratings)
    #expect(String(decoding: csv, as: UTF8.self) == "user,item,rating\nu,a,4\nv,a,2\n")
    let dat = try DatasetWriter(format: .movieLens1M).ratingsData(data.ratings)
    #expect(String(decoding: dat, as: UTF8.self) == "u::a::4::0\nv::a::2::0\n")
  }

  @Test func editsStampTheirTimeAndRemovalsDropIt() throws {
    let dir = Scratch()
    let path = dir.write("r.csv", "u,a,4,100\nu,b,2,200\nv,a,5,300\n")
    let engine = try Engine(dataset: try DatasetLoader().load(path).dataset)
    let u = engine.ratings.user("u")!, v = engine.ratings.user("v")!
    let a = engine.ratings.item("a")!, b = engine.ratings.item("b")!
    try engine.setRating(u, a, to: 3, at: 900)
    try engine.setRating(v, b, to: 3, at: 950)
    engine.removeRating(u, b)
    #expect(timed(engine.dataset) == ["u a=3.0@900", "v a=5.0@300",
                                      "v b=3.0@950"])

    let before = RatingMatrix.now
    try engine.setRating(u, b, to: 4)
    let after = RatingMatrix.now
    let stamped = try #require(engine.ratings.time(u, b))
    #expect(before <= stamped && stamped <= after)

    let saved = dir.path("saved.csv")
    try DatasetWriter(format: .csv).writeRatings(engine.ratings, to: saved)
    let reloaded = try DatasetLoader().load(saved).dataset
    #expect(timed(reloaded) == timed(engine.dataset))
  }

  @Test func generatedTimesLeaveTheRatingsAsTheyWere() throws {
    var recipe = SyntheticData(users: 40, items: 30, ratings: 400, seed: 3)
    let plain = try recipe.generate()
    recipe.timestamps = true
    let withTimes = try recipe.generate()
    #expect(plain.ratings.timesByUser == nil)
    #expect(withTimes.ratings.byUser == plain.ratings.byUser)
    let times = try #require(withTimes.ratings.timesByUser)
    #expect(times == (try recipe.generate()).ratings.timesByUser)
    for row in times {
      #expect(zip(row, row.dropFirst()).allSatisfy { $0 <= $1 })
      #expect(row.allSatisfy { 946_684_800 <= $0 && $0 < 1_100_000_000 })
    }
  }
}
