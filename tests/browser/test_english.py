"""English, the second language of every page: switched from the header, kept by the account."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SHOTS, sign_in
from test_journal import teacher_lesson


def press_language_switch(browser, label):
    """Presses the header's language button and waits for the same page to come back in that language."""
    lang = "en" if label == "English" else "ru"
    browser.find_element(By.CSS_SELECTOR, "form[action='/language'] button").click()
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState === 'complete' && document.documentElement.lang") == lang)


def test_a_teacher_switches_to_english_and_back(school, browser):
    browser.set_window_size(1366, 900)
    base = school["base"]
    teacher, lesson, class_id, subject = teacher_lesson(school, which=0)
    sign_in(browser, base, teacher["login"])
    assert "Выйти" in browser.page_source
    switch = browser.find_element(By.CSS_SELECTOR, "form[action='/language'] button")
    assert switch.text == "English" and switch.get_attribute("lang") == "en"
    press_language_switch(browser, "English")
    # The same page, the home page, now in English: the header, the greeting, the sections.
    assert browser.current_url == base + "/"
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Hello")
    header = browser.find_element(By.CSS_SELECTOR, "header.site-header").text
    assert "Journals" in header and "My day" in header and "Sign out" in header and "Русский" in header
    assert "Выйти" not in browser.page_source
    browser.save_screenshot(os.path.join(SHOTS, "english-home.png"))

    # The account keeps its choice: the journal opens in English too.
    browser.get(f"{base}/journal/{class_id}/{subject}")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.journal-grid")))
    assert "Type of work for new marks" in browser.page_source
    assert browser.find_element(By.CSS_SELECTOR, "table.journal-grid thead th.name").text == "Student"
    assert browser.find_element(By.CSS_SELECTOR, "nav.tabs a[aria-current='page']").text.startswith("Quarter")
    # The grid's script speaks the page's language: a refusal of the server comes back in English.
    heads = browser.find_elements(By.CSS_SELECTOR, "table.journal-grid thead th[data-lesson]")
    assert "future" in heads[-1].get_attribute("class")
    cell = browser.find_elements(By.CSS_SELECTOR, "table.journal-grid tbody tr")[0].find_elements(By.TAG_NAME, "td")[len(heads) - 1]
    cell.click()
    pad = browser.find_element(By.CSS_SELECTOR, ".grid-pad")
    assert pad.get_attribute("aria-label") == "Mark in the chosen cell"
    assert pad.find_element(By.CSS_SELECTOR, 'button[data-key="done"]').text == "Done"
    pad.find_element(By.CSS_SELECTOR, 'button[data-key="5"]').click()
    status = browser.find_element(By.ID, "grid-status")
    WebDriverWait(browser, 10).until(lambda b: "bad" in status.get_attribute("class"))
    assert "has not begun" in status.text
    browser.save_screenshot(os.path.join(SHOTS, "english-journal-grid.png"))

    # The lesson page, on a phone.
    browser.set_window_size(390, 844)
    browser.get(f"{base}/lessons/{lesson}")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "entries")))
    assert "Attendance and marks" in browser.page_source and "Save marks and attendance" in browser.page_source
    assert "Lesson 1" in browser.find_element(By.CSS_SELECTOR, "main p.muted").text
    browser.save_screenshot(os.path.join(SHOTS, "english-lesson-phone.png"))

    # And back to Russian, from the same header.
    press_language_switch(browser, "Русский")
    assert "Посещаемость и отметки" in browser.page_source
    browser.get(base + "/")
    assert "Выйти" in browser.page_source and browser.find_element(By.TAG_NAME, "h1").text.startswith("Здравствуйте")


def test_the_sign_in_page_switches_before_anyone_signs_in(school, browser):
    browser.set_window_size(1366, 900)
    base = school["base"]
    browser.get(base + "/login")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Вход в электронный журнал"
    press_language_switch(browser, "English")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sign in to the class journal"
    assert browser.find_element(By.CSS_SELECTOR, "button[type='submit']").text == "Sign in"
    browser.save_screenshot(os.path.join(SHOTS, "english-sign-in.png"))
    # A wrong password is told in English too.
    browser.find_element(By.NAME, "login").send_keys("nobody")
    browser.find_element(By.NAME, "password").send_keys("wrong-password")
    browser.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "login-error")))
    assert browser.find_element(By.ID, "login-error").text == "Wrong login or password."
    browser.get(base + "/login")
    press_language_switch(browser, "Русский")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Вход в электронный журнал"
