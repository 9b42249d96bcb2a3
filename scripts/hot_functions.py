#!/usr/bin/env python3
"""Turns a callgrind profile of the hearth binary into the link's ordering file.

    hot_functions.py CALLGRIND_OUT BINARY > Sources/hearth/hot-functions.order

Prints, one per line, every function of BINARY that ran in the profile,
sorted by name so that one type's or one module's code stays together.
Names the binary defines more than once (local helpers such as
`objectdestroyTm`, one in each of hundreds of objects) are listed too: the
link moves every copy, and since each function has a section of its own
(image/release-build.sh) that moves only the copies. Left out: code callgrind
can only name by its address (Sources/hearth/nameless.ld gathers Swift's
helpers without a symbol instead).
"""
import re
import subprocess
import sys

ENTRY = re.compile(r"^(c?ob|c?fn)=\((\d+)\)(?: (.*))?$")


def functions_run(profile, binary_name):
    """Names of the functions of binary_name that callgrind charged a cost to."""
    objects, functions = {}, {}
    current_object = None
    run = set()
    with open(profile, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            match = ENTRY.match(line.rstrip("\n"))
            if not match:
                continue
            kind, ident, name = match.groups()
            table = objects if kind.endswith("ob") else functions
            if name is not None:
                table[ident] = name
            if kind == "ob":
                current_object = objects[ident]
            elif kind == "fn" and current_object and current_object.endswith(binary_name):
                # callgrind marks recursion cycles with 'N; the symbol has no suffix.
                run.add(re.sub(r"'\d+$", "", functions[ident]))
    return run


def defined(binary):
    """Names of the functions the binary defines."""
    listing = subprocess.run(["nm", "--defined-only", binary], check=True,
                             capture_output=True, text=True).stdout
    return {fields[2] for fields in (line.split() for line in listing.splitlines())
            if len(fields) == 3 and fields[1] in "tTwW"}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    profile, binary = sys.argv[1], sys.argv[2]
    run = functions_run(profile, binary.rsplit("/", 1)[-1])
    if not run:
        sys.exit(f"hot_functions: no function of {binary} in {profile}")
    for name in sorted(run & defined(binary)):
        print(name)


if __name__ == "__main__":
    main()
