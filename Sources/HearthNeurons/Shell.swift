import HearthBrain
import HearthRuntime

/// Runs the shell command the user wrote (`cmd`) through /bin/sh, with a
/// time limit; `async: true` starts it and moves on. Outputs `output` and
/// `returncode`.
public struct Shell: Neuron {
    public static let name = "shell"
    public init() {}

    public static func validate(_ parameters: [String: Value]) -> String? {
        parameters["cmd"]?.stringValue == nil ? "shell needs 'cmd', the command to run" : nil
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        let command = try parameters.requiredString("cmd")
        let timeout = try parameters.optionalNumber("timeout") ?? 60
        return try await ProgramNeuron.run(
            ["/bin/sh", "-c", command], background: parameters.flag("async"), timeout: timeout, context: context)
    }
}

/// Runs the program at `path` directly (no shell), with a time limit.
public struct Script: Neuron {
    public static let name = "script"
    public init() {}

    public static func validate(_ parameters: [String: Value]) -> String? {
        parameters["path"]?.stringValue == nil ? "script needs 'path', the program to run" : nil
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        let path = context.resolvePath(try parameters.requiredString("path"))
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw NeuronParameterError("script '\(path)' is missing or not executable")
        }
        let timeout = try parameters.optionalNumber("timeout") ?? 60
        return try await ProgramNeuron.run([path], background: parameters.flag("async"), timeout: timeout, context: context)
    }
}

enum ProgramNeuron {
    static func run(_ arguments: [String], background: Bool, timeout: Double, context: NeuronContext) async throws -> NeuronResult {
        let limit = Duration.milliseconds(Int(max(0.1, timeout) * 1000))
        if background {
            let logger = context.logger
            let directory = context.baseDirectory
            Task.detached {
                do {
                    let outcome = try await ProcessRunner.run(arguments, directory: directory, timeout: limit)
                    logger.info("background program finished", metadata: ["returncode": "\(outcome.returnCode)"])
                } catch {
                    logger.error("background program failed: \(error)")
                }
            }
            return NeuronResult()
        }
        let outcome = try await ProcessRunner.run(arguments, directory: context.baseDirectory, timeout: limit)
        if outcome.timedOut {
            context.logger.warning("program stopped after its time limit", metadata: ["timeout": "\(timeout)"])
        }
        return NeuronResult(outputs: [
            "output": .string(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)),
            "returncode": .int(Int(outcome.returnCode)),
        ])
    }
}

import Foundation
