#!/usr/bin/env bash
# Stops the broker started by start-broker.sh, by its pid: TERM, then KILL if it has not exited after 30 s.
#   deploy/kafka/stop-broker.sh [--data DIR] [--kill]     (--kill: SIGKILL at once, a crash)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/target/broker"
signal=TERM
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --kill) signal=KILL; shift ;;
    *) echo "stop-broker.sh: unknown option $1 (use --data DIR, --kill)" >&2; exit 2 ;;
  esac
done
pidfile="$data/broker.pid"
if [ ! -f "$pidfile" ]; then
  echo "stop-broker.sh: no broker pid file in $data" >&2
  exit 0
fi
pid="$(cat "$pidfile")"
if kill -0 "$pid" 2>/dev/null; then
  kill "-$signal" "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "stop-broker.sh: pid $pid still runs after 30 s; KILL" >&2
    kill -KILL "$pid"
  fi
fi
rm -f "$pidfile"
