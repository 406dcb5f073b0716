// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hedge",
    products: [
        .executable(name: "hedge", targets: ["hedge"]),
        .library(name: "HedgeCore", targets: ["HedgeCore"]),
        .library(name: "HedgeShell", targets: ["HedgeShell"]),
    ],
    targets: [
        .target(name: "HedgeCore"),
        .target(name: "HedgeShell", dependencies: ["HedgeCore"]),
        // Yahoo chart API client (FoundationNetworking). Only the `hedge-fetch` helper links it, so the
        // shell's start-up does not pay for libcurl and its TLS stack.
        .target(name: "HedgeFetch", dependencies: ["HedgeCore"]),
        .executableTarget(name: "hedge-fetch", dependencies: ["HedgeFetch", "HedgeCore"]),
        // libedit's histedit.h lives in /usr/include; scripts/setup installs libedit-dev when missing.
        .systemLibrary(name: "CEditLine"),
        // Release builds link the Swift runtime and FoundationEssentials statically into the shell: no dynamic
        // symbol binding at start-up (`hedge -c ''` 12.8 → 9.4 MiB peak RSS, 5.8 → 3.7 ms mean). Debug builds
        // (and the test bundle, which links this target too) stay dynamic.
        .executableTarget(name: "hedge", dependencies: ["HedgeShell", "CEditLine"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-l_FoundationCollections", "-l_FoundationCShims"],
                                                         .when(configuration: .release))]),
        // Benchmarks of the core's hot paths, run by scripts/bench (release build).
        .executableTarget(name: "hedge-bench", dependencies: ["HedgeCore"]),
        // The loopback Yahoo fixture server the fetch, shell and end-to-end tests start.
        .target(name: "YahooFixtureServer", path: "Tests/Support/YahooFixtureServer"),
        .testTarget(name: "HedgeCoreTests", dependencies: ["HedgeCore"], exclude: ["Fixtures"]),
        .testTarget(name: "HedgeShellTests", dependencies: ["HedgeShell", "YahooFixtureServer"], exclude: ["Golden"]),
        .testTarget(name: "HedgeFetchTests", dependencies: ["HedgeFetch", "HedgeCore", "YahooFixtureServer"], exclude: ["Fixtures"]),
        .testTarget(name: "HedgeEndToEndTests", dependencies: ["hedge", "hedge-fetch", "YahooFixtureServer"]),
    ],
    swiftLanguageModes: [.v6]
)
