#!/usr/bin/env bash
# Starts a single-node Kafka broker (KRaft, broker and controller in one process) from Maven Central jars, for the
# tests and a local trial; no Docker. Prints its bootstrap address (127.0.0.1:PORT) on the last line.
#   deploy/kafka/start-broker.sh [--port N] [--data DIR] [--partitions N]
# Defaults: port 19092 (the controller listens on PORT+1), data deploy/kafka/target/broker, 8 partitions per new
# topic. The broker runs in the background with -Xmx512m; its pid is in DIR/broker.pid, its log in DIR/broker.log.
# Stop it with deploy/kafka/stop-broker.sh --data DIR. A DIR that holds a formatted log keeps its topics.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port=19092
data="$here/target/broker"
partitions=8
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --partitions) partitions="$2"; shift 2 ;;
    *) echo "start-broker.sh: unknown option $1 (use --port N, --data DIR, --partitions N)" >&2; exit 2 ;;
  esac
done
cport=$((port + 1))
mkdir -p "$data"
data="$(cd "$data" && pwd)"
pidfile="$data/broker.pid"
log="$data/broker.log"

if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "start-broker.sh: a broker already runs with pid $(cat "$pidfile") for $data" >&2
  exit 1
fi

# the broker's jars: built once, off the application's classpath
if [ ! -d "$here/target/lib" ] || [ -z "$(ls "$here/target/lib" 2>/dev/null)" ]; then
  echo "Copying the broker's jars into $here/target/lib ..." >&2
  mvn -B -q -f "$here/pom.xml" package >&2
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cp="$here/target/lib/*"
jvm=(-Xmx512m -Xms128m -XX:+UseSerialGC -Dlog4j2.configurationFile="$here/log4j2.properties")

# broker.session.timeout.ms 4 s instead of 9 s: a node restarted after a crash waits out its old registration's
# session before it serves (port open 6.6 s after the start instead of 12.6 s, on this machine); one node, so its
# heartbeats only cross loopback
cat > "$data/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data/log
num.partitions=$partitions
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
broker.session.timeout.ms=4000
broker.heartbeat.interval.ms=1000
auto.create.topics.enable=true
PROPS

if [ ! -f "$data/log/meta.properties" ]; then
  cluster="$("$java" "${jvm[@]}" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$log")"
  "$java" "${jvm[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$cluster" -c "$data/server.properties" \
    >>"$log" 2>&1
fi

nohup "$java" "${jvm[@]}" -cp "$cp" kafka.Kafka "$data/server.properties" >>"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" > "$pidfile"

# bounded wait for the port
for _ in $(seq 1 120); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start-broker.sh: the broker (pid $pid) exited; the end of $log:" >&2
    tail -n 30 "$log" >&2
    rm -f "$pidfile"
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Kafka broker pid $pid on 127.0.0.1:$port (data $data)" >&2
    echo "127.0.0.1:$port"
    exit 0
  fi
  sleep 0.5
done
echo "start-broker.sh: port $port did not open within 60 s; stopping pid $pid; the end of $log:" >&2
tail -n 30 "$log" >&2
kill "$pid" 2>/dev/null || true
rm -f "$pidfile"
exit 1
