#!/usr/bin/env python3
"""Slow clients (issue 16): slowhttptest trickles headers (slowloris), then bodies (R-U-Dead-Yet),
from 127.0.0.1 with up to 1000 connections, while a client from 127.0.0.2 opens a new connection
every 100 ms and asks for /login and /healthz: every answer must come, 95 % within 100 ms and
none over a second. Usage: slow_clients.py [--seconds S] [--port P]"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from live import Client, Server, copy_database, demo  # noqa: E402

WORK = Path(os.environ.get("CHECK_TMP", "/tmp/tabel-check"))


def probe(port, stop, timings, failures):
    """From another address, one fresh connection at a time."""
    paths = ["/login", "/healthz"]
    i = 0
    while not stop.is_set():
        client = Client(port, source="127.0.0.2", timeout=5)
        started = time.monotonic()
        try:
            status, _, _ = client.request("GET", paths[i % 2])
            elapsed = time.monotonic() - started
            (timings if status == 200 else failures).append(elapsed if status == 200 else f"{paths[i % 2]}: {status}")
        except OSError as e:
            failures.append(f"{paths[i % 2]}: {e}")
        finally:
            client.close()
        i += 1
        time.sleep(0.1)


def attack(mode, port, seconds):
    flags = {"headers": ["-H"], "bodies": ["-B", "-s", "1000000"]}[mode]
    command = ["slowhttptest", *flags, "-c", "1000", "-r", "200", "-i", "5", "-l", str(seconds), "-p", "3",
               "-u", f"http://127.0.0.1:{port}/login", "-v", "1"]
    stop, timings, failures = threading.Event(), [], []
    attacker = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    time.sleep(3)  # let the attacker take its slots
    prober = threading.Thread(target=probe, args=(port, stop, timings, failures))
    prober.start()
    output, _ = attacker.communicate(timeout=seconds + 60)
    stop.set()
    prober.join()
    clean = re.sub(r"\x1b\[[0-9;]*m", "", output)
    held = max((int(n) for n in re.findall(r"connected:\s+(\d+)", clean)), default=0)
    timings.sort()
    if not timings:
        return f"slow {mode}: nothing answered the other address ({failures[:3]})"
    p95, worst = timings[int(len(timings) * 0.95) - 1 if len(timings) > 1 else 0], timings[-1]
    print(f"slow {mode}: {len(timings)} answers to 127.0.0.2, median {timings[len(timings) // 2] * 1000:.1f} ms, "
          f"95 % {p95 * 1000:.1f} ms, worst {worst * 1000:.1f} ms, while 127.0.0.1 held up to {held} connections")
    if held < 100:
        return f"slow {mode}: the attack did not take hold ({held} connections): {clean[-300:]}"
    if failures:
        return f"slow {mode}: requests from 127.0.0.2 failed: {failures[:5]}"
    if p95 > 0.1 or worst > 1.0:
        return f"slow {mode}: 127.0.0.2 was not served within 100 ms (95 % {p95 * 1000:.0f} ms, worst {worst * 1000:.0f} ms)"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=40)
    parser.add_argument("--port", type=int, default=int(os.environ.get("CHECK_PORT", "8105")))
    args = parser.parse_args()
    if subprocess.run(["which", "slowhttptest"], stdout=subprocess.DEVNULL).returncode:
        print("FAILED: slowhttptest is not installed (make check-deps)")
        sys.exit(1)
    source, _ = demo(WORK)
    db = copy_database(source, WORK / "slow.sqlite")
    # SLOW_SERVE_ARGS: extra `tabel serve` options, e.g. to see the check fail without a per-address limit.
    with Server(db, args.port, extra=os.environ.get("SLOW_SERVE_ARGS", "").split()):
        problems = [p for p in (attack("headers", args.port, args.seconds), attack("bodies", args.port, args.seconds)) if p]
    if problems:
        print("FAILED: " + "; ".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
