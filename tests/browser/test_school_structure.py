"""The administrator sets up the school's structure in a real browser, by keyboard, on a desktop
and on a phone: a holiday typed wrong comes back beside its field, typed right it re-plans the
lessons and lists those with entries it leaves outside the plan; a room is renamed in its row."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import query, shoot, sign_in


def administrator(school):
    return next(l for l in school["logins"] if l["role"] == "administrator")


def type_date(browser, field, iso):
    """Types a date into a date field as a person does, in the order the browser's locale shows."""
    y, m, d = iso.split("-")
    locale = browser.execute_script("return navigator.language")
    field.clear()
    field.send_keys((d + m if locale.startswith("ru") else m + d) + y)


def test_a_holiday_by_keyboard_replans_and_lists_lessons_with_entries(school, browser):
    base = school["base"]
    browser.set_window_size(1366, 900)
    sign_in(browser, base, administrator(school)["login"])
    browser.find_element(By.LINK_TEXT, "Школа").click()
    WebDriverWait(browser, 10).until(EC.url_to_be(base + "/school"))
    browser.find_element(By.CSS_SELECTOR, "nav.tabs").find_element(By.LINK_TEXT, "Каникулы и праздники").click()

    # Two weeks of grade 7 around today: lessons with marks and absences before, homework given ahead, nothing yet after.
    week = ("2026-11-19", "2026-12-04")
    lessons = query(school, """SELECT count(*), sum(EXISTS (SELECT 1 FROM mark WHERE lesson_id = l.id) OR EXISTS (SELECT 1 FROM absence WHERE lesson_id = l.id))
                               FROM lesson l JOIN school_class c ON c.id = l.class_id WHERE c.grade = 7 AND l.date BETWEEN ? AND ?""", *week)[0]
    assert lessons[0] > 0 and lessons[1] > 0

    # Typed wrong: the last day before the first. The form comes back with the name as typed.
    browser.find_element(By.ID, "new-name").send_keys("Карантин 7 класса")
    type_date(browser, browser.find_element(By.ID, "new-starts_on"), week[1])
    type_date(browser, browser.find_element(By.ID, "new-ends_on"), week[0])
    grade = browser.find_element(By.ID, "new-min_grade")
    grade.clear()
    grade.send_keys("7")
    grade = browser.find_element(By.ID, "new-max_grade")
    grade.clear()
    grade.send_keys("7", Keys.ENTER)
    error = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "new-ends_on-error")))
    assert error.text == "Конец раньше начала."
    assert browser.find_element(By.ID, "new-name").get_attribute("value") == "Карантин 7 класса"
    assert browser.find_element(By.ID, "new-ends_on").get_attribute("aria-invalid") == "true"
    shoot(browser, "school-holiday-refused.png")

    # Typed right, Enter: saved, the lessons re-planned, those with entries listed with links.
    browser.set_window_size(1366, 900)
    type_date(browser, browser.find_element(By.ID, "new-starts_on"), week[0])
    type_date(browser, browser.find_element(By.ID, "new-ends_on"), week[1])
    browser.find_element(By.ID, "new-ends_on").send_keys(Keys.ENTER)
    notice = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice.ok")))
    removed = int(re.search(r"удалено (\d+)", notice.text).group(1))
    outside = browser.find_element(By.ID, "outside-plan")
    kept = int(re.search(r"Уроки вне плана с записями: (\d+)", outside.text).group(1))
    # Lessons with nothing entered are gone; those with marks, absences, homework stay, each with a link.
    assert removed > 0 and removed + kept == lessons[0] and kept >= lessons[1]
    links = outside.find_elements(By.CSS_SELECTOR, "a[href^='/lessons/']")
    assert len(links) == kept
    assert query(school, "SELECT count(*) FROM lesson l JOIN school_class c ON c.id = l.class_id WHERE c.grade = 7 AND l.date BETWEEN ? AND ?", *week)[0][0] == kept
    shoot(browser, "school-holiday-replanned.png")
    browser.set_window_size(1366, 900)
    links[0].click()
    WebDriverWait(browser, 10).until(EC.url_contains("/lessons/"))

    # Removed again: the week's lessons come back.
    browser.get(base + "/school/holidays")
    row = browser.find_element(By.XPATH, "//input[@value='Карантин 7 класса']/ancestor::tr")
    row.find_element(By.XPATH, ".//button[contains(., 'Удалить')]").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice.ok")))
    assert query(school, "SELECT count(*) FROM lesson l JOIN school_class c ON c.id = l.class_id WHERE c.grade = 7 AND l.date BETWEEN ? AND ?", *week)[0][0] == lessons[0]


def test_on_a_phone_each_row_is_a_form_of_labelled_fields(school, browser):
    base = school["base"]
    browser.set_window_size(390, 844)
    sign_in(browser, base, administrator(school)["login"])
    for page in ["periods", "holidays", "bells", "classes", "assignments"]:
        browser.get(f"{base}/school/{page}")
        # Nothing wider than the phone: each row is a block, each field under its name.
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390, page
        shoot(browser, f"school-{page}-phone.png")
        browser.set_window_size(390, 844)
    label = browser.execute_script("return getComputedStyle(document.querySelector('table.edit-table td[data-label]'), '::before').content")
    assert label == '"Предмет"'

    # A room renamed in its row, Enter in the field sends the row's form.
    browser.get(base + "/school/rooms")
    field = browser.find_element(By.CSS_SELECTOR, "table.edit-table input[name=name]")
    room = field.get_attribute("id").split("-")[0]
    field.clear()
    field.send_keys("Каб. 101 (химия)", Keys.ENTER)
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice.ok")))
    assert browser.find_element(By.ID, f"{room}-name").get_attribute("value") == "Каб. 101 (химия)"
    assert query(school, "SELECT count(*) FROM audit WHERE action = 'structure.room' AND new_value = 'Каб. 101 (химия)'")[0][0] == 1
