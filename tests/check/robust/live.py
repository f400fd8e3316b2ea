"""A live `tabel serve` for the robustness checks: a demo school, the server process, a small
JSON client with a cookie jar. Standard library only."""
import csv
import http.client
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TABEL = os.environ.get("TABEL", str(ROOT / ".build/debug/tabel"))
PASSWORD = "pw-look-1234"
TODAY = "2026-11-23"
NOW = TODAY + "T10:00"


def demo(directory, students=60):
    """A demo school in `directory` (made once, then reused): (database path, logins rows)."""
    directory = Path(directory)
    db, logins = directory / "demo.sqlite", directory / "logins.csv"
    if not db.exists() or not logins.exists():
        directory.mkdir(parents=True, exist_ok=True)
        subprocess.run([TABEL, "setup", "demo", "--db", str(db), "--students", str(students), "--seed", "5",
                        "--today", TODAY, "--password", PASSWORD, "--logins", str(logins)],
                       check=True, stdout=subprocess.DEVNULL)
    with open(logins, newline="", encoding="utf-8") as f:
        return db, list(csv.DictReader(f))


def copy_database(source, target):
    """A stand-alone copy of a cleanly closed database (no -wal, no .verified stamp)."""
    target = Path(target)
    for suffix in ("", "-wal", "-shm", ".verified"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def accounts(logins):
    """One login for each role the checks walk: administrator, deputy, class teacher, teacher,
    guardian, student."""
    def first(pred):
        return next(r for r in logins if pred(r))
    return {
        "administrator": first(lambda r: r["role"] == "administrator"),
        "deputy": first(lambda r: r["role"] == "deputy"),
        "class teacher": first(lambda r: r["role"] == "teacher" and r["class"]),
        "teacher": first(lambda r: r["role"] == "teacher" and not r["class"]),
        "guardian": first(lambda r: r["role"] == "guardian"),
        "student": first(lambda r: r["role"] == "student"),
    }


class Server:
    """`tabel serve` on `host:port` over `db`; its output goes to `db`.log."""

    def __init__(self, db, port, host="127.0.0.1", extra=()):
        self.db, self.port, self.host, self.extra = str(db), port, host, list(extra)
        self.process = None
        self.log = Path(self.db + ".log")

    def start(self, timeout=30, expect_ready=True):
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                [TABEL, "serve", "--db", self.db, "--listen", f"{self.host}:{self.port}", "--now", NOW] + self.extra,
                stdout=log, stderr=subprocess.STDOUT)
        if not expect_ready:
            return self
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"tabel serve exited {self.process.returncode}: {self.tail()}")
            try:
                Client(self.port, self.host).request("GET", "/healthz")
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("tabel serve did not answer in time: " + self.tail())

    def tail(self, n=3000):
        return self.log.read_text(errors="replace")[-n:] if self.log.exists() else ""

    def kill(self):
        """kill -9: no chance to flush or close anything."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class Client:
    """One keep-alive connection with the session cookie it was given."""

    def __init__(self, port, host="127.0.0.1", source=None, timeout=30):
        self.port, self.host, self.source, self.timeout = port, host, source, timeout
        self.cookies = {}
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        """(status, headers, body bytes); reconnects once when a kept connection was closed."""
        h = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body, ensure_ascii=False).encode()
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        for attempt in (0, 1):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout,
                    source_address=(self.source, 0) if self.source else None)
            try:
                self.connection.request(method, path, body=body, headers=h)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return response.status, response.headers, data

    def json(self, method, path, body=None):
        status, _, data = self.request(method, path, body)
        return status, (json.loads(data) if data else None)

    def sign_in(self, login, password=PASSWORD):
        status, answer = self.json("POST", "/api/v1/session", {"login": login, "password": password})
        if status != 200:
            raise RuntimeError(f"sign-in of {login}: {status} {answer}")
        return self

    def close(self):
        if self.connection:
            self.connection.close()
            self.connection = None
