import AsyncHTTPClient
import Foundation
import HearthBrain
import HearthStore
import NIOCore

// Acknowledged writes per second and per-write latency, each write committed
// with synchronous=FULL (the store's only mode), measured two ways:
//   store <dir> <count>   the store alone: a setting, a synapse, a finished run
//   http <url> <count>    through a running `hearth run`: POST /settings/variables
// One write at a time: a write is acknowledged only once it is on disk, so
// this is the rate one client sees, not a parallel throughput.

struct Latencies {
    var samples: [Duration] = []

    func report(_ label: String) {
        let sorted = samples.sorted()
        let total = samples.reduce(Duration.zero, +)
        func milliseconds(_ duration: Duration) -> String {
            String(format: "%.2f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
        }
        func percentile(_ fraction: Double) -> Duration {
            sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
        }
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        print(String(
            format: "%@: %d writes, %.0f writes/s, p50 %@, p99 %@, max %@", label, samples.count,
            Double(samples.count) / seconds, milliseconds(percentile(0.5)), milliseconds(percentile(0.99)),
            milliseconds(sorted.last ?? .zero)))
    }
}

func measure(_ count: Int, _ write: (Int) throws -> Void) rethrows -> Latencies {
    var latencies = Latencies()
    let clock = ContinuousClock()
    for index in 0..<count {
        latencies.samples.append(try clock.measure { try write(index) })
    }
    return latencies
}

func benchStore(directory: String, count: Int) throws {
    let store = StateStore(configuration: StoreConfiguration(directory: directory))
    guard store.isAvailable else { throw BenchError("the store in \(directory) cannot be opened") }
    defer { store.close() }
    try measure(count) { index in try store.saveSettings(["variables.bench": .int(index)]) }.report("store setting")
    try measure(count) { index in
        try store.saveDefinedSynapse(
            name: "bench-\(index)",
            definition: ["name": .string("bench-\(index)"), "signals": [["order": "bench"]], "neurons": [["say": ["message": "ok"]]]],
            enabled: true)
    }.report("store synapse")
    try measure(count) { index in
        try store.recordRun(
            RunRecord(time: Date(), source: "bench", order: "bench \(index)", synapses: ["bench"], status: "complete", duration: 0.01),
            memory: ["kalliope_last_order": .string("bench \(index)")])
    }.report("store run+memory")
}

func benchHTTP(url: String, count: Int) async throws {
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    var latencies = Latencies()
    let clock = ContinuousClock()
    do {
        for index in 0..<count {
            var request = HTTPClientRequest(url: url + "/settings/variables")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: JSON.encode(["bench": .int(index)])))
            let started = clock.now
            let response = try await client.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            latencies.samples.append(clock.now - started)
            guard response.status.code == 200 else { throw BenchError("the API answered \(response.status.code)") }
        }
    } catch {
        try await client.shutdown()
        throw error
    }
    try await client.shutdown()
    latencies.report("http POST /settings/variables")
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 3, let count = Int(arguments[arguments.startIndex + 2]), count > 0 else {
    FileHandle.standardError.write(Data("usage: hearth-store-bench store <dir> <count> | http <url> <count>\n".utf8))
    exit(2)
}
let target = arguments[arguments.startIndex + 1]
do {
    switch arguments.first {
    case "store": try benchStore(directory: target, count: count)
    case "http": try await benchHTTP(url: target, count: count)
    default: throw BenchError("unknown mode '\(arguments.first ?? "")'")
    }
} catch {
    FileHandle.standardError.write(Data("hearth-store-bench: \(error)\n".utf8))
    exit(1)
}
