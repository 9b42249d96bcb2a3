// swift-tools-version: 6.1
// Hearth's microbenchmarks, a package of their own so that building and
// testing Hearth never compiles the benchmark framework. Run: make bench.
import Foundation
import PackageDescription

// A path dependency is named after its folder, whatever the clone is called.
let hearthPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "HearthBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "CMallocStats"),
        .executableTarget(
            name: "MatcherBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HearthBrain", package: hearthPackage),
                "CMallocStats",
            ],
            path: "Benchmarks/MatcherBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ]
)
