"""Printed documents and charts in the browser: a class teacher's class page carries the print
forms, each answers with a PDF (the form posted as the browser would, with its token); the
progress report's charts are images with a title that fit a phone. What the PDFs say is checked
with pdftotext in the Swift tests."""
from selenium.webdriver.common.by import By

from conftest import shoot, sign_in

POST_FORM = """
const form = document.querySelector(arguments[0]);
const done = arguments[arguments.length - 1];
fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin'})
  .then(async r => done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'),
                         String.fromCharCode(...new Uint8Array(await r.arrayBuffer()).slice(0, 5))]))
  .catch(e => done([0, String(e), '', '']));
"""


def test_a_class_teacher_prints_the_journal_copy_summary_and_blank_pages(school, browser):
    base = school["base"]
    teacher = next(l for l in school["logins"] if l["role"] == "teacher" and l["class"].startswith("5"))
    browser.set_window_size(1366, 900)
    sign_in(browser, base, teacher["login"])
    browser.find_element(By.CSS_SELECTOR, "a[href^='/classes/']").click()
    browser.find_element(By.CSS_SELECTOR, "a[href='#print']").click()
    section = browser.find_element(By.ID, "print")
    assert section.find_elements(By.CSS_SELECTOR, "form[action='/print/journal'] select[name=period] option")
    for action in ["journal", "summary", "blank"]:
        status, kind, disposition, head = browser.execute_async_script(POST_FORM, f"#print form[action='/print/{action}']")
        assert status == 200, action
        assert kind == "application/pdf"
        assert disposition.startswith("attachment;") and ".pdf" in disposition
        assert head == "%PDF-"
    shoot(browser, "print-class-page.png")


def test_the_progress_reports_charts_fit_a_phone(school, browser):
    base = school["base"]
    deputy = next(l for l in school["logins"] if l["role"] == "deputy")
    browser.set_window_size(390, 900)
    sign_in(browser, base, deputy["login"])
    browser.get(base + "/reports")
    # A class with marks (grade 1 gets none, so it has no marks chart).
    links = browser.find_elements(By.CSS_SELECTOR, "nav[aria-label='Успеваемость и посещаемость'] a")
    next(a for a in links if a.text.startswith("5")).click()
    charts = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg[role=img]")
    assert len(charts) == 2
    for chart in charts:
        assert chart.find_element(By.TAG_NAME, "title").get_attribute("textContent")
        assert chart.size["width"] <= 390
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    shoot(browser, "report-charts-phone.png")
