"""Small, realistic records for tests, made through the store like the app makes them."""

from __future__ import annotations

import datetime as dt

from belangen import worksheet
from belangen.store import Store


def weekly_project(
    db: Store, name: str, stakeholders: dict[str, tuple[int, int, int, int] | None]
) -> dict[str, int]:
    """What a weekly pass starts from: a project begun ten weeks ago whose stakeholders have
    these worksheet ratings (None: not rated yet). Returns the ids by name and `"project"`."""
    project_id = db.create_project(name, "", "", db.today() - dt.timedelta(weeks=10))
    ids = {"project": project_id}
    for person, ratings in stakeholders.items():
        ids[person] = db.create_stakeholder(project_id, person, "", "", "")
        if ratings is None:
            continue
        for rating, row in zip(ratings, worksheet.DIMENSIONS, strict=True):
            db.save_worksheet_entry(ids[person], row.key, reflection="Start", rating=rating)
    return ids


def filled_stakeholder(
    db: Store, *, project_name: str = "Herinrichting stationsgebied", start: dt.date | None = None
) -> tuple[int, int]:
    """A project with one stakeholder whose worksheet is filled and who has an open action."""
    project_id = db.create_project(
        project_name, "Nieuwe inrichting van het plein", "Draagvlak bij de raad",
        start or db.today() - dt.timedelta(weeks=12),
    )
    stakeholder_id = db.create_stakeholder(
        project_id, "Wethouder Jansen", "Gemeente", "De gemeenteraad en de coalitie", ""
    )
    db.add_interest(stakeholder_id, "Herverkiezing in maart", "political", "suspected",
                    "Noemt steeds de verkiezingen")
    db.add_interest(stakeholder_id, "Budget binnen de begroting", "organisational", "confirmed")
    for rating, row in enumerate(worksheet.DIMENSIONS, start=2):
        db.save_worksheet_entry(stakeholder_id, row.key, reflection=f"Over {row.key}",
                                rating=min(rating, 5), target=5)
    db.add_action(stakeholder_id, worksheet.VALUE.key, "Evaluatiegesprek plannen")
    return project_id, stakeholder_id


GRID_NAMES = ("Anouk de Vries", "Bas Meijer", "Carla Jansen", "Dirk Bakker", "Esra Yilmaz",
              "Frank de Boer", "Gerda Visser", "Hamid El Amrani")


def week_logged_last_week(
    db: Store, count: int = 8, *, name: str = "Weekraster", monthly: bool = True
) -> dict[str, int]:
    """A project with `count` weekly stakeholders whose previous week is logged (ratings that
    differ per person), what the Weekcheck's grid starts from; with `monthly`, also a monthly
    contact logged last week, so not due this week. Ids by name and `"project"`."""
    names = [*GRID_NAMES[:count], *(f"Stakeholder {n}" for n in range(len(GRID_NAMES), count))]
    ids = weekly_project(db, name, {person: (2, 2, 2, 2) for person in names})
    last_week = db.today() - dt.timedelta(weeks=1)
    for number, person in enumerate(names):
        db.save_follow_up(ids[person], last_week, ratings=grid_ratings(number))
    if monthly:
        ids["Maandelijkse Mia"] = db.create_stakeholder(ids["project"], "Maandelijkse Mia", "",
                                                         "", "", cadence_weeks=4)
        db.save_follow_up(ids["Maandelijkse Mia"], last_week, ratings=grid_ratings(0))
    return ids


def grid_ratings(number: int) -> dict[str, int]:
    """Last week's ratings of the `number`th grid stakeholder: 1-5, not all alike."""
    return {row.key: 1 + (number + offset) % 5
            for offset, row in enumerate(worksheet.DIMENSIONS)}
