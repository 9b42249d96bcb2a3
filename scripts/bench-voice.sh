#!/usr/bin/env bash
# Voice benchmark: the whole listening pipeline (`hearth listen`) over flite
# corpora (voices slt, awb, rms, kal16; clean and in pink noise at 20 and
# 10 dB SNR, and at 10 dB again with `audio.noise_suppression` on) generated
# by bench/voice_corpus.py, scored by bench/voice_eval.py:
#   - wake word detection rate, and false wakes per hour over >= 30 minutes
#     of non-wake speech (licence texts read aloud);
#   - command sentence accuracy and placeholder (parameter) accuracy against
#     bench/voice-brain.yml, without the wake word;
#   - share of non-command sentences rejected;
#   - latency from the end of speech to the answer's first sample queued for
#     the device (answers spoken through ALSA's null device, no speech cache);
#   - CPU share of one core while listening for the wake word (in silence
#     and through the licence texts) and peak resident memory.
# Takes about 22 minutes on two busy cores (debug build), plus about 5 the first time to
# build the corpus (kept in $HEARTH_VOICE_CORPUS, default /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in flite sox python3; do
    command -v "$tool" >/dev/null || { echo "bench-voice: $tool is required (make deps)"; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench-voice: GNU time (/usr/bin/time) is required"; exit 1; }

HEARTH=${HEARTH:-.build/debug/hearth}
[ -x "$HEARTH" ] || swift build --product hearth
WAKE=${HEARTH_WAKE_PHRASE:-hey hearth}
TALK_MINUTES=${HEARTH_TALK_MINUTES:-31}
CORPUS=${HEARTH_VOICE_CORPUS:-/tmp/hearth-voice-corpus}
BRAIN=bench/voice-brain.yml

if [ "$(cat "$CORPUS/built" 2>/dev/null)" != "$WAKE/$TALK_MINUTES" ]; then
    echo "Building the corpus in $CORPUS (wake phrase \"$WAKE\", $TALK_MINUTES min of other speech)..."
    rm -rf "$CORPUS"
    python3 bench/voice_corpus.py "$CORPUS" "$WAKE" "$TALK_MINUTES"
    echo "$WAKE/$TALK_MINUTES" > "$CORPUS/built"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# listen NAME WAV [hearth listen options]: JSON to $out/NAME.json, and
# "user+system seconds, peak RSS kB" to $out/NAME.cost.
listen() {
    local name=$1 wav=$2; shift 2
    /usr/bin/time -f "%U %S %M" -o "$out/$name.time" \
        "$HEARTH" listen --input "$wav" --brain "$BRAIN" --json "$@" > "$out/$name.json" 2>/dev/null
    awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$out/$name.time" > "$out/$name.cost"
}
seconds() { soxi -D "$1"; }

echo "Wake phrase \"$WAKE\", brain $BRAIN, $HEARTH"
# The loudest noise again with `audio.noise_suppression: true`.
printf 'audio:\n  noise_suppression: true\n' > "$out/suppress-noise.yml"
for run in clean snr20 snr10 snr10+suppression; do
    condition=${run%+suppression}
    options=()
    [ "$run" = "$condition" ] || options=(--settings "$out/suppress-noise.yml")
    echo
    echo "== $run"
    listen "commands-$run" "$CORPUS/commands-$condition.wav" --no-wake --speaker null "${options[@]}"
    printf "commands:   "; python3 bench/voice_eval.py commands "$CORPUS/commands-$condition.json" "$out/commands-$run.json"
    printf "latency:    "; python3 bench/voice_eval.py latency "$CORPUS/commands-$condition.json" "$out/commands-$run.json"
    listen "other-$run" "$CORPUS/other-$condition.wav" --no-wake "${options[@]}"
    printf "non-orders: "; python3 bench/voice_eval.py other "$CORPUS/other-$condition.json" "$out/other-$run.json"
    listen "wake-$run" "$CORPUS/wake-$condition.wav" "${options[@]}"
    printf "wake word:  "; python3 bench/voice_eval.py wake "$CORPUS/wake-$condition.json" "$out/wake-$run.json"
done

echo
echo "== listening for the wake word"
listen talk "$CORPUS/talk.wav"
printf "false wakes: "; python3 bench/voice_eval.py talk "$CORPUS/talk.json" "$out/talk.json" "$(seconds "$CORPUS/talk.wav")"
sox -n -r 16000 -c 1 -b 16 "$out/silence.wav" synth 600 whitenoise vol 0.002
sox -n -r 16000 -c 1 -b 16 "$out/blank.wav" trim 0 0.1
listen silence "$out/silence.wav"
listen load "$out/blank.wav"
read -r load_cpu load_rss < "$out/load.cost"
for run in silence talk; do
    read -r cpu rss < "$out/$run.cost"
    wav=$([ "$run" = talk ] && echo "$CORPUS/talk.wav" || echo "$out/silence.wav")
    awk -v cpu="$cpu" -v load="$load_cpu" -v audio="$(seconds "$wav")" -v run="$run" -v rss="$rss" 'BEGIN {
        printf "CPU while listening (%s, %.0f s of audio): %.2f%% of one core (model loading, %.2f s, excluded); peak RSS %.1f MB\n",
            run == "talk" ? "speech, no wake word" : "quiet room noise", audio, 100 * (cpu - load) / audio, load, rss / 1024 }'
done
echo "Peak RSS with the models loaded and nothing heard: $(awk '{ printf "%.1f MB", $2 / 1024 }' "$out/load.cost")"
