#!/usr/bin/env bash
# Issue 12: kill -9 of the application during ingestion at full rate, then restart; every reading whose
# MQTT PUBACK (from the machine's Mosquitto on 127.0.0.1:1883) or HTTP 2xx came back must be in the
# database, and no open alarm may be duplicated. Uses its own port (8105), database directory
# (target/kill9/postgres, port 54339) and MQTT topic prefix (anjian-kill9/readings).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8105}
DIR=target/kill9
JDBC="jdbc:postgresql://localhost:54339/anjian"
rm -rf "$DIR"; mkdir -p "$DIR"
./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
start_app() {
  java -Xmx1g -cp "$CP" org.anjian.AnjianApplication --server.port=$PORT --anjian.embedded-db.data-dir=$DIR/postgres \
    --anjian.embedded-db.port=54339 --anjian.demo.enterprises=50 --anjian.monitoring.mqtt.url=tcp://127.0.0.1:1883 \
    --anjian.monitoring.mqtt.shared-group= --anjian.monitoring.mqtt.client-id=anjian-kill9 \
    --anjian.monitoring.mqtt.topic-prefix=anjian-kill9/readings >> $DIR/app.log 2>&1 &
  APP=$!
  until curl -s -o /dev/null -w '%{http_code}' localhost:$PORT/actuator/health | grep -q 200; do sleep 1; done
}
stop_db() { # the embedded PostgreSQL outlives a kill -9 of the JVM: stop it (fast shutdown) by its own pid file
  [ -f $DIR/postgres/postmaster.pid ] && kill -INT "$(head -1 $DIR/postgres/postmaster.pid)" && sleep 3 || true
}
start_app
ENTERPRISE=$(java -cp "$CP" org.anjian.monitoring.internal.Kill9Load setup "$JDBC")
java -cp "$CP" org.anjian.monitoring.internal.Kill9Load load $DIR $PORT $ENTERPRISE 40 "$JDBC" &
LOAD=$!
sleep 15
echo "kill -9 $APP during ingestion"; kill -9 $APP; stop_db
sleep 5
start_app
wait $LOAD
sleep 15   # the persistent MQTT session delivers what Mosquitto kept meanwhile
java -cp "$CP" org.anjian.monitoring.internal.Kill9Load verify $DIR "$JDBC"; RESULT=$?
kill $APP; wait $APP 2>/dev/null || true
exit $RESULT
