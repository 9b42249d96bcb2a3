import CWave

/// Why bytes were refused as a WAV file, or a WAV file could not be written.
/// `description` is a sentence fit for an HTTP 400 body or a CLI error.
public enum WaveError: Error, Equatable, Sendable, CustomStringConvertible {
    case notRIFF
    case notWAVE
    case truncated
    case chunkTruncated
    case missingFormat
    case duplicateFormat
    case formatTooShort
    case unsupportedEncoding
    case zeroChannels
    case tooManyChannels
    case unsupportedSampleRate
    case unsupportedBitsPerSample
    case badBlockAlign
    case badByteRate
    case malformedExtensible
    case missingData
    case dataBeforeFormat
    case partialFrame
    /// More than a RIFF file can hold (4 GiB).
    case tooLarge
    case unreadable(path: String)

    init(status: hearth_wave_status) {
        switch status {
        case HEARTH_WAVE_ERROR_NOT_RIFF: self = .notRIFF
        case HEARTH_WAVE_ERROR_NOT_WAVE: self = .notWAVE
        case HEARTH_WAVE_ERROR_TRUNCATED: self = .truncated
        case HEARTH_WAVE_ERROR_CHUNK_TRUNCATED: self = .chunkTruncated
        case HEARTH_WAVE_ERROR_NO_FORMAT: self = .missingFormat
        case HEARTH_WAVE_ERROR_DUPLICATE_FORMAT: self = .duplicateFormat
        case HEARTH_WAVE_ERROR_FORMAT_TOO_SHORT: self = .formatTooShort
        case HEARTH_WAVE_ERROR_UNSUPPORTED_ENCODING: self = .unsupportedEncoding
        case HEARTH_WAVE_ERROR_ZERO_CHANNELS: self = .zeroChannels
        case HEARTH_WAVE_ERROR_TOO_MANY_CHANNELS: self = .tooManyChannels
        case HEARTH_WAVE_ERROR_BAD_SAMPLE_RATE: self = .unsupportedSampleRate
        case HEARTH_WAVE_ERROR_BAD_BITS: self = .unsupportedBitsPerSample
        case HEARTH_WAVE_ERROR_BAD_BLOCK_ALIGN: self = .badBlockAlign
        case HEARTH_WAVE_ERROR_BAD_BYTE_RATE: self = .badByteRate
        case HEARTH_WAVE_ERROR_BAD_EXTENSIBLE: self = .malformedExtensible
        case HEARTH_WAVE_ERROR_NO_DATA: self = .missingData
        case HEARTH_WAVE_ERROR_DATA_BEFORE_FORMAT: self = .dataBeforeFormat
        case HEARTH_WAVE_ERROR_PARTIAL_FRAME: self = .partialFrame
        default: self = .tooLarge
        }
    }

    private var status: hearth_wave_status? {
        switch self {
        case .notRIFF: HEARTH_WAVE_ERROR_NOT_RIFF
        case .notWAVE: HEARTH_WAVE_ERROR_NOT_WAVE
        case .truncated: HEARTH_WAVE_ERROR_TRUNCATED
        case .chunkTruncated: HEARTH_WAVE_ERROR_CHUNK_TRUNCATED
        case .missingFormat: HEARTH_WAVE_ERROR_NO_FORMAT
        case .duplicateFormat: HEARTH_WAVE_ERROR_DUPLICATE_FORMAT
        case .formatTooShort: HEARTH_WAVE_ERROR_FORMAT_TOO_SHORT
        case .unsupportedEncoding: HEARTH_WAVE_ERROR_UNSUPPORTED_ENCODING
        case .zeroChannels: HEARTH_WAVE_ERROR_ZERO_CHANNELS
        case .tooManyChannels: HEARTH_WAVE_ERROR_TOO_MANY_CHANNELS
        case .unsupportedSampleRate: HEARTH_WAVE_ERROR_BAD_SAMPLE_RATE
        case .unsupportedBitsPerSample: HEARTH_WAVE_ERROR_BAD_BITS
        case .badBlockAlign: HEARTH_WAVE_ERROR_BAD_BLOCK_ALIGN
        case .badByteRate: HEARTH_WAVE_ERROR_BAD_BYTE_RATE
        case .malformedExtensible: HEARTH_WAVE_ERROR_BAD_EXTENSIBLE
        case .missingData: HEARTH_WAVE_ERROR_NO_DATA
        case .dataBeforeFormat: HEARTH_WAVE_ERROR_DATA_BEFORE_FORMAT
        case .partialFrame: HEARTH_WAVE_ERROR_PARTIAL_FRAME
        case .tooLarge, .unreadable: nil
        }
    }

    public var description: String {
        switch self {
        case .tooLarge: return "audio too large for a WAV file (4 GiB)"
        case .unreadable(let path): return "cannot read \(path)"
        default: return String(cString: hearth_wave_status_message(status!))
        }
    }
}
