import HearthBrain

/// The OpenAPI 3 description of the whole REST API, served at
/// `/openapi.json`. Written by hand; a test checks that its paths and methods
/// are exactly the routes the server registers.
enum OpenAPIDocument {
    /// The document with `info.version` set to the running version.
    static func json(version: String) -> Value {
        // The text below is a constant checked by the test suite; failing to
        // parse it is a build defect, not a runtime condition.
        guard case .map(var document) = try! JSON.decode(text), case .map(var info)? = document["info"] else {
            preconditionFailure("the OpenAPI document must be a JSON object with an 'info' object")
        }
        info["version"] = .string(version)
        document["info"] = .map(info)
        return .map(document)
    }

    static let text = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "Hearth REST API",
    "version": "set at run time",
    "description": "Kalliope's REST API (the 0.4 and 0.7 routes) as Hearth serves it. When rest_api.password_protected is true every route needs HTTP basic authentication. Boolean flags (mute, deaf) accept true, \"true\", \"True\", 1 and \"1\" as true; anything else is false. Trailing slashes are optional. Bodies over 1 MiB are refused with 413. The control API (/api/...) takes bearer tokens instead and answers errors as {\"error\": \"message\"}."
  },
  "security": [{"basicAuth": []}],
  "paths": {
    "/": {
      "get": {
        "summary": "Version",
        "description": "A browser asking for HTML (Accept: text/html) is redirected to /dashboard instead.",
        "operationId": "getVersion",
        "responses": {
          "302": {"description": "To /dashboard, for a browser.", "headers": {"Location": {"schema": {"type": "string"}}}},
          "200": {"description": "The running version.", "content": {"application/json": {"schema": {"type": "object", "properties": {"Kalliope version": {"type": "string"}}}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "operationId": "getOpenAPI",
        "responses": {
          "200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/synapses": {
      "get": {
        "summary": "List synapses",
        "operationId": "listSynapses",
        "responses": {
          "200": {"description": "Every synapse, in brain order.", "content": {"application/json": {"schema": {"type": "object", "properties": {"synapses": {"type": "array", "items": {"$ref": "#/components/schemas/Synapse"}}}}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      },
      "post": {
        "summary": "Add a synapse to the brain",
        "description": "The body is a synapse as a brain file writes it. The matcher knows the new synapse at once. Hearth refuses a name already in the brain (409); Kalliope accepted duplicates.",
        "operationId": "addSynapse",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SynapseDefinition"}}}},
        "responses": {
          "201": {"description": "The synapse as added.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Synapse"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"description": "A synapse of that name exists.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "413": {"$ref": "#/components/responses/TooLarge"}
        }
      }
    },
    "/synapses/{name}": {
      "parameters": [{"$ref": "#/components/parameters/SynapseName"}],
      "get": {
        "summary": "Show one synapse",
        "operationId": "getSynapse",
        "responses": {
          "200": {"description": "The synapse.", "content": {"application/json": {"schema": {"type": "object", "properties": {"synapses": {"$ref": "#/components/schemas/Synapse"}}}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/SynapseNotFound"}
        }
      },
      "delete": {
        "summary": "Delete a synapse",
        "operationId": "deleteSynapse",
        "responses": {
          "204": {"description": "Deleted; the matcher forgets it at once."},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/SynapseNotFound"}
        }
      },
      "post": {
        "summary": "Run a synapse by its name (alias)",
        "description": "Kalliope's API page shows this URL in its curl example for running a synapse by name; Hearth answers it as POST /synapses/start/id/{name}.",
        "deprecated": true,
        "operationId": "runSynapseByNameAlias",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RunByNameBody"}}}},
        "responses": {
          "201": {"$ref": "#/components/responses/Run"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/SynapseNotFound"}
        }
      }
    },
    "/synapses/start/id/{name}": {
      "parameters": [{"$ref": "#/components/parameters/SynapseName"}],
      "post": {
        "summary": "Run a synapse by its name",
        "description": "matched_order and user_order are null. parameters stand in for an order's parameters.",
        "operationId": "runSynapseByName",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RunByNameBody"}}}},
        "responses": {
          "201": {"$ref": "#/components/responses/Run"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/SynapseNotFound"},
          "413": {"$ref": "#/components/responses/TooLarge"}
        }
      },
      "delete": {
        "summary": "Delete a synapse (alias)",
        "description": "Kalliope's API page shows this URL in its curl example for deleting a synapse; Hearth answers it as DELETE /synapses/{name}.",
        "deprecated": true,
        "operationId": "deleteSynapseAlias",
        "responses": {
          "204": {"description": "Deleted."},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/SynapseNotFound"}
        }
      }
    },
    "/synapses/start/order": {
      "post": {
        "summary": "Run the synapses an order matches",
        "description": "While a neurotransmitter waits (status waiting_for_answer), the next order is its answer: the response lists the waiting synapse with a Neurotransmitter entry, then the linked synapse, with user_order null.",
        "operationId": "runOrder",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RunByOrderBody"}}}},
        "responses": {
          "201": {"$ref": "#/components/responses/Run"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"}
        }
      }
    },
    "/synapses/start/audio": {
      "post": {
        "summary": "Run the synapses a spoken order matches",
        "description": "Not available yet: answers 501 until Hearth's speech-to-text engine is built in. Kalliope takes a multipart field 'file' (WAV or MP3) and an optional 'mute' field.",
        "operationId": "runAudio",
        "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}, "mute": {"type": "string"}}, "required": ["file"]}}}},
        "responses": {
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "501": {"description": "Speech to text is not available in this build.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/deaf": {
      "get": {"summary": "Deaf state (Kalliope 0.4 path)", "operationId": "getDeafLegacy", "responses": {"200": {"$ref": "#/components/responses/Deaf"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Switch deaf (Kalliope 0.4 path)", "operationId": "setDeafLegacy", "requestBody": {"$ref": "#/components/requestBodies/Deaf"}, "responses": {"200": {"$ref": "#/components/responses/Deaf"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/mute": {
      "get": {"summary": "Mute state (Kalliope 0.4 path)", "operationId": "getMuteLegacy", "responses": {"200": {"$ref": "#/components/responses/Mute"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Switch mute (Kalliope 0.4 path)", "operationId": "setMuteLegacy", "requestBody": {"$ref": "#/components/requestBodies/Mute"}, "responses": {"200": {"$ref": "#/components/responses/Mute"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/api/events": {
      "get": {
        "summary": "Live runtime events (WebSocket)",
        "description": "Upgrade to a WebSocket. The server first sends {\"event\": \"CONNECTED\", \"data\": {\"state\"}, \"timestamp\"}, then every runtime event as {\"event\", \"data\", \"timestamp\", \"source\"} (STATE_CHANGED, ORDER_MATCHED, ORDER_NOT_FOUND, TTS_STARTED, ...; timestamps ISO 8601 UTC). A client message {\"type\": \"ping\"} is answered with {\"event\": \"pong\"}.",
        "operationId": "eventStream",
        "security": [{"bearerAuth": []}],
        "x-scope": "read",
        "parameters": [{"name": "token", "in": "query", "required": false, "schema": {"type": "string"}, "description": "The bearer token, for clients that cannot set headers on a WebSocket (browsers)."}],
        "responses": {
          "101": {"description": "Switching to the WebSocket protocol."},
          "401": {"$ref": "#/components/responses/ControlUnauthorized"},
          "403": {"$ref": "#/components/responses/ControlForbidden"},
          "426": {"description": "A plain request, not a WebSocket upgrade.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}}}}
        }
      }
    },
    "/settings": {
      "get": {
        "summary": "All settings, without secrets",
        "description": "Never includes the API password; engine parameters and variables whose names say they hold a secret (password, token, key, ...) are masked.",
        "operationId": "getSettings",
        "responses": {
          "200": {"description": "The settings.", "content": {"application/json": {"schema": {"type": "object", "properties": {"settings": {"$ref": "#/components/schemas/Settings"}}}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/settings/deaf": {
      "get": {"summary": "Deaf state", "operationId": "getDeaf", "responses": {"200": {"$ref": "#/components/responses/Deaf"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Switch deaf", "operationId": "setDeaf", "requestBody": {"$ref": "#/components/requestBodies/Deaf"}, "responses": {"200": {"$ref": "#/components/responses/Deaf"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/mute": {
      "get": {"summary": "Mute state", "operationId": "getMute", "responses": {"200": {"$ref": "#/components/responses/Mute"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Switch mute", "operationId": "setMute", "requestBody": {"$ref": "#/components/requestBodies/Mute"}, "responses": {"200": {"$ref": "#/components/responses/Mute"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/default_tts": {
      "get": {"summary": "Default text-to-speech engine", "operationId": "getDefaultTTS", "responses": {"200": {"$ref": "#/components/responses/Setting"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Set the default text-to-speech engine", "description": "Body {\"default_tts\": \"espeak-ng\"}.", "operationId": "setDefaultTTS", "requestBody": {"$ref": "#/components/requestBodies/Setting"}, "responses": {"200": {"$ref": "#/components/responses/Setting"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/default_stt": {
      "get": {"summary": "Default speech-to-text engine", "operationId": "getDefaultSTT", "responses": {"200": {"$ref": "#/components/responses/Setting"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Set the default speech-to-text engine", "description": "Body {\"default_stt\": \"pocketsphinx\"}.", "operationId": "setDefaultSTT", "requestBody": {"$ref": "#/components/requestBodies/Setting"}, "responses": {"200": {"$ref": "#/components/responses/Setting"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/default_player": {
      "get": {"summary": "Default player", "operationId": "getDefaultPlayer", "responses": {"200": {"$ref": "#/components/responses/Setting"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Set the default player", "description": "Body {\"default_player\": \"alsa\"}.", "operationId": "setDefaultPlayer", "requestBody": {"$ref": "#/components/requestBodies/Setting"}, "responses": {"200": {"$ref": "#/components/responses/Setting"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/default_trigger": {
      "get": {"summary": "Default trigger", "operationId": "getDefaultTrigger", "responses": {"200": {"$ref": "#/components/responses/Setting"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Set the default trigger", "description": "Body {\"default_trigger\": \"pocketsphinx\"}.", "operationId": "setDefaultTrigger", "requestBody": {"$ref": "#/components/requestBodies/Setting"}, "responses": {"200": {"$ref": "#/components/responses/Setting"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/hooks": {
      "get": {"summary": "Hooks", "description": "Every hook: null, a synapse name, or a list of them.", "operationId": "getHooks", "responses": {"200": {"$ref": "#/components/responses/Hooks"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Change hooks", "description": "The body maps hook names to a synapse name, a list of names, or null; the named hooks are replaced, the others kept.", "operationId": "setHooks", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}], "nullable": true}}}}}, "responses": {"200": {"$ref": "#/components/responses/Hooks"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/variables": {
      "get": {"summary": "Variables", "operationId": "getVariables", "responses": {"200": {"$ref": "#/components/responses/Variables"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Merge variables", "description": "The body is a map of variables merged into the current ones.", "operationId": "setVariables", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": true}}}}, "responses": {"200": {"$ref": "#/components/responses/Variables"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/recognizer_multiplier": {
      "get": {"summary": "Recognizer multiplier", "operationId": "getRecognizerMultiplier", "responses": {"200": {"$ref": "#/components/responses/Setting"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Set the recognizer multiplier", "description": "Body {\"recognizer_multiplier\": 1.0}; a positive number or a string holding one.", "operationId": "setRecognizerMultiplier", "requestBody": {"$ref": "#/components/requestBodies/Setting"}, "responses": {"200": {"$ref": "#/components/responses/Setting"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/recognizer_energy_ratio": {
      "get": {"summary": "Recognizer energy ratio", "operationId": "getRecognizerEnergyRatio", "responses": {"200": {"$ref": "#/components/responses/Setting"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Set the recognizer energy ratio", "operationId": "setRecognizerEnergyRatio", "requestBody": {"$ref": "#/components/requestBodies/Setting"}, "responses": {"200": {"$ref": "#/components/responses/Setting"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/recognizer_recording_timeout": {
      "get": {"summary": "Recording timeout (seconds)", "operationId": "getRecognizerRecordingTimeout", "responses": {"200": {"$ref": "#/components/responses/Setting"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Set the recording timeout", "operationId": "setRecognizerRecordingTimeout", "requestBody": {"$ref": "#/components/requestBodies/Setting"}, "responses": {"200": {"$ref": "#/components/responses/Setting"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/settings/recognizer_recording_timeout_with_silence": {
      "get": {"summary": "Recording timeout after silence (seconds)", "operationId": "getRecognizerRecordingTimeoutWithSilence", "responses": {"200": {"$ref": "#/components/responses/Setting"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"summary": "Set the recording timeout after silence", "operationId": "setRecognizerRecordingTimeoutWithSilence", "requestBody": {"$ref": "#/components/requestBodies/Setting"}, "responses": {"200": {"$ref": "#/components/responses/Setting"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}
    },
    "/api/homeassistant/status": {
      "get": {
        "summary": "Home Assistant connection",
        "description": "Whether settings configure Home Assistant (homeassistant.url), whether it answered the last probe, its address and the conversation language. Never the token.",
        "operationId": "getHomeAssistantStatus",
        "responses": {
          "200": {"description": "The connection now.", "content": {"application/json": {"schema": {"type": "object", "properties": {"enabled": {"type": "boolean"}, "connected": {"type": "boolean"}, "url": {"type": "string", "nullable": true}, "language": {"type": "string", "nullable": true}}}, "example": {"enabled": true, "connected": true, "url": "http://homeassistant.local:8123", "language": "en"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/api/homeassistant/command": {
      "post": {
        "summary": "Send a sentence to Home Assistant's conversation agent",
        "description": "The conversation continues across calls (Home Assistant's conversation_id is kept), so follow-up questions work. Nothing is spoken.",
        "operationId": "sendHomeAssistantCommand",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}, "language": {"type": "string"}}}, "example": {"text": "turn on the kitchen light"}}}},
        "responses": {
          "200": {"description": "Home Assistant's spoken answer.", "content": {"application/json": {"schema": {"type": "object", "properties": {"response": {"type": "string"}, "command": {"type": "string"}}}, "example": {"response": "Turned on the light", "command": "turn on the kitchen light"}}}},
          "400": {"$ref": "#/components/responses/ControlError"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "502": {"$ref": "#/components/responses/ControlError"},
          "503": {"$ref": "#/components/responses/ControlError"}
        }
      }
    },
    "/api/status": {"get": {"summary": "Device status", "operationId": "getStatus", "security": [{"bearerAuth": []}], "x-scope": "read", "responses": {"200": {"description": "The state now.", "content": {"application/json": {"schema": {"type": "object", "properties": {"state": {"type": "string", "enum": ["IDLE", "LISTENING", "RECORDING", "PROCESSING", "SPEAKING", "DEAF"]}, "language": {"type": "string"}, "tts_provider": {"type": "string"}, "is_speaking": {"type": "boolean"}, "is_processing": {"type": "boolean"}, "is_running": {"type": "boolean"}, "uptime_seconds": {"type": "integer"}, "active_speaker": {"type": "string", "nullable": true, "description": "Null until speakers are identified by voice."}, "active_soul": {"type": "string"}, "homeassistant_connected": {"type": "boolean"}}}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/config": {"get": {"summary": "Configuration (safe fields only)", "operationId": "getConfig", "security": [{"bearerAuth": []}], "x-scope": "read", "responses": {"200": {"description": "Never a password or token.", "content": {"application/json": {"schema": {"type": "object", "properties": {"language": {"type": "string"}, "soul": {"type": "string"}, "tts_provider": {"type": "string"}, "tts_voice": {"type": "string", "nullable": true}, "tts_rate": {"type": "integer", "nullable": true}, "tts_pitch": {"type": "integer", "nullable": true}, "tts_volume": {"type": "integer", "nullable": true}, "stt_provider": {"type": "string"}, "stt_model": {"type": "string", "nullable": true}, "wake_word": {"type": "string", "nullable": true}, "wake_word_engine": {"type": "string"}, "sample_rate": {"type": "integer"}, "capture_device": {"type": "string"}, "playback_device": {"type": "string"}, "api_host": {"type": "string"}, "api_port": {"type": "integer"}, "mute": {"type": "boolean"}, "deaf": {"type": "boolean"}, "updatable": {"type": "array", "items": {"type": "string"}}}}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}, "patch": {"summary": "Change run-time fields", "operationId": "patchConfig", "security": [{"bearerAuth": []}], "x-scope": "control", "description": "Only the listed keys; any other key is 400 \"Field 'x' is not updatable at runtime\" and nothing changes. mute and deaf are the same switches as /settings/mute and /settings/deaf.", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "minProperties": 1, "additionalProperties": false, "properties": {"mute": {"type": "boolean"}, "deaf": {"type": "boolean"}, "language": {"type": "string"}, "soul": {"type": "string"}, "tts_voice": {"type": "string"}, "tts_rate": {"type": "integer", "minimum": 80, "maximum": 450}, "tts_pitch": {"type": "integer", "minimum": 0, "maximum": 100}, "tts_volume": {"type": "integer", "minimum": 0, "maximum": 200}}}}}}, "responses": {"200": {"description": "What changed, saved before the answer.", "content": {"application/json": {"schema": {"type": "object", "properties": {"updated": {"type": "object"}}}, "example": {"updated": {"mute": true}}}}}, "400": {"$ref": "#/components/responses/ControlBadRequest"}, "413": {"$ref": "#/components/responses/ControlTooLarge"}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/languages": {"get": {"summary": "Installed languages", "operationId": "getLanguages", "security": [{"bearerAuth": []}], "x-scope": "read", "responses": {"200": {"description": "Languages with both a speech-to-text model and an espeak-ng voice installed.", "content": {"application/json": {"schema": {"type": "object", "properties": {"current": {"type": "string"}, "available": {"type": "array", "items": {"type": "string"}}}}, "example": {"current": "en", "available": ["en"]}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/language": {"post": {"summary": "Switch language", "operationId": "setLanguage", "security": [{"bearerAuth": []}], "x-scope": "control", "description": "Switches the speech-to-text models and the espeak-ng voice.", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["language"], "properties": {"language": {"type": "string"}}}}}}, "responses": {"200": {"description": "The new language.", "content": {"application/json": {"schema": {"type": "object", "properties": {"language": {"type": "string"}}}, "example": {"language": "en"}}}}, "400": {"$ref": "#/components/responses/ControlBadRequest"}, "404": {"$ref": "#/components/responses/ControlNotFound"}, "413": {"$ref": "#/components/responses/ControlTooLarge"}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/souls": {"get": {"summary": "Souls", "operationId": "listSouls", "security": [{"bearerAuth": []}], "x-scope": "read", "responses": {"200": {"description": "Every soul.", "content": {"application/json": {"schema": {"type": "object", "properties": {"souls": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/Soul"}, {"type": "object", "properties": {"active": {"type": "boolean"}}}]}}}}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/soul/current": {"get": {"summary": "Active soul", "operationId": "getSoul", "security": [{"bearerAuth": []}], "x-scope": "read", "responses": {"200": {"description": "The soul Hearth speaks with.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Soul"}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/soul": {"post": {"summary": "Switch soul", "operationId": "setSoul", "security": [{"bearerAuth": []}], "x-scope": "control", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["soul"], "properties": {"soul": {"type": "string"}}}}}}, "responses": {"200": {"description": "The new soul; the next speech uses its voice.", "content": {"application/json": {"schema": {"type": "object", "properties": {"soul": {"type": "string"}, "name": {"type": "string"}, "nsfw": {"type": "boolean"}, "model": {"type": "string", "nullable": true}}}}}}, "400": {"$ref": "#/components/responses/ControlBadRequest"}, "404": {"$ref": "#/components/responses/ControlNotFound"}, "413": {"$ref": "#/components/responses/ControlTooLarge"}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/tts/test": {"post": {"summary": "Speak a test phrase", "operationId": "testSpeech", "security": [{"bearerAuth": []}], "x-scope": "tts", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}}, "responses": {"200": {"description": "Spoken after whatever runs now; status muted when mute is on.", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string", "enum": ["speaking", "muted"]}, "text": {"type": "string"}}}}}}, "400": {"$ref": "#/components/responses/ControlBadRequest"}, "413": {"$ref": "#/components/responses/ControlTooLarge"}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/stop": {"post": {"summary": "Stop speaking now (barge-in)", "operationId": "stopSpeech", "security": [{"bearerAuth": []}], "x-scope": "control", "responses": {"200": {"description": "Playback stopped.", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}}}, "example": {"status": "stopped"}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/reset-context": {"post": {"summary": "Forget the dialogue context", "operationId": "resetContext", "security": [{"bearerAuth": []}], "x-scope": "control", "responses": {"200": {"description": "A waiting neurotransmitter is forgotten.", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}}}, "example": {"status": "context_reset"}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/restart": {"post": {"summary": "Restart", "operationId": "restart", "security": [{"bearerAuth": []}], "x-scope": "admin", "responses": {"200": {"description": "Answered, then Hearth stops cleanly and exits with status 75 for systemd to start it again.", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}}}, "example": {"status": "restarting"}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/shutdown": {"post": {"summary": "Shut down", "operationId": "shutdown", "security": [{"bearerAuth": []}], "x-scope": "admin", "responses": {"200": {"description": "Answered, then Hearth stops cleanly (exit status 0).", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}}}, "example": {"status": "shutting_down"}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/speakers": {"get": {"summary": "Speaker profiles", "operationId": "listSpeakers", "security": [{"bearerAuth": []}], "x-scope": "read", "responses": {"200": {"description": "Every profile, oldest first.", "content": {"application/json": {"schema": {"type": "object", "properties": {"speakers": {"type": "array", "items": {"$ref": "#/components/schemas/Speaker"}}}}}}}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}, "post": {"summary": "Add a speaker profile", "operationId": "addSpeaker", "security": [{"bearerAuth": []}], "x-scope": "speakers", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "priority": {"type": "integer", "enum": [0, 1, 2], "description": "1 friend, 2 guest (the default); 0 (owner) is 409, there is always exactly one."}}}}}}, "responses": {"201": {"description": "The new profile.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Speaker"}}}}, "400": {"$ref": "#/components/responses/ControlBadRequest"}, "409": {"$ref": "#/components/responses/ControlConflict"}, "413": {"$ref": "#/components/responses/ControlTooLarge"}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/speakers/{id}": {"delete": {"summary": "Delete a speaker profile", "operationId": "deleteSpeaker", "security": [{"bearerAuth": []}], "x-scope": "speakers", "description": "The owner cannot be deleted (403).", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "example": "spk_002"}], "responses": {"200": {"description": "Deleted.", "content": {"application/json": {"schema": {"type": "object", "properties": {"deleted": {"type": "string"}}}}}}, "404": {"$ref": "#/components/responses/ControlNotFound"}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/speakers/{id}/block": {"post": {"summary": "Block a speaker", "operationId": "blockSpeaker", "security": [{"bearerAuth": []}], "x-scope": "speakers", "description": "Blocking the owner is 400.", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "example": "spk_002"}], "responses": {"200": {"description": "Priority 99 and is_blocked; the earlier priority is kept for unblocking.", "content": {"application/json": {"schema": {"type": "object", "properties": {"blocked": {"type": "string"}}}}}}, "400": {"$ref": "#/components/responses/ControlBadRequest"}, "404": {"$ref": "#/components/responses/ControlNotFound"}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/speakers/{id}/unblock": {"post": {"summary": "Unblock a speaker", "operationId": "unblockSpeaker", "security": [{"bearerAuth": []}], "x-scope": "speakers", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "example": "spk_002"}], "responses": {"200": {"description": "The priority from before the block is back.", "content": {"application/json": {"schema": {"type": "object", "properties": {"unblocked": {"type": "string"}}}}}}, "404": {"$ref": "#/components/responses/ControlNotFound"}, "401": {"$ref": "#/components/responses/ControlUnauthorized"}, "403": {"$ref": "#/components/responses/ControlForbidden"}}}},
    "/api/audio": {
      "get": {
        "summary": "Browser microphone (WebSocket)",
        "description": "Upgrade to a WebSocket. Client: a text frame {\"type\": \"hello\", \"sample_rate\": N} (8000 to 192000), answered {\"type\": \"hello_ack\", \"session_id\", \"sample_rate\", \"tts_sample_rate\"}; then binary frames of mono signed 16-bit little-endian PCM at that rate, and the text frames mute (the speaker is done: an order under way ends there; audio is ignored until unmute), unmute and stop (barge-in). Speech is segmented by the device's voice-activity detection, heard against the brain and run as an order from source browser. Server: {\"type\": \"heard\", \"text\"} (empty when not understood), then for a spoken answer {\"type\": \"tts_start\", \"duration\", \"sample_rate\"}, binary PCM at that rate, {\"type\": \"tts_end\"}, and {\"type\": \"order_done\", \"synapses\", \"status\"}; answers go to this client only. A frame that cannot be used gets {\"type\": \"error\", \"error\"} and the session goes on.",
        "operationId": "browserMicrophone",
        "responses": {
          "101": {"description": "Switching to the WebSocket protocol."},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "426": {"description": "A plain request, not a WebSocket upgrade.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "429": {"description": "dashboard.max_clients browsers (default 3) already use their microphone.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}}}},
          "503": {"description": "No speech engine: the browser microphone is not available.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}}}}
        }
      }
    },
    "/api/history": {
      "get": {
        "summary": "Recent orders",
        "description": "The newest runs of the order history, newest first: every order and synapse run from any source (api, voice, browser, hook, event...).",
        "operationId": "getHistory",
        "parameters": [{"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 20}}],
        "responses": {
          "200": {"description": "The runs.", "content": {"application/json": {"schema": {"type": "object", "properties": {"history": {"type": "array", "items": {
            "type": "object",
            "properties": {
              "time": {"type": "string", "format": "date-time"},
              "source": {"type": "string"},
              "order": {"type": "string", "nullable": true},
              "synapses": {"type": "array", "items": {"type": "string"}},
              "status": {"type": "string", "nullable": true},
              "duration": {"type": "number", "description": "Seconds."}
            }
          }}}}}}},
          "400": {"description": "A limit that is not a whole number from 1 to 1000.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}}}},
          "503": {"description": "The state database cannot be read.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}}}}
        }
      }
    },
    "/dashboard": {
      "get": {
        "summary": "The dashboard page",
        "description": "Served without authentication (it holds no secret); the page asks for an access token. A browser opening / is redirected here.",
        "operationId": "getDashboard",
        "security": [],
        "responses": {"200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}}}
      }
    },
    "/dashboard/{file}": {
      "get": {
        "summary": "A file of the dashboard",
        "operationId": "getDashboardFile",
        "security": [],
        "parameters": [{"name": "file", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": "The file (HTML, CSS, JavaScript, SVG or the web app manifest).", "content": {"*/*": {"schema": {"type": "string"}}}},
          "404": {"description": "The dashboard has no such file.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "basicAuth": {"type": "http", "scheme": "basic", "description": "rest_api.login and rest_api.password, when rest_api.password_protected is true."},
      "bearerAuth": {"type": "http", "scheme": "bearer", "description": "The control API (/api/...) only: a token from `hearth token create --scopes ...`. Scopes: read (GETs, WebSockets), control, tts, speakers, admin (implies all); x-scope names the one each route needs. WebSocket upgrades may pass it as ?token=. Until a token exists, only loopback clients are answered."}
    },
    "parameters": {
      "SynapseName": {"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}
    },
    "requestBodies": {
      "Deaf": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["deaf"], "properties": {"deaf": {"$ref": "#/components/schemas/Flag"}}}}}},
      "Mute": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["mute"], "properties": {"mute": {"$ref": "#/components/schemas/Flag"}}}}}},
      "Setting": {"required": true, "content": {"application/json": {"schema": {"type": "object", "description": "One key, named as the route's last path segment.", "minProperties": 1, "maxProperties": 1}}}}
    },
    "responses": {
      "ControlBadRequest": {"description": "A field is missing, refused or of the wrong type; nothing changed.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}, "example": {"error": "Field 'wake_word' is not updatable at runtime"}}}},
      "ControlUnauthorized": {"description": "No bearer token, or an unknown one.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}, "example": {"error": "Authentication required"}}}},
      "ControlForbidden": {"description": "The token lacks the route's scope, or no token exists yet and the client is not on this device.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}, "example": {"error": "this token lacks the 'control' scope"}}}},
      "ControlNotFound": {"description": "No such speaker, language or soul.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}, "example": {"error": "language 'xx' is not available"}}}},
      "ControlConflict": {"description": "A second owner.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}, "example": {"error": "there is already an owner; there can be only one"}}}},
      "ControlTooLarge": {"description": "The body is over 1 MiB.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}, "example": {"error": "the request body is larger than 1048576 bytes"}}}},
      "ControlUnavailable": {"description": "The token store cannot be read.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}, "example": {"error": "the token store cannot be read: storage is unavailable"}}}},
      "Run": {"description": "What ran.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/APIResponse"}}}},
      "Deaf": {"description": "The deaf state now.", "content": {"application/json": {"schema": {"type": "object", "properties": {"deaf": {"type": "boolean"}}}}}},
      "Mute": {"description": "The mute state now.", "content": {"application/json": {"schema": {"type": "object", "properties": {"mute": {"type": "boolean"}}}}}},
      "Setting": {"description": "The setting now, under the route's name.", "content": {"application/json": {"schema": {"type": "object", "minProperties": 1, "maxProperties": 1}}}},
      "Hooks": {"description": "Every hook now.", "content": {"application/json": {"schema": {"type": "object", "properties": {"hooks": {"type": "object"}}}}}},
      "Variables": {"description": "The variables now (secret-looking ones masked).", "content": {"application/json": {"schema": {"type": "object", "properties": {"variables": {"type": "object"}}}}}},
      "BadRequest": {"description": "Malformed JSON, a missing key, a wrong type or an invalid synapse.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "example": {"error": {"Error": "Wrong parameters, 'order' not set"}}}}},
      "Unauthorized": {"description": "Missing or wrong credentials.", "headers": {"WWW-Authenticate": {"schema": {"type": "string"}, "example": "Basic realm=\"Login Required\""}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "SynapseNotFound": {"description": "No synapse by that name.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "example": {"error": {"synapse name not found": "say-hello"}}}}},
      "TooLarge": {"description": "The body is over 1 MiB.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "ControlError": {"description": "A control API failure: 400 for a bad body; for Home Assistant 503 when it is not configured or not connected, 502 when it fails or answers nothing.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}, "example": {"error": "Home Assistant is not connected"}}}}
    },
    "schemas": {
      "ControlError": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
      "Speaker": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "priority": {"type": "integer", "description": "0 owner, 1 friend, 2 guest, 99 blocked"}, "is_blocked": {"type": "boolean"}, "auto_learned": {"type": "boolean"}, "sample_count": {"type": "integer"}, "last_seen": {"type": "string", "format": "date-time", "nullable": true}}},
      "Soul": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "description": {"type": "string"}, "nsfw": {"type": "boolean"}, "model": {"type": "string", "nullable": true}}},
      "Flag": {"description": "true, \"true\", \"True\", 1 and \"1\" are true; anything else is false.", "oneOf": [{"type": "boolean"}, {"type": "string"}, {"type": "integer"}]},
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "additionalProperties": {"type": "string"}}}},
      "Synapse": {
        "type": "object",
        "properties": {
          "name": {"type": "string"},
          "enabled": {"type": "boolean"},
          "signals": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "parameters": {}}}},
          "neurons": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "parameters": {"type": "object", "nullable": true}}}}
        }
      },
      "SynapseDefinition": {
        "type": "object",
        "required": ["name", "signals", "neurons"],
        "properties": {
          "name": {"type": "string", "pattern": "^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$", "minLength": 4, "maxLength": 100},
          "enabled": {"type": "boolean"},
          "signals": {"type": "array", "items": {"type": "object", "minProperties": 1, "maxProperties": 1}},
          "neurons": {"type": "array", "minItems": 1, "items": {"oneOf": [{"type": "string"}, {"type": "object", "minProperties": 1, "maxProperties": 1}]}}
        },
        "example": {"name": "Say-hello", "signals": [{"order": "I am Batman"}], "neurons": [{"say": {"message": "I know"}}]}
      },
      "RunByNameBody": {"type": "object", "properties": {"mute": {"$ref": "#/components/schemas/Flag"}, "parameters": {"type": "object", "additionalProperties": true}}},
      "RunByOrderBody": {"type": "object", "required": ["order"], "properties": {"order": {"type": "string"}, "mute": {"$ref": "#/components/schemas/Flag"}}},
      "APIResponse": {
        "type": "object",
        "properties": {
          "user_order": {"type": "string", "nullable": true},
          "status": {"type": "string", "enum": ["complete", "waiting_for_answer"], "nullable": true},
          "matched_synapses": {"type": "array", "items": {
            "type": "object",
            "properties": {
              "synapse_name": {"type": "string"},
              "matched_order": {"type": "string", "nullable": true},
              "neuron_module_list": {"type": "array", "items": {"type": "object", "properties": {"neuron_name": {"type": "string"}, "generated_message": {"type": "string", "nullable": true}}}}
            }
          }}
        }
      },
      "Settings": {
        "type": "object",
        "properties": {
          "default_trigger_name": {"type": "string"},
          "default_stt_name": {"type": "string"},
          "default_tts_name": {"type": "string"},
          "default_player_name": {"type": "string"},
          "triggers": {"type": "array", "items": {"type": "object"}},
          "stts": {"type": "array", "items": {"type": "object"}},
          "ttss": {"type": "array", "items": {"type": "object"}},
          "players": {"type": "array", "items": {"type": "object"}},
          "rest_api": {"type": "object", "description": "active, host, port, password_protected, login, allowed_cors_origin; never the password."},
          "cache_path": {"type": "string"},
          "variables": {"type": "object"},
          "machine": {"type": "string"},
          "kalliope_version": {"type": "string"},
          "options": {"type": "object"},
          "hooks": {"type": "object"}
        }
      }
    }
  }
}
"""#
}
