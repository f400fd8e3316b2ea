"""The administrator starts the next school year in a real browser: the class teacher first
keeps a student back on the class's finals page, then the administrator previews the new year
(nothing is saved), confirms it, and last year's journal is read-only while the new classes
hold the same people. On a school of its own: the other tests keep the year open."""
import csv
import os
import socket
import subprocess
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import BINARY, PASSWORD, free_port, query, run, shoot, sign_in


@pytest.fixture(scope="module")
def own_school():
    work = tempfile.mkdtemp(prefix="tabel-browser-year-")
    db = os.path.join(work, "school.sqlite")
    logins_file = os.path.join(work, "logins.csv")
    run("setup", "demo", "--db", db, "--students", "60", "--seed", "5", "--today", "2026-11-23",
        "--password", PASSWORD, "--logins", logins_file)
    with open(logins_file, encoding="utf-8") as f:
        logins = list(csv.DictReader(f))
    port = free_port()
    server = subprocess.Popen([BINARY, "serve", "--db", db,
                               "--listen", f"127.0.0.1:{port}", "--now", "2026-11-23T10:00"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield {"db": db, "base": f"http://127.0.0.1:{port}", "logins": logins}
    server.terminate()
    server.wait(timeout=20)


def test_preview_then_start_the_new_year(own_school, browser):
    school, base = own_school, own_school["base"]
    browser.set_window_size(1366, 900)
    # The class teacher of a grade-5 class keeps their first student back.
    teacher = next(l for l in school["logins"] if l["role"] == "teacher" and l["class"].startswith("5"))
    class_id = query(school, "SELECT id FROM school_class WHERE name = ?", teacher["class"])[0][0]
    sign_in(browser, base, teacher["login"])
    browser.get(f"{base}/classes/{class_id}/finals")
    section = browser.find_element(By.ID, "promotion")
    first = section.find_elements(By.CSS_SELECTOR, "select")[0]
    kept = int(first.get_attribute("name")[1:])
    Select(first).select_by_value("kept_back")
    section.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The address is the same before and after: wait for the page the answer brings.
    WebDriverWait(browser, 10).until(EC.staleness_of(section))
    assert Select(browser.find_element(By.NAME, f"d{kept}")).first_selected_option.get_attribute("value") == "kept_back"

    browser.delete_all_cookies()
    admin = next(l for l in school["logins"] if l["role"] == "administrator")
    sign_in(browser, base, admin["login"])
    browser.find_element(By.LINK_TEXT, "Школа").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "Новый учебный год").click()
    WebDriverWait(browser, 10).until(EC.url_to_be(base + "/school/year"))
    starts = browser.find_element(By.ID, "starts")
    assert starts.get_attribute("value") == "01.09.2027"
    browser.find_element(By.CSS_SELECTOR, "form[action='/school/year/preview'] button").click()
    preview = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "section.year-preview")))
    assert "Будет начат учебный год 2027/2028" in preview.text
    assert "остаются на повторное обучение: 1" in preview.text
    assert "оставлен на повторное обучение в " + teacher["class"] in preview.text
    assert query(school, "SELECT count(*) FROM academic_year")[0][0] == 1
    shoot(browser, "new-year-preview-desktop.png")

    browser.set_window_size(1366, 900)
    preview.find_element(By.CSS_SELECTOR, "form[action='/school/year'] button").click()
    WebDriverWait(browser, 10).until(EC.url_contains("/school/year?started="))
    assert "Начат учебный год 2027/2028" in browser.find_element(By.CSS_SELECTOR, "p.notice.ok").text
    shoot(browser, "new-year-started-desktop.png")

    # The same people in the new classes; last year closed.
    assert query(school, "SELECT count(*) FROM academic_year WHERE closed_at IS NOT NULL")[0][0] == 1
    new_year = query(school, "SELECT max(id) FROM academic_year")[0][0]
    kept_in = query(school, """SELECT c.name FROM enrolment e JOIN school_class c ON c.id = e.class_id
                               WHERE e.student_id = ? AND c.year_id = ?""", kept, new_year)
    assert kept_in == [(teacher["class"],)]
    browser.get(base + "/journal")
    assert "Год закрыт: только для чтения." in browser.page_source

    # The new year's draft teaching load on a phone.
    browser.set_window_size(390, 844)
    second = query(school, "SELECT id FROM school_class WHERE year_id = ? AND grade = 2", new_year)[0][0]
    browser.get(f"{base}/school/assignments?year={new_year}&class={second}")
    assert "черновик" in browser.page_source
    assert "Черновик нагрузки из прошлого года" in browser.page_source
    shoot(browser, "new-year-draft-load-phone.png")
