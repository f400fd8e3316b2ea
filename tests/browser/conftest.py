"""A generated school served by the real `tabel` binary, and a headless Chromium to use it."""
import csv
import os
import re
import socket
import sqlite3
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("TABEL_BINARY", os.path.join(ROOT, ".build", "debug", "tabel"))
SHOTS = os.path.join(ROOT, "tests", "browser", "screenshots")
PASSWORD = "pw-browser-test"


def sign_in(browser, base, login, password=PASSWORD):
    """Signs in through the sign-in page's own form, by keyboard (Enter), as a fresh visitor."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
    browser.delete_all_cookies()
    browser.get(base + "/login")
    browser.find_element(By.CSS_SELECTOR, "form[action^='/login'] input[name=login]").send_keys(login)
    field = browser.find_element(By.CSS_SELECTOR, "form[action^='/login'] input[name=password]")
    field.send_keys(password)
    field.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(EC.url_to_be(base + "/"))


def shoot(browser, name):
    """A screenshot of the whole page in tests/browser/screenshots, to look at."""
    height = browser.execute_script("return document.documentElement.scrollHeight")
    width = browser.get_window_size()["width"]
    browser.set_window_size(width, min(height + 120, 6000))
    browser.save_screenshot(os.path.join(SHOTS, name))


def query(school, sql, *args):
    """Rows of the school's database (`school`: the fixture, or a database's path)."""
    db = sqlite3.connect(school["db"] if isinstance(school, dict) else school)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def run(*args):
    return subprocess.run([BINARY, *args], check=True, capture_output=True, text=True).stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def school():
    """The school, its logins, a registered kiosk and a running server."""
    work = tempfile.mkdtemp(prefix="tabel-browser-")
    db = os.path.join(work, "school.sqlite")
    logins_file = os.path.join(work, "logins.csv")
    run("setup", "demo", "--db", db, "--students", "60", "--seed", "5", "--today", "2026-11-23",
        "--password", PASSWORD, "--logins", logins_file)
    run("setup", "settings", "--db", db, "kiosk_idle_seconds", "20")
    pairing = re.search(r"(/kiosk/pair/\S+)", run("kiosk", "register", "--db", db, "Холл, 1 этаж")).group(1)
    with open(logins_file, encoding="utf-8") as f:
        logins = list(csv.DictReader(f))
    port = free_port()
    server = subprocess.Popen([BINARY, "serve", "--db", db, "--listen", f"127.0.0.1:{port}", "--now", "2026-11-23T10:00"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield {"db": db, "work": work, "base": base, "pairing": pairing, "logins": logins}
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def browser():
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=ru"]:
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    os.makedirs(SHOTS, exist_ok=True)
    yield driver
    driver.quit()


def kiosk_code(school, login):
    """Prints a new slip for `login` and reads the kiosk code back from its QR code."""
    pdf = os.path.join(school["work"], f"{login}.pdf")
    run("accounts", "reset", "--db", school["db"], login, "--out", pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", pdf, pdf], check=True)
    png = [p for p in os.listdir(school["work"]) if p.startswith(f"{login}.pdf") and p.endswith(".png")][0]
    out = subprocess.run(["zbarimg", "-q", os.path.join(school["work"], png)], check=True, capture_output=True, text=True).stdout
    return out.strip().split(":", 1)[1]
