// swift-tools-version: 6.1
import PackageDescription

// A Plinth extension package: each dynamic library product is one plugin,
// installed by copying lib<product>.so into the host's EXTENSIONS_PATH.
let package = Package(
    name: "plinth-extension-template",
    products: [
        .library(name: "example-swift", type: .dynamic, targets: ["ExampleSwift"]),
        .library(name: "example-c", type: .dynamic, targets: ["ExampleC"]),
    ],
    dependencies: [
        // `traits: []` turns off Plinth's default "Server" trait, which is what
        // pulls in the host's dependencies (Hummingbird, NIO, …); without that
        // trait this package resolves nothing else. `name:` fixes the identity the
        // products below refer to, whatever the checkout's folder is called.
        // Outside the Plinth repository use (the identity is then the URL's
        // last component, "plinth"):
        //   .package(url: "<Plinth git URL>", exact: "<the host's version>", traits: [])
        .package(name: "plinth", path: "..", traits: []),
    ],
    targets: [
        .target(
            name: "ExampleSwift",
            dependencies: [.product(name: "PluginKit", package: "plinth")]
        ),
        // PluginABI is the C headers alone: a C plugin depends on it rather
        // than on PluginKit, which would link Swift code it does not use.
        .target(
            name: "ExampleC",
            dependencies: [.product(name: "PluginABI", package: "plinth")],
            // The plugin exports no headers, but SwiftPM wants an existing
            // public-headers folder for a C target.
            publicHeadersPath: "."
        ),
    ],
    cLanguageStandard: .c11
)
