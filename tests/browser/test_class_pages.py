"""A class teacher's page of the class and the class's login slips in a real browser, on a desktop
and on a phone: reached by links from the home page, and nothing reset without the confirmation."""
import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import sign_in, shoot


def class_teacher(school):
    """The class teacher of a grade-5 class, and that class's name."""
    teacher = next(l for l in school["logins"] if l["role"] == "teacher" and l["class"].startswith("5"))
    return teacher, teacher["class"]


def slips(school):
    db = sqlite3.connect(school["db"])
    n = db.execute("SELECT count(*) FROM login_slip").fetchone()[0]
    db.close()
    return n


def test_class_page_and_slips_by_links_on_desktop_and_phone(school, browser):
    base = school["base"]
    teacher, name = class_teacher(school)
    students = sum(1 for l in school["logins"] if l["role"] == "student" and l["class"] == name)
    for width, tag in [(1366, "desktop"), (390, "phone")]:
        browser.delete_all_cookies()
        browser.set_window_size(width, 900)
        sign_in(browser, base, teacher["login"])
        browser.find_element(By.PARTIAL_LINK_TEXT, f"Мой класс {name}").click()
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "attendance")))
        assert browser.find_element(By.TAG_NAME, "h1").text == f"Класс {name}"
        assert len(browser.find_elements(By.CSS_SELECTOR, "#students a[href^='/diary/']")) == students
        # Nothing on the page is wider than a phone's screen but the tables, which scroll.
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        shoot(browser, f"class-page-{tag}.png")

        before = slips(school)
        browser.set_window_size(width, 900)
        browser.find_element(By.LINK_TEXT, "Листки с логинами").click()
        browser.find_element(By.CSS_SELECTOR, "input[name=who][value=students]").click()
        browser.find_element(By.XPATH, "//button[contains(., 'Дальше')]").click()
        counts = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".slip-confirm .counts"))).text
        # Every demo account is in use: all of them would stop working, and the page says so first.
        assert f"Листков: {students} · учётных записей будет сброшено: {students}, из них рабочих: {students}" in counts
        shoot(browser, f"class-slips-confirm-{tag}.png")
        browser.set_window_size(width, 900)
        browser.find_element(By.LINK_TEXT, "Отмена").click()
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "attendance")))
        assert slips(school) == before
