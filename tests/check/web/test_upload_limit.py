"""A file far over the import limit is refused at once, before it is read (issue 16, item 6)."""
import socket
import time

from conftest import browser_conftest
import walk


def test_a_50_mb_import_is_refused_within_a_second(school):
    admin = walk.Visitor(school["base"], "administrator")
    admin.sign_in(next(r for r in school["logins"] if r["role"] == "administrator")["login"], browser_conftest.PASSWORD)
    _, _, page, _ = admin.get("/imports")
    cookie = "; ".join(f"{c.name}={c.value}" for c in admin.jar)
    host, port = school["base"].removeprefix("http://").split(":")
    size = 50 * 1024 * 1024
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall((f"POST /imports HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookie}\r\n"
                   f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {size}\r\n\r\n").encode())
        s.sendall(b"--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + admin.token(page).encode() + b"\r\n")
        reply = s.recv(4096).decode("utf-8", "replace")
    assert reply.startswith("HTTP/1.1 413"), reply[:200]
    assert time.monotonic() - started < 1
