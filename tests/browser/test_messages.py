"""A guardian writes to their child's class teacher and the teacher answers (issue 15), in a real
browser: the form filled and sent with the keyboard on a desktop, the answer written on a phone,
the unread count in the menu, the read receipt; then the pages are looked at."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import sign_in, shoot, query


def test_guardian_and_teacher_write_and_answer(school, browser):
    base = school["base"]
    by_person = {int(l["person_id"]): l for l in school["logins"]}
    # A guardian whose child's class has a class teacher with an account.
    guardian, teacher_id = next(
        (by_person[g], t) for g, t in query(school, """
            SELECT gl.guardian_id, c.class_teacher_id FROM guardian_link gl
            JOIN enrolment e ON e.student_id = gl.student_id AND e.left_on IS NULL
            JOIN school_class c ON c.id = e.class_id WHERE c.class_teacher_id IS NOT NULL ORDER BY gl.guardian_id""")
        if g in by_person and t in by_person)
    teacher = by_person[teacher_id]

    # The guardian, on a desktop: the menu's «Сообщения», the form by keyboard.
    browser.set_window_size(1280, 900)
    sign_in(browser, base, guardian["login"])
    browser.find_element(By.LINK_TEXT, "Сообщения").click()
    browser.find_element(By.LINK_TEXT, "Написать сообщение").click()
    Select(browser.find_element(By.ID, "to")).select_by_value(str(teacher_id))
    browser.find_element(By.ID, "subject").send_keys("Экскурсия в пятницу")
    body = browser.find_element(By.ID, "body")
    body.send_keys("Здравствуйте! Можно ли Маше уйти после 4-го урока?")
    browser.find_element(By.CSS_SELECTOR, "form.message-form button").send_keys(Keys.ENTER)  # «Отправить», by keyboard
    WebDriverWait(browser, 10).until(EC.url_contains("sent=1"))
    thread = browser.current_url.split("/messages/")[1].split("?")[0]
    assert "Ещё не прочитано" in browser.page_source
    shoot(browser, "messages-guardian-sent.png")

    # The teacher, on a phone: the unread count, the thread, the answer.
    browser.set_window_size(390, 844)
    sign_in(browser, base, teacher["login"])
    browser.find_element(By.PARTIAL_LINK_TEXT, "Сообщения (1)").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "Экскурсия в пятницу").click()
    assert "Можно ли Маше уйти" in browser.page_source
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling on a phone"
    answer = browser.find_element(By.ID, "body")
    answer.send_keys("Да, напишите записку классному руководителю.")
    browser.find_element(By.CSS_SELECTOR, "#answer button").click()
    WebDriverWait(browser, 10).until(EC.url_contains("sent=1"))
    assert f"/messages/{thread}" in browser.current_url
    shoot(browser, "messages-teacher-phone.png")

    # Back at the guardian's, on a phone: the answer, the receipt, then nothing unread.
    browser.set_window_size(390, 844)
    sign_in(browser, base, guardian["login"])
    browser.find_element(By.PARTIAL_LINK_TEXT, "Сообщения (1)").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "Экскурсия в пятницу").click()
    page = browser.page_source
    assert "напишите записку" in page and "Прочитано:" in page
    assert "Сообщения (1)" not in browser.find_element(By.CSS_SELECTOR, ".site-header nav").text
    shoot(browser, "messages-guardian-phone.png")
    # The diary tells of the new message too.
    assert query(school, "SELECT count(*) FROM notification WHERE kind = 'message' AND person_id = ?", int(guardian["person_id"]))[0][0] == 1
