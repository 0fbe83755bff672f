import Foundation
import SQLKit

/// Ties a database to its data key: the key's check value is stored at first start and every
/// later start compares it, so a lost or swapped key stops the server instead of quietly
/// making every stored ID number unreadable (or, worse, mixing ciphertexts of two keys).
enum DataKeyCheck {
    static let settingName = "data_key_check"

    struct Mismatch: Error, CustomStringConvertible {
        var description: String {
            "the data key does not match the key this database was created with (key check value differs): restore the original ZHIJIAO_DATA_KEY or key file; refusing to start / 数据密钥与数据库不符，拒绝启动"
        }
    }

    static func verify(_ vault: PersonalDataVault, source: PersonalDataVault.KeySource, on sql: any SQLDatabase, now: Date = Date()) async throws {
        let expected = vault.keyCheckValue
        let stored = try await sql.select().column("value").from("platform_settings").where("name", .equal, settingName).first()?
            .decode(column: "value", as: String.self)
        guard let stored else {
            try await sql.insert(into: "platform_settings").columns("name", "value", "created_at").values(SQLBind(settingName), SQLBind(expected), SQLBind(now)).run()
            return
        }
        guard stored == expected else {
            // A key generated a moment ago for a database that already had one: take it back,
            // so the next start does not find it and mistake it for the real one.
            if case .generated(let path) = source { try? FileManager.default.removeItem(atPath: path) }
            throw Mismatch()
        }
    }
}
