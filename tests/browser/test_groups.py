"""The administrator splits a class's subject into two groups in a real browser — from the home page
through the class's timetable to its groups, the form filled and sent with the keyboard — and the
timetable and the lessons go by groups from the date; then a student moves between the groups,
and the page is looked at on a phone."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import sign_in, shoot, query

FROM = "2026-11-30"


def test_admin_splits_a_class_into_groups(school, browser):
    base = school["base"]
    admin = next(l for l in school["logins"] if l["role"] == "administrator")
    class_id = query(school, "SELECT id FROM school_class WHERE name = '5А'")[0][0]
    pe = query(school, "SELECT id FROM subject WHERE name = 'Физическая культура'")[0][0]
    slots = query(school, "SELECT weekday, bell_number, teacher_id FROM timetable_entry WHERE class_id = ? AND subject_id = ?", class_id, pe)
    assert slots, "5А has physical education in the timetable"
    pe_teacher = slots[0][2]
    # A teacher with no lesson at any of those bells takes the second group.
    free = next(t for (t,) in query(school, "SELECT person_id FROM staff_role WHERE role = 'teacher' ORDER BY person_id")
                if t != pe_teacher and not any(query(school, "SELECT 1 FROM timetable_entry WHERE teacher_id = ? AND weekday = ? AND bell_number = ?", t, w, b)
                                               for w, b, _ in slots))
    students = [s for (s,) in query(school, """
        SELECT p.id FROM enrolment e JOIN person p ON p.id = e.student_id WHERE e.class_id = ? AND e.left_on IS NULL
        ORDER BY p.last_name, p.first_name, p.middle_name, p.id""", class_id)]

    browser.set_window_size(1366, 900)
    sign_in(browser, base, admin["login"])
    # From the home page: the timetable, the class's week, the class's groups.
    browser.find_element(By.PARTIAL_LINK_TEXT, "Расписание уроков").click()
    browser.find_element(By.CSS_SELECTOR, ".class-links").find_element(By.LINK_TEXT, "5А").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Расписание 5А"))
    browser.find_element(By.LINK_TEXT, "Группы класса").click()
    form = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "split")))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Группы 5А"

    # The form: the subject, the date, each group's teacher and the second group's room; the first
    # student goes to the second group (space on the radio); Enter in a field sends it.
    Select(form.find_element(By.NAME, "subject")).select_by_visible_text("Физическая культура")
    assert form.find_element(By.NAME, "from").get_attribute("value") == FROM
    Select(form.find_element(By.NAME, "teacher1")).select_by_value(str(pe_teacher))
    Select(form.find_element(By.NAME, "teacher2")).select_by_value(str(free))
    form.find_element(By.CSS_SELECTOR, f"input[name=s_{students[0]}][value='2']").send_keys(Keys.SPACE)
    room = form.find_element(By.NAME, "room2")
    room.send_keys("Малый спортзал")
    room.send_keys(Keys.ENTER)
    notice = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice.ok"))).text
    assert "Предмет разделён на группы" in notice and "Уроки в журнале" in notice
    shoot(browser, "groups-split-desktop.png")

    groups = query(school, "SELECT id, name FROM study_group WHERE class_id = ? AND subject_id = ? ORDER BY id", class_id, pe)
    assert [name for _, name in groups] == ["1 группа", "2 группа"]
    first, second = groups[0][0], groups[1][0]
    members = {g: {s for (s,) in query(school, "SELECT student_id FROM group_member WHERE group_id = ?", g)} for g in (first, second)}
    assert members[first] | members[second] == set(students) and not members[first] & members[second]
    assert students[0] in members[second]
    # Each group is taught by its teacher (its journal is theirs).
    assert query(school, "SELECT teacher_id FROM teaching_assignment WHERE group_id = ?", second) == [(free,)]
    # From the date the timetable has one entry per group at each of the subject's bells, the old one ends the day before…
    entries = query(school, "SELECT group_id, teacher_id FROM timetable_entry WHERE class_id = ? AND subject_id = ? AND valid_from = ?", class_id, pe, FROM)
    assert sorted(entries) == sorted([(first, pe_teacher), (second, free)] * len(slots))
    assert query(school, "SELECT DISTINCT valid_to FROM timetable_entry WHERE class_id = ? AND subject_id = ? AND group_id IS NULL", class_id, pe) == [("2026-11-29",)]
    # …and the lessons follow: on the first day of the subject from the date, one lesson per group.
    day = query(school, "SELECT min(date) FROM lesson WHERE class_id = ? AND subject_id = ? AND date >= ?", class_id, pe, FROM)[0][0]
    assert sorted(g for (g,) in query(school, "SELECT group_id FROM lesson WHERE class_id = ? AND subject_id = ? AND date = ?", class_id, pe, day)) == [first, second]

    # The class's week from the date shows both groups at the subject's bells.
    browser.find_element(By.LINK_TEXT, "Расписание класса").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "Следующая неделя").click()
    grid = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.timetable-grid"))).text
    assert grid.count("1 группа") == len(slots) and grid.count("2 группа") == len(slots) and "Малый спортзал" in grid
    shoot(browser, "timetable-week-groups.png")

    # A student moves back to the first group with the table of who is in which group.
    browser.set_window_size(1366, 900)
    browser.back()
    browser.back()
    table = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, f"members-{pe}")))
    table.find_element(By.CSS_SELECTOR, f"input[name=m_{students[0]}][value='{first}']").click()
    table.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice.ok"), "Сохранено"))
    assert query(school, "SELECT group_id FROM group_member WHERE student_id = ? AND group_id IN (?, ?)", students[0], first, second) == [(first,)]

    # On a phone nothing is wider than the screen but the tables, which scroll inside their frame.
    browser.set_window_size(390, 900)
    browser.refresh()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, f"members-{pe}")))
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    shoot(browser, "groups-phone.png")


def test_a_class_teacher_sees_the_groups_of_their_class_without_the_timetable(school, browser):
    base = school["base"]
    teacher = next(l for l in school["logins"] if l["role"] == "teacher" and l["class"] == "5А")
    browser.set_window_size(1366, 900)
    sign_in(browser, base, teacher["login"])
    # «Расписание уроков» leads a teacher to their own week, with their class's week and groups beside it.
    browser.find_element(By.PARTIAL_LINK_TEXT, "Расписание уроков").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Моё расписание"))
    browser.find_element(By.LINK_TEXT, "Группы 5А").click()
    form = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "split")))
    assert not form.find_elements(By.NAME, "from")
    shoot(browser, "groups-class-teacher.png")
