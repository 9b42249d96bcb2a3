/// The moments a brain can attach synapses to (`hooks:` in settings).
public enum Hook: String, Sendable, CaseIterable, Codable {
    case onStart = "on_start"
    case onWaitingForTrigger = "on_waiting_for_trigger"
    case onTriggered = "on_triggered"
    case onStartListening = "on_start_listening"
    case onStopListening = "on_stop_listening"
    case onOrderFound = "on_order_found"
    case onOrderNotFound = "on_order_not_found"
    case onProcessedSynapses = "on_processed_synapses"
    case onDeaf = "on_deaf"
    case onUndeaf = "on_undeaf"
    case onMute = "on_mute"
    case onUnmute = "on_unmute"
    case onStartSpeaking = "on_start_speaking"
    case onStopSpeaking = "on_stop_speaking"
    case onSTTError = "on_stt_error"
}
