"""A teacher's journal in a real browser: marks by keyboard alone, on the lesson page and in the grid."""
import os
import sqlite3

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SHOTS, sign_in


def teacher_lesson(school, which=0):
    """A teacher with a whole-class lesson of grade 5+ at the first bell of the test's today (before 10:00);
    `which` picks another teacher's lesson, so tests do not share one."""
    by_person = {l["person_id"]: l for l in school["logins"] if l["role"] == "teacher"}
    db = sqlite3.connect(school["db"])
    rows = db.execute("""
        SELECT l.teacher_id, l.id, l.class_id, l.subject_id FROM lesson l JOIN school_class c ON c.id = l.class_id
        WHERE l.date = '2026-11-23' AND l.bell_number = 1 AND c.grade >= 5 AND l.group_id IS NULL AND l.status = 'scheduled'
          AND l.actual_teacher_id IS NULL ORDER BY l.id""").fetchall()
    db.close()
    teacher, lesson, class_id, subject = [r for r in rows if str(r[0]) in by_person][which]
    return by_person[str(teacher)], lesson, class_id, subject


def api(browser, method, path, body=None):
    """Calls the JSON API from the signed-in page (the session cookie goes along); returns (status, JSON)."""
    return browser.execute_async_script("""
        const [method, path, body, done] = arguments;
        fetch(path, {method, headers: {"Content-Type": "application/json"}, body: body === null ? undefined : JSON.stringify(body)})
          .then(async r => done([r.status, r.status === 204 ? null : await r.json()]));
        """, method, path, body)


def test_enter_saves_the_typed_mark_and_deletes_no_other(school, browser):
    """Enter on a lesson where another student already has a mark: the ✕ beside that mark must
    not be the form's default button (it deleted the mark and lost what was typed)."""
    browser.set_window_size(1366, 900)
    base = school["base"]
    teacher, lesson, class_id, subject = teacher_lesson(school, which=1)
    sign_in(browser, base, teacher["login"])
    browser.get(f"{base}/lessons/{lesson}")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "entries")))
    students = [s["id"] for s in api(browser, "GET", f"/api/v1/journal?class={class_id}&subject={subject}&from=2026-11-23&to=2026-11-23")[1]["students"]]
    status, created = api(browser, "POST", f"/api/v1/lessons/{lesson}/marks", {"student": students[1], "value": 5, "workType": "У"})
    assert status == 201
    browser.refresh()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "entries")))
    assert browser.find_elements(By.CSS_SELECTOR, "table.entries button[aria-label^='Удалить отметку']")
    first = browser.switch_to.active_element
    assert first.get_attribute("name") == f"m_{students[0]}"
    ActionChains(browser).send_keys("4").send_keys(Keys.ENTER).perform()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice.ok")))
    marks = api(browser, "GET", f"/api/v1/journal?class={class_id}&subject={subject}&from=2026-11-23&to=2026-11-23")[1]["marks"]
    mine = {(m["student"], m["value"]) for m in marks if m["lesson"] == lesson}
    assert (students[1], 5) in mine, "the other student's mark was deleted"
    assert (students[0], 4) in mine, "the typed mark was not saved"
    browser.save_screenshot(os.path.join(SHOTS, "lesson-page-enter.png"))


def test_a_teacher_enters_marks_by_keyboard_and_sees_them_after_reload(school, browser):
    browser.set_window_size(1366, 900)
    base = school["base"]
    teacher, lesson, class_id, subject = teacher_lesson(school)
    sign_in(browser, base, teacher["login"])
    browser.get(base + "/day")
    browser.save_screenshot(os.path.join(SHOTS, "teacher-day.png"))
    browser.find_element(By.CSS_SELECTOR, f'a[href="/lessons/{lesson}"]').click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "entries")))
    # The first mark field has the focus: 5, Tab past the work type and the next row's
    # attendance, 4, Enter.
    first = browser.switch_to.active_element
    assert first.get_attribute("class") == "mark-input"
    keys = ActionChains(browser)
    keys.send_keys("5").send_keys(Keys.TAB).send_keys(Keys.TAB).send_keys(Keys.TAB).send_keys("4").send_keys(Keys.ENTER).perform()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice.ok")))
    browser.refresh()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.entries tbody tr")
    assert "5" in rows[0].find_element(By.CSS_SELECTOR, "td.mark-cell").text
    assert "4" in rows[1].find_element(By.CSS_SELECTOR, "td.mark-cell").text
    browser.save_screenshot(os.path.join(SHOTS, "lesson-page.png"))


def test_the_grid_saves_each_key_at_once(school, browser):
    browser.set_window_size(1600, 1000)
    base = school["base"]
    teacher, lesson, class_id, subject = teacher_lesson(school)
    sign_in(browser, base, teacher["login"])
    browser.get(f"{base}/journal/{class_id}/{subject}")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.journal-grid")))
    columns = [th.get_attribute("data-lesson") for th in browser.find_elements(By.CSS_SELECTOR, "table.journal-grid thead th[data-lesson]")]
    column = columns.index(str(lesson))
    # One cell of the grid is in the tab order (roving tabindex); the script made the cells focusable.
    assert len(browser.find_elements(By.CSS_SELECTOR, 'table.journal-grid td[tabindex="0"]')) == 1
    cell = browser.find_elements(By.CSS_SELECTOR, "table.journal-grid tbody tr")[0].find_elements(By.TAG_NAME, "td")[column]
    # Down to the third student, a ДЗ mark of 3; down again, н.
    browser.find_element(By.ID, "work-type").send_keys("ДЗ")
    third_avg = lambda: browser.find_elements(By.CSS_SELECTOR, "table.journal-grid tbody tr")[2].find_element(By.CSS_SELECTOR, "td.avg").text
    before = third_avg()
    cell.click()
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).send_keys(Keys.ARROW_DOWN).send_keys("3").perform()
    status = browser.find_element(By.ID, "grid-status")
    WebDriverWait(browser, 10).until(lambda _: "Сохранено" in status.text)
    # The average follows the new mark without a reload.
    WebDriverWait(browser, 10).until(lambda _: third_avg() != before)
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).send_keys("н").perform()
    WebDriverWait(browser, 10).until(lambda _: "Сохранено: Н" in status.text)
    # The last column is a lesson still to come: the server refuses, the status line says why.
    assert "future" in browser.find_elements(By.CSS_SELECTOR, "table.journal-grid thead th[data-lesson]")[-1].get_attribute("class")
    browser.find_elements(By.CSS_SELECTOR, "table.journal-grid tbody tr")[0].find_elements(By.TAG_NAME, "td")[len(columns) - 1].click()
    ActionChains(browser).send_keys("5").perform()
    WebDriverWait(browser, 10).until(lambda _: "ещё не начался" in status.text)
    browser.refresh()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.journal-grid tbody tr")
    third = rows[2].find_elements(By.TAG_NAME, "td")[column]
    assert any(s.text.startswith("3") and s.get_attribute("data-w") == "ДЗ" for s in third.find_elements(By.CSS_SELECTOR, "span.m"))
    fourth = rows[3].find_elements(By.TAG_NAME, "td")[column]
    assert fourth.find_element(By.CSS_SELECTOR, "span.a").text == "Н"
    # The average's formula is one click away.
    rows[0].find_element(By.CSS_SELECTOR, "td.avg summary").click()
    browser.save_screenshot(os.path.join(SHOTS, "journal-grid.png"))


def test_a_teacher_on_a_phone_sees_names_and_marks_the_grid_by_touch(school, browser):
    """Item 9: on a phone the lesson page keeps each name beside its fields (nothing scrolls
    sideways), and the grid is filled by tapping a cell and a button of its pad."""
    browser.set_window_size(390, 844)
    base = school["base"]
    teacher, lesson, class_id, subject = teacher_lesson(school, which=2)
    sign_in(browser, base, teacher["login"])
    browser.get(f"{base}/lessons/{lesson}")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "entries")))
    width = browser.execute_script("return document.documentElement.clientWidth")
    for row in browser.find_elements(By.CSS_SELECTOR, "table.entries tbody tr")[:3]:
        name = row.find_elements(By.TAG_NAME, "td")[1]
        field = row.find_element(By.CSS_SELECTOR, "input.mark-input")
        for element in (name, field):
            box = element.rect
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{element.text or 'field'} off screen: {box}"
        assert field.rect["y"] > name.rect["y"], "the fields come under the name"
    browser.save_screenshot(os.path.join(SHOTS, "lesson-page-phone.png"))

    browser.get(f"{base}/journal/{class_id}/{subject}")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.journal-grid")))
    columns = [th.get_attribute("data-lesson") for th in browser.find_elements(By.CSS_SELECTOR, "table.journal-grid thead th[data-lesson]")]
    column = columns.index(str(lesson))
    cell = browser.find_elements(By.CSS_SELECTOR, "table.journal-grid tbody tr")[1].find_elements(By.TAG_NAME, "td")[column]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'end'})", cell)
    cell.click()
    pad = browser.find_element(By.CSS_SELECTOR, ".grid-pad")
    assert pad.is_displayed()
    pad.find_element(By.CSS_SELECTOR, 'button[data-key="4"]').click()
    status = browser.find_element(By.ID, "grid-status")
    WebDriverWait(browser, 10).until(lambda _: "Сохранено: 4" in status.text)
    browser.save_screenshot(os.path.join(SHOTS, "journal-grid-phone.png"))
    browser.refresh()
    again = browser.find_elements(By.CSS_SELECTOR, "table.journal-grid tbody tr")[1].find_elements(By.TAG_NAME, "td")[column]
    assert any(s.text.startswith("4") for s in again.find_elements(By.CSS_SELECTOR, "span.m"))
