#!/usr/bin/env bash
# Builds hearth for release as the package ships it and prints the binary's
# path on stdout (the build's own output goes to stderr). build-deb.sh and
# the benchmarks use it, so what is measured is what ships.
#
# Besides the Swift runtime linked in (--static-swift-stdlib), every module,
# dependencies included, is compiled with one section per function
# (-function-sections for Swift, -ffunction-sections for C). The release link
# (Package.swift) can then move single functions: the ones a serving daemon
# runs (Sources/hearth/hot-functions.order) to the front of the binary, and
# Swift's helpers without a symbol next to them (Sources/hearth/nameless.ld).
# Without it the link can only move whole modules, and a daemon keeps ~4 MB
# more of code resident.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
flags=(-c release --static-swift-stdlib
    -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections)

"$SWIFT" build "${flags[@]}" --product hearth >&2
echo "$("$SWIFT" build "${flags[@]}" --show-bin-path)/hearth"
