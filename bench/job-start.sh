#!/usr/bin/env bash
# How long an idle node takes to start a submitted job, against a baseline in the same run:
# the round trip of a plain authenticated GET. Starts its own Kinora on port 18080 with a
# throw-away data directory and fair-use limits raised for any number of jobs.
#   bench/job-start.sh [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
jobs=${1:-10}
[ -f target/kinora.jar ] || mvn -B -ntp -q -DskipTests package
data=$(mktemp -d)
key=kn_bench_$(date +%s%N)
KINORA_BOOTSTRAP_ADMIN_EMAIL=bench@kinora.test KINORA_BOOTSTRAP_ADMIN_PASSWORD='bench passphrase 1' \
KINORA_BOOTSTRAP_ADMIN_API_KEY=$key java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -jar target/kinora.jar \
  --server.port=18080 --kinora.data-dir="$data" --kinora.safety.limits.per-account-per-minute=1000 \
  --kinora.safety.limits.per-api-key-per-minute=1000 --kinora.safety.limits.per-address-per-minute=1000 \
  >"$data/kinora.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:18080/actuator/health >/dev/null && break; sleep 0.5; done
python3 - "$key" "$jobs" <<'PY'
import json, sys, time, urllib.request
key, jobs = sys.argv[1], int(sys.argv[2])
base = "http://localhost:18080/v1/videos"
def call(url, body=None):
    req = urllib.request.Request(url, data=body, headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)
starts, gets = [], []
for i in range(jobs):
    t0 = time.perf_counter()
    video = call(base, json.dumps({"prompt": f"bench {i}", "seconds": "2", "size": "480x480"}).encode())
    while True:
        status = call(f"{base}/{video['id']}")["status"]
        if status != "queued":
            starts.append(time.perf_counter() - t0)
            break
        time.sleep(0.005)
    while call(f"{base}/{video['id']}")["status"] not in ("completed", "failed"):
        time.sleep(0.05)
    t1 = time.perf_counter(); call(f"{base}/{video['id']}"); gets.append(time.perf_counter() - t1)
starts.sort(); gets.sort()
median = lambda xs: xs[len(xs) // 2]
print(f"jobs: {jobs} on an idle node")
print(f"baseline  GET /v1/videos/{{id}} round trip: median {median(gets)*1000:7.1f} ms")
print(f"kinora    submit -> job started:           median {median(starts)*1000:7.1f} ms, max {max(starts)*1000:.1f} ms")
print(f"ratio start/GET: {median(starts)/median(gets):.1f}")
PY
