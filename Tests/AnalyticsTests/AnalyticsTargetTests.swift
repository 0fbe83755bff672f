import Testing
@testable import Analytics

@Suite struct AnalyticsTargetTests {
    @Test func targetLinks() { #expect(String(describing: Analytics.self) == "Analytics") }
}
