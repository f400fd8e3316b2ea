#!/usr/bin/env python3
"""The Tabel benchmark: req/s and latency with wrk at 1, 16 and 64 connections for every page,
against a twenty-line C libmicrohttpd server as the reference; RSS, cold start, binary size,
and the time to generate the school. Results go to stdout and bench/RESULTS.md."""
import datetime, os, re, signal, socket, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
BIN = os.path.join(ROOT, ".build", "release", "tabel")
DB = os.path.join(OUT, "school-1500.sqlite")
STUDENTS = int(os.environ.get("BENCH_STUDENTS", "1500"))
TODAY = "2027-05-20"
NOW = TODAY + "T10:00"
DURATION = os.environ.get("BENCH_DURATION", "5s")
CONNECTIONS = [1, 16, 64]
PORT, REF_PORT = 18180, 18199


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def wait_ready(port, path="/healthz", timeout=30.0, process=None):
    """Seconds until the first 200 on `path` (from `process`, which must still be running)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"the server on {port} exited with {process.returncode}: is the port taken by another process?")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.001)
    raise SystemExit(f"server on {port} did not answer within {timeout} s")


def rss(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            fields[k] = v.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["RssAnon"].split()[0]) / 1024


def wrk(port, path, connections, extra=()):
    """The better of two runs: the machines are shared and noisy."""
    return max(wrk_once(port, path, connections, extra), wrk_once(port, path, connections, extra))


def sign_in(port, login, password):
    """A session cookie for `login`, through the JSON API."""
    body = f'{{"login":"{login}","password":"{password}"}}'.encode()
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                  + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
    m = re.search(rb"Set-Cookie: (tabel_session=[^;]+)", reply, re.I)
    if not m:
        raise SystemExit(f"sign-in as {login} failed: {reply[:200]!r}")
    return m.group(1).decode()


def wrk_once(port, path, connections, extra=()):
    out = sh(["wrk", "-t1", f"-c{connections}", f"-d{DURATION}", "--latency", *extra, f"http://127.0.0.1:{port}{path}"])
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, pct(50), pct(99), int(errors.group(1)) if errors else 0


def journal_grid():
    """The teacher of a whole-class subject of about 30 students and the grid of its last 40 lessons."""
    row = sh(["sqlite3", "-separator", " ", DB, f"""
        SELECT a.login, l.class_id, l.subject_id, count(*) FROM lesson l JOIN account a ON a.person_id = l.teacher_id
        WHERE l.group_id IS NULL AND l.date <= '{TODAY}' AND l.date > date('{TODAY}', '-70 days')
          AND (SELECT count(*) FROM enrolment e WHERE e.class_id = l.class_id AND e.left_on IS NULL) BETWEEN 27 AND 32
        GROUP BY l.class_id, l.subject_id, a.login ORDER BY count(*) DESC LIMIT 1"""]).split()
    login, class_id, subject_id = row[0], row[1], row[2]
    first = sh(["sqlite3", DB, f"""SELECT date FROM lesson WHERE class_id = {class_id} AND subject_id = {subject_id} AND date <= '{TODAY}'
        ORDER BY date DESC, bell_number DESC LIMIT 1 OFFSET 39"""]).strip()
    return login, f"/journal/{class_id}/{subject_id}?from={first}&to={TODAY}"


def mark_saves():
    """Marks saved through the API on a copy of the school: every request a new mark."""
    copy = os.path.join(OUT, "marks.sqlite")
    for suffix in ("", "-wal", "-shm", ".verified"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    sh(["sqlite3", DB, f"VACUUM INTO '{copy}'"])
    sh([BIN, "setup", "settings", "--db", copy, "--edit-window", "never"])
    # A teacher's whole-class lessons of the current period, times students, times work types not yet used there.
    login, teacher = sh(["sqlite3", "-separator", " ", copy, f"""
        SELECT a.login, a.person_id FROM lesson l JOIN account a ON a.person_id = l.teacher_id
        WHERE l.group_id IS NULL AND l.date BETWEEN date('{TODAY}', '-40 days') AND date('{TODAY}', '-1 days')
        GROUP BY a.person_id ORDER BY count(*) DESC LIMIT 1"""]).split()
    combos = sh(["sqlite3", "-separator", " ", copy, f"""
        SELECT l.id, e.student_id, w.code FROM lesson l JOIN enrolment e ON e.class_id = l.class_id AND e.left_on IS NULL
        CROSS JOIN work_type w
        WHERE l.teacher_id = {teacher} AND l.group_id IS NULL AND l.status = 'scheduled' AND l.actual_teacher_id IS NULL
          AND l.date BETWEEN date('{TODAY}', '-40 days') AND date('{TODAY}', '-1 days') AND w.code IN ('ЛР', 'ПР', 'Т', 'Д', 'ДЗ', 'СР')
          AND NOT EXISTS (SELECT 1 FROM mark m WHERE m.lesson_id = l.id AND m.student_id = e.student_id AND m.work_type_id = w.id)
          AND NOT EXISTS (SELECT 1 FROM absence a WHERE a.lesson_id = l.id AND a.student_id = e.student_id AND a.code <> 'О')
          AND NOT EXISTS (SELECT 1 FROM period_mark p JOIN period q ON q.id = p.period_id
                          WHERE p.student_id = e.student_id AND p.subject_id = l.subject_id AND l.date BETWEEN q.starts_on AND q.ends_on)
        ORDER BY random()"""]).split("\n")
    combos = [line for line in combos if line]
    if len(combos) < 1000:
        raise SystemExit(f"only {len(combos)} new marks to save for {login}: the bench needs a teacher with more lessons")
    lua = os.path.join(OUT, "marks.lua")
    with open(lua, "w") as f:
        f.write("local combos = {\n")
        for line in combos:
            lesson, student, code = line.split()
            f.write(f'  {{"/api/v1/lessons/{lesson}/marks", \'{{"student":{student},"value":4,"workType":"{code}"}}\'}},\n')
        f.write("}\nlocal i = 0\nwrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                "request = function()\n  i = i + 1\n  local c = combos[(i % #combos) + 1]\n"
                "  return wrk.format(nil, c[1], nil, c[2])\nend\n")
    log = open(os.path.join(OUT, "server-marks.log"), "w")
    server = subprocess.Popen([BIN, "serve", "--db", copy, "--listen", f"127.0.0.1:{PORT}", "--now", NOW], stderr=log, stdout=log)
    try:
        wait_ready(PORT, process=server)
        cookie = sign_in(PORT, login, "demo-tabel")
        result = wrk_once(PORT, "/api/v1/session", 16, ("-s", lua, "-H", f"Cookie: {cookie}"))
        saved = int(sh(["sqlite3", copy, "SELECT count(*) FROM audit WHERE action = 'mark.create'"]).strip())
        print(f"marks saved with audit rows: {saved} of {len(combos)} prepared")
        return result
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()


def guardian_of_two(db):
    return sh(["sqlite3", "-separator", " ", db, "SELECT a.login, min(g.student_id) FROM account a JOIN guardian_link g "
               "ON g.guardian_id = a.person_id GROUP BY a.login HAVING count(*) = 2 LIMIT 1"]).split()


def scaling():
    """The diary week on a school of 5,000 students with three years of history, against the
    1,500-student, one-year school: in process and through wrk at 16 connections."""
    big = os.path.join(OUT, "school-5000x3.sqlite")
    notes = []
    if not os.path.exists(big):
        start = time.perf_counter()
        sh([BIN, "setup", "demo", "--db", big, "--students", "5000", "--years", "3", "--today", TODAY, "--seed", "1"])
        notes.append(f"Generating 5,000 students with three years of data: {time.perf_counter() - start:.0f} s.")
    rows = {}
    for label, db in (("1,500 students, 1 year", DB), ("5,000 students, 3 years", big)):
        guardian, child = guardian_of_two(db)
        micro = float(sh([os.path.join(ROOT, ".build", "release", "TabelBench"), db, NOW, guardian, f"/diary/{child}"]).split("\t")[1])
        log = open(os.path.join(OUT, "server-scaling.log"), "w")
        server = subprocess.Popen([BIN, "serve", "--db", db, "--listen", f"127.0.0.1:{PORT}", "--now", NOW], stderr=log, stdout=log)
        try:
            wait_ready(PORT, process=server)
            cookie = sign_in(PORT, guardian, "demo-tabel")
            rows[label] = (micro, wrk(PORT, f"/diary/{child}", 16, ("-H", f"Cookie: {cookie}")))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait()
    small, large = rows["1,500 students, 1 year"], rows["5,000 students, 3 years"]
    lines = ["", "Scaling of the diary week (a guardian's child), same run:", "",
             "| school | µs in process | req/s at 16 | p99 ms at 16 |", "|---|---:|---:|---:|"]
    for label, (micro, (rps, p50, p99, bad)) in rows.items():
        lines.append(f"| {label} | {micro:.1f} | {rps:,.0f} | {p99:.2f} |")
    lines.append("")
    lines.append(f"- 5,000 students with 3 years against 1,500 with 1 year: {large[0] / small[0]:.2f}× the time in process, "
                 f"{large[1][0] / small[1][0]:.2f}× the requests per second (target: within 1.5×).")
    return notes, lines


def main():
    os.makedirs(OUT, exist_ok=True)
    rows, notes = [], []
    if not os.path.exists(DB):
        start = time.perf_counter()
        sh([BIN, "setup", "demo", "--db", DB, "--students", str(STUDENTS), "--today", TODAY, "--seed", "1"])
        generation = time.perf_counter() - start
        notes.append(f"Generating {STUDENTS} students with a full year of data: {generation:.1f} s (target < 60 s).")
    else:
        notes.append(f"School reused from {os.path.relpath(DB, ROOT)} (delete it to time the generator).")

    ref_bin = os.path.join(OUT, "hello")
    sh(["cc", "-O2", "-o", ref_bin, os.path.join(ROOT, "bench", "hello.c"), "-lmicrohttpd", "-lpthread"])
    ref = subprocess.Popen([ref_bin, str(REF_PORT)])
    wait_ready(REF_PORT, "/")

    log = open(os.path.join(OUT, "server.log"), "w")
    serve = [BIN, "serve", "--db", DB, "--listen", f"127.0.0.1:{PORT}", "--now", NOW]
    # A start after a crash: the file is not marked verified, so it is checked first.
    marker = DB + ".verified"
    if os.path.exists(marker):
        os.remove(marker)
    server = subprocess.Popen(serve, stderr=log, stdout=log)
    checked = wait_ready(PORT, process=server)
    server.send_signal(signal.SIGTERM); server.wait()
    # The usual start, after a clean stop.
    starts = []
    for _ in range(3):
        server = subprocess.Popen(serve, stderr=log, stdout=log)
        starts.append(wait_ready(PORT, process=server))
        server.send_signal(signal.SIGTERM); server.wait()
    cold = min(starts)
    server = subprocess.Popen(serve, stderr=log, stdout=log)
    wait_ready(PORT, process=server)
    try:
        measure(server, ref, notes, cold, checked)
    finally:
        for p in (server, ref):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                p.wait()


def measure(server, ref, notes, cold, checked):
    time.sleep(0.5)
    idle_total, idle_anon = rss(server.pid)

    admin = sh(["sqlite3", DB, "SELECT a.login FROM account a JOIN staff_role r ON r.person_id = a.person_id "
                                "WHERE r.role = 'administrator' LIMIT 1"]).strip()
    cookie = sign_in(PORT, admin, "demo-tabel")
    signed = ("-H", f"Cookie: {cookie}")
    # A guardian of two children opens a child's week, as parents do.
    guardian, child = guardian_of_two(DB)
    parent = ("-H", f"Cookie: {sign_in(PORT, guardian, 'demo-tabel')}")
    teacher, grid = journal_grid()
    teaching = ("-H", f"Cookie: {sign_in(PORT, teacher, 'demo-tabel')}")
    pages = [("/healthz", "health check", ()), ("/login", "sign-in page", ()), ("/", "signed-in home (session + 5 queries)", signed),
             (f"/diary/{child}", "diary week as a guardian loads it", parent),
             (f"/api/v1/students/{child}/diary?from=2027-05-17&to=2027-05-23", "the same week as JSON (target: within 1.2× of the page)", parent),
             (grid, "journal grid, ~30 students × 40 lessons, as its teacher", teaching),
             ("/kiosk", "kiosk: not registered", ()), ("/static/tabel.css", "stylesheet (embedded asset)", ())]
    results = {}
    for c in CONNECTIONS:
        results[("reference", c)] = wrk(REF_PORT, "/", c)
    for path, _, extra in pages:
        for c in CONNECTIONS:
            results[(path, c)] = wrk(PORT, path, c, extra)
    # Sign-ins: Argon2id verification off the pool threads, a session written per success.
    lua = os.path.join(OUT, "signin.lua")
    with open(lua, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f'wrk.body = \'{{"login":"{admin}","password":"demo-tabel"}}\'\n')
    signins = wrk_once(PORT, "/api/v1/session", 16, ("-s", lua))
    signin_total, signin_anon = rss(server.pid)
    load_total, load_anon = rss(server.pid)
    in_process = sh([os.path.join(ROOT, ".build", "release", "TabelBench"), DB, NOW, guardian] + ["/healthz", "/", f"/diary/{child}", "@" + teacher, grid])
    server.send_signal(signal.SIGTERM)
    code = server.wait()
    ref.send_signal(signal.SIGTERM); ref.wait()

    scaling_notes, scaling_lines = scaling()
    notes += scaling_notes
    saves = mark_saves()
    notes.append(f"Durable mark saves (`POST /api/v1/lessons/{{id}}/marks`, each with its audit row in one transaction, "
                 f"synchronous=FULL) at 16 connections: {saves[0]:,.0f}/s, p50 {saves[1]:.2f} ms, p99 {saves[2]:.2f} ms, "
                 f"non-2xx {saves[3]} (target ≥ 2,000/s).")

    # Login slips for every student of the school, printed in one go.
    slips_db = os.path.join(OUT, "slips.sqlite")
    for suffix in ("", "-wal", "-shm", ".verified"):
        if os.path.exists(slips_db + suffix):
            os.remove(slips_db + suffix)
    sh(["sqlite3", DB, f"VACUUM INTO '{slips_db}'"])
    sh([BIN, "db", "check", "--db", slips_db])
    start = time.perf_counter()
    sh([BIN, "accounts", "issue", "--db", slips_db, "--all", "--out", os.path.join(OUT, "slips.pdf")])
    slips_seconds = time.perf_counter() - start
    notes.append(f"Login slips for all {STUDENTS} students (`tabel accounts issue --all`, PDF): {slips_seconds:.1f} s (target < 10 s).")

    # The journal's paper copies: one class's quarter, then every class's (on the slips' copy: prints are audited).
    quarter = sh(["sqlite3", slips_db, f"SELECT id FROM period WHERE scheme = 'quarter' AND starts_on <= '{TODAY}' ORDER BY starts_on DESC LIMIT 1"]).strip()
    start = time.perf_counter()
    sh([BIN, "print", "journal", "--db", slips_db, "--class", "5А", "--period", quarter, "--out", os.path.join(OUT, "journal-5a.pdf")])
    class_seconds = time.perf_counter() - start
    copies = os.path.join(OUT, "journals")
    os.makedirs(copies, exist_ok=True)
    start = time.perf_counter()
    sh([BIN, "print", "journal", "--db", slips_db, "--all", "--period", quarter, "--out", copies])
    school_seconds = time.perf_counter() - start
    notes.append(f"Journal copy of one class's quarter (`tabel print journal --class 5А --period {quarter}`, PDF): {class_seconds:.2f} s (target ≤ 1 s).")
    notes.append(f"Journal copies of every class's quarter (`tabel print journal --all`): {school_seconds:.1f} s (target ≤ 60 s).")

    size = os.path.getsize(BIN)
    stripped = os.path.join(OUT, "tabel.stripped")
    sh(["strip", "-o", stripped, BIN])
    stripped_size = os.path.getsize(stripped)

    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip(); break
    commit = sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).strip()
    lines = [
        "# Benchmark results", "",
        f"- Date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- Machine: {os.cpu_count()} cores, {cpu}; Debian 12; wrk on the same cores (loopback), {DURATION} per run",
        f"- Commit: {commit}",
        f"- School: {STUDENTS} students, a full year of data up to {TODAY}; server clock `--now {NOW}`; access log on (info)", "",
        "| endpoint | conns | req/s | p50 ms | p99 ms | vs C reference | non-2xx |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for c in CONNECTIONS:
        rps, p50, p99, bad = results[("reference", c)]
        lines.append(f"| C hello on libmicrohttpd (reference) | {c} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | 100 % | {bad} |")
    for path, label, _ in pages:
        for c in CONNECTIONS:
            rps, p50, p99, bad = results[(path, c)]
            ref_rps = results[("reference", c)][0]
            lines.append(f"| `{path}` {label} | {c} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {rps / ref_rps * 100:.0f} % | {bad} |")
    lines.append(f"| `POST /api/v1/session` sign-in (Argon2id t=2, 19 MiB) | 16 | {signins[0]:,.0f} | {signins[1]:.2f} | {signins[2]:.2f} | — | {signins[3]} |")
    lines += [
        "",
        f"- RSS during sign-ins: {signin_total:.1f} MB total, {signin_anon:.1f} MB anonymous (hashes at once are capped at the core count)",
        f"- RSS idle: {idle_total:.1f} MB total, {idle_anon:.1f} MB anonymous; after the runs: {load_total:.1f} MB total, {load_anon:.1f} MB anonymous",
        f"- Cold start to the first 200: {cold * 1000:.0f} ms after a clean stop; {checked * 1000:.0f} ms after a crash (the file is checked first)",
        f"- Binary: {size / 1e6:.1f} MB ({stripped_size / 1e6:.1f} MB stripped), static Swift stdlib",
        f"- Server exit code after SIGTERM: {code}",
    ] + [f"- {n}" for n in notes] + ["", "In-process cost of a page (no sockets; `TabelBench`, best of 5 × 2000 calls):", "",
         "| path | µs per request | bytes |", "|---|---:|---:|"] + [
        "| `{}` | {} | {} |".format(*line.split("\t")) for line in in_process.strip().splitlines()] + scaling_lines
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(ROOT, "bench", "RESULTS.md"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
