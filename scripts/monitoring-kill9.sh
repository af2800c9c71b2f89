#!/usr/bin/env bash
# Issue 12: kill -9 of the application during ingestion at full rate, then restart; every reading whose
# MQTT PUBACK or HTTP 2xx came back must be in the database, and no open alarm may be duplicated.
#
# Runs the application's jar on its own port ($PORT, 8205), its own embedded PostgreSQL (target/kill9/postgres,
# port $DB_PORT, 54339) and its own Mosquitto (port $MQTT_PORT, 18835; started and stopped here, configured to queue
# without limit for the platform's persistent session while the platform is down — Mosquitto's default of 1,000
# queued messages per client would drop acknowledged messages during a long restart, a broker setting production
# must make too). Only the processes this script starts are killed, by their PIDs.
# Usage: [SKIP_BUILD=1 (jar built already)] [PORT=8205] [DB_PORT=54339] [MQTT_PORT=18835] [LOAD_SECONDS=60] [KILL_AFTER=20] [MIN_ACKED=500 (readings answered on EACH channel before the kill)] scripts/monitoring-kill9.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8205}
DB_PORT=${DB_PORT:-54339}
MQTT_PORT=${MQTT_PORT:-18835}
LOAD_SECONDS=${LOAD_SECONDS:-60}
KILL_AFTER=${KILL_AFTER:-20}
MIN_ACKED=${MIN_ACKED:-500}
DIR=target/kill9
JDBC="jdbc:postgresql://localhost:$DB_PORT/anjian"
MQTT="tcp://127.0.0.1:$MQTT_PORT"
rm -rf "$DIR"; mkdir -p "$DIR"
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -o -q package -DskipTests
JAR=$(ls target/anjian-*.jar | head -1)
rm -rf target/bench-lib && unzip -q -o -j "$JAR" 'BOOT-INF/lib/*' -d target/bench-lib
CP="target/test-classes:target/classes:target/bench-lib/*"

APP=""; BROKER=""
stop_db() { # the embedded PostgreSQL outlives a kill -9 of the JVM: stop it (fast shutdown) by its own pid file
  if [ -f $DIR/postgres/postmaster.pid ]; then kill -INT "$(head -1 $DIR/postgres/postmaster.pid)" 2>/dev/null || true; sleep 3; fi
}
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  stop_db
  [ -n "$BROKER" ] && kill "$BROKER" 2>/dev/null || true
}
trap cleanup EXIT

printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 0\n' "$MQTT_PORT" > $DIR/mosquitto.conf
mosquitto -c $DIR/mosquitto.conf > $DIR/mosquitto.log 2>&1 &
BROKER=$!

start_app() {
  java -Xmx1g -jar "$JAR" --server.port=$PORT --anjian.embedded-db.data-dir=$DIR/postgres \
    --anjian.embedded-db.port=$DB_PORT --anjian.demo.enterprises=50 --anjian.monitoring.mqtt.url=$MQTT \
    --anjian.monitoring.mqtt.shared-group= --anjian.monitoring.mqtt.client-id=anjian-kill9 \
    --anjian.monitoring.mqtt.topic-prefix=anjian-kill9/readings >> $DIR/app.log 2>&1 &
  APP=$!
  local waited=0
  until curl -s -o /dev/null -w '%{http_code}' localhost:$PORT/actuator/health | grep -q 200; do
    sleep 1; waited=$((waited + 1))
    if [ $waited -gt 600 ] || ! kill -0 $APP 2>/dev/null; then echo "application did not start (see $DIR/app.log)"; exit 2; fi
  done
  echo "application up (pid $APP) after ${waited}s"
}
start_app
ENTERPRISE=$(java -cp "$CP" org.anjian.monitoring.internal.Kill9Load setup "$JDBC")
java -Dkill9.mqtt=$MQTT -cp "$CP" org.anjian.monitoring.internal.Kill9Load load $DIR $PORT $ENTERPRISE $LOAD_SECONDS "$JDBC" &
LOAD=$!
sleep $KILL_AFTER
# both channels must have had answers before the kill, or the run proves nothing for the silent one (in the 10:09 run
# no HTTP request had been answered within KILL_AFTER=10 on the saturated machine): wait up to the load's end for them
acked() { [ -f "$DIR/$1" ] && wc -l < "$DIR/$1" || echo 0; }
while kill -0 $LOAD 2>/dev/null && { [ "$(acked acked-mqtt.txt)" -lt "$MIN_ACKED" ] || [ "$(acked acked-http.txt)" -lt "$MIN_ACKED" ]; }; do sleep 1; done
echo "acknowledged before the kill: MQTT $(acked acked-mqtt.txt), HTTP $(acked acked-http.txt) readings"
echo "kill -9 $APP during ingestion"; kill -9 $APP; wait $APP 2>/dev/null || true; APP=""; stop_db
start_app
echo "acknowledged when the application was back: MQTT $(acked acked-mqtt.txt), HTTP $(acked acked-http.txt) readings"
wait $LOAD
set +e
java -cp "$CP" org.anjian.monitoring.internal.Kill9Load verify $DIR "$JDBC"; RESULT=$?
set -e
exit $RESULT
