// swift-tools-version:6.0
import PackageDescription

/// Tabel: one executable, `tabel`, over library modules that each have one job.
/// Dependencies point one way: Tabel → Appliance/Kiosk/Setup → WebUI/HTTP → Storage → Domain.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Tabel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tabel", targets: ["Tabel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C libraries, each behind a shim; only their wrapper modules import them.
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

        // The domain: glossary types, the calendar, rules. No I/O.
        .target(name: "Domain", swiftSettings: strict),
        // SQLite wrapper, migrations and every SQL statement of the project; the audit trail's
        // hash chain takes BLAKE2b from Secrets.
        .target(name: "Storage", dependencies: ["Domain", "Secrets", "CSQLite"], swiftSettings: strict),
        // Password hashes, random tokens and digests over libsodium.
        .target(name: "Secrets", dependencies: ["CSodium"], swiftSettings: strict),
        // Printed documents: PDF through cairo and pango, QR codes through libqrencode.
        .target(name: "Printing", dependencies: ["CPangoCairo", "CQRencode", "Domain"], swiftSettings: strict),
        // The HTTP seam: Request/Response values, router, parsers, the libmicrohttpd daemon.
        .target(name: "HTTP", dependencies: [
            "CMicroHTTPD",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // The site's look: escaped HTML, the page layout, embedded assets, error pages.
        .target(name: "WebUI", dependencies: ["HTTP", "Storage", "Domain"], swiftSettings: strict),
        // Diary pages and the hallway kiosk (student and guardian side).
        .target(name: "Kiosk", dependencies: ["WebUI", "HTTP", "Storage", "Domain", "Secrets"], swiftSettings: strict),
        // The teachers' journal: the desk that applies the rules, its pages and JSON API.
        .target(name: "Journal", dependencies: ["Setup", "WebUI", "HTTP", "Storage", "Domain"], swiftSettings: strict),
        // The server: staff pages, JSON API, wiring of the routes.
        .target(name: "Appliance", dependencies: [
            "Kiosk", "Journal", "Setup", "Printing", "WebUI", "HTTP", "Storage", "Domain", "Secrets",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // First run, demo school, imports, accounts, backups.
        .target(name: "Setup", dependencies: ["Storage", "Domain", "Secrets", "Printing"], swiftSettings: strict),
        // The `tabel` command: argument parsing and wiring only.
        .executableTarget(name: "Tabel", dependencies: [
            "Appliance", "Setup", "Storage", "HTTP", "Domain", "Printing", "Secrets",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        // In-process page timing for `make bench`.
        .executableTarget(name: "TabelBench", dependencies: [
            "Appliance", "Journal", "Storage", "HTTP", "Domain",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Domain", "Secrets"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(name: "SetupTests", dependencies: ["Setup", "Storage", "Domain", "Secrets"]),
        .testTarget(name: "ApplianceTests", dependencies: ["Appliance", "Journal", "Setup", "Storage", "HTTP", "Domain", "Secrets", "Tabel"],
                    exclude: ["Snapshots"]),
    ]
)
