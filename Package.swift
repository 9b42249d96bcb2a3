// swift-tools-version: 6.1
import PackageDescription

// Hearth: an offline voice assistant for small Linux boards.
// Module arrows point one way: hearth → Server → Neurons → HomeAssistant → Runtime → Store → Brain;
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
        .library(name: "HearthWyoming", targets: ["HearthWyoming"]),
        .library(name: "HearthHomeAssistant", targets: ["HearthHomeAssistant"]),
        .library(name: "HearthDialogue", targets: ["HearthDialogue"]),
        .library(name: "HearthBoard", targets: ["HearthBoard"]),
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
        // The HTTP parts a refused WebSocket upgrade is rewritten in (already in the graph through Hummingbird).
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // State that survives a restart; on Linux GRDB links the system libsqlite3.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        // SHA-256 of the control API's tokens (already in the graph through async-http-client).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
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
        // pocketsphinx and espeak-ng are linked from Debian's static
        // archives: as shared libraries they bring ~30 more (PulseAudio, X11,
        // libsndfile and its codecs, BLAS/LAPACK/gfortran, systemd, gcrypt),
        // ~4 MB resident in every daemon and none of them used, because
        // Hearth captures, plays and does its own arithmetic.
        .target(
            name: "CSpeechRecognition", path: "CSupport/CSpeechRecognition",
            // pocketsphinx's headers include each other by bare name.
            cSettings: [.unsafeFlags(["-I/usr/include/pocketsphinx"])],
            linkerSettings: [.linkedLibrary(":libpocketsphinx.a"), .linkedLibrary(":libsphinxbase.a"), .linkedLibrary("m")]),
        .target(
            name: "CSpeechSynthesis", path: "CSupport/CSpeechSynthesis",
            linkerSettings: [.linkedLibrary(":libespeak-ng.a"), .linkedLibrary(":libsonic.a"), .linkedLibrary("m"), .linkedLibrary("pthread")]),
        .target(name: "CMP3", path: "CSupport/CMP3", linkerSettings: [.linkedLibrary("mpg123")]),

        // MARK: Swift modules
        .target(
            name: "HearthBrain",
            dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "HearthRuntime",
            dependencies: ["HearthBrain", "HearthStore", .product(name: "Logging", package: "swift-log")]),
        // Home Assistant's REST client and the homeassistant neuron.
        .target(
            name: "HearthHomeAssistant",
            dependencies: [
                "HearthRuntime", "HearthBrain",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        // Rasa Core's conversations: domain, stories, trackers, policy.
        .target(
            name: "HearthDialogue",
            dependencies: ["HearthBrain", "HearthRuntime", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "HearthNeurons",
            dependencies: [
                "HearthRuntime", "HearthBrain", "HearthHomeAssistant",
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
                "HearthBrain", "HearthRuntime", "HearthStore", "HearthNeurons", "HearthHomeAssistant", "HearthDialogue",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The dashboard's files, built in as a fallback for a folder on disk.
            resources: [.embedInCode("Dashboard")]),
        .target(
            name: "HearthStore",
            dependencies: ["HearthBrain", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log")]),
        // The bridge between the runtime and the store: saves runtime changes
        // and lays the stored state over the brain and settings files at start.
        .target(
            name: "HearthPersistence",
            dependencies: [
                "HearthStore", "HearthRuntime", "HearthBrain", "HearthServer", "HearthDialogue",
                .product(name: "Yams", package: "Yams"), .product(name: "Logging", package: "swift-log"),
            ]),
        // Home Assistant's voice satellite protocol, over the listening pipeline's relay.
        .target(
            name: "HearthWyoming",
            dependencies: [
                "HearthAudio", "HearthRuntime", "HearthBrain",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The board's button and LED wired to the runtime.
        .target(
            name: "HearthBoard",
            dependencies: [
                "HearthDevice", "HearthRuntime", "HearthBrain",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "hearth",
            dependencies: [
                "HearthBrain", "HearthRuntime", "HearthNeurons", "HearthAudio", "HearthDevice", "HearthServer",
                "HearthStore", "HearthPersistence", "HearthWyoming", "HearthHomeAssistant", "HearthBoard",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["hot-functions.order", "nameless.ld"],
            linkerSettings: [
                // The shipped binary holds ~145,000 relative relocations: as
                // RELA entries they are 3.4 MB read (and kept resident) at
                // every start; packed (DT_RELR, glibc 2.36+, Debian 12) 28 KB.
                // gold cannot pack them; the toolchain's lld can.
                .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux], configuration: .release)),
                // The functions a serving daemon runs first, together, so the
                // pages of code it keeps resident hold code it uses
                // (scripts/profile-layout.sh writes the list), and Swift's
                // helpers that have no name to list right before them
                // (nameless.ld). Names the list has and the binary lost are
                // skipped without a word. Both move single functions when
                // every object has a section per function, as
                // image/release-build.sh compiles them.
                .unsafeFlags([
                    "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/hearth/hot-functions.order",
                    "-Xlinker", "--no-warn-symbol-ordering",
                    "-Xlinker", "--script=\(Context.packageDirectory)/Sources/hearth/nameless.ld",
                ], .when(platforms: [.linux], configuration: .release)),
                // The Swift toolchain exports every symbol of a static
                // executable (-export-dynamic): 49,000 names the dynamic
                // linker searches, and pages in, for each symbol any shared
                // library looks up. Nothing looks up Hearth's own symbols.
                .unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release)),
            ]),

        // MARK: Tests (one target per module)
        // What several test targets share: servers the code under test calls
        // (a local HTTP server, a fake Home Assistant), recording speech, polling.
        .target(
            name: "HearthTestSupport",
            dependencies: [
                "HearthBrain", "HearthRuntime",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/HearthTestSupport"),
        .testTarget(name: "HearthBrainTests", dependencies: ["HearthBrain"]),
        .testTarget(name: "HearthDialogueTests", dependencies: ["HearthDialogue", "HearthBrain", "HearthRuntime", "HearthTestSupport"]),
        .testTarget(
            name: "HearthRuntimeTests",
            dependencies: ["HearthRuntime", "HearthNeurons", "HearthBrain", "HearthTestSupport"]),
        .testTarget(
            name: "HearthAudioTests",
            dependencies: [
                "HearthAudio", "HearthBrain", "HearthRuntime", "HearthNeurons", "CRingBuffer", "CVoiceActivity", "CWave", "CALSA",
                "HearthHomeAssistant", "HearthTestSupport",
            ]),
        .testTarget(
            name: "HearthHomeAssistantTests",
            dependencies: [
                "HearthHomeAssistant", "HearthRuntime", "HearthNeurons", "HearthBrain", "HearthServer", "HearthTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "HearthDeviceTests", dependencies: ["HearthDevice", "CGPIO"]),
        .testTarget(
            name: "HearthWyomingTests",
            dependencies: [
                "HearthWyoming", "HearthAudio", "HearthRuntime", "HearthNeurons", "HearthBrain", "HearthTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]),
        .testTarget(name: "HearthCLITests", dependencies: ["HearthBrain", "HearthTestSupport"]),
        .testTarget(
            name: "HearthBoardTests",
            dependencies: ["HearthBoard", "HearthDevice", "HearthRuntime", "HearthNeurons", "HearthBrain", "HearthAudio", "HearthTestSupport"]),
        .testTarget(
            name: "HearthStoreTests",
            dependencies: [
                "HearthStore", "HearthPersistence", "HearthRuntime", "HearthNeurons", "HearthBrain", "HearthServer", "HearthDialogue",
                "HearthTestSupport",
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
                // HearthAudio: the browser microphone is tested with real speech.
                "HearthServer", "HearthRuntime", "HearthNeurons", "HearthBrain", "HearthAudio", "HearthDialogue",
                "HearthPersistence", "HearthStore", "HearthTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOPosix", package: "swift-nio"),
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
        .executableTarget(
            name: "hearth-wyoming-bench",
            dependencies: [
                "HearthWyoming", "HearthAudio", "HearthRuntime", "HearthBrain",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "bench/WyomingBench"),
    ]
)
