import Testing
import TestSupport
@testable import RecscopeCore

/// The samples shipped with the program load as their README describes.
@Suite struct SampleLoadingTests {
  @Test func teaching() throws {
    let (data, report) = try DatasetLoader().load(
      Fixtures.sample("teaching").path)
    #expect(report.format == .csv && report.hadHeader)
    #expect(report.itemsFormat == .features)
    #expect(report.ratingCount == 78 && report.repeats == 0)
    #expect(report.userCount == 12 && report.itemCount == 15)
    #expect(report.unratedItemCount == 1)
    #expect(data.ratings.userIDs.prefix(4) == ["ana", "ben", "cara", "dev"])
    #expect(data.ratings.itemIDs.last == "m15")
    #expect(data.displayName(of: ItemIndex(14)) == "The Lighthouse Keeper")
    #expect(data.catalog.featureNames
            == ["action", "comedy", "drama", "scifi", "romance"])
    let m01 = try #require(data.ratings.item("m01"))
    #expect(data.catalog.features(of: m01) == [1, 0, 0, 1, 0])
    let dev = try #require(data.ratings.user("dev"))
    #expect(data.ratings.byUser[dev.int].count == 1)
    #expect(data.scale == RatingScale(1, 5) && report.scaleInferred)
  }

  @Test func essay() throws {
    let (data, report) = try DatasetLoader().load(
      Fixtures.sample("essay").path)
    #expect(data.ratings.userIDs == ["A", "B", "C"])
    #expect(data.ratings.itemIDs == ["1", "2", "3"])
    #expect(report.ratingCount == 9)
    #expect(data.catalog.featureNames == ["f1", "f2", "f3"])
    #expect(data.catalog.features(of: ItemIndex(1)) == [0.6, 0.7, 0.8])
    #expect(data.ratings.rating(UserIndex(2), ItemIndex(2)) == 5)
  }
}
