"""The editors' tools: pieces written in the admin in either language, read by a second
person, published at their time, and shown to the public with a mark where a translation
is missing."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from PIL import Image

from core.models import AuditEntry
from portal.editors import EDITORS, REVIEWERS
from portal.models import Event, NewsItem, Page, Picture, State
from portal.richtext import to_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make_user, sign_in):
    """A signed-in member of one of the two content groups, on a client of their own."""

    def make(group, client_class):
        user = make_user("central_officer")
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
        return user, sign_in(client_class(), user)

    return make


@pytest.fixture
def editor(staff, client):
    return staff(EDITORS, type(client))


@pytest.fixture
def reviewer(staff, client):
    return staff(REVIEWERS, type(client))


def news_form(**changes):
    when = timezone.localtime()
    data = {
        "kind": "news",
        "publish_at_0": when.strftime("%Y-%m-%d"),
        "publish_at_1": when.strftime("%H:%M:%S"),
        "title_ar": "افتتاح حضانة جديدة في أسوان",
        "title_en": "",
        "summary_ar": "افتتحت المديرية حضانة لمائة طفل.",
        "summary_en": "",
        "body_ar": "## التفاصيل\n\nتستقبل الحضانة **مائة** طفل.",
        "body_en": "",
        "picture": "",
        "picture_alt_ar": "",
        "picture_alt_en": "",
        "governorate": "",
    }
    return data | changes


def picture_upload(width=3000, height=2000, name="photo.jpg") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 110)).save(out, format="JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def write_and_submit(client, **changes) -> NewsItem:
    response = client.post(
        reverse("admin:portal_newsitem_add"), news_form(_submit_for_review="1", **changes)
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    return NewsItem.objects.latest("pk")


def step(client, piece, name):
    url = reverse(f"admin:portal_{piece._meta.model_name}_change", args=[piece.pk])
    response = client.get(url)
    form = response.context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data |= {
        "publish_at_0": piece.publish_at.astimezone(timezone.get_current_timezone()).strftime(
            "%Y-%m-%d"
        ),
        "publish_at_1": piece.publish_at.astimezone(timezone.get_current_timezone()).strftime(
            "%H:%M:%S"
        ),
        name: "1",
    }
    data.pop("publish_at", None)
    return client.post(url, data, follow=True)


def test_written_text_keeps_its_form_but_nothing_that_could_run():
    html = to_html(
        "# Title\n\nA **bold** [link](https://example.org) and "
        "[trap](javascript:alert(1)) <script>alert(1)</script>"
        '<img src=x onerror="alert(1)"> <p style="color:red" onclick="x()">styled</p>'
    )
    assert "<h2>Title</h2>" in html
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html
    for forbidden in ("<script", "javascript:", "onerror", "onclick", "style=", "<img"):
        assert forbidden not in html


def test_a_piece_reaches_the_public_only_after_a_second_person_approves_it(
    editor, reviewer, client
):
    writer, writer_client = editor
    piece = write_and_submit(writer_client)
    assert piece.state == State.IN_REVIEW
    assert piece.submitted_by == writer
    public = reverse("portal:news_item", args=[piece.pk])
    assert client.get(public).status_code == 404
    assert piece.title_ar not in client.get(reverse("portal:news")).content.decode()

    # The writer is offered no approval, and one forced through is refused.
    page = writer_client.get(reverse("admin:portal_newsitem_change", args=[piece.pk]))
    assert "_approve" not in page.content.decode()
    step(writer_client, piece, "_approve")
    piece.refresh_from_db()
    assert piece.state == State.IN_REVIEW

    response = step(reviewer[1], piece, "_approve")
    assert "Published" in response.content.decode() or "منشور" in response.content.decode()
    piece.refresh_from_db()
    assert piece.state == State.APPROVED and piece.approved_by == reviewer[0]
    page = client.get(public).content.decode()
    assert piece.title_ar in page
    assert "<h2>التفاصيل</h2>" in page and "<strong>مائة</strong>" in page
    assert piece.title_ar in client.get(reverse("portal:news")).content.decode()
    actions = list(AuditEntry.objects.filter(object_id=str(piece.pk)).values_list("action"))
    assert ("portal.in_review",) in actions and ("portal.approved",) in actions


def test_a_reviewer_cannot_approve_what_they_sent_for_review_themselves(reviewer):
    _, reviewer_client = reviewer
    piece = write_and_submit(reviewer_client)
    response = step(reviewer_client, piece, "_approve")
    assert "Someone other than" in response.content.decode() or "شخص آخر" in (
        response.content.decode()
    )
    piece.refresh_from_db()
    assert piece.state == State.IN_REVIEW


def test_a_published_piece_is_changed_or_taken_down_by_a_reviewer_only(editor, reviewer, client):
    piece = write_and_submit(editor[1])
    step(reviewer[1], piece, "_approve")
    change = reverse("admin:portal_newsitem_change", args=[piece.pk])
    response = editor[1].post(change, news_form(title_ar="عنوان غيره المحرر وحده"))
    assert response.status_code == 403
    piece.refresh_from_db()
    assert piece.title_ar == "افتتاح حضانة جديدة في أسوان"

    step(reviewer[1], piece, "_withdraw")
    piece.refresh_from_db()
    assert piece.state == State.DRAFT
    assert client.get(reverse("portal:news_item", args=[piece.pk])).status_code == 404


def test_a_piece_scheduled_for_later_appears_at_its_time(editor, reviewer, client):
    later = timezone.localtime() + timedelta(days=2)
    piece = write_and_submit(
        editor[1],
        publish_at_0=later.strftime("%Y-%m-%d"),
        publish_at_1=later.strftime("%H:%M:%S"),
    )
    step(reviewer[1], piece, "_approve")
    piece.refresh_from_db()
    assert piece.state == State.APPROVED and piece.status_label == "مجدول"
    public = reverse("portal:news_item", args=[piece.pk])
    assert client.get(public).status_code == 404
    # An editor can preview it, marked as such.
    preview = editor[1].get(public).content.decode()
    assert "لم يُنشر" in preview
    NewsItem.objects.filter(pk=piece.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
    assert client.get(public).status_code == 200


def test_a_piece_without_english_is_shown_in_arabic_with_a_mark(editor, reviewer, client):
    piece = write_and_submit(editor[1])
    step(reviewer[1], piece, "_approve")
    listing = editor[1].get(reverse("admin:portal_newsitem_changelist")).content.decode()
    assert "الإنجليزية ناقصة" in listing
    page = client.get(f"/en/news/{piece.pk}/").content.decode()
    assert "Not yet translated into English; shown in Arabic." in page
    assert '<article lang="ar" dir="rtl">' in page
    assert piece.title_ar in page


def test_a_piece_needs_a_title_in_one_language_at_least(editor):
    response = editor[1].post(
        reverse("admin:portal_newsitem_add"), news_form(title_ar="", title_en="")
    )
    assert response.status_code == 200
    assert not NewsItem.objects.exists()
    assert "بالعربية أو بالإنجليزية" in response.content.decode()


def test_a_picture_is_made_phone_sized_and_shown_once_its_piece_is_public(editor, reviewer, client):
    piece = write_and_submit(
        editor[1], upload=picture_upload(), picture_alt_ar="أطفال في فناء الحضانة"
    )
    picture = piece.picture
    assert max(picture.width, picture.height) == 1280
    url = picture.get_absolute_url()
    assert client.get(url).status_code == 404
    step(reviewer[1], piece, "_approve")
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert image.size == (1280, 853)
    page = client.get(piece.get_absolute_url()).content.decode()
    assert 'alt="أطفال في فناء الحضانة"' in page


def test_a_picture_needs_its_description_and_a_pdf_is_refused(editor):
    response = editor[1].post(
        reverse("admin:portal_newsitem_add"), news_form(upload=picture_upload())
    )
    assert "لمن لا يراها" in response.content.decode()
    assert not Picture.objects.exists()  # nothing kept from a form refused
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.4 not really", content_type="application/pdf")
    response = editor[1].post(
        reverse("admin:portal_newsitem_add"), news_form(upload=pdf, picture_alt_ar="صورة")
    )
    assert response.status_code == 200
    assert not NewsItem.objects.exists()


def live_event(**fields) -> Event:
    defaults = {
        "title_ar": "يوم مفتوح للجمعيات",
        "title_en": "Open day for associations",
        "place_ar": "مديرية التضامن بالإسكندرية",
        "place_en": "Alexandria directorate",
        "state": State.APPROVED,
        "starts_at": timezone.now() + timedelta(days=3),
    }
    return Event.objects.create(**(defaults | fields))


def test_events_coming_are_listed_soonest_first_and_past_ones_apart(client):
    later = live_event(title_ar="ورشة الشهر القادم", starts_at=timezone.now() + timedelta(days=30))
    soon = live_event(title_ar="لقاء الأسبوع", starts_at=timezone.now() + timedelta(days=2))
    over = live_event(title_ar="ندوة انتهت", starts_at=timezone.now() - timedelta(days=5))
    draft = live_event(title_ar="فعالية لم تعتمد", state=State.DRAFT)
    coming = client.get(reverse("portal:events")).content.decode()
    assert coming.index(soon.title_ar) < coming.index(later.title_ar)
    assert over.title_ar not in coming and draft.title_ar not in coming
    past = client.get(reverse("portal:events") + "?past=1").content.decode()
    assert over.title_ar in past and soon.title_ar not in past


def test_an_event_goes_into_a_phone_calendar(client):
    event = live_event()
    response = client.get(f"/en{reverse('portal:event_calendar', args=[event.pk])}")
    assert response["Content-Type"].startswith("text/calendar")
    entry = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(entry["SUMMARY"]) == "Open day for associations"
    assert str(entry["LOCATION"]) == "Alexandria directorate"
    assert entry.decoded("DTSTART") == event.starts_at.replace(microsecond=0)


def test_pages_in_the_footer_appear_on_every_page_once_published(client):
    Page.objects.create(
        slug="accessibility",
        title_ar="بيان إتاحة الموقع",
        title_en="Accessibility statement",
        body_en="We aim for **WCAG 2.1 AA**.",
        in_footer=True,
        state=State.APPROVED,
    )
    Page.objects.create(slug="draft", title_ar="صفحة لم تعتمد", in_footer=True)
    home = client.get("/en/").content.decode()
    assert 'href="/en/pages/accessibility/"' in home and "Accessibility statement" in home
    assert "/pages/draft/" not in home
    page = client.get("/en/pages/accessibility/").content.decode()
    assert "<strong>WCAG 2.1 AA</strong>" in page
    assert client.get("/en/pages/draft/").status_code == 404


def test_a_shared_link_to_a_piece_shows_its_title_summary_and_picture(editor, reviewer, client):
    piece = write_and_submit(
        editor[1], upload=picture_upload(), picture_alt_ar="أطفال في فناء الحضانة"
    )
    step(reviewer[1], piece, "_approve")
    piece.refresh_from_db()
    page = client.get(piece.get_absolute_url()).content.decode()
    picture = f"http://testserver{piece.picture.get_absolute_url()}"
    assert f'<meta property="og:image" content="{picture}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert f'<meta property="og:title" content="{piece.title_ar}">' in page
    assert f'<meta name="description" content="{piece.summary_ar}">' in page
    assert f'<link rel="canonical" href="http://testserver{piece.get_absolute_url()}">' in page
    # Any other page shares the site's own picture.
    home = client.get("/").content.decode()
    assert '<meta property="og:image" content="http://testserver/static/core/og-image.png">' in home


def test_an_event_that_ends_before_it_starts_is_refused_with_the_reason(editor):
    starts = timezone.localtime() + timedelta(days=3)
    ends = starts - timedelta(hours=2)
    data = {
        "publish_at_0": starts.strftime("%Y-%m-%d"),
        "publish_at_1": "08:00:00",
        "title_ar": "يوم مفتوح",
        "title_en": "",
        "starts_at_0": starts.strftime("%Y-%m-%d"),
        "starts_at_1": starts.strftime("%H:%M:%S"),
        "ends_at_0": ends.strftime("%Y-%m-%d"),
        "ends_at_1": ends.strftime("%H:%M:%S"),
        "place_ar": "المديرية",
        "place_en": "",
        "governorate": "",
        "summary_ar": "",
        "summary_en": "",
        "body_ar": "",
        "body_en": "",
        "picture": "",
        "picture_alt_ar": "",
        "picture_alt_en": "",
    }
    response = editor[1].post(reverse("admin:portal_event_add"), data)
    assert "لا يمكن أن تنتهي الفعالية قبل أن تبدأ." in response.content.decode()
    assert not Event.objects.exists()
    data["ends_at_0"] = data["ends_at_1"] = ""
    response = editor[1].post(reverse("admin:portal_event_add"), data)
    assert response.status_code == 302 and Event.objects.get().place_ar == "المديرية"


def test_invisible_characters_pasted_into_a_title_are_dropped(editor):
    piece = write_and_submit(editor[1], title_ar="\u200fافتتاح\u200b حضانة\u202e جديدة ")
    assert piece.title_ar == "افتتاح حضانة جديدة"
