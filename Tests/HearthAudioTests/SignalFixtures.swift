import Foundation

@testable import HearthAudio

/// Test signals made at test time: nothing binary is checked in.
enum SignalFixtures {
    /// A deterministic generator so noise is the same on every run.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// Roughly Gaussian: the sum of four uniforms, unit variance.
        mutating func gaussian() -> Double {
            var sum = 0.0
            for _ in 0..<4 { sum += Double(next() >> 11) / Double(1 << 53) - 0.5 }
            return sum * 1.7320508
        }
    }

    static func silence(seconds: Double, rate: Int = 16000) -> [Int16] {
        [Int16](repeating: 0, count: Int(seconds * Double(rate)))
    }

    static func tone(hertz: Double, amplitude: Double, seconds: Double, rate: Int = 16000) -> [Int16] {
        (0..<Int(seconds * Double(rate))).map { n in
            Int16(amplitude * 32767 * sin(2 * Double.pi * hertz * Double(n) / Double(rate)))
        }
    }

    static func whiteNoise(rms: Double, seconds: Double, rate: Int = 16000, seed: UInt64 = 1) -> [Int16] {
        var generator = SplitMix64(state: seed)
        return (0..<Int(seconds * Double(rate))).map { _ in
            Int16(max(-32768, min(32767, generator.gaussian() * rms * 32767)))
        }
    }

    /// Root mean square, in sample units.
    static func rms(_ samples: some Collection<Int16>) -> Double {
        (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(1, samples.count))).squareRoot()
    }

    static func add(_ a: [Int16], _ b: [Int16]) -> [Int16] {
        zip(a, b).map { Int16(max(-32768, min(32767, Int($0) + Int($1)))) }
    }

    static var fliteURL: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("flite")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static var fliteAvailable: Bool { fliteURL != nil }

    /// Speech synthesised by flite, as mono 16 kHz.
    static func speech(_ text: String, voice: String = "slt") throws -> AudioBuffer {
        guard let flite = fliteURL else { throw FixtureError.fliteMissing }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("hearth-vad-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = flite
        process.arguments = ["-voice", voice, "-t", text, "-o", output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError.fliteFailed(process.terminationStatus) }
        return try WaveFile(contentsOfFile: output.path).audioBuffer(sampleRate: 16000)
    }

    enum FixtureError: Error { case fliteMissing, fliteFailed(Int32) }
}
