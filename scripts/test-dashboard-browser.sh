#!/usr/bin/env bash
# The dashboard in headless Chromium against a live `hearth run`: redirect,
# token handling, screenshots (phone and desktop, kept under
# .build/dashboard-browser/), the Mute switch, and an order spoken into the
# browser microphone answered in the event log.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product hearth 2>&1 | tail -1
python3 scripts/dashboard-browser-test.py --hearth .build/debug/hearth --out .build/dashboard-browser
