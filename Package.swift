// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "plinth",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plinth", targets: ["plinth"]),
        .library(name: "PluginKit", targets: ["PluginKit"]),
        .library(name: "PluginABI", targets: ["PluginABI"]),
        .library(name: "PlinthJSON", targets: ["PlinthJSON"]),
        .library(name: "plinth-endpoint-server", type: .dynamic, targets: ["EndpointServer"]),
        .library(name: "plinth-endpoint-rest", type: .dynamic, targets: ["EndpointREST"]),
        .library(name: "plinth-driver-sqlite", type: .dynamic, targets: ["DriverSQLite"]),
        .library(name: "plinth-driver-postgres", type: .dynamic, targets: ["DriverPostgres"]),
        .library(name: "plinth-auth-local", type: .dynamic, targets: ["AuthLocal"]),
        .library(name: "plinth-auth-openid", type: .dynamic, targets: ["AuthOpenID"]),
        .executable(name: "plinth-bench-hello", targets: ["BenchHello"]),
    ],
    traits: [.default(enabledTraits: ["Server"]), .trait(name: "Server", description: "Builds the host")],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
    ],
    targets: [
        .target(name: "PluginABI", path: "Sources/PluginABI"),
        .target(name: "PlinthJSON", swiftSettings: swift5),
        .target(name: "SQLPlan", dependencies: ["PlinthJSON"], swiftSettings: swift5),
        .target(name: "PluginKit", dependencies: ["PluginABI", "PlinthJSON"], swiftSettings: swift5),
        .target(
            name: "Host",
            dependencies: [
                "PluginABI", "PlinthJSON", "SQLPlan", "CArgon2", "CCurlShim",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Server"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser", condition: .when(traits: ["Server"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Server"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Server"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["Server"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Server"])),
                .product(name: "Crypto", package: "swift-crypto", condition: .when(traits: ["Server"])),
                .product(name: "Yams", package: "Yams", condition: .when(traits: ["Server"])),
            ],
            swiftSettings: swift5
        ),
        .executableTarget(name: "plinth", dependencies: ["Host"], swiftSettings: swift5),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CArgon2", path: "Sources/CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"], path: "Sources/CCurlShim"),
        .target(name: "SQLCompiler", dependencies: ["SQLPlan", "PlinthJSON", "PluginKit"], path: "Plugins/sql-common", swiftSettings: swift5),
        .target(name: "DriverSQLite", dependencies: ["PluginKit", "SQLCompiler", "SQLPlan", "CSQLite"], path: "Plugins/driver-sqlite", swiftSettings: swift5),
        .target(name: "DriverPostgres", dependencies: ["PluginKit", "SQLCompiler", "SQLPlan", "CLibPQ"], path: "Plugins/driver-postgres", swiftSettings: swift5),
        .target(name: "EndpointREST", dependencies: ["PluginKit"], path: "Plugins/endpoint-rest", swiftSettings: swift5),
        .target(name: "AuthLocal", dependencies: ["PluginKit"], path: "Plugins/auth-local", swiftSettings: swift5),
        .target(
            name: "AuthOpenID",
            dependencies: ["PluginKit", .product(name: "Crypto", package: "swift-crypto", condition: .when(traits: ["Server"])),
                           .product(name: "_CryptoExtras", package: "swift-crypto", condition: .when(traits: ["Server"]))],
            path: "Plugins/auth-openid", swiftSettings: swift5
        ),
        .target(name: "EndpointServer", dependencies: ["PluginKit"], path: "Plugins/endpoint-server", swiftSettings: swift5),
        .executableTarget(
            name: "BenchHello",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Server"]))],
            path: "bench/peers/hello"
        ),
        .testTarget(
            name: "HostTests",
            dependencies: ["Host", "PluginABI", "PlinthJSON", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swift5
        ),
    ]
)

var swift5: [SwiftSetting] { [.swiftLanguageMode(.v5)] }
