// Runs on the browser's audio thread: hands each block of microphone
// samples (mono, the context's rate) to the page, which sends them to Hearth.
class HearthMicrophone extends AudioWorkletProcessor {
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) this.port.postMessage(channel.slice(0));
    return true;
  }
}
registerProcessor("hearth-microphone", HearthMicrophone);
