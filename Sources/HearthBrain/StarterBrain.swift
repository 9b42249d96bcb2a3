/// The brain and settings Hearth runs on when no files are given: the seed
/// examples, in Kalliope's format, so they double as a worked example.
public enum StarterBrain {
    public static let brainName = "<starter brain>"
    public static let settingsName = "<starter settings>"

    public static let brainYAML = #"""
---
- name: "say-hello"
  signals:
    - order: "bonjour"
  neurons:
    - say:
        message:
          - "Bonjour monsieur"

- name: "stop-hearth"
  signals:
    - order: "close"
  neurons:
    - say:
        message: "Good bye"
    - kill_switch

# The neurotransmitter exchange: the answer to "do you like french fries?"
# picks the next synapse.
- name: "synapse1"
  signals:
    - order: "ask me a question"
  neurons:
    - say:
        message: "do you like french fries?"
    - neurotransmitter:
        from_answer_link:
          - synapse: "synapse2"
            answers:
              - "absolutely"
              - "of course"
          - synapse: "synapse3"
            answers:
              - "not at all"
        default: "synapse4"

- name: "synapse2"
  signals:
    - order: "synapse2"
  neurons:
    - say:
        message: "You like french fries! Me too!"

- name: "synapse3"
  signals:
    - order: "synapse3"
  neurons:
    - say:
        message: "You don't like french fries."

- name: "synapse4"
  signals:
    - order: "synapse4"
  neurons:
    - say:
        message: "I haven't understood your answer"

- name: "say-local-time"
  signals:
    - order: "what time is it"
  neurons:
    - systemdate:
        say_template:
          - "It is {{ hours }} {{ minutes }}"

# Orders nothing above matches (the on_order_not_found hook). Once settings
# give Home Assistant's address (homeassistant: url and token), its
# conversation agent answers them; until then the homeassistant neuron is
# disabled and says one of its disabled_message lines instead.
- name: "order-not-found-synapse"
  signals: []
  neurons:
    - homeassistant:
        action: conversation
        disabled_message:
          - "I haven't understood"
          - "I don't know this order"
          - "Please renew your order"
          - "Can you please reformulate your order"

- name: "on-start-synapse"
  signals: []
  neurons:
    - say:
        message: "Hearth is ready"
"""#

    public static let settingsYAML = #"""
---
# Hearth's starter settings (Kalliope's settings.yml format).
default_trigger: "pocketsphinx"
triggers:
  - pocketsphinx:
      keyphrase: "hey hearth"
      threshold: 1e-20

default_speech_to_text: "pocketsphinx"
default_text_to_speech: "espeak-ng"
text_to_speech:
  - espeak-ng:
      voice: "en-us"
      rate: 160
      pitch: 50
      volume: 100
default_player: "alsa"
cache_path: "/tmp/hearth_tts_cache"

hooks:
  on_start: "on-start-synapse"
  on_order_not_found: "order-not-found-synapse"

rest_api:
  active: true
  host: "127.0.0.1"
  port: 5000
  password_protected: false
  allowed_cors_origin: false

options:
  deaf: false
  mute: false

# Home Assistant stays off until url is set. The token may also come from
# token_file or the HEARTH_HOMEASSISTANT_TOKEN environment variable.
# homeassistant:
#   url: "http://homeassistant.local:8123"
#   token_file: "/etc/hearth/homeassistant-token"
#   language: "en"
#   timeout: 10
"""#

    public static func loadBrain() -> BrainLoader.Result {
        // The embedded brain is checked by the test suite; failing here is a build defect.
        try! BrainLoader.load(text: brainYAML, name: brainName)
    }

    public static func loadSettings() -> SettingsLoader.Result {
        try! SettingsLoader.load(text: settingsYAML, name: settingsName)
    }
}
