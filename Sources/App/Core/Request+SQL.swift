import SQLKit
import Vapor

extension Request {
    /// The request's database as SQL (both supported drivers speak it).
    var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "the database driver does not speak SQL") }
            return sql
        }
    }
}
