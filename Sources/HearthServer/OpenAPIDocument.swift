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
    "description": "Kalliope's REST API (the 0.4 and 0.7 routes) as Hearth serves it. When rest_api.password_protected is true every route needs HTTP basic authentication. Boolean flags (mute, deaf) accept true, \"true\", \"True\", 1 and \"1\" as true; anything else is false. Trailing slashes are optional. Bodies over 1 MiB are refused with 413."
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
        "responses": {
          "101": {"description": "Switching to the WebSocket protocol."},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "426": {"description": "A plain request, not a WebSocket upgrade.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
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
      "basicAuth": {"type": "http", "scheme": "basic", "description": "rest_api.login and rest_api.password, when rest_api.password_protected is true."}
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
      "Run": {"description": "What ran.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/APIResponse"}}}},
      "Deaf": {"description": "The deaf state now.", "content": {"application/json": {"schema": {"type": "object", "properties": {"deaf": {"type": "boolean"}}}}}},
      "Mute": {"description": "The mute state now.", "content": {"application/json": {"schema": {"type": "object", "properties": {"mute": {"type": "boolean"}}}}}},
      "Setting": {"description": "The setting now, under the route's name.", "content": {"application/json": {"schema": {"type": "object", "minProperties": 1, "maxProperties": 1}}}},
      "Hooks": {"description": "Every hook now.", "content": {"application/json": {"schema": {"type": "object", "properties": {"hooks": {"type": "object"}}}}}},
      "Variables": {"description": "The variables now (secret-looking ones masked).", "content": {"application/json": {"schema": {"type": "object", "properties": {"variables": {"type": "object"}}}}}},
      "BadRequest": {"description": "Malformed JSON, a missing key, a wrong type or an invalid synapse.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "example": {"error": {"Error": "Wrong parameters, 'order' not set"}}}}},
      "Unauthorized": {"description": "Missing or wrong credentials.", "headers": {"WWW-Authenticate": {"schema": {"type": "string"}, "example": "Basic realm=\"Login Required\""}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "SynapseNotFound": {"description": "No synapse by that name.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "example": {"error": {"synapse name not found": "say-hello"}}}}},
      "TooLarge": {"description": "The body is over 1 MiB.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Flag": {"description": "true, \"true\", \"True\", 1 and \"1\" are true; anything else is false.", "oneOf": [{"type": "boolean"}, {"type": "string"}, {"type": "integer"}]},
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "additionalProperties": {"type": "string"}}}},
      "ControlError": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
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
