#!/usr/bin/env bash
# Order matching speed and brain memory on generated brains of 100, 1,000
# and 10,000 synapses (ordo-one/benchmark, release build).
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
swift package --allow-writing-to-package-directory benchmark --target MatcherBenchmarks --no-progress "$@"
