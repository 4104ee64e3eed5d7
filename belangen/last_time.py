"""What the weekcheck shows of last time beside this week's form (issue 15, after 15Five's
"last week's answers beside this week's form"), and when 'Niets veranderd' may repeat it.

Pure Python over records the page has read anyway (the weekcheck before the chosen week, the
worksheet, the stakeholder's actions): the panel costs no query of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from belangen import domain, worksheet

NEW_ACTION_CHOICES = ("new_row", "new_week_when", "new_week_other")
"""The follow-up form's choices for a new action (its aspect and planned week). Without a text
no action is stored, so choosing them ("Andere week…") is not something 'Niets veranderd' would
drop: the text field itself is what counts."""


@dataclass(frozen=True)
class LastTime:
    """What was said the last time before the chosen week, and what was planned for it."""

    week: dt.date | None
    """The week of the latest weekcheck before the chosen one; None: there is none, and the
    comparison is the worksheet (if it has ratings)."""
    ratings: dict[str, int | None]
    """Per rated aspect, in worksheet order: that weekcheck's ratings, else the worksheet's
    (None where the worksheet has none)."""
    reflection: str
    their_value: int | None
    planned: tuple[domain.Action, ...]
    """Open actions planned for the chosen week."""
    overdue: int
    """Open actions planned for a week before the chosen one."""

    @property
    def has_ratings(self) -> bool:
        return any(rating is not None for rating in self.ratings.values())

    @property
    def repeatable(self) -> dict[str, int] | None:
        """The ratings 'Niets veranderd' saves again: only when every aspect has one, so an
        unchanged week never invents a rating."""
        complete = {key: rating for key, rating in self.ratings.items() if rating is not None}
        return complete if len(complete) == len(self.ratings) else None


def last_time(
    previous: domain.FollowUp | None,
    worksheet_ratings: Mapping[str, int | None],
    actions: Iterable[domain.Action],
    week: dt.date,
) -> LastTime:
    """The panel's content for the chosen `week` (a Monday, or any day of it)."""
    monday = domain.week_start(week)
    source: Mapping[str, int | None] = previous.ratings if previous is not None \
        else worksheet_ratings
    ratings = {key: source.get(key) for key in worksheet.DIMENSION_KEYS}
    dated = [(action, domain.week_start(action.planned_week)) for action in actions
             if action.is_open and action.planned_week is not None]
    planned = tuple(action for action, planned_week in dated if planned_week == monday)
    overdue = sum(1 for _, planned_week in dated if planned_week < monday)
    return LastTime(
        week=previous.week if previous is not None else None,
        ratings=ratings,
        reflection=previous.reflection if previous is not None else "",
        their_value=previous.their_value_rating if previous is not None else None,
        planned=planned,
        overdue=overdue,
    )


def blocks_unchanged(unsaved: Iterable[str]) -> bool:
    """Whether the form holds something 'Niets veranderd' would drop: any typed or chosen
    field except a new action's aspect and week without its text."""
    return any(name not in NEW_ACTION_CHOICES for name in unsaved)
