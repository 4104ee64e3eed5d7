"""Taking data out: the worksheet as Markdown and printable HTML, every table as CSV or Excel,
and planned actions as an iCalendar file. No Streamlit here: pages call these and offer bytes.

The worksheet documents follow the seed's schema: per stakeholder the five questions, each with
the answer (interests, or rating with its label and the reflection) and the actions with their
status. Suspected interests can be sensitive, so they are left out unless asked for.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypedDict, Unpack

import pandas as pd
from icalendar import Alarm, Calendar, Event
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from belangen import brief as briefs
from belangen import domain, formats, parties, worksheet
from belangen.common_ground import (
    CommonGround,
    InterestMap,
    MapInterest,
    Tension,
    every_party_gains,
    option_gain,
)
from belangen.domain import (
    Action,
    Interest,
    OwnInterest,
    Project,
    Stakeholder,
    WinWinOption,
    WorksheetEntry,
)
from belangen.formats import format_date
from belangen.store import Store
from belangen.texts import t, t_count

Progress = Callable[[float, str], None]

# --- Gathering the worksheet -----------------------------------------------------------------


@dataclass(frozen=True)
class RowAnswer:
    """One worksheet row as exported: its answer and the actions written under it."""

    row: worksheet.WorksheetRow
    interests: tuple[Interest, ...]
    entry: WorksheetEntry | None
    latest_rating: int | None
    latest_week: dt.date | None
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class StakeholderSheet:
    stakeholder: Stakeholder
    rows: tuple[RowAnswer, ...]


@dataclass(frozen=True)
class OptionSummary:
    option: WinWinOption
    gains: dict[str, list[MapInterest]]
    """Per party, the interests of theirs it serves (as far as the document shows them)."""
    everyone_gains: bool


@dataclass(frozen=True)
class CollaborationSheet:
    """The project as a whole: the user's own interests, common ground, tensions, options."""

    interest_map: InterestMap
    own: tuple[OwnInterest, ...]
    common_ground: tuple[CommonGround, ...]
    tensions: tuple[Tension, ...]
    options: tuple[OptionSummary, ...]

    def is_empty(self) -> bool:
        return not (self.own or self.common_ground or self.tensions or self.options)


@dataclass(frozen=True)
class ProjectSheet:
    project: Project
    stakeholders: tuple[StakeholderSheet, ...]
    collaboration: CollaborationSheet | None = None


def _stakeholder_sheet(
    store: Store, stakeholder: Stakeholder, include_hidden: bool
) -> StakeholderSheet:
    interests = tuple(
        interest
        for interest in store.list_interests(stakeholder.id)
        if include_hidden or interest.status != "suspected"
    )
    entries = store.latest_worksheet(stakeholder.id)
    actions = store.list_actions(stakeholder.id)
    # The latest against the worksheet as the screens show it, where a week was logged.
    ratings = store.latest_ratings(stakeholder.project_id, stakeholder.id)
    latest: dict[str, tuple[int, dt.date]] = {
        record.dimension: (int(record.latest_rating), pd.Timestamp(record.latest_week).date())
        for record in ratings.dropna(subset=["latest_week"]).itertuples()
    }
    rows = []
    for row in worksheet.ROWS:
        rating, week = latest.get(row.key, (None, None))
        rows.append(
            RowAnswer(
                row=row,
                interests=interests if row.key == worksheet.INTERESTS.key else (),
                entry=entries.get(row.key),
                latest_rating=rating,
                latest_week=week,
                actions=tuple(action for action in actions if action.row_key == row.key),
            )
        )
    return StakeholderSheet(stakeholder, tuple(rows))


def gather_stakeholder(
    store: Store, stakeholder_id: int, *, include_hidden: bool = False
) -> tuple[Project, StakeholderSheet]:
    stakeholder = store.get_stakeholder(stakeholder_id)
    project = store.get_project(stakeholder.project_id)
    return project, _stakeholder_sheet(store, stakeholder, include_hidden)


def gather_collaboration(
    store: Store, project_id: int, *, include_hidden: bool = False
) -> CollaborationSheet:
    """The map and options as a document shows them: without hypotheses (suspected interests,
    own interests kept off the table, and what rests on them) unless asked for. Who gains from
    an option is judged on what the document shows, so it never hints at what it leaves out."""
    shown = store.interest_map(project_id).for_export(include_hidden=include_hidden)
    own = tuple(o for o in store.list_own_interests(project_id)
                if include_hidden or o.on_table)
    options = tuple(
        OptionSummary(option, option_gain(option, shown), every_party_gains(option, shown))
        for option in store.list_options(project_id)
    )
    return CollaborationSheet(shown, own, tuple(shown.common_ground()),
                              tuple(shown.tensions()), options)


def gather_project(store: Store, project_id: int, *, include_hidden: bool = False) -> ProjectSheet:
    """A project's active stakeholders, each with their worksheet, and the collaboration."""
    project = store.get_project(project_id)
    return ProjectSheet(
        project,
        tuple(
            _stakeholder_sheet(store, stakeholder, include_hidden)
            for stakeholder in store.list_stakeholders(project_id)
        ),
        gather_collaboration(store, project_id, include_hidden=include_hidden),
    )


# --- Shared wording --------------------------------------------------------------------------


def _stakeholder_names(interest_map: InterestMap) -> dict[int, str]:
    return {int(party[1:]): name for party, name in interest_map.names.items()
            if party != domain.SELF_PARTY}


def _collaboration_items(
    sheet: CollaborationSheet, lang: str
) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """The collaboration as (heading, [(item, [sub-items])]) for both formats; plain text."""
    the_map = sheet.interest_map
    sections: list[tuple[str, list[tuple[str, list[str]]]]] = []
    own = [(f"{worksheet.INTEREST_KINDS[o.kind](lang)}: {o.text}"
            + ("" if o.on_table else f" ({t('party.own_off_table', lang)})"),
            [o.notes] if o.notes else []) for o in sheet.own]
    sections.append((t("export.own_interests", lang),
                     own or [(t("export.no_own_interests", lang), [])]))
    grounds = []
    for ground in sheet.common_ground:
        names = ", ".join(parties.party_name(the_map, p, lang) for p in ground.parties)
        grounds.append((t_count("map.common.shared_by", len(ground.parties), lang, names=names),
                        [parties.held_by(the_map, i, lang) for i in ground.interests]
                        + [f"{t('export.note', lang)}: {note}" for note in ground.notes]))
    sections.append((t("export.common_ground", lang),
                     grounds or [(t("export.no_common_ground", lang), [])]))
    tensions = [(f"{parties.held_by(the_map, x.first, lang)} ↔ "
                 f"{parties.held_by(the_map, x.second, lang)}",
                 [f"{t('export.note', lang)}: {x.link.note}"] if x.link.note else [])
                for x in sheet.tensions]
    sections.append((t("export.tensions", lang),
                     tensions or [(t("export.no_tensions", lang), [])]))
    options = []
    for summary in sheet.options:
        option = summary.option
        head = (f"{option.title} — "
                f"{parties.agreement(option, _stakeholder_names(the_map), lang)}")
        if summary.everyone_gains:
            head += f" — {t('export.everyone_gains', lang)}"
        details = [option.description] if option.description else []
        for party, served in summary.gains.items():
            details.append(t("export.gains", lang,
                             party=parties.party_name(the_map, party, lang),
                             interests="; ".join(i.text for i in served)))
        if option.costs:
            details.append(f"{t('export.costs', lang)}: {option.costs}")
        options.append((head, details))
    sections.append((t("export.options", lang),
                     options or [(t("export.no_options", lang), [])]))
    return sections


def format_week(monday: dt.date, lang: str) -> str:
    """'week 49 van 2026': the app's short week notation; an export outlives the year it was
    made in, so it always names the year."""
    return formats.week_short(monday, lang)


def _rating_text(row: worksheet.WorksheetRow, rating: int, lang: str) -> str:
    return t("export.rating_value", lang, rating=rating, label=row.rating_label(rating, lang))


def _interest_heading(interest: Interest, lang: str) -> tuple[str, str]:
    """('Organisatiebelang', 'Bevestigd in gesprek op …') for one interest."""
    kind = worksheet.INTEREST_KINDS[interest.kind](lang)
    if interest.confirmed_on is not None:
        status = t("export.confirmed_on", lang, date=format_date(interest.confirmed_on, lang))
    else:
        status = worksheet.INTEREST_STATUSES[interest.status](lang)
    return kind, status


def _outcome_label(action: Action, lang: str) -> str:
    """What a finished action yielded; for others the text is a note, not an outcome."""
    return t("export.outcome" if action.status == "done" else "export.note", lang)


def _action_status(action: Action, lang: str) -> str:
    status = worksheet.ACTION_STATUSES[action.status](lang)
    if action.status == "done" and action.done_on is not None:
        return f"{status} {t('export.done_on', lang, date=format_date(action.done_on, lang))}"
    if action.is_open:
        when = (
            format_week(action.planned_week, lang)
            if action.planned_week
            else t("export.unplanned", lang)
        )
        return f"{status}, {when}"
    return status


def _details(project: Project, stakeholder: Stakeholder | None, lang: str) -> list[tuple[str, str]]:
    if stakeholder is None:
        pairs = [
            (t("export.description", lang), project.description),
            (t("export.own_goal", lang), project.own_goal),
            (t("export.start_date", lang), format_date(project.start_date, lang)),
        ]
    else:
        pairs = [
            (t("export.project", lang), project.name),
            (t("export.role", lang), stakeholder.role),
            (t("export.constituency", lang), stakeholder.constituency),
            (t("export.back_home", lang), stakeholder.back_home),
            (t("export.notes", lang), stakeholder.notes),
        ]
    return [(label, value) for label, value in pairs if value]


class Options(TypedDict, total=False):
    """How a worksheet document is written, for every document in either format."""

    lang: str
    """"nl" (the default) or "en"."""
    include_hidden: bool
    """Suspected interests too (default: left out, they can be sensitive)."""
    exported_on: dt.date | None
    """The date the document says it was exported (default: the store's today)."""


@dataclass(frozen=True)
class _Document:
    """What a worksheet document says before its sheets, the same in Markdown and in HTML, and
    the options it is written with."""

    title: str
    details: list[tuple[str, str]]
    notices: list[str]
    lang: str
    include_hidden: bool


def _include_hidden(options: Options) -> bool:
    return options.get("include_hidden", False)


def _document(
    store: Store, project: Project, stakeholder: Stakeholder | None, options: Options
) -> _Document:
    lang = options.get("lang", "nl")
    include_hidden = _include_hidden(options)
    exported_on = options.get("exported_on") or store.today()
    if stakeholder is None:
        title = t("export.title_project", lang, name=project.name)
    else:
        title = t("export.title_stakeholder", lang, name=stakeholder.name)
    return _Document(
        title,
        _details(project, stakeholder, lang),
        _notices(project, include_hidden, exported_on, lang),
        lang,
        include_hidden,
    )


def _stakeholder_document(
    store: Store, stakeholder_id: int, options: Options
) -> tuple[_Document, StakeholderSheet]:
    project, sheet = gather_stakeholder(
        store, stakeholder_id, include_hidden=_include_hidden(options)
    )
    return _document(store, project, sheet.stakeholder, options), sheet


def _project_document(
    store: Store, project_id: int, options: Options
) -> tuple[_Document, ProjectSheet]:
    sheet = gather_project(store, project_id, include_hidden=_include_hidden(options))
    return _document(store, sheet.project, None, options), sheet


def _notices(project: Project, include_hidden: bool, exported_on: dt.date, lang: str) -> list[str]:
    notices = [f"{t('export.exported_on', lang)} {format_date(exported_on, lang)}."]
    if project.is_sample:
        notices.append(t("export.sample", lang))
    notices.append(
        t("export.hidden_included" if include_hidden else "export.hidden_left_out", lang)
    )
    notices.append(t("export.rating_scale", lang))
    return notices


# --- Markdown --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def _md(text: str) -> str:
    """User text as literal Markdown: no headings, lists, links or raw HTML sneak in."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _md_block(text: str, indent: str = "") -> list[str]:
    """A multi-line text as one quoted block, blank lines kept."""
    return [f"{indent}> {line}".rstrip() for line in _md(text).split("\n")]


def _md_inline(text: str) -> str:
    return " ".join(_md(text).split())


def _markdown_sheet(sheet: StakeholderSheet, level: int, lang: str) -> list[str]:
    hashes = "#" * level
    lines: list[str] = []
    for answer in sheet.rows:
        row = answer.row
        lines += [f"{hashes} {row.number}. {row.question(lang)}", ""]
        if row.key == worksheet.INTERESTS.key:
            if not answer.interests:
                lines += [f"_{t('export.no_interests', lang)}_", ""]
            for interest in answer.interests:
                kind, status = _interest_heading(interest, lang)
                lines.append(f"- **{kind}** ({status}): {_md_inline(interest.text)}")
                if interest.signals:
                    lines.append(f"  - {t('export.signals', lang)}: {_md_inline(interest.signals)}")
            if answer.interests:
                lines.append("")
        elif answer.entry is None:
            lines += [f"_{t('export.not_rated', lang)}_", ""]
        else:
            entry = answer.entry
            facts = [f"**{t('export.rating', lang)}:** {_rating_text(row, entry.rating, lang)}"]
            if entry.target is not None:
                facts.append(
                    f"**{t('export.target', lang)}:** {_rating_text(row, entry.target, lang)}"
                )
            if answer.latest_rating is not None and answer.latest_week is not None:
                value = t(
                    "export.in_week",
                    lang,
                    value=_rating_text(row, answer.latest_rating, lang),
                    week=format_week(answer.latest_week, lang),
                )
                facts.append(f"**{t('export.latest_week', lang)}:** {value}")
            lines += [f"{fact}  " for fact in facts[:-1]] + [facts[-1], ""]
            if entry.reflection:
                lines += [*_md_block(entry.reflection), ""]
        lines += [f"**{row.action_prompt(lang)}:**", ""]
        if not answer.actions:
            lines += [f"_{t('export.no_actions', lang)}_", ""]
        for action in answer.actions:
            lines.append(f"- {_md_inline(action.text)} — _{_action_status(action, lang)}_")
            if action.outcome:
                lines.append(f"  - {_outcome_label(action, lang)}: {_md_inline(action.outcome)}")
        if answer.actions:
            lines.append("")
    return lines


def _markdown_details(details: list[tuple[str, str]]) -> list[str]:
    """Label and value per line (two trailing spaces break the line), then a blank line."""
    if not details:
        return []
    lines = [f"**{label}:** {_md_inline(value)}  " for label, value in details]
    lines[-1] = lines[-1].rstrip()
    return [*lines, ""]


def _markdown_header(document: _Document) -> list[str]:
    lines = [f"# {_md_inline(document.title)}", "", *_markdown_details(document.details)]
    lines += [f"_{notice}_  " for notice in document.notices]
    lines[-1] = lines[-1].rstrip()
    return [*lines, ""]


def _finish(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def stakeholder_markdown(store: Store, stakeholder_id: int, **options: Unpack[Options]) -> str:
    """One stakeholder's worksheet as a Markdown document."""
    document, sheet = _stakeholder_document(store, stakeholder_id, options)
    lang = document.lang
    return _finish(_markdown_header(document) + _markdown_sheet(sheet, 2, lang))


def project_markdown(store: Store, project_id: int, **options: Unpack[Options]) -> str:
    """A project's worksheets, one section per active stakeholder, as a Markdown document."""
    document, sheet = _project_document(store, project_id, options)
    lang = document.lang
    lines = _markdown_header(document)
    if not sheet.stakeholders:
        lines += [f"_{t('export.no_stakeholders', lang)}_", ""]
    if sheet.collaboration is not None:
        lines += [f"## {t('export.collaboration', lang)}", ""]
        for heading, items in _collaboration_items(sheet.collaboration, lang):
            lines += [f"### {heading}", ""]
            for item, subs in items:
                lines.append(f"- {_md_inline(item)}")
                lines += [f"  - {_md_inline(sub)}" for sub in subs]
            lines.append("")
    for person in sheet.stakeholders:
        lines += [f"## {_md_inline(person.stakeholder.name)}", ""]
        # The project is the title.
        lines += _markdown_details(_details(sheet.project, person.stakeholder, lang)[1:])
        lines += _markdown_sheet(person, 3, lang)
    return _finish(lines)


# --- Printable HTML --------------------------------------------------------------------------

_PRINT_CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: #1a1a1a; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1a1a1a; }
h3, h4 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.details dt { font-weight: 600; }
dl.details dd { margin: 0; white-space: pre-wrap; }
p.notice { font-style: italic; margin: .2rem 0; color: #444; }
p.notice.confidential { font-weight: 600; color: #1a1a1a; }
section.row { border-left: 4px solid var(--row-colour); padding: .1rem 0 .3rem .9rem;
              margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
section.row h3, section.row h4 { margin-top: .3rem; }
p.facts { margin: .3rem 0; }
blockquote { margin: .4rem 0; padding: .3rem .8rem; background: #f3f3f3;
             white-space: pre-wrap; }
p.prompt { font-weight: 600; margin: .6rem 0 .2rem; }
ul { margin: .2rem 0; padding-left: 1.3rem; }
span.status { font-style: italic; color: #444; }
p.empty { font-style: italic; color: #555; margin: .2rem 0; }
section.stakeholder + section.stakeholder, section.collaboration + section.stakeholder {
  break-before: page; page-break-before: always; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  blockquote { background: none; border-left: 1px solid #999; }
}
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_sheet(sheet: StakeholderSheet, level: int, lang: str) -> list[str]:
    tag = f"h{level}"
    parts: list[str] = []
    for answer in sheet.rows:
        row = answer.row
        parts.append(f'<section class="row" style="--row-colour: {_h(row.colour)}">')
        parts.append(f"<{tag}>{row.number}. {_h(row.question(lang))}</{tag}>")
        if row.key == worksheet.INTERESTS.key:
            if answer.interests:
                parts.append("<ul>")
                for interest in answer.interests:
                    kind, status = _interest_heading(interest, lang)
                    item = f"<strong>{_h(kind)}</strong> ({_h(status)}): {_h(interest.text)}"
                    if interest.signals:
                        item += (
                            f"<ul><li>{_h(t('export.signals', lang))}: "
                            f"{_h(interest.signals)}</li></ul>"
                        )
                    parts.append(f"<li>{item}</li>")
                parts.append("</ul>")
            else:
                parts.append(f'<p class="empty">{_h(t("export.no_interests", lang))}</p>')
        elif answer.entry is None:
            parts.append(f'<p class="empty">{_h(t("export.not_rated", lang))}</p>')
        else:
            entry = answer.entry
            facts = [(t("export.rating", lang), _rating_text(row, entry.rating, lang))]
            if entry.target is not None:
                facts.append((t("export.target", lang), _rating_text(row, entry.target, lang)))
            if answer.latest_rating is not None and answer.latest_week is not None:
                facts.append(
                    (
                        t("export.latest_week", lang),
                        t(
                            "export.in_week",
                            lang,
                            value=_rating_text(row, answer.latest_rating, lang),
                            week=format_week(answer.latest_week, lang),
                        ),
                    )
                )
            parts.append(
                '<p class="facts">'
                + "<br>".join(
                    f"<strong>{_h(label)}:</strong> {_h(value)}" for label, value in facts
                )
                + "</p>"
            )
            if entry.reflection:
                parts.append(f"<blockquote>{_h(entry.reflection)}</blockquote>")
        parts.append(f'<p class="prompt">{_h(row.action_prompt(lang))}:</p>')
        if answer.actions:
            parts.append("<ul>")
            for action in answer.actions:
                item = (
                    f"{_h(action.text)} — "
                    f'<span class="status">{_h(_action_status(action, lang))}</span>'
                )
                if action.outcome:
                    label = _h(_outcome_label(action, lang))
                    item += f"<ul><li>{label}: {_h(action.outcome)}</li></ul>"
                parts.append(f"<li>{item}</li>")
            parts.append("</ul>")
        else:
            parts.append(f'<p class="empty">{_h(t("export.no_actions", lang))}</p>')
        parts.append("</section>")
    return parts


def _html_details(details: list[tuple[str, str]]) -> list[str]:
    if not details:
        return []
    items = "".join(f"<dt>{_h(label)}</dt><dd>{_h(value)}</dd>" for label, value in details)
    return [f'<dl class="details">{items}</dl>']


def _html_document(title: str, body: Iterable[str], lang: str, css: str = "") -> str:
    # No script may run even if something slipped through escaping; nothing is fetched.
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{"en" if lang == "en" else "nl"}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_h(title)}</title>",
            f"<style>{_PRINT_CSS}{css}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _html_header(document: _Document) -> list[str]:
    include_hidden = document.include_hidden
    confidential = t("export.hidden_included", document.lang)
    return [
        f"<h1>{_h(document.title)}</h1>",
        *_html_details(document.details),
        *(
            f'<p class="notice{" confidential" if include_hidden and n == confidential else ""}">'
            f"{_h(n)}</p>"
            for n in document.notices
        ),
    ]


def stakeholder_html(store: Store, stakeholder_id: int, **options: Unpack[Options]) -> str:
    """One stakeholder's worksheet as a self-contained page to print (or save as PDF)."""
    document, sheet = _stakeholder_document(store, stakeholder_id, options)
    lang = document.lang
    body = [
        *_html_header(document),
        '<section class="stakeholder">',
        *_html_sheet(sheet, 2, lang),
        "</section>",
    ]
    return _html_document(document.title, body, lang)


def project_html(store: Store, project_id: int, **options: Unpack[Options]) -> str:
    """A project's worksheets as one printable page, each stakeholder on a new sheet of paper."""
    document, sheet = _project_document(store, project_id, options)
    lang = document.lang
    body = _html_header(document)
    if not sheet.stakeholders:
        body.append(f'<p class="empty">{_h(t("export.no_stakeholders", lang))}</p>')
    if sheet.collaboration is not None:
        body += ['<section class="collaboration">',
                 f"<h2>{_h(t('export.collaboration', lang))}</h2>"]
        for heading, items in _collaboration_items(sheet.collaboration, lang):
            body += [f"<h3>{_h(heading)}</h3>", "<ul>"]
            for item, subs in items:
                inner = "".join(f"<li>{_h(sub)}</li>" for sub in subs)
                body.append(f"<li>{_h(item)}" + (f"<ul>{inner}</ul>" if inner else "")
                            + "</li>")
            body.append("</ul>")
        body.append("</section>")
    for person in sheet.stakeholders:
        body += [
            '<section class="stakeholder">',
            f"<h2>{_h(person.stakeholder.name)}</h2>",
            *_html_details(_details(sheet.project, person.stakeholder, lang)[1:]),
            *_html_sheet(person, 3, lang),
            "</section>",
        ]
    return _html_document(document.title, body, lang)


# --- Gespreksvoorbereiding: one stakeholder's meeting brief -----------------------------------


def _brief_document(brief: briefs.Brief, lang: str, exported_on: dt.date) -> _Document:
    details = [(t("export.project", lang), brief.project.name),
               (t("export.role", lang), brief.stakeholder.role),
               (t("brief.week", lang), format_week(brief.week, lang))]
    return _Document(
        t("brief.title", lang, name=brief.stakeholder.name),
        [(label, value) for label, value in details if value],
        _notices(brief.project, brief.include_hidden, exported_on, lang),
        lang,
        brief.include_hidden,
    )


def _brief_options(store: Store, options: Options) -> tuple[str, dt.date]:
    return options.get("lang", "nl"), options.get("exported_on") or store.today()


def markdown_of_brief(brief: briefs.Brief, *, lang: str, exported_on: dt.date) -> str:
    """A gathered brief as Markdown: the same sections the screen shows, user text literal."""
    lines = _markdown_header(_brief_document(brief, lang, exported_on))
    marker = t("brief.hypothesis", lang)
    for section in briefs.sections(brief, lang):
        lines += [f"## {section.title}", ""]
        if section.intro:
            lines += [f"_{section.intro}_", ""]
        if not section.lines:
            lines += [f"_{section.empty}_", ""]
            continue
        for line in section.lines:
            item = f"**{_md_inline(line.label)}:** " if line.label else ""
            item += _md_inline(line.text)
            if line.hypothesis:
                item += f" _({marker})_"
            lines.append(f"- {item}")
            lines += [f"  - {_md_inline(note)}" for note in line.notes]
        lines.append("")
    return _finish(lines)


_BRIEF_CSS = """
section.brief { margin: 1.2rem 0; break-inside: avoid; page-break-inside: avoid; }
section.brief h2 { margin-top: 1.4rem; }
p.intro { font-style: italic; color: #444; margin: .2rem 0 .4rem; }
section.brief li { margin: .15rem 0; white-space: pre-wrap; }
section.brief li li { white-space: pre-wrap; color: #333; }
li.hypothesis { border-left: 3px dashed #8a5a00; padding-left: .4rem; list-style: none;
                margin-left: -1rem; }
span.hypothesis { font-size: .85em; font-style: italic; border: 1px solid #8a5a00;
                  border-radius: .6em; padding: 0 .4em; color: #6b4500; }
@media print {
  section.brief { margin: .8rem 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
"""


def html_of_brief(brief: briefs.Brief, *, lang: str, exported_on: dt.date) -> str:
    """A gathered brief as a self-contained page to print: one section per topic, none split
    over two sheets of paper, hypotheses marked in words (they print in black and white)."""
    document = _brief_document(brief, lang, exported_on)
    marker = _h(t("brief.hypothesis", lang))
    body = _html_header(document)
    for section in briefs.sections(brief, lang):
        body += [f'<section class="brief" id="{_h(section.key)}">', f"<h2>{_h(section.title)}</h2>"]
        if section.intro:
            body.append(f'<p class="intro">{_h(section.intro)}</p>')
        if not section.lines:
            body += [f'<p class="empty">{_h(section.empty)}</p>', "</section>"]
            continue
        body.append("<ul>")
        for line in section.lines:
            item = f"<strong>{_h(line.label)}:</strong> " if line.label else ""
            item += _h(line.text)
            if line.hypothesis:
                item += f' <span class="hypothesis">{marker}</span>'
            if line.notes:
                item += "<ul>" + "".join(f"<li>{_h(note)}</li>" for note in line.notes) + "</ul>"
            css_class = ' class="hypothesis"' if line.hypothesis else ""
            body.append(f"<li{css_class}>{item}</li>")
        body += ["</ul>", "</section>"]
    return _html_document(document.title, body, lang, _BRIEF_CSS)


def brief_markdown(store: Store, stakeholder_id: int, *, week: dt.date | None = None,
                   **options: Unpack[Options]) -> str:
    """One stakeholder's meeting brief for `week` (default: this week) as Markdown; without
    hypotheses unless `include_hidden`."""
    lang, exported_on = _brief_options(store, options)
    brief = briefs.gather_brief(store, stakeholder_id, week=week or store.today(),
                                include_hidden=_include_hidden(options))
    return markdown_of_brief(brief, lang=lang, exported_on=exported_on)


def brief_html(store: Store, stakeholder_id: int, *, week: dt.date | None = None,
               **options: Unpack[Options]) -> str:
    """One stakeholder's meeting brief as a printable page (see `brief_markdown`)."""
    lang, exported_on = _brief_options(store, options)
    brief = briefs.gather_brief(store, stakeholder_id, week=week or store.today(),
                                include_hidden=_include_hidden(options))
    return html_of_brief(brief, lang=lang, exported_on=exported_on)


def brief_file_stem(project: str, stakeholder: str, *, include_hidden: bool, lang: str) -> str:
    """'gespreksvoorbereiding-wijkvernieuwing-hoogveld-anouk-van-dijk', marked like a
    worksheet file when it holds hypotheses."""
    parts = [t("brief.file", lang), _file_name_part(project), _file_name_part(stakeholder)]
    if include_hidden:
        parts.append(t("export.file_sensitive", lang))
    return "-".join(part for part in parts if part)


# --- Every table: CSV and Excel --------------------------------------------------------------


def table_frames(store: Store, progress: Progress | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the database, read in one transaction so they agree with each other."""

    def each(done: int, total: int) -> None:
        if progress:
            progress(0.5 * done / total, "progress.export_tables")

    return store.table_frames(each)


# A cell that starts with one of these is a formula to Excel and LibreOffice (OWASP, CSV
# injection): `=HYPERLINK(…)` in a name would become a live link that sends data away.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: object) -> object:
    """Text a spreadsheet would read as a formula gets a leading apostrophe, which makes it text
    (and is not shown); other values pass unchanged. Leading spaces do not hide a formula."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _is_text(column: pd.Series) -> bool:
    return not pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_datetime64_any_dtype(
        column
    )


def tables_csv_zip(store: Store, progress: Progress | None = None) -> bytes:
    """Every table as `<table>.csv` (UTF-8, comma-separated, ISO dates) in one zip.

    As OWASP advises against CSV injection, every field is quoted and text that would start a
    formula is prefixed with an apostrophe (`csv_text`); the Gegevens page says so.
    """
    frames = table_frames(store, progress)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index, (table, frame) in enumerate(frames.items()):
            safe = frame.copy()
            for column in safe.columns:
                if _is_text(safe[column]):
                    safe[column] = safe[column].astype(object).map(csv_text)
            text = safe.to_csv(index=False, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
            archive.writestr(f"{table}.csv", text.encode("utf-8"))
            if progress:
                progress(0.5 + 0.5 * (index + 1) / len(frames), "progress.export_tables")
    return buffer.getvalue()


EXCEL_CELL_LIMIT = 32_767


def _excel_text(value: object) -> object:
    """Excel refuses control characters and cuts cells beyond 32,767 characters."""
    if not isinstance(value, str):
        return value
    text: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - 1] + "…"
    return text


def tables_xlsx(store: Store, progress: Progress | None = None) -> bytes:
    """One Excel workbook with a sheet per table.

    Text that starts with '=' is kept as text, never turned into a formula. Texts longer than
    Excel's cell limit are cut there (the CSV export keeps them whole).
    """
    frames = table_frames(store, progress)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for index, (table, frame) in enumerate(frames.items()):
            cleaned = frame.copy()
            for column in cleaned.columns:
                if _is_text(cleaned[column]):
                    cleaned[column] = cleaned[column].astype(object).map(_excel_text)
            cleaned.to_excel(writer, sheet_name=table[:31], index=False)
            sheet = writer.sheets[table[:31]]
            for cells in sheet.iter_rows(min_row=2):
                for cell in cells:
                    if cell.data_type == "f":
                        cell.data_type = "s"  # user text, not a formula
            sheet.freeze_panes = "A2"
            if progress:
                progress(0.5 + 0.5 * (index + 1) / len(frames), "progress.export_tables")
    return buffer.getvalue()


# --- Calendar --------------------------------------------------------------------------------


def _first_line(text: str, limit: int = 80) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class CheckInReminder:
    """A weekly calendar event for the check-in: on `weekday` (0 = Monday) at `start`, in the
    user's own local time, with a link back to the app at `address`."""

    weekday: int
    start: dt.time
    address: str
    minutes: int = 15


def _check_in_event(reminder: CheckInReminder, project: str | None, today: dt.date,
                    stamp: dt.datetime, lang: str) -> Event:
    """One recurring event (RRULE weekly) with an alarm at its start.

    Floating local time (no time zone), so it stays at the chosen hour in the user's own zone and
    across summer time. The UID names the project, so importing again replaces the reminder
    instead of adding a second one.
    """
    first_day = today + dt.timedelta(days=(reminder.weekday - today.weekday()) % 7)
    start = dt.datetime.combine(first_day, reminder.start)
    event = Event()
    event.add("uid", f"belangen-check-in-{project or 'all'}@belangen.local".replace(" ", "-"))
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("summary", t("calendar.check_in", lang) + (f" · {project}" if project else ""))
    event.add("dtstart", start)
    event.add("duration", dt.timedelta(minutes=reminder.minutes))
    event.add("rrule", {"freq": "weekly", "byday": _ICAL_DAYS[reminder.weekday]})
    event.add("transp", "OPAQUE")
    event.add("description", t("calendar.check_in_description", lang, address=reminder.address))
    event.add("url", reminder.address)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", t("calendar.check_in", lang))
    alarm.add("trigger", dt.timedelta(0))
    event.add_component(alarm)
    return event


_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def actions_calendar(store: Store, project_id: int | None = None, *, lang: str = "nl",
                     reminder: CheckInReminder | None = None) -> bytes:
    """Open actions with a planned week as an .ics file: one all-day event spanning that week.

    All-day events (DATE values, end exclusive on the next Monday) import the same way in
    Outlook, Google Calendar and Apple Calendar and cannot shift with time zones; they are
    marked free time so they do not block anyone's agenda. The UID is built from the action's
    id and creation moment, so importing again updates events instead of duplicating them; the
    SEQUENCE follows the action's revision. Without a project, sample projects are left out.
    With a `reminder`, the file also holds the weekly check-in as a recurring event.
    """
    planned = store.planned_actions(project_id)
    calendar = Calendar()
    calendar.add("prodid", "-//Belangen//Maak gebruik van belangen//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", t("calendar.name", lang))
    for action in planned:
        monday = domain.week_start(action.planned_week)
        row = worksheet.row(action.row_key)
        person, project = action.stakeholder, action.project
        event = Event()
        event.add(
            "uid", f"belangen-action-{action.id}-{action.created_at:%Y%m%dT%H%M%S%f}@belangen.local"
        )
        event.add("dtstamp", action.updated_at.astimezone(dt.UTC))
        event.add("sequence", int(action.revision))
        event.add("summary", f"{_first_line(action.text)} ({person})")
        event.add("dtstart", monday)
        event.add("dtend", monday + dt.timedelta(days=7))
        event.add("transp", "TRANSPARENT")
        event.add(
            "description",
            "\n".join(
                [
                    action.text,
                    "",
                    f"{t('calendar.stakeholder', lang)}: {person}",
                    f"{t('calendar.project', lang)}: {project}",
                    f"{t('calendar.row', lang)}: {row.number}. {row.action_prompt(lang)}",
                    format_week(monday, lang),
                ]
            ),
        )
        event.add("categories", [t("calendar.project", lang) + ": " + project])
        calendar.add_component(event)
    if reminder is not None:
        project_name = store.get_project(project_id).name if project_id is not None else None
        calendar.add_component(_check_in_event(reminder, project_name, store.today(),
                                               store.now(), lang))
    return calendar.to_ical()


def calendar_file_name(today: dt.date) -> str:
    return f"belangen-acties-{today.isoformat()}.ics"


# --- File names --------------------------------------------------------------------------------

_NOT_IN_A_FILE_NAME = re.compile(r"[^a-z0-9]+")


def _file_name_part(text: str, limit: int = 40) -> str:
    """Lower-case ASCII words joined by hyphens: the same on every system and in every mail."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NOT_IN_A_FILE_NAME.sub("-", folded).strip("-")[:limit].strip("-")


def worksheet_file_stem(project: str, stakeholder: str | None, *, include_hidden: bool,
                        lang: str) -> str:
    """'werkblad-wijkvernieuwing-hoogveld-anouk-van-dijk', and '-met-vermoede-belangen' when
    the file holds suspected interests: a file that is shared or mailed says what it is and
    warns before it is opened."""
    parts = [t("export.file_worksheet", lang), _file_name_part(project)]
    if stakeholder is not None:
        parts.append(_file_name_part(stakeholder))
    if include_hidden:
        parts.append(t("export.file_sensitive", lang))
    return "-".join(part for part in parts if part)
