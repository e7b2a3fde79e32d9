#!/usr/bin/env bash
# Local renderer throughput against an encode-only baseline, in one JVM.
#   bench/render-throughput.sh [SIZE] [SECONDS] [ROUNDS]     e.g. bench/render-throughput.sh 1920x1080 4 5
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  app.kinora.render.RenderBenchmark "$@"
