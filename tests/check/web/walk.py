"""Signed-in visitors of every role and the pages each reaches, matched to the route table
(`tabel routes --json`): a new route is walked without anyone listing it."""
import html
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request

# GET pages no walk from a role's home page reaches, and why.
UNLINKED = {
    "/healthz": "for monitoring", "/static/{name}": "assets", "/favicon.ico": "asset",
    "/kiosk/pair/{code}": "a one-time address printed by `tabel kiosk register`",
    "/password": "after a first sign-in (checked anonymously with /login)",
}
# Roles of the demo school's logins, and the kiosk (a student signed in on the hallway screen).
ROLES = ["administrator", "director", "deputy", "secretary", "psychologist", "class teacher", "teacher", "guardian", "student", "kiosk"]


def routes(binary_run, db):
    """The route table: method, pattern, access, changesState."""
    return json.loads(binary_run("routes", "--db", db, "--json"))


def pattern_regex(pattern):
    body = re.sub(r"\{[a-z]+:int\}", r"[0-9]+", re.escape(pattern).replace(r"\{", "{").replace(r"\}", "}"))
    body = re.sub(r"\{[a-z]+\}", r"[^/]+", body)
    return re.compile("^" + body + "$")


class Visitor:
    """A signed-in visitor of one role, speaking to the server over HTTP with its own cookies."""

    def __init__(self, base, role):
        self.base, self.role = base, role
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def get(self, path):
        try:
            r = self.opener.open(self.base + path, timeout=30)
            return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8", "replace"), r.headers.get("Location")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8", "replace"), e.headers.get("Location")

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            return self.opener.open(request, timeout=30).status
        except urllib.error.HTTPError as e:
            return e.code

    def token(self, page):
        found = re.search(r'name="_csrf" value="([^"]*)"', page)
        return found.group(1) if found else ""

    def sign_in(self, login, password, kiosk_pairing=None):
        self.login, self.password = login, password
        if kiosk_pairing:
            self.get(kiosk_pairing)
            self.renew()
        else:
            _, _, page, _ = self.get("/login")
            assert self.post("/login", {"login": login, "password": password, "_csrf": self.token(page)}) == 303

    def renew(self):
        """Signs in again on the kiosk: its session ends after the kiosk's idle time."""
        if self.role == "kiosk":
            status, _, page, _ = self.get("/kiosk")
            if status == 303:
                return  # still signed in: the idle screen leads to the diary
            assert self.post("/kiosk/signin", {"login": self.login, "password": self.password, "_csrf": self.token(page)}) == 303

    def language(self, lang):
        """Switches the account's language (kept by the account, as the header's switch does)."""
        _, _, page, _ = self.get("/kiosk" if self.role.startswith("kiosk") else "/")
        self.post("/language", {"language": lang, "_csrf": self.token(page)})

    def post_multipart(self, path, fields, files):
        """A form with files (`files`: [(field, file name, bytes)]), as a browser sends it."""
        boundary = "----tabel-check-boundary"
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields]
        parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{n}"\r\n'
                  f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n" for k, n, data in files]
        data = b"".join(parts) + f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(self.base + path, data=data, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            return self.opener.open(request, timeout=30).status
        except urllib.error.HTTPError as e:
            return e.code

    def write_first_correspondent(self, subject, files=()):
        """Writes to the first person the message form offers: the message pages then have a thread (and a file) to walk."""
        _, _, page, _ = self.get("/messages/new")
        to = re.search(r'<select[^>]*name="to"[^>]*>.*?<option value="([0-9]+)"', page, re.S)
        assert to, f"{self.role}: the message form offers nobody"
        status = self.post_multipart("/messages", [("_csrf", self.token(page)), ("to", to.group(1)), ("subject", subject),
                                                   ("body", "Проверка страниц: сообщение.")], files)
        assert status == 303, f"{self.role}: writing a message answered {status}"

    def cookies(self):
        return [{"name": c.name, "value": c.value, "path": "/"} for c in self.jar]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def walk(visitor, table, per_route=1):
    """The HTML pages `visitor` reaches from their home page, up to `per_route` of each route,
    as {url: pattern}, and the patterns reached (those that redirect among them)."""
    gets = [(r["pattern"], pattern_regex(r["pattern"])) for r in table if r["method"] == "GET"]
    start = {"kiosk": "/kiosk/diary", "kiosk idle screen": "/kiosk"}.get(visitor.role, "/")
    queue, seen, found, count, reached = [start], {start}, {}, {}, set()
    while queue:
        url = queue.pop(0)
        path = url.split("?")[0]
        pattern = next((p for p, rx in gets if rx.match(path)), None)
        if pattern is None or count.get(pattern, 0) >= per_route:
            continue
        status, ctype, body, location = visitor.get(url)
        assert status < 500, f"{visitor.role} {url}: {status}"
        if status not in (403, 404):
            reached.add(pattern)  # a form's target answering an empty form with 422 is reached too
        if status == 303 and location and location.startswith("/") and location not in seen:
            seen.add(location)
            queue.append(location)
        if status != 200 or not ctype.startswith("text/html"):
            continue
        count[pattern] = count.get(pattern, 0) + 1
        found[url] = pattern
        links = re.findall(r'href="(/[^"#]*)"', body) + re.findall(r'<form(?![^>]*method="post")[^>]*action="(/[^"#]*)"', body)
        for link in (html.unescape(l) for l in links):
            if link not in seen and not link.startswith("/static/") and link != "/logout":
                seen.add(link)
                queue.append(link)
    return found, reached


def visitors(school, password):
    """One signed-in visitor per role of the demo school, the kiosk among them."""
    by_role = {}
    for row in school["logins"]:
        role = row["role"]
        if role == "teacher":
            role = "class teacher" if row.get("class") else "teacher"
        by_role.setdefault(role, row)
    out = []
    for role in ROLES:
        v = Visitor(school["base"], role)
        if role == "kiosk":
            student = by_role["student"]
            v.sign_in(student["login"], password, kiosk_pairing=school["pairing"])
        else:
            v.sign_in(by_role[role]["login"], password)
        out.append(v)
        # Threads for the message pages: a guardian's with a file; the kiosk's student's own.
        if role == "guardian":
            v.write_first_correspondent("Справка", [("file", "справка.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")])
        if role == "student":
            v.write_first_correspondent("Вопрос")
        if role == "kiosk":
            # The same screen signed out: its idle page (the clock, bells, changes, sign-in).
            idle = Visitor(school["base"], "kiosk idle screen")
            for cookie in v.jar:
                if cookie.name == "tabel_kiosk":
                    idle.jar.set_cookie(cookie)
            out.append(idle)
    return out
