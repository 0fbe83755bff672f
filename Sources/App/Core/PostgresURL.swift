import Foundation

/// What a PostgreSQL URL says about TLS, in the query names postgres-kit reads.
enum PostgresURL {
    static func namesTLSMode(_ url: String) -> Bool {
        guard let items = URLComponents(string: url)?.queryItems else { return false }
        return items.contains { ["tlsmode", "sslmode", "ssl", "tls"].contains($0.name.lowercased()) }
    }
}
