#!/usr/bin/env python3
"""The dashboard in a real browser: headless Chromium, driven over the
DevTools protocol (through --remote-debugging-pipe, so no WebSocket client is
needed), against a live `hearth run`.

It opens / as a browser does (and lands on /dashboard), checks that a token
given as ?token= is kept and taken out of the address, takes screenshots at
phone and desktop width, switches Mute through the control labelled "Mute"
and sees the change over the API, then presses "Talk" with Chromium's fake
microphone playing a flite recording of an order and waits for the answer in
the page's event log.

Usage: dashboard-browser-test.py --hearth .build/debug/hearth --out DIR
"""
import argparse
import base64
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ORDER = "turn on the kitchen light"
ANSWER = "The kitchen light is on"
BRAIN = f"""---
- name: "kitchen-light-on"
  signals:
    - order: "{ORDER}"
  neurons:
    - say:
        message: "{ANSWER}"
- name: "say-hello"
  signals:
    - order: "good morning"
  neurons:
    - say:
        message: "Good morning to you"
"""
SETTINGS = """rest_api:
  active: true
  port: 5000
options:
  deaf: false
  mute: false
dashboard:
  max_clients: 2
"""


def fail(message):
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


class DevTools:
    """The DevTools protocol over Chromium's pipe: JSON messages ended by NUL,
    commands written to its fd 3, answers and events read from its fd 4."""

    def __init__(self, command):
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()
        # Parked above the numbers the child needs, so dup2 cannot clobber them.
        os.dup2(to_browser_read, 100)
        os.dup2(from_browser_write, 101)
        for fd in (to_browser_read, from_browser_write):
            os.close(fd)

        def wire_pipe():
            os.dup2(100, 3)
            os.dup2(101, 4)

        # Python's own descriptors are not inheritable, so with close_fds off
        # the child gets only these two besides its standard streams.
        self.process = subprocess.Popen(
            command, close_fds=False, preexec_fn=wire_pipe,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(100)
        os.close(101)
        self.writer = os.fdopen(to_browser_write, "wb", buffering=0)
        self.reader = os.fdopen(from_browser_read, "rb", buffering=0)
        self.next_id = 0
        self.answers = {}
        self.condition = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        while True:
            chunk = self.reader.read(65536)
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message:
                    with self.condition:
                        self.answers[message["id"]] = message
                        self.condition.notify_all()

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        number = self.next_id
        message = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.writer.write(json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        with self.condition:
            while number not in self.answers:
                left = deadline - time.time()
                if left <= 0:
                    fail(f"no answer from Chromium to {method}")
                self.condition.wait(left)
            answer = self.answers.pop(number)
        if "error" in answer:
            fail(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except SystemExit:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Page:
    def __init__(self, tools):
        self.tools = tools
        target = tools.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = tools.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "DOM", "Accessibility"):
            self.send(f"{domain}.enable")

    def send(self, method, params=None, timeout=30):
        return self.tools.send(method, params, session=self.session, timeout=timeout)

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            fail(f"page script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.2)
        fail(f"timed out waiting for {what}")

    def size(self, width, height, mobile):
        self.send("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        print(f"screenshot: {path}", flush=True)

    def click_control(self, name, role):
        """Clicks the element whose accessible name and role are these, as a
        screen reader user would find it."""
        document = self.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = self.send("Accessibility.queryAXTree", {"nodeId": document, "accessibleName": name, "role": role})["nodes"]
        nodes = [node for node in nodes if "backendDOMNodeId" in node]
        if not nodes:
            fail(f"no {role} labelled '{name}' on the page")
        handle = self.send("DOM.resolveNode", {"backendNodeId": nodes[0]["backendDOMNodeId"]})["object"]["objectId"]
        self.send("Runtime.callFunctionOn", {"objectId": handle, "functionDeclaration": "function() { this.click(); }"})


def resident_megabytes(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def api(base, path):
    with urllib.request.urlopen(base + path, timeout=10) as answer:
        return json.loads(answer.read())


def wait_api(base, path, key, expected, timeout=10):
    deadline = time.time() + timeout
    value = None
    while time.time() < deadline:
        value = api(base, path).get(key)
        if value == expected:
            return
        time.sleep(0.2)
    fail(f"{path} shows {key}={value}, expected {expected}")


def start_hearth(hearth, folder):
    with open(os.path.join(folder, "brain.yml"), "w") as file:
        file.write(BRAIN)
    with open(os.path.join(folder, "settings.yml"), "w") as file:
        file.write(SETTINGS)
    log = open(os.path.join(folder, "hearth.log"), "w+")
    process = subprocess.Popen(
        [hearth, "run", "--brain", os.path.join(folder, "brain.yml"), "--settings", os.path.join(folder, "settings.yml"),
         "--state-dir", os.path.join(folder, "state"), "--port", "0"],
        stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        log.seek(0)
        found = re.search(r"ready: REST API on (http://[\d.]+:\d+)", log.read())
        if found:
            return process, found.group(1)
        if process.poll() is not None:
            log.seek(0)
            fail("hearth run stopped:\n" + log.read())
        time.sleep(0.2)
    process.kill()
    fail("hearth run did not get ready")


def order_recording(folder):
    """flite speaking the order, with silence around it (Chromium loops the
    file: the pause is where Hearth hears the end of the order)."""
    spoken = os.path.join(folder, "order-raw.wav")
    padded = os.path.join(folder, "order.wav")
    subprocess.run(["flite", "-voice", "slt", "-t", ORDER, "-o", spoken], check=True)
    subprocess.run(["sox", spoken, "-r", "48000", padded, "pad", "0.5", "2.5"], check=True)
    return padded


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--hearth", required=True)
    arguments.add_argument("--out", required=True)
    arguments.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    options = arguments.parse_args()
    os.makedirs(options.out, exist_ok=True)

    folder = tempfile.mkdtemp(prefix="hearth-dashboard-")
    hearth, base = start_hearth(options.hearth, folder)
    tools = None
    try:
        recording = order_recording(folder)
        command = [
            options.chromium, "--headless=new", "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check",
            "--disable-gpu", "--disable-dev-shm-usage", f"--user-data-dir={os.path.join(folder, 'chromium')}",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-audio-capture={recording}", "--autoplay-policy=no-user-gesture-required",
        ]
        if os.geteuid() == 0:
            command.append("--no-sandbox")
        tools = DevTools(command)
        page = Page(tools)

        # A browser opening / lands on the dashboard.
        page.size(390, 844, mobile=True)
        page.send("Page.navigate", {"url": base + "/"})
        page.wait_for("location.pathname === '/dashboard' && document.readyState === 'complete'", "the redirect to /dashboard")
        print("ok: / redirects a browser to /dashboard", flush=True)

        # A token given once is kept and leaves the address.
        page.send("Page.navigate", {"url": base + "/dashboard?token=kept-token"})
        page.wait_for("document.readyState === 'complete' && location.search === ''", "the token to leave the address")
        if page.evaluate("localStorage.getItem('hearth.token')") != "kept-token":
            fail("the token given as ?token= was not kept")
        print("ok: ?token= is kept by the browser and removed from the address", flush=True)
        page.evaluate("localStorage.clear()")
        page.send("Page.navigate", {"url": base + "/dashboard"})
        page.wait_for("document.querySelectorAll('#synapses button').length === 2", "the synapse list")
        page.wait_for("document.getElementById('link').dataset.up === 'true'", "the live event connection", timeout=15)
        time.sleep(0.5)
        page.screenshot(os.path.join(options.out, "dashboard-phone.png"))
        page.size(1280, 900, mobile=False)
        time.sleep(0.5)
        page.screenshot(os.path.join(options.out, "dashboard-desktop.png"))
        page.size(390, 844, mobile=True)

        # Mute through the page, seen over the API; then back.
        page.click_control("Mute", "switch")
        wait_api(base, "/settings/mute", "mute", True)
        print("ok: the page's Mute switch muted Hearth", flush=True)
        page.click_control("Mute", "switch")
        wait_api(base, "/settings/mute", "mute", False)
        page.click_control("Deaf", "switch")
        wait_api(base, "/settings/deaf", "deaf", True)
        page.click_control("Deaf", "switch")
        wait_api(base, "/settings/deaf", "deaf", False)
        print("ok: Mute and Deaf switch back off", flush=True)

        # Speak the order through the web microphone.
        resident_before = resident_megabytes(hearth.pid)
        pressed = time.time()
        page.click_control("Talk", "button")
        page.wait_for(
            f"document.getElementById('events').textContent.includes({json.dumps(ANSWER)})",
            "the answer in the event log", timeout=90)
        print("ok: the order spoken into the browser microphone was answered in the event log "
              f"({time.time() - pressed:.1f} s after Talk, the recording's speech starting at 0.5 s)", flush=True)
        page.wait_for(f"document.getElementById('heard').textContent.includes({json.dumps(ORDER)})", "the heard order")
        # The run is saved once the answer has been played to its end.
        deadline = time.time() + 20
        while True:
            runs = api(base, "/api/history?limit=5")["history"]
            if any(run["source"] == "browser" and run["synapses"] == ["kitchen-light-on"] for run in runs):
                break
            if time.time() > deadline:
                fail(f"the history has no browser run of kitchen-light-on: {runs}")
            time.sleep(0.3)
        print("ok: the history lists the browser's order", flush=True)
        print(f"figure: hearth resident memory {resident_before:.0f} MB before the browser microphone, "
              f"{resident_megabytes(hearth.pid):.0f} MB with one session open", flush=True)
        page.wait_for("document.querySelector('#history li .badge')?.textContent === 'browser'", "the order in Recent orders")
        time.sleep(0.5)
        page.screenshot(os.path.join(options.out, "dashboard-phone-answered.png"))
    except SystemExit:
        with open(os.path.join(folder, "hearth.log")) as log:
            print("hearth's log, last lines:\n" + "".join(log.readlines()[-40:]), flush=True)
        raise
    finally:
        if tools:
            tools.close()
        hearth.terminate()
        try:
            hearth.wait(timeout=15)
        except subprocess.TimeoutExpired:
            hearth.kill()
        shutil.rmtree(folder, ignore_errors=True)
    print("PASS: dashboard in Chromium", flush=True)


if __name__ == "__main__":
    main()
