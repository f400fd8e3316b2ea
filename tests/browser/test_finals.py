"""Pass/fail marks (issue #12) in a real browser: the ОРКСЭ grid takes з and − by keyboard (Н stays
an absence), the row has no average, and the family's diary shows «зачёт»/«незачёт» with no average."""
import os
import sqlite3

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SHOTS, sign_in


def test_a_pass_fail_subject_by_keyboard_in_the_grid_and_in_the_diary(school, browser):
    db = sqlite3.connect(school["db"])
    class_id, subject, teacher = db.execute("""
        SELECT t.class_id, t.subject_id, t.teacher_id FROM teaching_assignment t JOIN subject s ON s.id = t.subject_id
        WHERE s.scale = 'passfail' ORDER BY t.class_id LIMIT 1""").fetchone()
    db.close()
    login = next(l["login"] for l in school["logins"] if l["person_id"] == str(teacher))
    sign_in(browser, school["base"], login)
    browser.get(f"{school['base']}/journal/{class_id}/{subject}")
    table = browser.find_element(By.CSS_SELECTOR, "table.journal-grid")
    assert table.get_attribute("data-scale") == "passfail"
    status = browser.find_element(By.ID, "grid-status")
    # A student marked absent gets a mark once the teacher confirms it: here they do.
    browser.execute_script("window.confirm = function () { return true; };")
    # The latest begun lesson's first cell has the focus: a pass, then a fail a row below.
    cell = browser.find_element(By.CSS_SELECTOR, "table.journal-grid td[tabindex='0']")
    cell.click()
    for key in ["з", Keys.ARROW_DOWN, "-"]:
        ActionChains(browser).send_keys(key).perform()
        if key != Keys.ARROW_DOWN:
            WebDriverWait(browser, 10).until(lambda b: ("незач" in status.text) == (key == "-") and "зач" in status.text, message=status.text)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.journal-grid tbody tr")
    column = cell.get_attribute("cellIndex") or str(browser.execute_script("return arguments[0].cellIndex", cell))
    texts = [browser.execute_script("return arguments[0].children[arguments[1]].textContent", r, int(column)) for r in rows[:2]]
    assert "зач" in texts[0] and "незач" in texts[1], texts
    # A digit is not a mark here; the pad offers a pass and a fail.
    ActionChains(browser).send_keys("5").perform()
    assert [b.text for b in browser.find_elements(By.CSS_SELECTOR, ".grid-pad button")][:2] == ["зач", "незач"]
    # No average for anyone.
    assert {td.text for td in browser.find_elements(By.CSS_SELECTOR, "td.avg")} == {"—"}
    browser.save_screenshot(os.path.join(SHOTS, "grid-pass-fail.png"))
    # The student's diary: the marks in words and no average.
    student = rows[1].get_attribute("data-student")
    browser.get(f"{school['base']}/diary/{student}/marks")
    card = next(s for s in browser.find_elements(By.CSS_SELECTOR, "section.subject-marks") if "ОРКСЭ" in s.find_element(By.TAG_NAME, "h2").text)
    assert "незачёт" in card.text and "Средний балл" not in card.text
    browser.execute_script("arguments[0].scrollIntoView()", card)
    browser.save_screenshot(os.path.join(SHOTS, "diary-pass-fail.png"))
