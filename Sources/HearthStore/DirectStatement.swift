import GRDB
import GRDBSQLite

/// Statements on the busiest write path (every chat turn; every order's
/// deferred commit) stepped straight through SQLite. GRDB's execution is
/// made for any statement, with argument checks and bookkeeping that cost
/// more than SQLite does for these few; GRDB still prepares and caches them
/// per connection, and writes run inside its queue as any other.
enum DirectStatement {
    enum Argument {
        case text(String)
        case integer(Int)
        /// nil is NULL.
        case real(Double?)
    }

    /// Runs `sql` (prepared once per connection) with `arguments`; rows, if
    /// any, are not read.
    static func execute(_ sql: String, _ arguments: [Argument] = [], in db: Database) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument {
            case .text(let text):
                // Up to a NUL, as GRDB binds text: the same id must name the
                // same row whichever path wrote it.
                code = sqlite3_bind_text(statement, index, text, -1, transient)
            case .integer(let number):
                code = sqlite3_bind_int64(statement, index, Int64(number))
            case .real(let number?):
                code = sqlite3_bind_double(statement, index, number)
            case .real(nil):
                code = sqlite3_bind_null(statement, index)
            }
            guard code == SQLITE_OK else { throw failure(code, sql, db) }
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw failure(code, sql, db) }
    }

    /// SQLite copies the bound text (Swift's buffer lives only for the call).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func failure(_ code: Int32, _ sql: String, _ db: Database) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }
}
