"""The reports in the browser: a class teacher follows the links from the home page to their
class's progress report and its forecast, on a desktop and on a phone; the deputy reads the
school's filling. Numbers are checked over HTTP in the Swift tests; here, that the pages are
reached by links, read on a phone without the page growing sideways, and export CSV."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import sign_in, shoot


def test_a_class_teacher_reads_their_classs_progress_and_forecast(school, browser):
    base = school["base"]
    teacher = next(l for l in school["logins"] if l["role"] == "teacher" and l["class"].startswith("5"))
    name = teacher["class"]
    for width, tag in [(1366, "desktop"), (390, "phone")]:
        browser.delete_all_cookies()
        browser.set_window_size(width, 900)
        sign_in(browser, base, teacher["login"])
        browser.find_element(By.CSS_SELECTOR, "a[href='/reports']").click()
        WebDriverWait(browser, 10).until(EC.url_to_be(base + "/reports"))
        browser.find_element(By.CSS_SELECTOR, "nav[aria-label='Успеваемость и посещаемость']").find_element(By.LINK_TEXT, name).click()
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.progress-subjects")))
        assert browser.find_element(By.TAG_NAME, "h1").text.endswith(name)
        assert browser.find_elements(By.CSS_SELECTOR, "table.progress-subjects tbody tr")
        assert browser.find_elements(By.CSS_SELECTOR, ".preliminary")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        csv = browser.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
        assert "/reports/progress.csv?class=" in csv
        shoot(browser, f"report-progress-{tag}.png")
        browser.set_window_size(width, 900)
        browser.get(base + "/reports")
        browser.find_element(By.CSS_SELECTOR, "nav[aria-label='Прогноз итоговых отметок']").find_element(By.LINK_TEXT, name).click()
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.forecast")))
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        shoot(browser, f"report-forecast-{tag}.png")


def test_the_deputy_reads_the_schools_filling_by_teacher(school, browser):
    base = school["base"]
    deputy = next(l for l in school["logins"] if l["role"] == "deputy")
    browser.set_window_size(1366, 900)
    sign_in(browser, base, deputy["login"])
    browser.get(base + "/reports")
    browser.find_element(By.LINK_TEXT, "Накопляемость отметок и заполнение журнала").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.filling")))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.filling tbody tr")
    assert len(rows) > 10
    shoot(browser, "report-filling-desktop.png")
