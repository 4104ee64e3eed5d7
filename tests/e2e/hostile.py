"""Hostile text for the browser tests: a database seeded through the Store with an XSS payload
in every free-text field, and the checks that prove none of it ran or became markup.

Kept apart from harness.py/flows.py (another engineer's files) and shared by the XSS and
privacy tests.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Frame, Page

from belangen import domain, ui, worksheet
from belangen.store import Store

# Each payload sets window.__pwned (or fetches from evil.invalid) only if it is turned into markup.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
IFRAME = '<iframe src="javascript:parent.__pwned=1"></iframe>'
SVG = '<svg onload="window.__pwned=1">'
MD_LINK = "[x](javascript:window.__pwned=1)"
MD_IMAGE = "![x](http://evil.invalid/p.png)"
PAYLOADS = (SCRIPT, IMG, IFRAME, SVG, MD_LINK, MD_IMAGE)
ALL_PAYLOADS = " ".join(PAYLOADS)


def name_with(label: str, payload: str) -> str:
    """A one-line name (at most 120 characters) carrying one payload."""
    return f"{label} {payload}"


# Bare addresses that GitHub-flavoured Markdown would turn into links by itself.
BARE_ADDRESSES = "www.evil.invalid/w mail@evil.invalid"


def text_with(label: str) -> str:
    """A free text carrying every payload, on two lines (Markdown treats line starts apart)."""
    return XSS.text_with(label)


@dataclass(frozen=True)
class PayloadKit:
    """Hostile texts for one kind of attack: six payloads placed in names, and every payload
    plus some bare addresses in the free texts."""

    payloads: tuple[str, ...]
    bare: str

    def name_with(self, label: str, index: int) -> str:
        return name_with(label, self.payloads[index % len(self.payloads)])

    def text_with(self, label: str) -> str:
        half = len(self.payloads) // 2
        return (f"{label} {' '.join(self.payloads[:half])}\n"
                f"{' '.join(self.payloads[half:])} {self.bare}")


XSS = PayloadKit(PAYLOADS, BARE_ADDRESSES)


@dataclass
class Seeded:
    """What was written, so the test can look for each text on screen."""

    project_id: int
    project_name: str
    stakeholders: dict[int, str] = field(default_factory=dict)
    archived_stakeholder: str = ""
    texts: dict[str, str] = field(default_factory=dict)
    """Label → every free text stored (names, notes, reflections, outcomes …)."""


class Clock:
    """A settable `now` for the Store, so worksheet rows and follow-ups land in past weeks."""

    def __init__(self, start: dt.datetime) -> None:
        self.at = start

    def __call__(self) -> dt.datetime:
        return self.at


WEEKS_BACK = 8


def seed_hostile_project(db_path: Path, kit: PayloadKit = XSS) -> Seeded:
    """A project of two stakeholders (plus one archived) with a worksheet, interests, planned
    and done actions and seven weeks of follow-ups, every free text a payload of `kit`."""
    text_with = kit.text_with
    first, second, _, fourth, fifth, sixth = (kit.payloads * 6)[:6]
    today = dt.date.today()
    this_monday = domain.week_start(today)

    def monday(offset: int) -> dt.date:
        return this_monday + dt.timedelta(weeks=offset)

    def at(offset: int, day: int = 1, hour: int = 10) -> dt.datetime:
        return dt.datetime.combine(monday(offset) + dt.timedelta(days=day), dt.time(hour))

    clock = Clock(at(-WEEKS_BACK))
    store = Store(db_path, now=clock)
    try:
        texts: dict[str, str] = {}
        project_name = f"Project {first} {fifth}"
        texts["project.name"] = project_name
        texts["project.description"] = text_with("Beschrijving")
        texts["project.goal"] = text_with("Doel")
        project_id = store.create_project(
            project_name, texts["project.description"], texts["project.goal"],
            monday(-WEEKS_BACK),
        )
        # A second, archived project: the Projecten list shows its name too.
        texts["project2.name"] = name_with("Oud", second)
        texts["project2.description"] = text_with("Oud-beschrijving")
        other = store.create_project(texts["project2.name"], texts["project2.description"])
        store.set_project_archived(other, True)

        seeded = Seeded(project_id, project_name, texts=texts)
        for number, name in enumerate((name_with("Anna", second), name_with("Bram", fourth))):
            label = f"s{number}"
            texts[f"{label}.name"] = name
            texts[f"{label}.role"] = kit.name_with("Rol", number + 2)
            texts[f"{label}.constituency"] = text_with(f"Achterban{number}")
            texts[f"{label}.notes"] = text_with(f"Notities{number}")
            stakeholder_id = store.create_stakeholder(
                project_id, name, texts[f"{label}.role"], texts[f"{label}.constituency"],
                texts[f"{label}.notes"],
            )
            seeded.stakeholders[stakeholder_id] = name
        # An archived one: only its name is shown (in the archive list, with the delete warning).
        seeded.archived_stakeholder = texts["archived.name"] = name_with("Cees", fifth)
        archived_id = store.create_stakeholder(project_id, seeded.archived_stakeholder)

        payload_cycle = itertools.cycle(kit.payloads)
        actions: dict[int, list[int]] = {}
        for number, stakeholder_id in enumerate(seeded.stakeholders):
            label = f"s{number}"
            for status in ("suspected", "confirmed"):
                texts[f"{label}.interest.{status}"] = name_with(
                    f"Belang-{status}{number}", next(payload_cycle)
                )
                texts[f"{label}.signals.{status}"] = text_with(f"Signalen{number}{status}")
                store.add_interest(stakeholder_id, texts[f"{label}.interest.{status}"],
                                   "political", status, texts[f"{label}.signals.{status}"])
            for index, row in enumerate(worksheet.DIMENSIONS):
                texts[f"{label}.reflection.{row.key}"] = text_with(f"Werkblad{number}{row.key}")
                store.save_worksheet_entry(
                    stakeholder_id, row.key, reflection=texts[f"{label}.reflection.{row.key}"],
                    rating=1 + (index + number) % 4, target=5,
                )
            actions[stakeholder_id] = []
            for index, row_key in enumerate((worksheet.VALUE.key, worksheet.CONVERSATION.key,
                                             worksheet.VALUE.key, worksheet.NEGOTIATION.key)):
                texts[f"{label}.action{index}"] = name_with(f"Actie{number}{index}",
                                                            next(payload_cycle))
                actions[stakeholder_id].append(store.add_action(
                    stakeholder_id, row_key, texts[f"{label}.action{index}"],
                    planned_week=monday(-WEEKS_BACK + 2 + 2 * index),
                ))

        # Weekly follow-ups; actions 0 and 1 are carried out with an outcome, 2 and 3 stay open.
        for week in range(-WEEKS_BACK + 1, 0):
            clock.at = at(week, day=4, hour=16)
            for number, stakeholder_id in enumerate(seeded.stakeholders):
                label = f"s{number}"
                done: dict[int, str] = {}
                if week in (-5, -3):
                    index = 0 if week == -5 else 1
                    texts[f"{label}.outcome{index}"] = text_with(f"Uitkomst{number}{index}")
                    done[actions[stakeholder_id][index]] = texts[f"{label}.outcome{index}"]
                texts[f"{label}.follow_up{week}"] = text_with(f"Terugblik{number}{week}")
                new_action = None
                if week == -2:
                    texts[f"{label}.new_action"] = name_with(f"Nieuw{number}", sixth)
                    new_action = {"row_key": worksheet.GENUINE_INTEREST.key,
                                  "text": texts[f"{label}.new_action"], "planned_week": None}
                store.save_follow_up(
                    stakeholder_id, monday(week),
                    ratings={row.key: 1 + (index + week + number) % 5
                             for index, row in enumerate(worksheet.DIMENSIONS)},
                    reflection=texts[f"{label}.follow_up{week}"],
                    their_value_rating=4 if week == -5 else None,
                    actions_done=done, new_action=new_action,
                )
        store.set_stakeholder_archived(archived_id, True)
    finally:
        store.close()
    return seeded


# --- checks in the browser ---------------------------------------------------------------------

# Every element that a payload could have produced, found by what it does rather than by text.
INJECTED = """
() => {
  const found = [];
  const describe = (el) => el.outerHTML.slice(0, 200);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on') && value.includes('pwned')) found.push('handler: ' + describe(el));
      if (['src', 'href', 'srcdoc', 'action', 'formaction', 'xlink:href'].includes(name)
          && (value.startsWith('javascript:') || value.includes('evil.invalid')
              || value.includes('pwned')))
        found.push('url: ' + describe(el));
    }
  }
  for (const el of document.querySelectorAll('img[src="x"], iframe, svg[onload]')) {
    if (el.matches('img[src="x"]') || el.matches('svg[onload]')
        || (el.getAttribute('src') || '').toLowerCase().startsWith('javascript:'))
      found.push('element: ' + describe(el));
  }
  for (const script of document.querySelectorAll('script')) {
    if ((script.textContent || '').includes('pwned')) found.push('script: ' + describe(script));
  }
  return found;
}
"""

PWNED = "() => typeof window.__pwned === 'undefined' ? null : String(window.__pwned)"


def frame_problems(frame: Frame) -> list[str]:
    """What the payloads achieved in one frame: a set flag or an injected element."""
    problems = []
    flag = frame.evaluate(PWNED)
    if flag is not None:
        problems.append(f"window.__pwned = {flag} in {frame.url}")
    problems += [f"{hit} in {frame.url}" for hit in frame.evaluate(INJECTED)]
    return problems


def page_problems(page: Page) -> list[str]:
    """`frame_problems` of the tab, plus every child frame: the app has none, so one is an
    injected iframe. Evaluating in a frame that never loaded (a javascript: src blocked by a
    policy) never returns, so child frames are only asked, with a time limit, about the flag."""
    problems = frame_problems(page.main_frame)
    for frame in page.frames:
        if frame is page.main_frame:
            continue
        problems.append(f"unexpected frame {frame.url!r}")
        try:
            frame.wait_for_function("() => typeof window.__pwned === 'undefined'",
                                    timeout=2_000)
        except Exception as error:  # pwned, or a frame that cannot even be asked
            problems.append(f"frame {frame.url!r}: {str(error).splitlines()[0]}")
    return problems


SHOWN_TEXT = """
() => {
  const parts = [document.body.innerText];
  for (const el of document.querySelectorAll('input, textarea')) parts.push(el.value);
  return parts.join('\\n');
}
"""


def shown_text(page: Page) -> str:
    """Everything the tab shows as text: rendered text plus what the fields hold."""
    return page.evaluate(SHOWN_TEXT)


def squash(text: str) -> str:
    """White space does not matter when looking for a stored text on screen, nor the invisible
    word joiner ui.plain puts into web addresses to keep them from becoming links."""
    return " ".join(text.replace(ui.WORD_JOINER, "").split())
