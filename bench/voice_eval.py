#!/usr/bin/env python3
"""Scores `hearth listen --json` output against a corpus manifest.

usage: voice_eval.py commands|latency|other|wake|talk manifest.json listen.json [duration_s]
Prints one line of figures.
"""
import json, sys


def overlapping(utterances, entry):
    """Utterances that cover at least half of the entry's speech."""
    found = []
    for utterance in utterances:
        overlap = min(utterance["end"], entry["end"]) - max(utterance["start"], entry["start"])
        if overlap >= 0.5 * (entry["end"] - entry["start"]) or (entry["start"] <= utterance["start"] <= entry["end"]):
            found.append(utterance)
    return found


def ran(utterances, entry):
    """The entry's order ran its synapse, once, with the right parameters."""
    heard = [u for u in overlapping(utterances, entry) if not u["rejected"]]
    synapse_ok = len(heard) == 1 and heard[0]["synapses"] == [entry["synapse"]]
    parameters_ok = synapse_ok and {k: v.lower() for k, v in heard[0]["parameters"].items()} == entry["parameters"]
    return synapse_ok, parameters_ok, heard


def main():
    kind, manifest, result = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
    utterances, wakes = result["utterances"], [w["time"] for w in result["wake"]]
    if kind == "commands":
        correct = with_parameters = total_parameters = 0
        for entry in manifest:
            synapse_ok, parameters_ok, heard = ran(utterances, entry)
            correct += synapse_ok
            if entry["parameters"]:
                total_parameters += 1
                with_parameters += parameters_ok
            if not parameters_ok and "-v" in sys.argv:
                print(f"  miss {entry['voice']}: '{entry['text']}' -> {[(u['text'], u['synapses'], u['parameters']) for u in heard]}")
        print(f"sentences {correct}/{len(manifest)} = {100 * correct / len(manifest):.1f}%  "
              f"parameters {with_parameters}/{total_parameters} = {100 * with_parameters / max(1, total_parameters):.1f}%")
    elif kind == "latency":
        def summary(values):
            values = sorted(values)
            if not values:
                return "none measured"
            return (f"median {values[len(values) // 2]} ms, p90 {values[int(len(values) * 0.9)]} ms, "
                    f"max {values[-1]} ms (n={len(values)})")
        plain = [u["latency_ms"] for u in utterances if "latency_ms" in u and not u["parameters"]]
        slots = [u["latency_ms"] for u in utterances if "latency_ms" in u and u["parameters"]]
        print(f"end of speech to first answer sample: orders {summary(plain)}; orders with a placeholder {summary(slots)}")
    elif kind == "other":
        rejected = 0
        for entry in manifest:
            heard = overlapping(utterances, entry)
            accepted = [u for u in heard if not u["rejected"]]
            rejected += not accepted
            if accepted and "-v" in sys.argv:
                print(f"  accepted {entry['voice']}: '{entry['text']}' -> {[u['text'] for u in accepted]}")
        print(f"rejected {rejected}/{len(manifest)} = {100 * rejected / len(manifest):.1f}%")
    elif kind == "wake":
        phrases = [e for e in manifest if e.get("wake")]
        orders = [e for e in manifest if not e.get("wake")]
        detected = sum(any(p["start"] <= t <= p["end"] + 1.0 for t in wakes) for p in phrases)
        spurious = sum(not any(p["start"] <= t <= p["end"] + 1.0 for p in phrases) for t in wakes)
        executed = sum(ran(utterances, entry)[0] for entry in orders)
        print(f"wake detected {detected}/{len(phrases)} = {100 * detected / len(phrases):.1f}%  "
              f"orders run after the wake word {executed}/{len(orders)} = {100 * executed / len(orders):.1f}%  "
              f"spurious wakes {spurious}")
    elif kind == "talk":
        hours = float(sys.argv[4]) / 3600
        print(f"false wakes {len(wakes)} in {hours * 60:.1f} min = {len(wakes) / hours:.2f}/h")


if __name__ == "__main__":
    main()
