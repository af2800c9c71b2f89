#!/usr/bin/env bash
# Issue 17 read benchmark (not a test): the list endpoints, the hazard dashboard, the risk map and the command
# view's aggregates against an application started with the district-scale profile, at 1, 8 and 32 clients,
# beside the bare-JDBC reference. Start the application first (docs/benchmarks.md), then:
#   scripts/read-benchmark.sh [baseUrl=http://127.0.0.1:8204] [only=hazards,enterprises] [skip=deep page] [clients=1,8,32] [seconds=4]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q test-compile
# the client needs the JDK only
exec java -Xmx256m -cp target/test-classes org.anjian.bench.ReadBenchmark "$@"
