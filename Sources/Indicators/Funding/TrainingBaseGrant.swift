/// 实训基地建设经费 (clause (九)): an off-campus industry–education training base is granted
/// construction funds of at least ¥10,000 per place it can hold at one time.
public struct TrainingBaseGrant: Sendable, Hashable, Codable {
    /// ¥10,000 in fen.
    public static let minimumPerPlace = 1_000_000
    /// Bounds that keep the product inside an `Int`: a million places, ¥100 million a place.
    public static let maximumPlaces = 1_000_000
    public static let maximumRate = 10_000_000_000

    public var places: Int
    public var ratePerPlace: Int
    public var grant: Int

    /// - Parameters:
    ///   - places: students the base holds at one time (一次性容纳).
    ///   - ratePerPlace: fen per place the city sets; never below the minimum.
    public static func compute(places: Int, ratePerPlace: Int = minimumPerPlace) throws(FundingError) -> TrainingBaseGrant {
        guard places > 0 else { throw .notPositive(field: "places") }
        guard places <= maximumPlaces else { throw .tooLarge(field: "places", maximum: maximumPlaces) }
        guard ratePerPlace >= minimumPerPlace else { throw .belowMinimumRate(field: "ratePerPlaceFen", minimum: minimumPerPlace) }
        guard ratePerPlace <= maximumRate else { throw .tooLarge(field: "ratePerPlaceFen", maximum: maximumRate) }
        return TrainingBaseGrant(places: places, ratePerPlace: ratePerPlace, grant: places * ratePerPlace)
    }
}
