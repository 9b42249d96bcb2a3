#!/usr/bin/env bash
# Writes hearth(1) in roff from the program's own help, so the manual says
# exactly what `hearth help COMMAND` says: man.sh path/to/hearth > hearth.1
set -euo pipefail
hearth=$1

# Preformatted text for roff: backslashes escaped, no line read as a request.
roff_text() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

# The subcommands a help page lists, nested ones as "brain export".
subcommands() {
    "$hearth" help "$@" | awk '/^SUBCOMMANDS:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on = 0}' |
        grep -v '^help$' || true
}

version=$("$hearth" --version)
cat <<ROFF
.TH HEARTH 1 "" "hearth $version" "User Commands"
.SH NAME
hearth \- an offline voice assistant for a small Linux board
.SH SYNOPSIS
.B hearth
.I command
.RI [ options ]
.SH DESCRIPTION
.nf
ROFF
"$hearth" --help | roff_text
echo ".fi"
echo ".SH COMMANDS"
for command in $(subcommands); do
    for full in "$command" $(subcommands "$command" | sed "s/^/$command:/"); do
        words=${full//:/ }
        echo ".SS hearth $words"
        echo ".nf"
        # shellcheck disable=SC2086
        "$hearth" help $words | roff_text
        echo ".fi"
    done
done
cat <<'ROFF'
.SH FILES
.TP
.I /etc/hearth/settings.yml
settings (Kalliope's format); the service runs with it
.TP
.I /etc/hearth/brain.yml
the brain: synapses, their orders and neurons
.TP
.I /etc/hearth/api-password
the REST API password, made when the package was installed
.TP
.I /usr/share/hearth/board/
board profiles for \-\-board and board: in settings
.TP
.I /var/lib/hearth/
the state database (run-time changes, memory, order history)
.SH SEE ALSO
.BR systemctl (1),
.BR journalctl (1)
ROFF
