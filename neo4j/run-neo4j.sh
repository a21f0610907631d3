#!/usr/bin/env bash
# Runs the local Neo4j JVM for the Node server and ties its life to the server's:
#   run-neo4j.sh PARENT_PID java ARGS...
# - SIGTERM/SIGINT here stop the JVM cleanly (Neo4j's shutdown hook flushes the store) before exiting;
# - if the parent dies without stopping us (even by SIGKILL), the JVM is stopped too: no JVM is left behind.
set -u
parent=$1; shift
"$@" &
jvm=$!
stop() { kill -TERM "$jvm" 2>/dev/null; wait "$jvm"; exit $?; }
trap stop TERM INT HUP
while kill -0 "$parent" 2>/dev/null && kill -0 "$jvm" 2>/dev/null; do
  sleep 1 & wait $!   # wait (not a bare sleep) so a signal runs the trap at once
done
if kill -0 "$jvm" 2>/dev/null; then stop; fi
wait "$jvm"
