"""Headless Chromium for the tests that use Sanad as a person does.

Chromium and its driver come from Debian (`.ci/run` installs them). Without them these
tests skip on a developer's machine, but CI sets SANAD_REQUIRE_BROWSER=1 so that a
missing browser fails the run instead.
"""

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium_axe_python import Axe

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
# The live server needs committed data; serialized_rollback brings back the reference
# data (governorates, categories) that the migrations loaded.
BROWSER_TESTS = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]
if not (CHROMIUM and DRIVER) and not os.environ.get("SANAD_REQUIRE_BROWSER"):
    BROWSER_TESTS.append(
        pytest.mark.skip(reason="Debian's chromium and chromium-driver are missing")
    )

# Where each journey is tried: in Arabic on a phone, in English on a desktop; with
# SANAD_EVERY_DEVICE=1 also the other way round (for a full set of screenshots).
PHONE_ARABIC, DESKTOP_ENGLISH = ("ar", 360, 780), ("en", 1280, 900)
PHONE_ENGLISH, DESKTOP_ARABIC = ("en", 360, 780), ("ar", 1280, 900)
_DEVICES = {"arabic-phone": PHONE_ARABIC, "english-desktop": DESKTOP_ENGLISH}
if os.environ.get("SANAD_EVERY_DEVICE"):
    _DEVICES |= {"english-phone": PHONE_ENGLISH, "arabic-desktop": DESKTOP_ARABIC}
DEVICES = pytest.mark.parametrize("device", list(_DEVICES.values()), ids=list(_DEVICES))
# Set to a folder to keep a screenshot of every page a journey passes through.
SCREENSHOTS = os.environ.get("SANAD_SCREENSHOTS", "")
ARABIC_INDIC = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
# Shown on purpose: the help that says Arabic-Indic digits may be typed.
DIGIT_EXAMPLES = ("١٥٠٬٠٠٠",)


def new_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="sanad-chromium-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER or "/usr/bin/chromedriver"))
    driver.profile_folder = profile
    return driver


def close_browser(driver) -> None:
    driver.quit()
    shutil.rmtree(driver.profile_folder, ignore_errors=True)


def axe_violations(browser) -> str:
    """axe-core's WCAG 2.1 A and AA rules on the page as loaded; empty when it passes."""
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    return axe.report(results["violations"]) if results["violations"] else ""


def overflow(browser) -> int:
    return browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


# Text that starts on the other side from its page: a name in Arabic under an English
# label, pushed to the far edge because the element took the name's direction.
_MISALIGNED = """
const pageSide = document.documentElement.dir === 'rtl' ? 'right' : 'left';
return [...document.querySelectorAll('main :is(dd, td, th, h1, h2, h3, li, label)')]
  .filter(element => {
    const style = getComputedStyle(element);
    const rtl = style.direction === 'rtl';
    const side = {start: rtl ? 'right' : 'left', end: rtl ? 'left' : 'right'}[style.textAlign];
    return side !== undefined && side !== pageSide && element.textContent.trim();
  })
  .map(element => element.tagName + ': ' + element.textContent.trim().slice(0, 40));
"""


def misaligned(browser) -> list[str]:
    return browser.execute_script(_MISALIGNED)


def wait(browser, condition, seconds: int = 10) -> None:
    """Until ``condition`` holds; an element replaced by the next page is read again."""
    WebDriverWait(browser, seconds, ignored_exceptions=(StaleElementReferenceException,)).until(
        condition
    )


class Person:
    """Someone using Sanad in a browser, in one language at one width: every page they
    reach is checked as they see it (direction, width, axe) and, if asked, photographed."""

    def __init__(self, browser, live_server, device, journey: str):
        self.browser, self.server = browser, live_server.url
        self.language, width, height = device
        self.journey, self.shots = journey, 0
        browser.set_window_size(width, height)

    @property
    def prefix(self) -> str:
        return self.server + ("" if self.language == "ar" else "/en")

    def visit(self, path: str) -> None:
        self.browser.get(self.prefix + path)
        self.look()

    def look(self) -> None:
        """The page as it is now: in its language's direction, no wider than the screen,
        no accessibility fault axe can find, text lined up with its page, numbers in one
        script."""
        html = self.browser.find_element(By.TAG_NAME, "html")
        assert html.get_attribute("lang") == self.language, self.browser.current_url
        assert html.get_attribute("dir") == ("rtl" if self.language == "ar" else "ltr")
        where = self.browser.current_url
        assert not (report := axe_violations(self.browser)), f"{where}\n{report}"
        wide = overflow(self.browser)
        assert wide <= 0, f"{where} is {wide}px wider than the screen"
        assert not (stray := misaligned(self.browser)), f"{where} lines up otherwise: {stray}"
        text = self.text()
        for example in DIGIT_EXAMPLES:
            text = text.replace(example, "")
        assert not ARABIC_INDIC.search(text), (
            f"Arabic-Indic digits shown: {self.browser.current_url}"
        )
        self.photograph()

    def photograph(self) -> None:
        if not SCREENSHOTS:
            return
        self.shots += 1
        width = self.browser.get_window_size()["width"]
        path = self.browser.current_url.removeprefix(self.server).strip("/") or "home"
        slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")[:60]
        folder = Path(SCREENSHOTS) / self.journey
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{self.language}-{width}-{self.shots:02d}-{slug}.png"
        height = self.browser.execute_script("return document.documentElement.scrollHeight")
        size = self.browser.get_window_size()
        self.browser.set_window_size(size["width"], min(height, 8000))
        self.browser.save_screenshot(str(folder / name))
        self.browser.set_window_size(size["width"], size["height"])

    def text(self) -> str:
        return self.browser.find_element(By.TAG_NAME, "main").text

    def box(self, name: str):
        """A form's box by its name (in the page's main part: the head has a "description")."""
        return self.browser.find_element(By.CSS_SELECTOR, f"main [name='{name}']")

    def type(self, name: str, text: str, *, clear: bool = True) -> None:
        box = self.box(name)
        self.browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        if clear:
            box.clear()
        box.send_keys(text)

    def select(self, name: str, value: str) -> None:
        Select(self.box(name)).select_by_value(value)

    def choose(self, name: str, value: str | None = None) -> None:
        """Tick a radio button or a checkbox (``value`` None: the only box of that name) by
        its label, as a finger would."""
        which = f"[value='{value}']" if value is not None else ""
        choice = self.browser.find_element(By.CSS_SELECTOR, f"input[name='{name}']{which}")
        self.browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", choice)
        if not choice.is_selected():
            label = self.browser.find_elements(
                By.CSS_SELECTOR, f"label[for='{choice.get_attribute('id')}']"
            )
            (label[0] if label else choice).click()

    def pick_date(self, name: str, day) -> None:
        """Pick a day in a date box as its calendar would (typed digits follow the
        browser's locale, which a test cannot count on)."""
        self.browser.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            self.box(name),
            day.isoformat(),
        )

    def attach(self, name: str, path: Path) -> None:
        self.box(name).send_keys(str(path))

    def press(self, css: str = "main form button[type=submit]", *, within: str = "") -> None:
        """Press a button and wait for the next page; the page is then looked at."""
        scope = self.browser.find_element(By.CSS_SELECTOR, within) if within else self.browser
        button = scope.find_element(By.CSS_SELECTOR, css)
        self.browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        self._and_the_next_page(button.click)

    def follow(self, href_part: str) -> None:
        link = self.browser.find_element(By.CSS_SELECTOR, f"main a[href*='{href_part}']")
        self.browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        self._and_the_next_page(link.click)

    def navigate(self, href_part: str) -> None:
        """Go somewhere through the site's menu: folded behind its button on a phone,
        spread across the header on a desktop."""
        menu = self.browser.find_element(By.CSS_SELECTOR, "details.menu")
        if menu.is_displayed():
            if not menu.get_attribute("open"):
                menu.find_element(By.TAG_NAME, "summary").click()
            links = ".menu__panel"
        else:
            links = ".site-nav"
        link = self.browser.find_element(By.CSS_SELECTOR, f"{links} a[href*='{href_part}']")
        self._and_the_next_page(link.click)

    def _and_the_next_page(self, act) -> None:
        """Do ``act`` (a click) and wait until the browser shows the page it led to: the
        old page's mark is gone when the new one has loaded."""
        self.browser.execute_script("window.sanadOldPage = true")
        act()
        wait(
            self.browser,
            lambda b: b.execute_script(
                "return !window.sanadOldPage && document.readyState === 'complete'"
            ),
        )
        self.look()

    def sees(self, *words: str) -> None:
        text = self.text()
        for word in words:
            assert word in text, f"{word!r} not on {self.browser.current_url}"

    def error_summary(self) -> str:
        """The error summary, which the page must have moved the focus to."""
        summary = self.browser.find_element(By.CSS_SELECTOR, ".error-summary")
        focused = self.browser.switch_to.active_element
        assert focused == summary, "the focus is not on the error summary"
        assert self.browser.title.startswith(("خطأ:", "Error:"))
        return summary.text


def say(language: str, arabic: str, english: str) -> str:
    return arabic if language == "ar" else english
