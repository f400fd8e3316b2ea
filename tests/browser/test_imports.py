"""The administrator's CSV imports in a real browser: a bad file shows every bad line and changes
nothing; a good one shows what it would change and is imported only on confirmation."""
import os
import sqlite3
import subprocess
import socket
import time

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BINARY, SHOTS, free_port, sign_in, query


@pytest.fixture
def own_school(school):
    """A copy of the school on its own server, so that the import changes no other test's school."""
    db = os.path.join(school["work"], "imports.sqlite")
    source, target = sqlite3.connect(school["db"]), sqlite3.connect(db)
    source.backup(target)
    source.close()
    target.close()
    port = free_port()
    server = subprocess.Popen([BINARY, "serve", "--db", db, "--listen", f"127.0.0.1:{port}", "--now", "2026-11-23T10:00"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield {"db": db, "base": f"http://127.0.0.1:{port}", "logins": school["logins"], "work": school["work"]}
    server.terminate()
    server.wait(timeout=20)


def shoot(browser, name):
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(browser.get_window_size()["width"], min(height + 120, 6000))
    browser.save_screenshot(os.path.join(SHOTS, name))
    browser.set_window_size(browser.get_window_size()["width"], 900)


def submit(browser, button):
    """Clicks a form's button and waits for the page it leads to, loaded (not the one still showing)."""
    browser.execute_script("document.documentElement.setAttribute('data-left', '')")
    browser.find_element(By.CSS_SELECTOR, button).click()

    def arrived(driver):
        try:
            return driver.execute_script("return document.readyState === 'complete' && !document.documentElement.hasAttribute('data-left')")
        except WebDriverException:  # asked in the middle of the navigation
            return False
    WebDriverWait(browser, 10).until(arrived)


def upload(browser, kind, path):
    browser.find_element(By.CSS_SELECTOR, f"input[name=kind][value={kind}]").click()
    browser.find_element(By.ID, "file").send_keys(path)
    submit(browser, "form[action='/imports'] button[type=submit]")


def test_a_bad_file_shows_its_lines_and_a_good_one_is_imported_on_confirmation(own_school, browser):
    base, db = own_school["base"], own_school["db"]
    admin = next(l for l in own_school["logins"] if l["role"] == "administrator")
    # Two classes: a student of the first moves to the second (a small school has one class a grade).
    first, second = [n for (n,) in query(db, "SELECT name FROM school_class WHERE grade IN (5, 6) ORDER BY grade, name")][:2]
    last, name, middle, old_class = query(db, """
        SELECT p.last_name, p.first_name, p.middle_name, c.name FROM enrolment e JOIN person p ON p.id = e.student_id
        JOIN school_class c ON c.id = e.class_id WHERE e.left_on IS NULL AND c.name = ? ORDER BY p.id LIMIT 1""", first)[0]
    people = query(db, "SELECT count(*) FROM person")[0][0]

    browser.set_window_size(1366, 900)
    sign_in(browser, base, admin["login"])
    browser.find_element(By.PARTIAL_LINK_TEXT, "Загрузка из CSV").click()
    WebDriverWait(browser, 10).until(EC.url_to_be(base + "/imports"))

    # Excel's CSV in Windows-1251 with a bad class and a date that is no date: nothing is imported.
    bad = os.path.join(own_school["work"], "ученики-с-ошибками.csv")
    with open(bad, "w", encoding="cp1251", newline="") as f:
        f.write(f"Фамилия;Имя;Класс;Дата зачисления\r\nЁлкина;Вера;{first};16.11.2026\r\nСидоров;Иван;99Я;\r\nКузьмин;Олег;{second};31.11.2026\r\n")
    upload(browser, "students", bad)
    errors = browser.find_element(By.ID, "import-errors").text
    assert "строка 3: класс «99Я» не найден" in errors
    assert "строка 4: «Дата зачисления»: «31.11.2026» — ожидается дата ДД.ММ.ГГГГ" in errors
    assert "строка 2" not in errors
    assert browser.find_element(By.CSS_SELECTOR, "input[name=kind][value=students]").is_selected()
    assert query(db, "SELECT count(*) FROM person")[0][0] == people
    shoot(browser, "imports-errors.png")

    # A good file: a mid-year arrival and a move, shown first, imported on confirmation.
    good = os.path.join(own_school["work"], "ученики.csv")
    with open(good, "w", encoding="utf-8-sig", newline="") as f:
        f.write(f"Фамилия,Имя,Отчество,Класс,Дата зачисления\r\nЁлкина,Вера,,{first},16.11.2026\r\n{last},{name},{middle},{second},23.11.2026\r\n")
    upload(browser, "students", good)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Проверка файла «ученики.csv»"
    counts = browser.find_element(By.CSS_SELECTOR, "p.counts").text
    assert "добавится: 1" in counts and "изменится: 1 (из них переводов в другой класс: 1)" in counts
    assert f"Ёлкина Вера, {first} — новый обучающийся с 16.11.2026" in browser.find_element(By.CSS_SELECTOR, ".import-created").text
    assert f"{last} {name} {middle} — перевод в {second} с 23.11.2026" in browser.find_element(By.CSS_SELECTOR, ".import-moved").text
    assert query(db, "SELECT count(*) FROM person")[0][0] == people
    shoot(browser, "imports-preview.png")

    submit(browser, "form[action='/imports/confirm'] button")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Файл загружен: «ученики.csv»"
    assert "добавлено: 1" in browser.find_element(By.CSS_SELECTOR, "p.counts").text
    shoot(browser, "imports-done.png")
    assert query(db, "SELECT count(*) FROM person")[0][0] == people + 1
    assert query(db, """SELECT e.joined_on FROM enrolment e JOIN person p ON p.id = e.student_id
                        WHERE p.last_name = 'Ёлкина'""") == [("2026-11-16",)]
    assert query(db, """SELECT c.name, e.joined_on, e.left_on FROM enrolment e JOIN person p ON p.id = e.student_id
                        JOIN school_class c ON c.id = e.class_id
                        WHERE p.last_name = ? AND p.first_name = ? AND p.middle_name = ? AND c.name IN (?, ?)
                        ORDER BY e.joined_on""", last, name, middle, first, second)[-2:] == [
        (old_class, "2026-09-01", "2026-11-23"), (second, "2026-11-23", None)]
