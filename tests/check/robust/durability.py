#!/usr/bin/env python3
"""Durability of a live `tabel serve` (issue 16):
  kill     N × kill -9 while teachers save marks: every acknowledged save is there after the
           restart, and the file passes integrity_check;
  fullfs   a full file system (a small tmpfs made and removed here, root only): saves answer 507
           with the issue's words, reads and new sign-ins go on, /healthz says degraded, saving
           resumes and the sessions opened meanwhile are written;
  bitflip  bytes flipped at several offsets of a cleanly stopped database, mtime kept: found
           (/healthz degraded, or a refused start) with the file named and `tabel backup restore`.
Usage: durability.py [--kills N] [--port P] [kill|fullfs|bitflip ...]"""
import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from live import PASSWORD, TODAY, Client, Server, accounts, copy_database, demo  # noqa: E402

WORK = Path(os.environ.get("CHECK_TMP", "/tmp/tabel-check"))
DISK_FULL = "Нет места на диске: сохранить не удалось, ничего не потеряно"
WORK_TYPES = ["У", "КР", "СР", "ПР", "ЛР", "Т", "Д", "ДЗ"]


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def mark_slots(client):
    """(lesson, student, work type) where the signed-in teacher may put a new mark: past
    lessons of their classes on the marks scale, without a mark of that type yet."""
    _, me = client.json("GET", "/api/v1/me")
    slots = []
    for a in me.get("assignments", []):
        status, grid = client.json("GET", f"/api/v1/journal?class={a['class']}&subject={a['subject']}")
        if status != 200 or grid.get("scale", "marks") != "marks":
            continue
        taken = {(m["lesson"], m["student"], m["workType"]) for m in grid["marks"]}
        for lesson in grid["lessons"]:
            if lesson["date"] > TODAY or lesson["cancelled"]:
                continue
            for student in grid["students"]:
                for wt in WORK_TYPES:
                    if (lesson["id"], student["id"], wt) not in taken:
                        slots.append((lesson["id"], student["id"], wt))
    random.shuffle(slots)
    return slots


class Saver(threading.Thread):
    """Saves marks (new ones while there are free slots, and new values of the ones it made:
    `mine`, kept across restarts) until the server goes away; `acknowledged` holds what the
    server said was saved, `uncertain` the value of the one request in flight when it died."""

    def __init__(self, client, slots, mine, acknowledged, uncertain, lock):
        super().__init__(daemon=True)
        self.client, self.slots, self.mine, self.acknowledged, self.uncertain, self.lock = client, slots, mine, acknowledged, uncertain, lock
        self.saves = 0
        self.error = None

    def run(self):
        mine = self.mine
        while True:
            with self.lock:
                if mine and (random.random() < 0.3 or not self.slots):
                    mark, slot = random.choice(mine), None
                elif self.slots:
                    mark, slot = None, self.slots.pop()
                else:
                    self.error = "no free mark slots"
                    return
            value = random.randint(1, 5)
            try:
                if slot:
                    self.uncertain.append(("new", slot, value))
                    status, answer = self.client.json("POST", f"/api/v1/lessons/{slot[0]}/marks",
                                                      {"student": slot[1], "value": value, "workType": slot[2]})
                    self.uncertain.pop()
                    if status == 201:
                        with self.lock:
                            self.acknowledged[answer["id"]] = {value}
                        mine.append(answer["id"])
                    elif status not in (403, 409, 422):
                        self.error = f"POST mark: {status} {answer}"
                        return
                else:
                    self.uncertain.append(("change", mark, value))
                    status, answer = self.client.json("PUT", f"/api/v1/marks/{mark}", {"value": value})
                    self.uncertain.pop()
                    if status == 204:
                        with self.lock:
                            self.acknowledged[mark] = {value}
                    elif status not in (409, 422):
                        self.error = f"PUT mark: {status} {answer}"
                        return
                self.saves += 1
            except (OSError, ValueError):
                return  # the server was killed


def check_marks(db, acknowledged, uncertain):
    """Every acknowledged mark has its acknowledged value (or the value of a change that was
    in flight at the kill); the file passes integrity_check."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            fail(f"integrity_check after kill -9: {problems[:5]}")
        values = dict(connection.execute(
            f"SELECT id, value FROM mark WHERE id IN ({','.join(map(str, acknowledged)) or 'NULL'})"))
    finally:
        connection.close()
    allowed = {k: set(v) for k, v in acknowledged.items()}
    for kind, what, value in uncertain:
        if kind == "change":
            allowed[what].add(value)
    lost = [k for k in acknowledged if k not in values]
    wrong = [k for k in acknowledged if k in values and values[k] not in allowed[k]]
    if lost or wrong:
        fail(f"acknowledged marks lost: {lost[:10]}, with another value: {wrong[:10]}")
    # Settled now: a change in flight at the kill either was saved or was not.
    for k in acknowledged:
        acknowledged[k] = {values[k]}
    return len(acknowledged)


def kill_loop(kills, port):
    source, logins = demo(WORK)
    teacher = accounts(logins)["teacher"]
    db = copy_database(source, WORK / "kill.sqlite")
    server = Server(db, port).start()
    clients = [Client(port).sign_in(teacher["login"]) for _ in range(2)]
    slots = mark_slots(clients[0])
    if len(slots) < 100:
        fail(f"only {len(slots)} free mark slots for {teacher['login']}")
    acknowledged, lock, total = {}, threading.Lock(), 0
    owned = [[] for _ in clients]
    try:
        for i in range(kills):
            uncertain = [[] for _ in clients]
            savers = [Saver(c, slots, mine, acknowledged, u, lock) for c, mine, u in zip(clients, owned, uncertain)]
            for s in savers:
                s.start()
            time.sleep(random.uniform(0.05, 0.5))
            server.kill()
            for s in savers:
                s.join(timeout=30)
                if s.error:
                    fail(s.error)
                total += s.saves
            for c in clients:
                c.close()  # the cookie stays: sessions outlive the restart
            server = Server(db, port).start()
            checked = check_marks(db, acknowledged, [u for us in uncertain for u in us])
        print(f"kill -9 × {kills}: {total} saves acknowledged, {checked} marks checked after every restart, integrity ok")
    finally:
        server.stop()


def sessions_of(db, login):
    """The account's live sessions and its sign-ins' audit rows in the file."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute("""SELECT (SELECT count(*) FROM session s JOIN account a ON a.id = s.account_id
                                    WHERE a.login = ?1 AND s.ended_at IS NULL),
                                   (SELECT count(*) FROM audit u JOIN account a ON a.id = u.account_id
                                    WHERE a.login = ?1 AND u.action = 'signin.success')""", (login,)).fetchone()


def full_filesystem(port):
    if os.geteuid() != 0:
        print("fullfs: SKIPPED — mounting a tmpfs needs root")
        return
    source, logins = demo(WORK)
    people = accounts(logins)
    mount = Path(tempfile.mkdtemp(prefix="full-", dir="/tmp"))
    size_mb = os.path.getsize(source) // 2**20 + 6
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(mount)], check=True)
    except (subprocess.CalledProcessError, FileNotFoundError) as e:
        mount.rmdir()
        print(f"fullfs: SKIPPED — cannot mount a tmpfs here ({e})")
        return
    try:
        db = copy_database(source, mount / "school.sqlite")
        with Server(db, port):
            teacher = Client(port).sign_in(people["teacher"]["login"])
            student = Client(port).sign_in(people["student"]["login"])
            slots = mark_slots(teacher)
            marks_path = f"/api/v1/students/{people['student']['person_id']}/marks"
            signed_in = sessions_of(db, people["student"]["login"])
            filler = mount / "filler"
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
            for chunk in (b"\1" * 65536, b"\1"):  # to the last byte
                try:
                    while os.write(fd, chunk):
                        pass
                except OSError:
                    pass
            os.close(fd)
            # A save on a full disk: 507, JSON, the words; maybe after a write or two
            # that still fit in the write-ahead log.
            for lesson, who, wt in slots[:50]:
                status, h, body = teacher.request("POST", f"/api/v1/lessons/{lesson}/marks",
                                                  {"student": who, "value": 4, "workType": wt})
                if status not in (201, 409, 422):  # 409: outside the edit window
                    break
            answer = json.loads(body) if h.get("Content-Type", "").startswith("application/json") else {}
            if status != 507 or answer.get("error") != "disk_full" or DISK_FULL not in answer.get("message", ""):
                fail(f"a save on a full disk answered {status} {body[:300].decode(errors='replace')}")
            status, _, _ = student.request("GET", marks_path)
            if status != 200:
                fail(f"a read on a full disk answered {status}")
            status, _ = Client(port).json("POST", "/api/v1/session", {"login": people["student"]["login"], "password": "wrong"})
            if status != 401:
                fail(f"a wrong password on a full disk answered {status}")
            # A right password signs in: the session is held in memory until space returns.
            newcomer = Client(port)
            status, answer = newcomer.json("POST", "/api/v1/session", {"login": people["student"]["login"], "password": PASSWORD})
            if status != 200 or "tabel_session" not in newcomer.cookies:
                fail(f"a sign-in on a full disk answered {status} {answer}")
            status, _, _ = newcomer.request("GET", marks_path)
            if status != 200:
                fail(f"a session opened on a full disk read its marks with {status}")
            status, _, body = Client(port).request("GET", "/login")
            if status != 200:
                fail(f"the sign-in page on a full disk answered {status}")
            status, health = Client(port).json("GET", "/healthz")
            if health.get("status") != "degraded" or health.get("database") != "disk":
                fail(f"/healthz on a full disk: {health}")
            filler.unlink()
            status, body = teacher.json("POST", f"/api/v1/lessons/{lesson}/marks", {"student": who, "value": 4, "workType": wt})
            if status != 201:
                fail(f"the save once space returned answered {status} {body}")
            status, health = Client(port).json("GET", "/healthz")
            if health.get("status") != "ok":
                fail(f"/healthz once space returned: {health}")
            # The save's commit wrote the held session (and its sign-in's audit row) into the file.
            now = sessions_of(db, people["student"]["login"])
            if now != (signed_in[0] + 1, signed_in[1] + 1):
                fail(f"once space returned the student's live sessions and sign-in rows were {now}, before the full disk {signed_in}")
            status, _, _ = newcomer.request("GET", marks_path)
            if status != 200:
                fail(f"the session opened on a full disk read its marks with {status} once space returned")
        print("fullfs: saves 507 disk_full with the words; reads, signed-in sessions, new sign-ins, wrong passwords (401), /login and /healthz (degraded) work on a full disk; saving resumed, the new session was written")
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
        mount.rmdir()


def page_offsets(db):
    """Where to flip: the file header, and the b-tree page headers and cell pointers of the
    root pages of a few tables and indexes."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    roots = dict(connection.execute(
        "SELECT name, rootpage FROM sqlite_schema WHERE name IN ('mark', 'mark_lesson', 'audit', 'person', 'lesson')"))
    connection.close()
    cases = {"file header": 0}
    for name, root in sorted(roots.items()):
        cases[f"root page of {name} (page {root})"] = (root - 1) * page_size + (100 if root == 1 else 0)
    return cases


def bit_flips(port):
    source, _ = demo(WORK)
    db = copy_database(source, WORK / "flip.sqlite")
    stamp = Path(str(db) + ".verified")
    Server(db, port).start().stop()  # a clean stop leaves the .verified stamp
    if not stamp.exists():
        fail("a clean stop left no .verified stamp")
    pristine, stamped, times = db.read_bytes(), stamp.read_bytes(), os.stat(db)
    for name, offset in page_offsets(db).items():
        # The clean file again, in place (same inode), its stamp and mtime: only the flip differs.
        for suffix in ("-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        flipped = bytearray(pristine)
        flipped[offset:offset + 16] = bytes(b ^ 0x5A for b in pristine[offset:offset + 16])
        with open(db, "r+b") as f:
            f.write(flipped)
        stamp.write_bytes(stamped)
        os.utime(db, ns=(times.st_atime_ns, times.st_mtime_ns))
        server = Server(db, port)
        server.log.unlink(missing_ok=True)
        try:
            found = None
            server.start(expect_ready=False)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not found:
                if server.process.poll() is not None:
                    found = "the start refused: " + " | ".join(l for l in server.tail().splitlines() if str(db) in l)
                    break
                try:
                    status, health = Client(port).json("GET", "/healthz")
                    if health.get("status") != "ok":
                        found = f"/healthz {status}: {health.get('reason', health)}"
                except (OSError, ValueError):
                    pass
                time.sleep(0.1)
            if not found:
                fail(f"a flip at {offset} ({name}) was not found: /healthz stayed ok")
            if str(db) not in found or "tabel backup restore" not in found:
                fail(f"a flip at {offset} ({name}): the message does not name the file and the way back: {found}")
            print(f"bitflip at {offset} ({name}): found — " + " ".join(found.split())[:160])
        finally:
            server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checks", nargs="*", default=["kill", "fullfs", "bitflip"])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--port", type=int, default=int(os.environ.get("CHECK_PORT", "8105")))
    args = parser.parse_args()
    for check in args.checks:
        {"kill": lambda: kill_loop(args.kills, args.port), "fullfs": lambda: full_filesystem(args.port),
         "bitflip": lambda: bit_flips(args.port)}[check]()


if __name__ == "__main__":
    main()
