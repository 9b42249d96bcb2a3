import Foundation

/// A scratch folder of brain and settings files for one test.
struct TestFiles {
    let directory: String

    init() {
        directory = NSTemporaryDirectory() + "hearth-brain-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = directory + "/" + name
        try! FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// The official Kalliope starter kit shipped beside the repository.
enum StarterKit {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/fixtures/kalliope_starter_en").path
    }()
    static var brain: String { directory + "/brain.yml" }
    static var settings: String { directory + "/settings.yml" }
}
