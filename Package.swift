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
        .systemLibrary(name: "CGnuTLS", pkgConfig: "gnutls", providers: [.apt(["libgnutls28-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-gnutls-dev"])]),

        // The domain: glossary types, the calendar, rules. No I/O.
        .target(name: "Domain", swiftSettings: strict),
        // The message catalogue: every page's words in Russian and English.
        .target(name: "Words", dependencies: ["Domain"], swiftSettings: strict),
        // Small thread-safety tools shared by the server's layers (`Locked`).
        .target(name: "Sync", swiftSettings: strict),
        // SQLite wrapper, migrations and every SQL statement of the project; the audit trail's
        // hash chain takes BLAKE2b from Secrets.
        .target(name: "Storage", dependencies: ["Domain", "Sync", "Secrets", "Archiving", "CSQLite"], swiftSettings: strict),
        // zstd streams and durable files (temporary name, fsync, rename): backups and pre-migration copies.
        .target(name: "Archiving", dependencies: ["CZstd"], swiftSettings: strict),
        // Backups: signed, verified copies on several media, their rotation, and restore.
        .target(name: "Backup", dependencies: ["Storage", "Archiving", "Secrets", "Domain"], swiftSettings: strict),
        // Password hashes, random tokens and digests over libsodium.
        .target(name: "Secrets", dependencies: ["CSodium"], swiftSettings: strict),
        // E-mail to the school's relay: the message's format, libcurl's SMTP, the queue's background sender.
        .target(name: "Mail", dependencies: ["Storage", "Domain", "CCurl"], swiftSettings: strict),
        // Printed documents: PDF through cairo and pango, QR codes through libqrencode.
        .target(name: "Printing", dependencies: ["CPangoCairo", "CQRencode", "Domain", "Words"], swiftSettings: strict),
        // The HTTP seam: Request/Response values, router, parsers, the libmicrohttpd daemon (HTTP and
        // HTTPS) and its certificate through GnuTLS.
        .target(name: "HTTP", dependencies: [
            "CMicroHTTPD", "CGnuTLS",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // One desk per capability: rules, the access policy, the write and its audit row in one
        // transaction, typed errors. Knows nothing of HTTP or HTML.
        .target(name: "Desks", dependencies: ["Storage", "Domain", "Secrets", "Words", "Sync"], swiftSettings: strict),
        // What pages and the JSON API share: routes with their declared access, the visit,
        // and the one mapping of desk errors to HTTP.
        .target(name: "Routing", dependencies: ["Desks", "HTTP", "Domain", "Words"], swiftSettings: strict),
        // The site's look: escaped HTML, the page layout, embedded assets, error pages.
        .target(name: "WebUI", dependencies: ["Routing", "HTTP", "Sync", "Domain", "Words"], swiftSettings: strict),
        // The student's and guardian's diary: pages and JSON API.
        .target(name: "Diary", dependencies: ["Words", "Routing", "Desks", "WebUI", "HTTP", "Storage", "Domain"], swiftSettings: strict),
        // The hallway kiosk: pairing, sign-in by slip code, the read-only diary on a shared screen.
        .target(name: "Kiosk", dependencies: ["Words", "Diary", "Routing", "Desks", "WebUI", "HTTP", "Storage", "Domain", "Secrets"], swiftSettings: strict),
        // The teachers' journal: its pages and JSON API over the journal's desks.
        .target(name: "Journal", dependencies: ["Words", "Setup", "Routing", "Desks", "WebUI", "HTTP", "Storage", "Domain"], swiftSettings: strict),
        // The server: staff pages, JSON API, wiring of the routes.
        .target(name: "Appliance", dependencies: [
            "Diary", "Kiosk", "Journal", "Setup", "Routing", "Desks", "Printing", "WebUI", "Words", "HTTP", "Storage", "Domain", "Secrets", "Mail",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // First run, demo school, imports, accounts, backups.
        .target(name: "Setup", dependencies: ["Desks", "Storage", "Domain", "Secrets", "Printing"], swiftSettings: strict),
        // The `tabel` command: argument parsing and wiring only.
        .executableTarget(name: "Tabel", dependencies: [
            "Appliance", "Setup", "Backup", "Desks", "Storage", "HTTP", "Domain", "Printing", "Secrets", "Words",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        // In-process page timing for `make bench`.
        .executableTarget(name: "TabelBench", dependencies: [
            "Appliance", "Journal", "Desks", "Routing", "Storage", "HTTP", "Domain",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Sync", "Domain", "Secrets"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(name: "SetupTests", dependencies: ["Setup", "Backup", "Archiving", "Desks", "Storage", "Domain", "Secrets"]),
        .testTarget(name: "ApplianceTests", dependencies: ["Appliance", "Diary", "Journal", "Desks", "Routing", "Setup", "Storage", "Sync", "HTTP", "Domain", "Secrets", "Tabel", "Words", "Mail"],
                    exclude: ["Snapshots"]),
    ]
)
