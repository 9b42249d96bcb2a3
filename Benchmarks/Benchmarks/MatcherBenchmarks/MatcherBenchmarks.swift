import Benchmark
import CMallocStats
import HearthBrain

/// Time to match one order against brains of 100, 1,000 and 10,000
/// synapses, and the memory the loaded brain and its index keep.
let benchmarks: @Sendable () -> Void = {
    for size in [100, 1_000, 10_000] {
        let generated = GeneratedBrain(synapses: size)
        let matcher = OrderMatcher(brain: generated.brain)

        Benchmark(
            "Match one order, \(size) synapses",
            configuration: .init(
                metrics: [.wallClock, .throughput, .mallocCountTotal],
                timeUnits: .nanoseconds,
                maxDuration: .seconds(3),
                maxIterations: 1_000_000)
        ) { benchmark in
            var index = 0
            for _ in benchmark.scaledIterations {
                blackHole(matcher.match(generated.orders[index % generated.orders.count]))
                index += 1
            }
        }

        Benchmark(
            "Loaded brain and index, \(size) synapses",
            configuration: .init(
                metrics: [.wallClock, .custom("Retained memory (KiB)", polarity: .prefersSmaller, useScalingFactor: false)],
                timeUnits: .milliseconds,
                maxDuration: .seconds(3),
                maxIterations: 20)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                let before = hearth_allocated_bytes()
                let brain = Brain(synapses: GeneratedBrain.synapses(size))
                let index = OrderMatcher(brain: brain)
                let retained = Int(hearth_allocated_bytes()) - Int(before)
                benchmark.measurement(.custom("Retained memory (KiB)"), max(0, retained) / 1024)
                blackHole((brain, index))
            }
        }
    }
}
