"""What a student, a guardian and a hallway kiosk do, in a real browser."""
import os
import re
import subprocess
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD, SHOTS, kiosk_code, run


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
    WebDriverWait(browser, 10).until(EC.url_to_be(base + "/"))
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


def viewport(browser, width, height):
    """The page's own size, as a kiosk's full screen or a phone has it (no window frame)."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})


def new_slip(school, login):
    """Prints a new slip for `login`: its temporary password (as printed) and its kiosk code (from the QR code)."""
    pdf = os.path.join(school["work"], f"{login}-kiosk-keyboard.pdf")
    run("accounts", "reset", "--db", school["db"], login, "--out", pdf)
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    password = re.search(r"Пароль:\s*(\S+)", text).group(1)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", pdf, pdf], check=True)
    png = [p for p in os.listdir(school["work"]) if p.startswith(f"{login}-kiosk-keyboard.pdf") and p.endswith(".png")][0]
    out = subprocess.run(["zbarimg", "-q", os.path.join(school["work"], png)], check=True, capture_output=True, text=True).stdout
    return password, out.strip().split(":", 1)[1]


def registered_kiosk(school, browser, name):
    base = school["base"]
    browser.get(base + "/kiosk")
    if browser.find_elements(By.CSS_SELECTOR, ".kiosk-unregistered"):
        pairing = re.search(r"(/kiosk/pair/\S+)", run("kiosk", "register", "--db", school["db"], name)).group(1)
        browser.get(base + pairing)
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "code")))


def press(browser, label):
    keys = [k for k in browser.find_elements(By.CSS_SELECTOR, "#osk .osk-key") if k.text == label]
    assert keys, f"no key «{label}» on the keyboard: {[k.text for k in browser.find_elements(By.CSS_SELECTOR, '#osk .osk-key')]}"
    keys[0].click()


def fits_the_screen(browser, width, height):
    size = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    assert size[0] <= width and size[1] <= height, f"the page is {size[0]}×{size[1]}, the screen {width}×{height}"


def test_kiosk_keyboard_types_a_slip_in_capitals_and_the_diary_offers_marks_finals_and_other_weeks(school, browser):
    viewport(browser, 1920, 1080)
    student = older_students(school)[2]
    password, code = new_slip(school, student["login"])
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{10}", password) and re.fullmatch(r"[2-9A-HJ-NP-Z]+", code)
    registered_kiosk(school, browser, "Холл, 3 этаж")
    # The code field has the focus: the keyboard is open on the slip's alphabet, and the whole
    # screen — keyboard included — is within 1920×1080.
    keyboard = browser.find_element(By.ID, "osk")
    assert keyboard.is_displayed()
    assert browser.execute_script("return document.getElementById('osk').getBoundingClientRect().bottom") <= 1080
    fits_the_screen(browser, 1920, 1080)
    browser.save_screenshot(os.path.join(SHOTS, "kiosk-keyboard-1080p.png"))
    labels = [k.text for k in keyboard.find_elements(By.CLASS_NAME, "osk-key")]
    assert set("23456789ABCDEFGHJKLMNPQRSTUVWXYZ") <= set(labels) and not {"0", "1", "O", "I"} & set(labels)

    # Login on the Latin keys; Shift types one capital, Caps Lock capitals until pressed again.
    browser.find_element(By.ID, "login").click()
    login = browser.find_element(By.ID, "login")
    for ch in student["login"]:
        press(browser, ch)
    assert login.get_attribute("value") == student["login"]
    press(browser, "⇧ Shift")
    press(browser, "Q")
    press(browser, "w")
    press(browser, "⇪ Caps")
    press(browser, "E")
    press(browser, "R")
    browser.save_screenshot(os.path.join(SHOTS, "kiosk-keyboard-caps-1080p.png"))
    press(browser, "⇪ Caps")
    press(browser, "t")
    assert login.get_attribute("value") == student["login"] + "QwERt"
    for _ in range(5):
        press(browser, "⌫")
    assert login.get_attribute("value") == student["login"]
    # «Готово» moves on to the password, which opens on the slip's alphabet: the slip is typed as printed.
    press(browser, "Готово")
    assert browser.switch_to.active_element.get_attribute("id") == "password"
    for ch in password:
        press(browser, ch)
    assert browser.find_element(By.ID, "password").get_attribute("value") == password
    browser.save_screenshot(os.path.join(SHOTS, "kiosk-keyboard-typed-1080p.png"))
    press(browser, "Готово")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "countdown")))
    surname, name = student["full_name"].split(" ")[:2]
    assert f"{surname} {name}" in browser.page_source
    browser.save_screenshot(os.path.join(SHOTS, "kiosk-week-1080p.png"))

    # Marks by subject, final marks and the previous week, read-only: no form but «Выйти».
    def forms():
        return [f.get_attribute("action") for f in browser.find_elements(By.TAG_NAME, "form")]
    browser.find_element(By.LINK_TEXT, "Оценки").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".subject-marks")))
    assert "Средний балл" in browser.page_source and [a.endswith("/kiosk/signout") for a in forms()] == [True]
    browser.save_screenshot(os.path.join(SHOTS, "kiosk-marks-1080p.png"))
    browser.find_element(By.LINK_TEXT, "Итоги").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.finals")))
    assert "Год" in browser.page_source and [a.endswith("/kiosk/signout") for a in forms()] == [True]
    browser.save_screenshot(os.path.join(SHOTS, "kiosk-finals-1080p.png"))
    browser.find_element(By.LINK_TEXT, "Неделя").click()
    browser.find_element(By.CSS_SELECTOR, "a[rel=prev]").click()
    WebDriverWait(browser, 10).until(EC.url_contains("week=2026-11-16"))
    assert "16–21 ноября 2026 г." in browser.page_source and [a.endswith("/kiosk/signout") for a in forms()] == [True]
    browser.save_screenshot(os.path.join(SHOTS, "kiosk-last-week-1080p.png"))
    browser.find_element(By.CSS_SELECTOR, "button.exit").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "code")))

    # The kiosk code typed on the keyboard (capitals) signs in too.
    browser.find_element(By.ID, "code").click()
    for ch in code:
        press(browser, ch)
    press(browser, "Готово")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "countdown")))
    assert f"{surname} {name}" in browser.page_source


def test_finals_and_marks_fit_a_phone(school, browser):
    viewport(browser, 375, 812)
    base = school["base"]
    student = older_students(school)[3]
    browser.get(base + "/login")
    browser.find_element(By.ID, "login").send_keys(student["login"])
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The sign-in page has an h1 too: wait for the home page itself.
    WebDriverWait(browser, 10).until(EC.url_to_be(base + "/"))
    assert f"Здравствуй, {student['full_name'].split(' ')[1]}!" in browser.page_source
    for page in ["finals", "marks"]:
        browser.get(base + f"/diary/{student['person_id']}/{page}")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 375, f"{page} is {width} px wide"
        if page == "finals":
            table = browser.find_element(By.CSS_SELECTOR, "table.finals")
            assert "Год" in table.text
            assert browser.execute_script("var w = document.querySelector('.table-wrap'); return w.scrollWidth <= w.clientWidth")
        browser.save_screenshot(os.path.join(SHOTS, f"diary-{page}-phone.png"))
