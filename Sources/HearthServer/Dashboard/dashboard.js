// Hearth dashboard: live state over /api/events, controls over the REST
// routes, and a push-to-talk button that streams the browser microphone to
// /api/audio and plays the spoken answer. Plain JavaScript, no build step.
"use strict";

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = "hearth.token";
const KALLIOPE_KEY = "hearth.kalliope-login";
const STATE_NAMES = {
  IDLE: "Idle", LISTENING: "Listening for the wake word", RECORDING: "Hearing an order",
  PROCESSING: "Thinking", SPEAKING: "Speaking", DEAF: "Deaf",
};
const ROLES = { 0: "Owner", 1: "Friend", 2: "Guest", 99: "Blocked" };
/// Events too frequent or too internal for a person's log.
const QUIET_EVENTS = new Set(["MEMORY_CHANGED", "CONNECTED", "pong"]);

// MARK: Credentials

/// A token given once as ?token= is kept by the browser and taken out of
/// the address, so it does not linger in the history or a shared link.
function takeTokenFromAddress() {
  const url = new URL(location.href);
  const token = url.searchParams.get("token");
  if (token === null) return;
  if (token) localStorage.setItem(TOKEN_KEY, token);
  url.searchParams.delete("token");
  history.replaceState(null, "", url.pathname + url.search + url.hash);
}

const token = () => localStorage.getItem(TOKEN_KEY) || "";

class RequestError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/// The control API (/api/...) takes the bearer token; Kalliope's routes take
/// basic auth when the device is password protected.
async function call(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  if (path.startsWith("/api/")) {
    if (token()) headers.Authorization = "Bearer " + token();
  } else {
    const login = localStorage.getItem(KALLIOPE_KEY);
    if (login) headers.Authorization = "Basic " + login;
  }
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  if (!response.ok) {
    if (response.status === 401 && path.startsWith("/api/")) askForToken(Boolean(token()));
    throw new RequestError(response.status, errorText(data) || response.statusText || "request failed");
  }
  return data;
}

function errorText(data) {
  if (!data || data.error === undefined) return "";
  if (typeof data.error === "string") return data.error;
  return Object.entries(data.error).map(([key, value]) => (key === "Error" ? value : `${key}: ${value}`)).join(", ");
}

const socketAddress = (path) => {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const query = token() ? "?token=" + encodeURIComponent(token()) : "";
  return `${scheme}://${location.host}${path}${query}`;
};

function askForToken(rejected) {
  const dialog = $("token-dialog");
  if (dialog.open) return;
  // A refused token stays until another replaces it (or Sign out).
  if (rejected) dialog.querySelector("p").textContent = "That token was not accepted. Paste a valid access token.";
  dialog.showModal();
}

$("token-form").addEventListener("submit", () => {
  const value = $("token-input").value.trim();
  if (!value) return;
  localStorage.setItem(TOKEN_KEY, value);
  $("token-input").value = "";
  start();
});

$("forget-token").addEventListener("click", () => {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(KALLIOPE_KEY);
  location.reload();
});

// MARK: Small helpers

let toastTimer;
function toast(message) {
  const box = $("toast");
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 4000);
}

const clock = (value) => {
  const date = value ? new Date(value) : new Date();
  return isNaN(date) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
};

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function showEmpty(list, message) {
  list.replaceChildren(element("li", { class: "empty", text: message }));
}

// MARK: State and LED mirror

function showState(state) {
  if (!state) return;
  const led = $("led");
  led.dataset.state = state;
  const name = STATE_NAMES[state] || state;
  led.setAttribute("aria-label", "Status light: " + name.toLowerCase());
  $("state-text").textContent = name;
}

async function loadStatus() {
  try {
    const status = await call("/api/status");
    showState(status.state);
  } catch (error) {
    if (error.status !== 404) return;
  }
}

// MARK: Live events

const events = { socket: null, retry: 1000, pinger: null };

function connectEvents() {
  const socket = new WebSocket(socketAddress("/api/events"));
  events.socket = socket;
  socket.onopen = () => {
    events.retry = 1000;
    $("link").dataset.up = "true";
    $("link").textContent = "live";
    events.pinger = setInterval(() => socket.send(JSON.stringify({ type: "ping" })), 25000);
  };
  socket.onmessage = (message) => {
    try { handleEvent(JSON.parse(message.data)); } catch { /* not an event */ }
  };
  socket.onclose = () => {
    clearInterval(events.pinger);
    $("link").dataset.up = "false";
    $("link").textContent = "offline";
    setTimeout(connectEvents, events.retry);
    events.retry = Math.min(events.retry * 2, 15000);
    loadStatus();
  };
}

let historyRefresh;
function handleEvent(event) {
  const data = event.data || {};
  switch (event.event) {
    case "CONNECTED":
    case "STATE_CHANGED":
      showState(data.state);
      break;
    case "MUTE_CHANGED":
      $("mute").checked = Boolean(data.mute);
      break;
    case "DEAF_CHANGED":
      $("deaf").checked = Boolean(data.deaf);
      break;
    case "ORDER_PROCESSED":
      clearTimeout(historyRefresh);
      historyRefresh = setTimeout(loadHistory, 300);
      break;
    case "BRAIN_CHANGED":
      loadSynapses();
      break;
  }
  if (!QUIET_EVENTS.has(event.event)) logEvent(event.event, describe(event), event.timestamp, event.source);
}

/// One line a person can read for an event.
function describe(event) {
  const data = event.data || {};
  if (event.event === "SPEECH_RECOGNIZED" && (data.rejected || !data.text)) return "not understood";
  if (data.text !== undefined) return `“${data.text}”`;
  if (data.order !== undefined && data.order !== null) {
    const synapses = Array.isArray(data.synapses) && data.synapses.length ? " → " + data.synapses.join(", ") : "";
    return `“${data.order}”${synapses}`;
  }
  if (data.state) return data.previous ? `${data.previous} → ${data.state}` : data.state;
  if (data.message) return data.synapse ? `${data.synapse}: ${data.message}` : data.message;
  if (data.synapse) return data.synapse;
  if (data.hook) return data.hook;
  if (data.mute !== undefined) return data.mute ? "on" : "off";
  if (data.deaf !== undefined) return data.deaf ? "on" : "off";
  return "";
}

function logEvent(name, detail, timestamp, source) {
  const list = $("events");
  list.querySelector(".empty")?.remove();
  const item = element("li", { "data-kind": name },
    element("time", { text: clock(timestamp) }),
    element("span", { class: "name", text: name + (source ? ` · ${source}` : "") }),
    detail ? element("span", { class: "detail", text: detail }) : null);
  list.prepend(item);
  while (list.children.length > 150) list.lastChild.remove();
}

$("clear-events").addEventListener("click", () => showEmpty($("events"), "Nothing yet."));

// MARK: Switches and pickers

async function loadSwitches() {
  try {
    const config = await call("/api/config");
    $("mute").checked = Boolean(config.mute);
    $("deaf").checked = Boolean(config.deaf);
    return;
  } catch (error) {
    if (error.status !== 404) return;
  }
  // A Hearth without the control API: Kalliope's switches are the same ones.
  try {
    $("mute").checked = Boolean((await call("/settings/mute")).mute);
    $("deaf").checked = Boolean((await call("/settings/deaf")).deaf);
  } catch { /* shown as off */ }
}

async function setSwitch(name, value) {
  try {
    await call("/api/config", { method: "PATCH", body: { [name]: value } });
  } catch (error) {
    if (error.status !== 404 && error.status !== 405) throw error;
    await call(`/settings/${name}`, { method: "POST", body: { [name]: value } });
  }
}

for (const name of ["mute", "deaf"]) {
  $(name).addEventListener("change", async (event) => {
    const box = event.target;
    box.disabled = true;
    try {
      await setSwitch(name, box.checked);
      toast(`${name === "mute" ? "Mute" : "Deaf"} ${box.checked ? "on" : "off"}`);
    } catch (error) {
      box.checked = !box.checked;
      toast(`Could not change ${name}: ${error.message}`);
    } finally {
      box.disabled = false;
    }
  });
}

function fillPicker(select, options, current) {
  if (!options.length) {
    select.replaceChildren(element("option", { value: "", text: "Unavailable" }));
    select.disabled = true;
    return;
  }
  select.replaceChildren(...options.map(({ value, label }) => {
    const option = element("option", { value, text: label });
    option.selected = value === current;
    return option;
  }));
  select.disabled = false;
}

async function loadPickers() {
  try {
    const languages = await call("/api/languages");
    fillPicker($("language"), (languages.available || []).map((code) => ({ value: code, label: code })), languages.current);
  } catch {
    fillPicker($("language"), [], "");
  }
  try {
    const { souls = [] } = await call("/api/souls");
    const active = souls.find((soul) => soul.active);
    fillPicker($("soul"), souls.map((soul) => ({ value: soul.id, label: soul.name + (soul.nsfw ? " (18+)" : "") })), active?.id);
  } catch {
    fillPicker($("soul"), [], "");
  }
}

$("language").addEventListener("change", async (event) => {
  try {
    await call("/api/language", { method: "POST", body: { language: event.target.value } });
    toast("Language: " + event.target.value);
  } catch (error) {
    toast("Could not switch language: " + error.message);
    loadPickers();
  }
});

$("soul").addEventListener("change", async (event) => {
  try {
    const answer = await call("/api/soul", { method: "POST", body: { soul: event.target.value } });
    toast("Soul: " + (answer?.name || event.target.value));
  } catch (error) {
    toast("Could not switch soul: " + error.message);
    loadPickers();
  }
});

$("tts-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = $("tts-text").value.trim();
  try {
    const answer = await call("/api/tts/test", { method: "POST", body: text ? { text } : {} });
    toast("Speaking: " + (answer?.text || text));
  } catch (error) {
    toast("Could not speak: " + error.message);
  }
});

// MARK: History, synapses, speakers

async function loadHistory() {
  const list = $("history");
  try {
    const { history = [] } = await call("/api/history?limit=15");
    if (!history.length) return showEmpty(list, "No orders yet.");
    list.replaceChildren(...history.map((run) => element("li", {},
      element("div", {},
        element("div", { class: "order", text: run.order ?? (run.synapses.join(", ") || "—") }),
        element("div", { class: "meta", text: (run.synapses.length ? run.synapses.join(", ") : "no synapse") + (run.status ? ` · ${run.status}` : "") })),
      element("div", { class: "meta" },
        element("time", { datetime: run.time, text: clock(run.time) }),
        element("span", { class: "badge", text: run.source })))));
  } catch (error) {
    showEmpty(list, "History unavailable: " + error.message);
  }
}

let synapseList = [];
async function loadSynapses() {
  const list = $("synapses");
  try {
    const { synapses = [] } = await call("/synapses");
    $("kalliope-login").hidden = true;
    synapseList = synapses;
    showSynapses();
  } catch (error) {
    if (error.status === 401) {
      $("kalliope-login").hidden = false;
      showEmpty(list, "Sign in to see the synapses.");
    } else {
      showEmpty(list, "Synapses unavailable: " + error.message);
    }
  }
}

function orderText(synapse) {
  for (const signal of synapse.signals || []) {
    if (signal.name !== "order") continue;
    const parameters = signal.parameters;
    if (typeof parameters === "string") return parameters;
    if (parameters && typeof parameters.text === "string") return parameters.text;
  }
  return "";
}

function showSynapses() {
  const list = $("synapses");
  const filter = $("synapse-filter").value.trim().toLowerCase();
  const shown = synapseList.filter((synapse) => !filter || synapse.name.toLowerCase().includes(filter) || orderText(synapse).toLowerCase().includes(filter));
  if (!shown.length) return showEmpty(list, synapseList.length ? "No synapse matches." : "The brain has no synapses.");
  list.replaceChildren(...shown.map((synapse) => {
    const run = element("button", { type: "button", class: "secondary", "aria-label": "Run " + synapse.name, text: "Run" });
    run.addEventListener("click", () => runSynapse(synapse.name, run));
    const order = orderText(synapse);
    return element("li", {},
      element("div", {},
        element("div", { class: "syn-name", text: synapse.name }),
        order ? element("div", { class: "syn-order", text: `“${order}”` }) : null),
      run);
  }));
}

$("synapse-filter").addEventListener("input", showSynapses);

async function runSynapse(name, button) {
  button.disabled = true;
  try {
    const answer = await call("/synapses/start/id/" + encodeURIComponent(name), { method: "POST", body: {} });
    const said = (answer.matched_synapses || []).flatMap((synapse) => synapse.neuron_module_list || [])
      .map((neuron) => neuron.generated_message).filter(Boolean);
    toast(said.length ? said.join(" ") : `Ran ${name}`);
  } catch (error) {
    toast(`Could not run ${name}: ${error.message}`);
  } finally {
    button.disabled = false;
  }
}

$("kalliope-login").addEventListener("submit", (event) => {
  event.preventDefault();
  const login = `${$("kalliope-user").value}:${$("kalliope-password").value}`;
  localStorage.setItem(KALLIOPE_KEY, btoa(unescape(encodeURIComponent(login))));
  $("kalliope-password").value = "";
  loadSynapses();
});

async function loadSpeakers() {
  const body = $("speakers").tBodies[0];
  try {
    const { speakers = [] } = await call("/api/speakers");
    if (!speakers.length) {
      body.replaceChildren(element("tr", {}, element("td", { colspan: "4", class: "empty", text: "No speaker profiles." })));
      return;
    }
    body.replaceChildren(...speakers.map((speaker) => element("tr", {},
      element("td", { text: speaker.name }),
      element("td", { text: speaker.is_blocked ? "Blocked" : (ROLES[speaker.priority] || String(speaker.priority)) }),
      element("td", { text: String(speaker.sample_count ?? 0) }),
      element("td", { text: speaker.last_seen ? new Date(speaker.last_seen).toLocaleString([], { dateStyle: "short", timeStyle: "short" }) : "—" }))));
  } catch (error) {
    body.replaceChildren(element("tr", {}, element("td", { colspan: "4", class: "empty", text: "Speakers unavailable: " + error.message })));
  }
}

// MARK: Browser microphone (push to talk)

const microphone = {
  context: null, stream: null, node: null,
  socket: null, ready: false,
  talking: false, heldSince: 0, startedByPress: false, suppressClick: false,
  pending: [], pendingLength: 0,
  playing: [], playhead: 0, answerRate: 0,
};

function showTalking(talking, busy = false) {
  const button = $("talk");
  button.setAttribute("aria-pressed", String(talking));
  button.dataset.busy = String(busy);
  $("talk-label").textContent = talking ? "Listening…" : busy ? "Answering…" : "Talk";
}

async function setUpMicrophone() {
  if (microphone.context) return;
  if (!navigator.mediaDevices?.getUserMedia || !window.AudioWorkletNode) {
    throw new Error("this browser allows the microphone only on https or localhost pages");
  }
  microphone.stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  const context = new AudioContext();
  await context.audioWorklet.addModule("/dashboard/microphone-worklet.js");
  const source = context.createMediaStreamSource(microphone.stream);
  const node = new AudioWorkletNode(context, "hearth-microphone");
  node.port.onmessage = (message) => takeSamples(message.data);
  // A silent path to the output keeps the worklet pulled by the graph.
  const silence = context.createGain();
  silence.gain.value = 0;
  source.connect(node).connect(silence).connect(context.destination);
  microphone.context = context;
  microphone.node = node;
}

function openAudioSocket() {
  if (microphone.socket && microphone.ready) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(socketAddress("/api/audio"));
    socket.binaryType = "arraybuffer";
    microphone.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: "hello", sample_rate: microphone.context.sampleRate }));
    socket.onmessage = (message) => {
      if (typeof message.data !== "string") return playAnswer(message.data);
      let reply;
      try { reply = JSON.parse(message.data); } catch { return; }
      if (reply.type === "hello_ack") {
        microphone.ready = true;
        resolve();
      } else {
        handleAudioReply(reply);
      }
    };
    socket.onclose = () => {
      if (!microphone.ready) reject(new Error("Hearth refused the microphone connection (all its browser microphones may be in use)"));
      microphone.ready = false;
      microphone.socket = null;
      if (microphone.talking) stopTalking(false);
      showTalking(false);
    };
  });
}

async function startTalking() {
  if (microphone.talking) return;
  showTalking(true);
  microphone.talking = true;
  // What is said while the connection opens is kept and sent once it is up.
  microphone.pending = [];
  microphone.pendingLength = 0;
  stopAnswer(false);
  $("heard").textContent = "";
  try {
    await setUpMicrophone();
    await microphone.context.resume();
    await openAudioSocket();
    microphone.socket.send("unmute");
    flushSamples();
  } catch (error) {
    microphone.talking = false;
    showTalking(false);
    toast("Microphone: " + error.message);
  }
}

/// Ends this turn: what was said so far is the order (`mute` tells Hearth
/// the speaker is done).
function stopTalking(tellHearth = true) {
  if (!microphone.talking) return;
  microphone.talking = false;
  flushSamples();
  if (tellHearth && microphone.socket?.readyState === WebSocket.OPEN) microphone.socket.send("mute");
  showTalking(false);
}

/// Floats from the worklet → 16-bit little-endian PCM, sent every 100 ms
/// (held while the connection opens, up to 15 s).
function takeSamples(floats) {
  if (!microphone.talking) return;
  microphone.pending.push(floats);
  microphone.pendingLength += floats.length;
  while (microphone.pendingLength > microphone.context.sampleRate * 15) {
    microphone.pendingLength -= microphone.pending.shift().length;
  }
  if (microphone.pendingLength >= microphone.context.sampleRate / 10) flushSamples();
}

function flushSamples() {
  if (!microphone.pendingLength || !microphone.ready || microphone.socket?.readyState !== WebSocket.OPEN) return;
  const pcm = new DataView(new ArrayBuffer(microphone.pendingLength * 2));
  let offset = 0;
  for (const block of microphone.pending) {
    for (const sample of block) {
      const clipped = Math.max(-1, Math.min(1, sample));
      pcm.setInt16(offset, clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff, true);
      offset += 2;
    }
  }
  microphone.pending = [];
  microphone.pendingLength = 0;
  microphone.socket.send(pcm.buffer);
}

function handleAudioReply(reply) {
  switch (reply.type) {
    case "heard":
      stopTalking();
      $("heard").textContent = reply.text ? `“${reply.text}”` : "Sorry, I did not catch that.";
      if (reply.text) showTalking(false, true);
      break;
    case "tts_start":
      microphone.answerRate = reply.sample_rate;
      microphone.playhead = 0;
      showTalking(false, true);
      break;
    case "tts_end":
      break;
    case "order_done":
      showTalking(false);
      if (!reply.synapses?.length) $("heard").textContent += " — no synapse for that.";
      break;
    case "error":
      toast("Microphone: " + reply.error);
      break;
  }
}

/// Schedules a piece of the answer right after the previous one.
function playAnswer(buffer) {
  const context = microphone.context;
  if (!context || !microphone.answerRate) return;
  const view = new DataView(buffer);
  const count = Math.floor(buffer.byteLength / 2);
  if (!count) return;
  const audio = context.createBuffer(1, count, microphone.answerRate);
  const channel = audio.getChannelData(0);
  for (let index = 0; index < count; index++) channel[index] = view.getInt16(index * 2, true) / 0x8000;
  const source = context.createBufferSource();
  source.buffer = audio;
  source.connect(context.destination);
  const at = Math.max(context.currentTime + 0.05, microphone.playhead);
  source.start(at);
  microphone.playhead = at + audio.duration;
  microphone.playing.push(source);
  source.onended = () => {
    microphone.playing = microphone.playing.filter((playing) => playing !== source);
    if (!microphone.playing.length && !microphone.talking) showTalking(false);
  };
}

/// Barge-in: the answer stops here and on the device.
function stopAnswer(tellHearth = true) {
  for (const source of microphone.playing) { try { source.stop(); } catch { /* already ended */ } }
  microphone.playing = [];
  microphone.playhead = 0;
  if (!tellHearth) return;
  if (microphone.socket?.readyState === WebSocket.OPEN) microphone.socket.send("stop");
  call("/api/stop", { method: "POST" }).catch(() => {});
}

$("stop").addEventListener("click", () => {
  stopAnswer();
  showTalking(false);
});

// Tap to talk (Hearth hears the end of the order), or hold while speaking.
const talkButton = $("talk");
talkButton.addEventListener("pointerdown", (event) => {
  if (event.button !== 0) return;
  microphone.heldSince = performance.now();
  microphone.startedByPress = !microphone.talking;
  if (microphone.startedByPress) startTalking();
});
talkButton.addEventListener("pointerup", () => {
  if (microphone.startedByPress && performance.now() - microphone.heldSince > 600) {
    stopTalking();
    microphone.suppressClick = true;
  }
});
talkButton.addEventListener("click", () => {
  if (microphone.suppressClick || microphone.startedByPress) {
    microphone.suppressClick = false;
    microphone.startedByPress = false;
    return;
  }
  if (microphone.talking) stopTalking();
  else startTalking();
});
talkButton.addEventListener("contextmenu", (event) => event.preventDefault());

// MARK: Start

let started = false;
function start() {
  $("forget-token").hidden = !token();
  loadStatus();
  loadSwitches();
  loadPickers();
  loadHistory();
  loadSynapses();
  loadSpeakers();
  if (!started) {
    started = true;
    connectEvents();
    setInterval(() => { if ($("link").dataset.up !== "true") loadStatus(); }, 15000);
  }
}

takeTokenFromAddress();
showEmpty($("events"), "Nothing yet.");
start();
