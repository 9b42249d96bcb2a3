#!/usr/bin/env python3
"""Speech corpora for bench-voice.sh, synthesised with flite.

Each corpus is one long 16 kHz mono WAV (sentences separated by pauses, as
a room would hear them) and a JSON manifest of what was said where:
  commands-<cond>.wav   orders of bench/voice-brain.yml, every voice
  other-<cond>.wav      sentences that are not orders
  wake-<cond>.wav       "<wake phrase>", a short pause, an order
  talk.wav              long non-wake speech (license texts) for false alarms
<cond> is "clean", "snr20" or "snr10": pink noise (sox's, a stand-in for a
room's fan and traffic hum) 20 or 10 dB below the mean power of the speech.
"""
import array, json, math, os, re, subprocess, sys, tempfile, wave

VOICES = ["slt", "awb", "rms", "kal16"]
RATE = 16000

# (spoken sentence, synapse, parameters)
COMMANDS = [
    ("what time is it", "say-local-time", {}),
    ("turn on the kitchen lights", "lights-on", {}),
    ("turn off the kitchen lights", "lights-off", {}),
    ("turn the volume up", "volume-up", {}),
    ("turn the volume down", "volume-down", {}),
    ("stop the music", "stop-music", {}),
    ("add milk to the shopping list", "shopping", {}),
    ("tell me the news", "news", {}),
    ("tell me a joke", "joke", {}),
    ("good morning", "hello", {}),
    ("good night", "goodnight", {}),
    ("ask me a question", "question", {}),
    ("thank you", "thanks", {}),
    ("what is the weather in paris", "weather", {"city": "paris"}),
    ("what is the weather in london", "weather", {"city": "london"}),
    ("what is the weather in boston", "weather", {"city": "boston"}),
    ("play some jazz music", "music", {"genre": "jazz"}),
    ("play some rock music", "music", {"genre": "rock"}),
    ("set a timer for ten minutes", "timer", {"minutes": "ten"}),
    ("set a timer for five minutes", "timer", {"minutes": "five"}),
]

OTHER = [
    "the cat sat on the mat and looked at the door",
    "i think we should leave before the traffic gets bad",
    "my sister is coming over for dinner on friday",
    "have you seen my keys anywhere",
    "the children are playing in the garden",
    "can you pass me the salt please",
    "we need to paint the fence this summer",
    "he bought a new bicycle last week",
    "the meeting was moved to thursday afternoon",
    "this soup needs a little more pepper",
    "she reads a book every night before bed",
    "the train was late again this morning",
    "let us go for a walk by the river",
    "i forgot to water the plants yesterday",
    "the dog barked at the postman",
    "our neighbours are building a new shed",
    "the football match starts at eight",
    "where did you put the scissors",
    "it was a lovely day at the beach",
    "the bread in the oven smells wonderful",
    "he is learning to play the violin",
    "we should call grandma this weekend",
    "the car needs new tyres before winter",
    "i would like a cup of tea",
    "the library closes early on sundays",
    "they planted tomatoes and beans in the spring",
    "my phone battery is almost empty",
    "the film was much longer than i expected",
    "please close the window it is cold",
    "the birds are singing outside",
    "what a mess in the living room",
    "the kitchen floor is still wet",
    "turn left at the next corner",
    "the weather was terrible on our holiday",
    "i can't find the remote control",
    "music always makes me feel better",
    "the lights in the street went out last night",
    "tell her i said hello",
    "the timer on the oven is broken",
    "good luck with your exam tomorrow",
]


def flite(text, voice, directory):
    path = os.path.join(directory, "say.wav")
    subprocess.run(["flite", "-voice", voice, "-t", text, "-o", path], check=True)
    raw = os.path.join(directory, "say.raw")
    subprocess.run(["sox", path, "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed", "-t", "raw", raw], check=True)
    samples = array.array("h")
    with open(raw, "rb") as handle:
        samples.frombytes(handle.read())
    return samples


def rms(samples):
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


class Track:
    """A growing recording: speech placed between pauses, optional noise."""

    def __init__(self, snr=None, seed=1):
        self.samples = array.array("h")
        self.snr = snr
        self.seed = seed
        self.entries = []

    def pause(self, seconds):
        self.samples.extend([0] * int(seconds * RATE))

    def speech(self, samples, **entry):
        start = len(self.samples) / RATE
        self.samples.extend(samples)
        entry.update(start=round(start, 3), end=round(len(self.samples) / RATE, 3))
        self.entries.append(entry)
        return entry

    def finish(self, path):
        if self.snr is not None:
            speech_power = sum(s * s for e in self.entries for s in self.samples[int(e["start"] * RATE):int(e["end"] * RATE)])
            speech_power /= max(1, sum(int(e["end"] * RATE) - int(e["start"] * RATE) for e in self.entries))
            noise = pink_noise(len(self.samples), self.seed)
            gain = math.sqrt(speech_power / (10 ** (self.snr / 10))) / max(1e-9, rms(noise))
            self.samples = array.array("h", (max(-32768, min(32767, int(s + gain * n))) for s, n in zip(self.samples, noise)))
        with wave.open(path, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(self.samples.tobytes())
        with open(path.replace(".wav", ".json"), "w") as out:
            json.dump(self.entries, out, indent=1)


def pink_noise(count, seed):
    """sox's pink noise, `count` samples."""
    with tempfile.TemporaryDirectory() as scratch:
        raw = os.path.join(scratch, "noise.raw")
        subprocess.run(["sox", "-R", "-n", "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed", "-t", "raw", raw,
                        "synth", f"{count / RATE + 0.1:.3f}", "pinknoise", "vol", "0.5"], check=True)
        noise = array.array("h")
        with open(raw, "rb") as handle:
            noise.frombytes(handle.read())
    return noise[:count]


def main():
    out, wake_phrase = sys.argv[1], sys.argv[2]
    talk_minutes = float(sys.argv[3]) if len(sys.argv) > 3 else 30
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        cache = {}

        def say(text, voice):
            if (text, voice) not in cache:
                cache[(text, voice)] = flite(text, voice, scratch)
            return cache[(text, voice)]

        for condition, snr in (("clean", None), ("snr20", 20), ("snr10", 10)):
            commands, other, wake = Track(snr, 1), Track(snr, 2), Track(snr, 3)
            for track in (commands, other, wake):
                track.pause(1.0)
            for voice in VOICES:
                for text, synapse, parameters in COMMANDS:
                    commands.speech(say(text, voice), text=text, voice=voice, synapse=synapse, parameters=parameters)
                    commands.pause(1.2)
                    wake.speech(say(wake_phrase, voice), text=wake_phrase, voice=voice, wake=True)
                    wake.pause(0.4)
                    wake.speech(say(text, voice), text=text, voice=voice, synapse=synapse, parameters=parameters)
                    wake.pause(1.5)
                for text in OTHER:
                    other.speech(say(text, voice), text=text, voice=voice)
                    other.pause(1.2)
            commands.finish(os.path.join(out, f"commands-{condition}.wav"))
            other.finish(os.path.join(out, f"other-{condition}.wav"))
            wake.finish(os.path.join(out, f"wake-{condition}.wav"))

        # Long non-wake speech: the GPL and Apache licence texts, sentence
        # by sentence, voices taking turns.
        text = ""
        for name in ("GPL-3", "Apache-2.0", "MPL-2.0"):
            with open(f"/usr/share/common-licenses/{name}") as handle:
                text += handle.read() + "\n"
        sentences = [re.sub(r"[^A-Za-z0-9,' ]+", " ", s).strip() for s in re.split(r"[.;:\n]\s*\n|[.;:]\s", text)]
        sentences = [s for s in sentences if len(s.split()) >= 3]
        talk = Track(None, 4)
        index = 0
        while len(talk.samples) < talk_minutes * 60 * RATE and index < len(sentences):
            talk.speech(flite(sentences[index][:400], VOICES[index % len(VOICES)], scratch), text=sentences[index][:400])
            talk.pause(0.6)
            index += 1
        talk.finish(os.path.join(out, "talk.wav"))


if __name__ == "__main__":
    main()
