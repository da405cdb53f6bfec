#!/usr/bin/env bash
# The exhaustive differential search: tests/differential/run.sh (and its README).
exec bash tests/differential/run.sh "$@"
