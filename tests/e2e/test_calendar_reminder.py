"""The weekly check-in as a reminder in the user's own calendar (issue 15), downloaded from the
Gegevens page in Chromium and read back with the `icalendar` package."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from belangen import texts
from tests.factories import weekly_project

from . import flows
from .flows import tr
from .harness import AppServer
from .test_xss_browser import download

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> dict[str, int]:
    with app_server.offline_store() as db:
        return weekly_project(db, "Herinnering", {"Ans de Wit": (2, 3, 2, 1)})


def test_the_calendar_file_holds_the_weekly_check_in_at_the_chosen_day_and_time(
        seeded, app, app_server, browser_log, tmp_path):
    app.goto_page(tr("nav.data"))
    assert not app.key("data_reminder").count(), "folded until asked for"
    flows.open_expander(app, tr("data.calendar_title"))
    assert app.key("data_reminder").locator("input").is_checked(), "offered by default"
    app.choose_select(app.key("data_reminder_day"), texts.WEEKDAYS["nl"][0])
    app.choose_select(app.key("data_reminder_time"), "09:00")
    calendar = Calendar.from_ical(download(app, "data_download_ics", tmp_path).read_bytes())
    (check_in,) = [event for event in calendar.walk("VEVENT")
                   if "check-in" in str(event["UID"])]
    assert check_in.decoded("RRULE")["FREQ"] == ["WEEKLY"]
    assert check_in.decoded("RRULE")["BYDAY"] == ["MO"]
    start = check_in.decoded("DTSTART")
    assert start.weekday() == 0 and start.time() == dt.time(9, 0)
    assert check_in.walk("VALARM"), "an alarm"
    assert f"http://localhost:{app_server.port}/" in str(check_in["DESCRIPTION"])
    assert "Herinnering" in str(check_in["SUMMARY"])

    app.click(app.key("data_reminder").locator("label"))
    calendar = Calendar.from_ical(download(app, "data_download_ics", tmp_path).read_bytes())
    assert not [event for event in calendar.walk("VEVENT") if "check-in" in str(event["UID"])]

    # Back after another page and after a reload: folded again, and the file made anew on
    # opening, with the reminder offered as at first (a choice per download, never saved).
    for leave in (lambda: app.goto_page(tr("nav.overview")), app.page.reload):
        leave()
        app.goto_page(tr("nav.data"))
        assert not app.key("data_download_ics").count()
        flows.open_expander(app, tr("data.calendar_title"))
        calendar = Calendar.from_ical(download(app, "data_download_ics", tmp_path).read_bytes())
        assert [event for event in calendar.walk("VEVENT") if "check-in" in str(event["UID"])]
    assert not app.exception_texts()
    browser_log.assert_clean()
