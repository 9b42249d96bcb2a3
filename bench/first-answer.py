#!/usr/bin/env python3
"""Launches `hearth run` and reports the time until its first answered order.

Usage: first-answer.py HEARTH PORT ORDER [hearth run arguments...]
Prints the milliseconds from launch to the first 201 of
POST /synapses/start/order, polling the port every half millisecond.
"""
import json
import socket
import subprocess
import sys
import time

hearth, port, order, extra = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
body = json.dumps({"order": order, "mute": True}).encode()
request = (
    f"POST /synapses/start/order HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
).encode() + body

start = time.perf_counter()
daemon = subprocess.Popen([hearth, "run", "--port", str(port), "--log-level", "warning", *extra],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    while True:
        if daemon.poll() is not None:
            sys.exit(f"hearth run exited with {daemon.returncode} before answering")
        if time.perf_counter() - start > 30:
            sys.exit("no answer within 30 s")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                connection.sendall(request)
                answer = b""
                while chunk := connection.recv(65536):
                    answer += chunk
            if answer.startswith(b"HTTP/1.1 201"):
                print(f"{(time.perf_counter() - start) * 1000:.1f}")
                break
        except OSError:
            time.sleep(0.0005)
finally:
    daemon.terminate()
    daemon.wait()
