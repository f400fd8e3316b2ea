"""A class teacher adds a student to the class by the form, with the keyboard (Enter sends it), on a
desktop and on a phone: a missing name comes back beside its field with what was typed, then the
student is added from today, their card says their login, and the class page lists them."""
import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import shoot, sign_in


def class_teacher(school):
    """The class teacher of a grade-3 class (the other browser tests use grade 5)."""
    teacher = next(l for l in school["logins"] if l["role"] == "teacher" and l["class"].startswith("3"))
    return teacher, teacher["class"]


def enrolment(school, last_name, first_name):
    db = sqlite3.connect(school["db"])
    row = db.execute("""
        SELECT c.name, e.joined_on, e.left_on, a.login FROM person p JOIN enrolment e ON e.student_id = p.id
        JOIN school_class c ON c.id = e.class_id LEFT JOIN account a ON a.person_id = p.id
        WHERE p.last_name = ? AND p.first_name = ?""", (last_name, first_name)).fetchone()
    db.close()
    return row


def test_a_class_teacher_adds_a_student_by_the_form_on_desktop_and_phone(school, browser):
    base = school["base"]
    teacher, name = class_teacher(school)
    for width, tag, first in [(1366, "desktop", "Тимур"), (390, "phone", "Ярослава")]:
        browser.delete_all_cookies()
        browser.set_window_size(width, 900)
        sign_in(browser, base, teacher["login"])
        browser.find_element(By.PARTIAL_LINK_TEXT, f"Мой класс {name}").click()
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "students")))
        browser.find_element(By.LINK_TEXT, "Добавить ученика").click()
        WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Добавить ученика"))
        # The class is chosen and the day of enrolment is today: only the names are left to type.
        assert Select(browser.find_element(By.NAME, "class")).first_selected_option.text == name
        assert browser.find_element(By.NAME, "joinedOn").get_attribute("value") == "2026-11-23"
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        shoot(browser, f"person-new-{tag}.png")

        # A first name forgotten: Enter sends the form, the error comes back beside the field.
        browser.set_window_size(width, 900)
        last = browser.find_element(By.NAME, "lastName")
        last.send_keys("Новикова" if first == "Ярослава" else "Новиков")
        last.send_keys(Keys.ENTER)
        error = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "firstName-error")))
        assert error.text == "Заполните это поле."
        assert browser.find_element(By.NAME, "lastName").get_attribute("value").startswith("Новиков")
        assert browser.find_element(By.NAME, "firstName").get_attribute("aria-invalid") == "true"
        shoot(browser, f"person-new-error-{tag}.png")

        # Tab from the last name to the first, type it and the patronymic, choose the gender, Enter.
        browser.set_window_size(width, 900)
        browser.find_element(By.NAME, "lastName").send_keys(Keys.TAB, first, Keys.TAB, "Сергеевна" if first == "Ярослава" else "Сергеевич")
        Select(browser.find_element(By.NAME, "gender")).select_by_value("f" if first == "Ярослава" else "m")
        browser.find_element(By.NAME, "middleName").send_keys(Keys.ENTER)
        notice = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice.ok")))
        row = enrolment(school, "Новикова" if first == "Ярослава" else "Новиков", first)
        assert row is not None and row[0] == name and row[1] == "2026-11-23" and row[2] is None
        assert f"Логин: {row[3]}" in notice.text
        assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Новиков")
        assert "Зачислен(а) 23.11.2026" in browser.page_source
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        shoot(browser, f"person-added-{tag}.png")

        # The class's page lists the student, with the day they came.
        browser.set_window_size(width, 900)
        browser.find_element(By.PARTIAL_LINK_TEXT, f"Класс {name}").click()
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "students")))
        assert first in browser.find_element(By.ID, "students").text
