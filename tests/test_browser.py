"""End to end in a real browser: `multiforce serve` on a built database, headless Chromium.

Screenshots are saved in test-artifacts/ (docs/datasette.md shows one). Outside CI the test is
skipped when Chromium is not installed; in CI (.ci/run installs it) a missing browser is a failure.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import ROOT
from multiforce.toolkit.serving import bundled_metadata, canned_queries, example_parameters

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER) and not os.environ.get("CI"):
    pytest.skip(
        "Chromium and chromedriver are not installed (.ci/run installs them)",
        allow_module_level=True,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("site") / "multiforce.db"
    subprocess.run(
        [sys.executable, "-m", "multiforce.toolkit", "build", "--db", str(db)],
        check=True,
        capture_output=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "multiforce.toolkit", "serve", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"multiforce serve did not start: {server.stdout.read()}")
            time.sleep(0.2)
    yield url, db
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def visit(browser, url, screenshot):
    browser.get(url)
    browser.save_screenshot(str(ARTIFACTS / f"{screenshot}.png"))
    return browser.find_element("tag name", "body").text


def test_home_page_shows_title_and_tables(site, browser):
    url, db = site
    page = visit(browser, url + "/", "home")
    assert bundled_metadata()["title"] in page
    assert "observations" in page and "outcomes" in page


def test_observations_filtered_to_one_force(site, browser):
    url, db = site
    page = visit(
        browser,
        f"{url}/{db.stem}/observations?force_id=metropolitan&measure=uses",
        "observations-met",
    )
    assert "29612" in page.replace(",", "") and "2021 (6 month data)" in page


# What a reader should see in a canned query's answer, beyond its title and no error.
EXPECTED = {
    "searches_and_matches_by_force_and_year": ["Metropolitan Police Service", "27217", "11478"],
    "outcome_matrix": ["Metropolitan Police Service", "refused s31(1)", "cost_limit s12"],
    "who_refused_what": ["s31(1)", "not_held", "cost_limit"],
    "search_documents": ["[kiosk]"],
}


@pytest.mark.parametrize("query", sorted(canned_queries()))
def test_each_canned_query(site, browser, query):
    """Opened from the database page (no parameters), then with the header's example typed."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    url, db = site
    canned = canned_queries()[query]
    page = visit(browser, f"{url}/{db.stem}/{query}", f"query-{query}")
    assert canned.title in page and not browser.find_elements(By.CSS_SELECTOR, ".message-error")
    if canned.parameters:
        for name, value in example_parameters()[query].items():
            field = browser.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)
        before = browser.find_element(By.TAG_NAME, "body")
        browser.find_element(By.CSS_SELECTOR, "form.sql input[type=submit]").click()
        # The answer is a new page: read it, not the form's page it replaces.
        WebDriverWait(browser, 30).until(expected_conditions.staleness_of(before))
        page = browser.find_element(By.TAG_NAME, "body").text
        browser.save_screenshot(str(ARTIFACTS / f"query-{query}-example.png"))
        assert not browser.find_elements(By.CSS_SELECTOR, ".message-error"), page[:500]
    page = page.replace(",", "").lower()
    for text in EXPECTED.get(query, []):
        assert text.replace(",", "").lower() in page, text


def test_dashboard_draws_charts(site, browser):
    from selenium.webdriver.support.ui import WebDriverWait

    url, _ = site
    browser.set_window_size(1400, 2600)
    browser.get(url + "/-/dashboards/overview")
    WebDriverWait(browser, 30).until(
        lambda driver: (
            len(driver.find_elements("css selector", ".vega-embed canvas, .vega-embed svg")) >= 3
        )
    )
    WebDriverWait(browser, 30).until(
        lambda driver: "of 48" in driver.find_element("tag name", "body").text
    )
    time.sleep(0.5)  # let the last chart finish drawing before the screenshot
    browser.save_screenshot(str(ARTIFACTS / "dashboard.png"))
    page = browser.find_element("tag name", "body").text
    assert "Fingerprint scanner matches per 100 searches" in page
    assert "Metropolitan Police Service" in page and "s31(1)" in page
