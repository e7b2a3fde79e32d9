"""The client side of bench/end-to-end: warms up, then per round times the FFmpeg floor and one
video through the API, and reads the server's step timings from its log."""
import glob, json, os, re, statistics, subprocess, sys, time, urllib.request

key, log_path, server, rounds, size, seconds, prompt = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
base = "http://localhost:18083/v1/videos"
STEP = re.compile(r"bench-step (\w+) start=([\d.]+) ms=([\d.]+)")
RENDERED = re.compile(r"Rendered .*")
# The renderer's encoder settings (render/encode/Mp4Encoder.X264_PARAMS), so the floor is fair.
X264_PARAMS = "colorprim=bt709:transfer=bt709:colormatrix=bt709:sync-lookahead=0"


def call(url, body=None, raw=False):
    req = urllib.request.Request(url, data=body, headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return r.read() if raw else json.load(r)


class Log:
    """The server log, read on from where the last look stopped."""
    def __init__(self, path):
        self.file = open(path, encoding="utf-8", errors="replace")
        self.file.seek(0, os.SEEK_END)
        self.lines = []

    def read(self):
        self.lines += self.file.readlines()
        return self.lines


def server_cpu():
    """CPU seconds the server has used so far: all its threads and its finished child processes
    (ffprobe, ffmpeg), user and system; not the embedded database's processes."""
    fields = open(f"/proc/{server}/stat").read().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def job(seed):
    """One video through the API; returns the client's times and the server's steps."""
    log = Log(log_path)
    body = json.dumps({"model": "kinora-local", "prompt": prompt, "seconds": seconds, "size": size, "seed": seed}).encode()
    cpu0 = server_cpu()
    t0 = time.time()
    video = call(base, body)
    posted = time.time()
    # Reading the log costs the server nothing; asking it does, so it is asked only once the
    # worker is storing the video, and then often, to see the moment it says completed.
    while not any("bench-step store" in line or " failed: " in line for line in log.read()):
        time.sleep(0.005)
    while True:
        state = call(f"{base}/{video['id']}")
        if state["status"] in ("completed", "failed"):
            break
        time.sleep(0.002)
    done = time.time()
    if state["status"] != "completed":
        sys.exit(f"the video failed: {state.get('error')}")
    content = call(f"{base}/{video['id']}/content", raw=True)
    downloaded = time.time()
    cpu = server_cpu() - cpu0
    if len(content) < 1000 or content[4:8] != b"ftyp":
        sys.exit("the content is not an MP4")
    time.sleep(0.2)  # the worker's last log lines
    steps = {}
    first, last = None, None
    for line in log.read():
        m = STEP.search(line)
        if m:
            name, start, ms = m.group(1), float(m.group(2)) / 1000, float(m.group(3)) / 1000
            steps[name] = steps.get(name, 0) + ms
            first = start if first is None else min(first, start)
            last = start + ms if last is None else max(last, start + ms)
        r = RENDERED.search(line)
        if r:
            steps["rendered"] = r.group(0)
    times = {
        "submit": posted - t0,
        "queue": first - posted,
        "render": steps.get("render", 0),
        "probe": steps.get("probe", 0),
        "derivatives": steps.get("derivatives", 0),
        "store": steps.get("store", 0),
        "settle": done - last,
        "download": downloaded - done,
        "total": downloaded - t0,
        "server cpu": cpu,
    }
    times["between steps"] = (last - first) - sum(times[k] for k in ("render", "probe", "derivatives", "store"))
    return times, state["fps"], steps.get("rendered", "")


def ffmpeg_floor(fps):
    found = glob.glob(os.path.expanduser("~/.javacpp/cache/**/ffmpeg"), recursive=True)
    ffmpeg = next((f for f in found if "linux-x86_64" in f and os.path.isfile(f)), None)
    if ffmpeg is None:
        sys.exit("no bundled ffmpeg under ~/.javacpp/cache")
    out = "/tmp/kinora-bench-floor.mp4"
    command = [ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
               "-f", "lavfi", "-i", f"testsrc2=size={size}:rate={fps}:duration={seconds}",
               "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={seconds}",
               "-c:v", "libx264", "-preset", "veryfast", "-crf", "21", "-pix_fmt", "yuv420p", "-g", str(fps * 2),
               "-x264-params", X264_PARAMS, "-flags", "+bitexact",
               "-c:a", "aac", "-b:a", "96k", "-aac_coder", "fast", "-ac", "1", "-ar", "48000",
               "-movflags", "+faststart", "-fflags", "+bitexact", out]
    env = dict(os.environ, LD_LIBRARY_PATH=os.path.dirname(ffmpeg))
    before = os.times()
    t0 = time.time()
    subprocess.run(command, check=True, env=env)
    elapsed = time.time() - t0
    after = os.times()
    os.remove(out)
    return elapsed, (after.children_user - before.children_user) + (after.children_system - before.children_system)


for seed in (1, 2):  # warm-up: the JIT, the natives, the database's caches
    _, fps, _ = job(seed)
ffmpeg_floor(fps)

rows = []
print(f"{size}, {seconds} s at {fps} fps, prompt \"{prompt}\", seed 7, {rounds} rounds; load average {os.getloadavg()[0]:.1f}")
for i in range(rounds):
    floor, floor_cpu = ffmpeg_floor(fps)
    times, _, rendered = job(7)
    times["floor"] = floor
    times["floor cpu"] = floor_cpu
    rows.append(times)
    print(f"round {i + 1}: ffmpeg {floor * 1000:6.0f} ms, submit -> downloaded {times['total'] * 1000:6.0f} ms "
          f"(render {times['render'] * 1000:.0f}, probe {times['probe'] * 1000:.0f}, "
          f"derivatives {times['derivatives'] * 1000:.0f}, store {times['store'] * 1000:.0f}), "
          f"ratio {times['total'] / floor:.2f}; CPU ffmpeg {floor_cpu:.2f} s, server {times['server cpu']:.2f} s; "
          f"load average {os.getloadavg()[0]:.1f}")
    if rendered:
        print(f"         {rendered}")

median = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
print("median of the rounds, in ms:")
for k in ("submit", "queue", "render", "probe", "derivatives", "store", "between steps", "settle", "download", "total"):
    print(f"  {k:14s} {median[k] * 1000:7.0f}")
print(f"CPU time, median: ffmpeg {median['floor cpu']:.2f} s, kinora server {median['server cpu']:.2f} s")
print(f"ffmpeg encode only (testsrc2 + sine): {median['floor'] * 1000:.0f} ms")
print(f"ratio wait/encode: {median['total'] / median['floor']:.2f}")
