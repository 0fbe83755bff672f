/// 教室/实训室: a room with its seat capacity and kind.
public struct Room: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var capacity: Int
    public var kind: RoomKind

    public init(id: String, capacity: Int, kind: RoomKind = .classroom) {
        self.id = id
        self.capacity = capacity
        self.kind = kind
    }
}
