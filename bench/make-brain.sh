#!/usr/bin/env bash
# Writes a brain of N synapses (default 1000) to stdout: each has one order
# made of common words plus one that only it uses, and one say neuron.
set -euo pipefail
count=${1:-1000}
verbs=(turn-on turn-off dim open close start stop check)
objects=(light lamp blinds heater fan radio television door window kettle)
rooms=(kitchen bedroom lounge office garage garden bathroom attic hall cellar)
echo "---"
for ((i = 1; i <= count; i++)); do
  verb=${verbs[$((i % ${#verbs[@]}))]}
  object=${objects[$(((i / ${#verbs[@]}) % ${#objects[@]}))]}
  room=${rooms[$(((i / 80) % ${#rooms[@]}))]}
  cat <<SYNAPSE
- name: "synapse-$i"
  signals:
    - order: "${verb//-/ } the $object in the $room number $i"
  neurons:
    - say:
        message: "Done: ${verb//-/ } $object $i"
SYNAPSE
done
