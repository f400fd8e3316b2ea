"""The web check (`make check-web`): every page of every role, walked from the route table,
through the Nu HTML checker and axe-core. Uses the browser tests' school and Chromium."""
import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    "browser_conftest", os.path.join(os.path.dirname(__file__), "..", "..", "browser", "conftest.py"))
browser_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser_conftest)

school = browser_conftest.school
browser = browser_conftest.browser
