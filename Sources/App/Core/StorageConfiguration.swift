import Foundation
import Vapor

/// Where the platform keeps its data: an SQLite file (the embedded default) or PostgreSQL
/// when `DATABASE_URL` names one.
public enum StorageConfiguration: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `DATABASE_URL` if set, otherwise `ZHIJIAO_SQLITE_PATH` or `zhijiao.sqlite` in the working directory.
    public static func fromEnvironment() -> StorageConfiguration {
        if let url = Environment.get("DATABASE_URL"), !url.isEmpty { return .postgres(url: url) }
        return .sqlite(path: Environment.get("ZHIJIAO_SQLITE_PATH") ?? "zhijiao.sqlite")
    }

    /// Where the generated data key lives when `ZHIJIAO_DATA_KEY` is not set: beside the SQLite
    /// file, or in the working directory for PostgreSQL.
    var defaultKeyPath: String {
        switch self {
        case .sqlite(let path): path + ".key"
        case .postgres: Environment.get("ZHIJIAO_DATA_KEY_FILE") ?? "zhijiao-data.key"
        }
    }

    var isSQLite: Bool { if case .sqlite = self { true } else { false } }
}
