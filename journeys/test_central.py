"""The website's content editor writes a news item and sends it for review; the central
officer reads the dashboards (licensing, results, the triage model, complaints) and
approves the item, which the public then reads."""

import pytest
from django.contrib.auth.models import Group

from accounts.models import Role
from journeys.browser import BROWSER_TESTS, DEVICES, Person, say
from portal.editors import EDITORS, REVIEWERS
from portal.models import NewsItem, State

pytestmark = BROWSER_TESTS


@pytest.fixture
def staff(make_user):
    def in_group(role, group):
        user = make_user(role)
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(Group.objects.get(name=group))
        return user

    return in_group(Role.EDITOR, EDITORS), in_group(Role.CENTRAL_OFFICER, REVIEWERS)


@DEVICES
def test_news_written_reviewed_and_published_between_the_dashboards(
    browser, live_server, device, staff, signed_in_browser
):
    language = device[0]
    editor, central = staff
    person = Person(browser, live_server, device, "central-and-editor")

    # The editor writes, forgetting the title at first.
    signed_in_browser(editor)
    person.visit("/admin/portal/newsitem/add/")
    person.select("kind", "news")
    person.type("summary_ar", "افتتاح 12 حضانة جديدة في قرى الصعيد هذا الشهر.")
    person.type("body_ar", "افتتحت الوزارة اثنتي عشرة حضانة جديدة في قرى المنيا وسوهاج وقنا.")
    person.press("input[name=_submit_for_review]")
    assert not NewsItem.objects.exists()
    person.type("title_ar", "12 حضانة جديدة في قرى الصعيد")
    person.type("title_en", "12 new nurseries in Upper Egypt's villages")
    person.type("summary_en", "Twelve new nurseries open in villages of Upper Egypt this month.")
    person.type("body_en", "The ministry opened twelve new nurseries in Minya, Sohag and Qena.")
    person.press("input[name=_submit_for_review]")
    item = NewsItem.objects.get()
    assert item.state == State.IN_REVIEW
    assert browser.current_url.endswith(f"/admin/portal/newsitem/{item.pk}/change/")

    # The central officer goes through the dashboards, then reads and approves the item.
    signed_in_browser(central)
    for dashboard in ("/care/dashboard/", "/impact/", "/triage/model/", "/complaints/statistics/"):
        person.visit(dashboard)
    person.visit("/admin/portal/newsitem/")
    person.follow(f"/admin/portal/newsitem/{item.pk}/change/")
    person.press("input[name=_approve]")
    item.refresh_from_db()
    assert item.state == State.APPROVED

    # The public reads it.
    person.visit("/news/")
    person.sees(say(language, item.title_ar, item.title_en))
