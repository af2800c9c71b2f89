#!/usr/bin/env bash
# Issue 12 benchmark (not a test): raw COPY vs HTTP and MQTT ingestion with alarm evaluation, and the
# reading-to-alarm latency at half the MQTT peak. Starts the application on a throw-away embedded
# PostgreSQL and its embedded MQTT broker (port $MQTT_PORT, 18839 unless set).
# Usage: [SKIP_BUILD=1 (jar and test classes built already)] [MQTT_PORT=18839] [WARM_UP=readings per path, untimed] scripts/monitoring-benchmark.sh [readings [--spring.property=value ...]]
set -euo pipefail
cd "$(dirname "$0")/.."
# the application's jar (its BOOT-INF/lib is the runtime classpath; works offline, unlike dependency:build-classpath) and the test classes
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -o -q package -DskipTests
rm -rf target/bench-lib && unzip -q -o -j target/anjian-*.jar 'BOOT-INF/lib/*' -d target/bench-lib
exec java -Xmx1g -cp "target/test-classes:target/classes:target/bench-lib/*" \
  org.anjian.monitoring.internal.IngestionBenchmark "${1:-100000}" "${MQTT_PORT:-18839}" "${@:2}"
