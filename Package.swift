// swift-tools-version: 6.1
import PackageDescription

// Hearth: an offline voice assistant for small Linux boards.
// Module arrows point one way: hearth → Server → Neurons → Runtime → Brain;
// Audio and Device are driven by the runtime through small protocols, and
// only the C targets under CSupport speak to ALSA and GPIO.
let package = Package(
    name: "Hearth",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hearth", targets: ["hearth"]),
        .library(name: "HearthBrain", targets: ["HearthBrain"]),
        .library(name: "HearthRuntime", targets: ["HearthRuntime"]),
        .library(name: "HearthNeurons", targets: ["HearthNeurons"]),
        .library(name: "HearthAudio", targets: ["HearthAudio"]),
        .library(name: "HearthDevice", targets: ["HearthDevice"]),
        .library(name: "HearthServer", targets: ["HearthServer"]),
        .library(name: "HearthStore", targets: ["HearthStore"]),
        .library(name: "HearthPersistence", targets: ["HearthPersistence"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // The REST API. swift-configuration support is left out: settings come from settings.yml.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // Live events and the browser microphone on the main port.
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // State that survives a restart; on Linux GRDB links the system libsqlite3.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // MARK: C core (one concern per target, public API in include/)
        .target(name: "CRingBuffer", path: "CSupport/CRingBuffer"),
        .target(name: "CVoiceActivity", path: "CSupport/CVoiceActivity"),
        .target(name: "CNoiseSuppression", path: "CSupport/CNoiseSuppression", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "CWave", path: "CSupport/CWave"),
        .target(name: "CResample", path: "CSupport/CResample", linkerSettings: [.linkedLibrary("m")]),
        .target(
            name: "CALSA", dependencies: ["CRingBuffer"], path: "CSupport/CALSA",
            linkerSettings: [.linkedLibrary("asound"), .linkedLibrary("pthread")]),
        .target(
            name: "CGPIO", path: "CSupport/CGPIO",
            linkerSettings: [.linkedLibrary("gpiod")]),
        .systemLibrary(
            name: "CPocketSphinx", path: "CSupport/CPocketSphinx", pkgConfig: "pocketsphinx",
            providers: [.apt(["libpocketsphinx-dev"])]),
        .target(name: "CSpeechRecognition", dependencies: ["CPocketSphinx"], path: "CSupport/CSpeechRecognition"),
        .target(
            name: "CSpeechSynthesis", path: "CSupport/CSpeechSynthesis",
            linkerSettings: [.linkedLibrary("espeak-ng")]),
        .target(name: "CMP3", path: "CSupport/CMP3", linkerSettings: [.linkedLibrary("mpg123")]),

        // MARK: Swift modules
        .target(
            name: "HearthBrain",
            dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "HearthRuntime",
            dependencies: ["HearthBrain", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "HearthNeurons",
            dependencies: [
                "HearthRuntime", "HearthBrain",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        .target(
            name: "HearthAudio",
            dependencies: [
                "CRingBuffer", "CVoiceActivity", "CNoiseSuppression", "CWave", "CResample", "CALSA", "CSpeechRecognition",
                "CSpeechSynthesis", "CMP3", "HearthBrain", "HearthRuntime",
            ]),
        .target(
            name: "HearthDevice",
            dependencies: ["CGPIO", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "HearthServer",
            dependencies: [
                "HearthBrain", "HearthRuntime", "HearthNeurons",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "HearthStore",
            dependencies: ["HearthBrain", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log")]),
        // The bridge between the runtime and the store: saves runtime changes
        // and lays the stored state over the brain and settings files at start.
        .target(
            name: "HearthPersistence",
            dependencies: [
                "HearthStore", "HearthRuntime", "HearthBrain",
                .product(name: "Yams", package: "Yams"), .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "hearth",
            dependencies: [
                "HearthBrain", "HearthRuntime", "HearthNeurons", "HearthAudio", "HearthDevice", "HearthServer",
                "HearthStore", "HearthPersistence",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),

        // MARK: Tests (one target per module)
        .testTarget(name: "HearthBrainTests", dependencies: ["HearthBrain"]),
        .testTarget(
            name: "HearthRuntimeTests",
            dependencies: [
                "HearthRuntime", "HearthNeurons", "HearthBrain",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .testTarget(
            name: "HearthAudioTests",
            dependencies: ["HearthAudio", "HearthBrain", "HearthRuntime", "HearthNeurons", "CRingBuffer", "CVoiceActivity", "CWave", "CALSA"]),
        .testTarget(name: "HearthDeviceTests", dependencies: ["HearthDevice", "CGPIO"]),
        .testTarget(name: "HearthCLITests", dependencies: ["HearthBrain"]),
        .testTarget(
            name: "HearthStoreTests",
            dependencies: [
                "HearthStore", "HearthPersistence", "HearthRuntime", "HearthNeurons", "HearthBrain", "HearthServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // Only to play a newer Hearth's schema change in a test.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "HearthServerTests",
            dependencies: [
                "HearthServer", "HearthRuntime", "HearthNeurons", "HearthBrain",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),

        // MARK: Benchmarks
        .executableTarget(
            name: "hearth-store-bench",
            dependencies: [
                "HearthStore", "HearthBrain",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "bench/StoreBench"),
    ]
)
