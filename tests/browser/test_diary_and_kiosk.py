"""What a student, a guardian and a hallway kiosk do, in a real browser."""
import os
import re
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD, SHOTS, kiosk_code


def older_students(school):
    return [l for l in school["logins"] if l["role"] == "student" and int(re.match(r"\d+", l["class"]).group()) >= 5]


def older_student(school):
    return older_students(school)[0]


def test_kiosk_code_opens_the_diary_and_inactivity_signs_out(school, browser):
    browser.set_window_size(1920, 1080)
    student = older_student(school)
    code = kiosk_code(school, student["login"])
    base = school["base"]
    browser.get(base + "/kiosk")
    assert "Этот экран не зарегистрирован" in browser.page_source
    browser.get(base + school["pairing"])
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "code")))
    browser.save_screenshot(os.path.join(SHOTS, "kiosk-idle-1080p.png"))
    assert student["full_name"] not in browser.page_source
    # The USB scanner types the code and presses Enter.
    field = browser.find_element(By.ID, "code")
    field.send_keys(code)
    field.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "countdown")))
    surname, name = student["full_name"].split(" ")[:2]
    assert f"{surname} {name}" in browser.page_source
    assert "Выйти" in browser.page_source
    browser.save_screenshot(os.path.join(SHOTS, "kiosk-diary-1080p.png"))
    # Nobody touches the screen: after 20 s it signs out by itself.
    WebDriverWait(browser, 40).until(EC.presence_of_element_located((By.ID, "code")))
    assert f"{surname} {name}" not in browser.page_source
    # Back does not bring the diary back.
    browser.back()
    time.sleep(0.5)
    assert f"{surname} {name}" not in browser.page_source
    assert browser.find_elements(By.ID, "code")


def test_kiosk_exit_button_and_login_with_the_on_screen_keyboard(school, browser):
    browser.set_window_size(1920, 1080)
    base = school["base"]
    browser.get(base + "/kiosk")
    if browser.find_elements(By.CSS_SELECTOR, ".kiosk-unregistered"):
        from conftest import run
        pairing = re.search(r"(/kiosk/pair/\S+)", run("kiosk", "register", "--db", school["db"], "Холл, 2 этаж")).group(1)
        browser.get(base + pairing)
    student = older_students(school)[1]  # the first one's password was replaced by a new slip above
    browser.find_element(By.ID, "login").click()
    keyboard = browser.find_element(By.ID, "osk")
    assert keyboard.is_displayed()
    for ch in student["login"]:
        keys = [k for k in keyboard.find_elements(By.CLASS_NAME, "osk-key") if k.text == ch]
        if not keys:
            browser.find_element(By.ID, "login").send_keys(ch)
        else:
            keys[0].click()
    assert browser.find_element(By.ID, "login").get_attribute("value") == student["login"]
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, ".kiosk-login button[type=submit]").click()
    try:
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "countdown")))
    finally:
        browser.save_screenshot(os.path.join(SHOTS, "kiosk-after-login.png"))
    browser.find_element(By.CSS_SELECTOR, "button.exit").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "code")))


def test_guardian_sees_their_child_and_not_another_family(school, browser):
    browser.set_window_size(390, 844)
    base = school["base"]
    guardian = next(l for l in school["logins"] if l["role"] == "guardian" and len(l["children"].split()) == 2)
    children = guardian["children"].split()
    browser.get(base + "/login")
    browser.find_element(By.ID, "login").send_keys(guardian["login"])
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    browser.get(base + f"/diary/{children[0]}?week=2026-11-16")
    assert "Неделя" in browser.page_source and "Оценки" in browser.page_source
    names = {l["person_id"]: l["full_name"] for l in school["logins"]}
    child = names[children[0]].split(" ")
    assert f"{child[0]} {child[1]}" in browser.page_source
    browser.save_screenshot(os.path.join(SHOTS, "diary-week-phone.png"))
    stranger = next(l for l in school["logins"] if l["role"] == "student" and l["person_id"] not in children)
    browser.get(base + f"/diary/{stranger['person_id']}")
    assert "Страница не найдена" in browser.page_source
    assert stranger["full_name"].split(" ")[0] not in browser.page_source
