import Vapor

/// The database connection pool as configured, for `/metrics`: which database and how many
/// connections it may hold open at most.
struct DatabasePool: Sendable {
    var database: String
    var maximumConnections: Int
}

extension Application {
    private struct DatabasePoolKey: StorageKey { typealias Value = DatabasePool }

    var databasePool: DatabasePool {
        get { storage[DatabasePoolKey.self] ?? DatabasePool(database: "unknown", maximumConnections: 0) }
        set { storage[DatabasePoolKey.self] = newValue }
    }
}
