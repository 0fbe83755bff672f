import PostgresNIO
import SQLiteNIO

/// Which database refusals are a constraint saying no (a duplicate, a record still referred
/// to), as opposed to a failure — on either database the platform runs on.
enum ConstraintViolation {
    /// A unique key or primary key already holds the value.
    static func isUnique(_ error: any Error) -> Bool {
        if let psql = error as? PSQLError { return psql.serverInfo?[.sqlState] == "23505" }
        if let sqlite = error as? SQLiteError { return [.constraint, .constraintUniqueFailed, .constraintPrimaryKeyFailed].contains(sqlite.reason) }
        return false
    }

    /// A foreign key still points at the row (deleting it) or at nothing (inserting).
    static func isForeignKey(_ error: any Error) -> Bool {
        if let psql = error as? PSQLError { return psql.serverInfo?[.sqlState] == "23503" }
        // SQLite reports a delete that breaks a foreign key under whichever extended code its
        // check ran as (seen: constraintTriggerFailed); its message names the kind.
        if let sqlite = error as? SQLiteError {
            return sqlite.reason == .constraintForeignKeyFailed || sqlite.message.contains("FOREIGN KEY constraint failed")
        }
        return false
    }
}
