// swift-tools-version:6.0
import PackageDescription

/// Zhijiao (职教): pure domain targets below, `App` (Vapor + Fluent) above, a thin executable on top.
let package = Package(
    name: "zhijiao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zhijiao", targets: ["zhijiao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.12.6"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Pure domain: codes, check digits, reference catalogues. Foundation only.
        .target(
            name: "Registry",
            dependencies: ["Spreadsheet"],
            resources: [.copy("Resources/ReferenceData")],
            swiftSettings: strict
        ),
        // Pure: raw deflate inflated under caps on size and ratio (zlib, as ZIPFoundation links it),
        // shared by every reader of untrusted compressed input.
        .target(
            name: "Inflate",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        // Pure: CSV (UTF-8, BOM, GB18030) and XLSX reading and writing.
        .target(
            name: "Spreadsheet",
            dependencies: ["Inflate", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        // Pure: stable matching with capacities (internship allocation), rankings, quotas.
        .target(name: "Matching", swiftSettings: strict),
        // Pure: exact rational arithmetic shared by the analytics targets.
        .target(name: "Exact", swiftSettings: strict),
        // Pure: the policy's indicators (catalogue, evaluation, projection), reporting periods,
        // the work list and the funding rules.
        .target(name: "Indicators", dependencies: ["Exact"], resources: [.copy("Resources/Supervision")], swiftSettings: strict),
        // Pure: the credit bank — frameworks and level alignment, outcomes, recognition rules,
        // the append-only ledger and its replay, conversion into programs, award rules.
        .target(name: "CreditBank", dependencies: ["Exact", "Registry"], resources: [.copy("Resources")], swiftSettings: strict),
        // Pure: enterprise demand against graduates — gap tables, adjustment signals, skill
        // gaps, the cooperation negative-list check.
        .target(name: "SupplyDemand", dependencies: ["Exact"], swiftSettings: strict),
        // Pure: JSON text read (a strict pull reader, or a whole value) and written (sorted
        // keys, no Foundation coders) at memory speed; shared by credentials, learning records
        // and the solver's file interface.
        .target(name: "JSON", swiftSettings: strict),
        // Pure: verifiable credentials — Open Badges 3.0 / CLR 2.0 documents secured as VC-JWT
        // (Ed25519), issuer DID documents and JWKS, Bitstring Status Lists, verification, baking.
        .target(
            name: "Credentials",
            dependencies: ["JSON", "Inflate", .product(name: "Crypto", package: "swift-crypto"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        // Pure: learning records — xAPI statements (validation, comparison, queries, formats),
        // documents, attachments and signatures. Reuses the shared JSON and the credentials' JOSE.
        .target(
            name: "LearningRecords",
            dependencies: ["JSON", "Credentials", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // Pure: the cloud school — cmi5 course structures and packages, the cmi5 launch and
        // session rules, moveOn; quizzes and their marking; course completion and due dates.
        .target(name: "Courses", dependencies: ["Spreadsheet"], swiftSettings: strict),
        // Pure: one timetable per student — term data, school timetabling (periods and rooms),
        // student sectioning, ITC 2007 curriculum-based instances and their cost.
        .target(name: "Timetabling", swiftSettings: strict),
        // Pure: learning analytics — features by cutoff day, the early-warning model, its
        // measured quality (AUC, top-20 % recall/precision, by group), growth percentiles.
        .target(name: "Analytics", dependencies: ["Spreadsheet"], swiftSettings: strict),
        .target(
            name: "App",
            dependencies: [
                "Registry", "Spreadsheet", "Matching", "SupplyDemand", "Exact", "Indicators", "CreditBank", "Credentials", "LearningRecords", "JSON",
                "Courses", "Timetabling", "Analytics",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/Public"), .copy("Resources/openapi.json")],
            swiftSettings: strict
        ),
        .executableTarget(name: "zhijiao", dependencies: ["App"], swiftSettings: strict),
        .executableTarget(
            name: "ZhijiaoBenchmarks",
            dependencies: [
                "App", "Registry", "Spreadsheet", "Matching", "SupplyDemand", "Exact", "Indicators", "CreditBank", "Credentials", "JSON", "Timetabling", "Analytics",
                .product(name: "Vapor", package: "vapor"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/ZhijiaoBenchmarks",
            swiftSettings: strict
        ),
        .testTarget(name: "RegistryTests", dependencies: ["Registry"], swiftSettings: strict),
        .testTarget(name: "InflateTests", dependencies: ["Inflate", .product(name: "ZIPFoundation", package: "ZIPFoundation")], swiftSettings: strict),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "MatchingTests", dependencies: ["Matching"], swiftSettings: strict),
        .testTarget(name: "SupplyDemandTests", dependencies: ["SupplyDemand", "Exact"], swiftSettings: strict),
        .testTarget(name: "ExactTests", dependencies: ["Exact"], swiftSettings: strict),
        .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "Exact"], swiftSettings: strict),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], swiftSettings: strict),
        .testTarget(name: "CredentialsTests", dependencies: ["Credentials"], swiftSettings: strict),
        .testTarget(name: "LearningRecordsTests", dependencies: ["LearningRecords", "Credentials"], swiftSettings: strict),
        .testTarget(name: "CoursesTests", dependencies: ["Courses"], swiftSettings: strict),
        .testTarget(name: "TimetablingTests", dependencies: ["Timetabling"], swiftSettings: strict),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics"], swiftSettings: strict),
        .testTarget(name: "CreditBankTests", dependencies: ["CreditBank", "Exact", "Registry"], swiftSettings: strict),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            // Read from the source tree by #filePath, not bundled.
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)

var strict: [SwiftSetting] {
    [.enableUpcomingFeature("ExistentialAny")]
}
