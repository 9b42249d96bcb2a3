import Foundation
import HearthAudio
import HearthBoard
import HearthBrain
import HearthDevice
import HearthNeurons
import HearthRuntime
import Synchronization
import HearthTestSupport
import Testing

/// The board service on the simulated chip of `board/sim.yml` (button on
/// line 17, active low; status LED on line 12), with a real runtime.
@Suite struct BoardServiceTests {
    static let ledLine = 12
    static let buttonLine = 17

    static let simProfile: BoardProfile = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! BoardProfile.named("sim", in: root.appendingPathComponent("board"))
    }()

    static func makeRuntime() -> Runtime {
        var settings = StarterBrain.loadSettings().settings
        settings.hooks = [:]
        return Runtime(
            brain: StarterBrain.loadBrain().brain, settings: settings,
            configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, terminate: {}))
    }

    /// A running service and the chip a test presses buttons on.
    struct Running {
        let chip: SimulatedGPIOChip
        let task: Task<Void, any Error>

        /// Presses the button for `held`: both edges dated in the past, so the
        /// monitor classifies the press as soon as it reads them.
        func press(held: Duration) {
            let now = chip.now()
            chip.inject([GPIOEdgeEvent(.falling, at: now - held - .milliseconds(50)), GPIOEdgeEvent(.rising, at: now - .milliseconds(50))],
                        line: BoardServiceTests.buttonLine)
        }

        /// Whether the LED went on and then off again after `mark`: a flash.
        func ledFlashed(since mark: Duration) -> Bool {
            let levels = chip.history(line: BoardServiceTests.ledLine).filter { $0.at >= mark }.map(\.level)
            guard let lit = levels.firstIndex(of: true) else { return false }
            return levels[lit...].contains(false)
        }

        func stop() async {
            task.cancel()
            _ = try? await task.value
        }
    }

    static func start(runtime: Runtime, listen: @escaping @Sendable () -> Bool = { false }) async throws -> Running {
        let chip = SimulatedGPIOChip()
        let service = BoardService(profile: simProfile, chip: chip, runtime: runtime, listen: listen)
        let task = Task { try await service.run() }
        // Ready once both lines are claimed.
        let ready = await eventually { chip.consumer(line: buttonLine) != nil && chip.consumer(line: ledLine) != nil }
        try #require(ready, "the service did not claim the button and LED lines")
        return Running(chip: chip, task: task)
    }

    @Test func aLongPressTogglesDeafAndBackAndTheLEDShowsIt() async throws {
        let runtime = Self.makeRuntime()
        let events = runtime.events.subscribe()
        let board = try await Self.start(runtime: runtime)
        #expect(await runtime.state == .idle)
        #expect(board.chip.level(line: Self.ledLine) == false, "idle: LED off")

        let beforeDeaf = board.chip.now()
        board.press(held: .milliseconds(1500))
        #expect(await eventually { await runtime.isDeaf })
        #expect(await runtime.state == .deaf)
        #expect(await eventually(within: 8) { board.ledFlashed(since: beforeDeaf) }, "deaf: the LED flashes")

        board.press(held: .milliseconds(1500))
        #expect(await eventually { await !runtime.isDeaf })
        #expect(await runtime.state == .idle)
        #expect(await eventually { board.chip.level(line: Self.ledLine) == false }, "idle again: LED off")

        var presses: [Value] = []
        for await event in events where event.kind == .buttonPressed {
            presses.append(event.data["press"] ?? .null)
            if presses.count == 2 { break }
        }
        #expect(presses == ["long", "long"])
        await board.stop()
    }

    @Test func aShortPressDoesNotChangeDeafAndAsksToListen() async throws {
        let runtime = Self.makeRuntime()
        let asked = Mutex(0)
        let board = try await Self.start(runtime: runtime, listen: { asked.withLock { $0 += 1 }; return true })
        board.press(held: .milliseconds(200))
        #expect(await eventually { asked.withLock { $0 } == 1 })
        #expect(await !runtime.isDeaf)
        await board.stop()
    }

    @Test func aShortPressStartsListeningWithoutTheWakeWordAndTheLEDShowsRecording() async throws {
        let runtime = Self.makeRuntime()
        // The real pipeline: pocketsphinx models, wake word on.
        let assistant = try await VoiceAssistant(runtime: runtime)
        #expect(await runtime.state == .listening)
        let board = try await Self.start(runtime: runtime, listen: { assistant.listenNow(); return true })
        let silence = [Int16](repeating: 0, count: 1600)

        _ = try await assistant.process(silence)
        #expect(!assistant.pipeline.isListening, "no wake word, no press: not listening")

        board.press(held: .milliseconds(200))
        // The press reaches the pipeline before the next samples it decodes.
        var listening = false
        for _ in 0..<100 where !listening {
            try await Task.sleep(for: .milliseconds(20))
            _ = try await assistant.process(silence)
            listening = assistant.pipeline.isListening
        }
        #expect(listening)
        #expect(await runtime.state == .recording)
        #expect(await eventually { board.chip.level(line: Self.ledLine) == true }, "recording: LED steadily on")
        await board.stop()
    }

    @Test func theRuntimeStatesShowAsDistinctLEDPatterns() {
        let states: [RuntimeState] = [.idle, .listening, .recording, .processing, .speaking, .deaf]
        let patterns = states.map { IndicatorState($0).ledPattern }
        #expect(Set(patterns.map { "\($0)" }).count == states.count)
        #expect(IndicatorState(.processing) == .thinking)
    }
}
