#!/usr/bin/env bash
# Issue 12 benchmark (not a test): raw COPY vs HTTP and MQTT ingestion with alarm evaluation, and the
# reading-to-alarm latency at half the MQTT peak. Starts the application on a throw-away embedded
# PostgreSQL and its embedded MQTT broker (port 18839). Usage: scripts/monitoring-benchmark.sh [readings]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.anjian.monitoring.internal.IngestionBenchmark "${1:-100000}"
