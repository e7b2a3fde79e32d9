#!/usr/bin/env bash
# Renders the ten reference prompts through the local renderer and writes a labelled contact sheet
# of their middle frames (default docs/renderer-gallery.png).
#   bench/gallery.sh [OUTPUT.png] [SIZE] [SECONDS] [FRAMES_DIR]     e.g. bench/gallery.sh /tmp/g.png 1280x720 4 /tmp/frames
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
mvn -B -ntp -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  app.kinora.render.RendererGallery "$@"
