"""Peak resident memory of the server while it rejects one uploaded file (issue 13: a 30 MB
CSV of bad rows must not raise the server's memory by more than 200 MiB).

`e2e/hostile_uploads.py` reads the resident size after each answer (when freed memory has
been handed back); this reads the peak during the request: it resets the kernel's high-water
mark (`/proc/PID/clear_refs`, needs the server's user or root), uploads FILE to
`POST /api/v1/students/import` as the city administrator, and reports VmHWM − VmRSS before,
plus the resident size after. A sampling thread (every 10 ms) backs the high-water mark up.

Usage:
    python3 e2e/hostile/make_hostile.py /tmp/hostile
    BASE=http://127.0.0.1:8438 SERVER_PID=… FILE=/tmp/hostile/csv_big_bad_rows.csv python3 Benchmarks/upload_peak_memory.py
Env: BASE, SERVER_PID, FILE, REPEAT (default 3; the first upload also warms caches)."""
import os
import threading
import time

import requests

BASE = os.environ["BASE"]
PID = os.environ["SERVER_PID"]
FILE = os.environ["FILE"]
REPEAT = int(os.environ.get("REPEAT", "3"))


def status(field):
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(field)


token = requests.post(BASE + "/api/v1/auth/tokens", json={"username": "city-admin", "password": "Zhijiao-Demo-2026"}, timeout=30).json()["token"]
body = open(FILE, "rb").read()
for attempt in range(REPEAT):
    time.sleep(1)
    before = status("VmRSS")
    try:
        with open(f"/proc/{PID}/clear_refs", "w") as f:
            f.write("5")
        reset = True
    except OSError:
        reset = False
    peak = [before]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], status("VmRSS"))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.time()
    r = requests.post(BASE + "/api/v1/students/import", data=body,
                      headers={"Authorization": "Bearer " + token, "Content-Type": "text/csv", "X-File-Name": os.path.basename(FILE)}, timeout=600)
    took = time.time() - started
    done.set()
    sampler.join()
    hwm = status("VmHWM") if reset else peak[0]
    after = status("VmRSS")
    detail = (r.json().get("detail") or "")[:90] if r.headers.get("content-type", "").startswith("application/") else ""
    print(f"{os.path.basename(FILE)} #{attempt + 1}: {r.status_code} in {took:.1f} s; resident before {before / 1048576:.0f} MiB, "
          f"peak rise {(max(hwm, peak[0]) - before) / 1048576:+.0f} MiB (sampled {(peak[0] - before) / 1048576:+.0f}), "
          f"after {(after - before) / 1048576:+.0f} MiB; {detail}", flush=True)
