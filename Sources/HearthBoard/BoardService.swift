import HearthBrain
import HearthDevice
import HearthRuntime
import Logging
import ServiceLifecycle

/// The board's button and status LED wired to the runtime for the daemon's
/// lifetime. The LED follows the runtime's state; a short press asks for an
/// order without the wake word, a long press turns deaf on or off. Every
/// press is published as a `BUTTON_PRESSED` event.
///
/// A board whose GPIO cannot be opened (a Pi profile on a PC, a line held by
/// another program) does not stop the device: the problem is logged once and
/// the rest keeps running.
public struct BoardService: Service {
    let profile: BoardProfile
    let chip: (any GPIOChip)?
    let runtime: Runtime
    let listen: @Sendable () -> Bool
    let logger: Logger

    /// - Parameters:
    ///   - chip: the chip to use; nil opens the one the profile names.
    ///   - listen: starts listening for an order now; false when there is
    ///     no microphone to listen with.
    public init(profile: BoardProfile, chip: (any GPIOChip)? = nil, runtime: Runtime,
                listen: @escaping @Sendable () -> Bool, logger: Logger = Logger(label: "hearth.board")) {
        self.profile = profile
        self.chip = chip
        self.runtime = runtime
        self.listen = listen
        self.logger = logger
    }

    public func run() async throws {
        guard profile.gpio != nil else {
            logger.info("board has no GPIO: no button or LED", metadata: ["board": "\(profile.name)"])
            try? await gracefulShutdown()
            return
        }
        let (presses, pressed) = AsyncStream<ButtonEvent>.makeStream()
        // Subscribed before the state is read, so no change falls between.
        let events = runtime.events.subscribe(to: IndicatorFollower.followedKinds)
        let io: BoardIO
        do {
            let chip = try self.chip ?? profile.gpio?.openChip()
            io = try BoardIO(profile: profile, chip: chip, onButton: { pressed.yield($0) })
        } catch {
            logger.error("no button or LED: \(error)", metadata: ["board": "\(profile.name)"])
            try? await gracefulShutdown()
            return
        }
        defer {
            pressed.finish()
            io.stop()
        }
        let follower = IndicatorFollower(state: await runtime.state)
        io.show(follower.shown)
        logger.info("button and LED ready", metadata: ["board": "\(profile.name)"])
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    var follower = follower
                    for await event in events {
                        if let indicator = follower.update(with: event) { io.show(indicator) }
                    }
                }
                group.addTask {
                    for await press in presses { await handle(press) }
                }
            }
        }
    }

    private func handle(_ event: ButtonEvent) async {
        switch event {
        case .shortPress:
            runtime.events.publish(RuntimeEvent(.buttonPressed, data: ["press": "short"], source: "button"))
            if !listen() { logger.notice("short press: no microphone to listen with") }
        case .longPress:
            runtime.events.publish(RuntimeEvent(.buttonPressed, data: ["press": "long"], source: "button"))
            let deaf = !(await runtime.isDeaf)
            do {
                try await runtime.applySettingsChange(.deaf(deaf))
                logger.notice(deaf ? "long press: deaf" : "long press: listening again")
            } catch {
                logger.error("long press: deaf not changed: \(error)")
            }
        case .pressed, .released:
            break
        }
    }
}

extension RuntimeEvent.Kind {
    /// The board's button: `press` is `short` or `long`.
    public static let buttonPressed = RuntimeEvent.Kind(rawValue: "BUTTON_PRESSED")
}
