import HearthDevice
import HearthRuntime

extension IndicatorState {
    /// What the LED shows for each runtime state; running an order is
    /// "thinking" to someone looking at the device.
    public init(_ state: RuntimeState) {
        switch state {
        case .idle: self = .idle
        case .listening: self = .listening
        case .recording: self = .recording
        case .processing: self = .thinking
        case .speaking: self = .speaking
        case .deaf: self = .deaf
        }
    }
}
