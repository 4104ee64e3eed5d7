"""Seeded synthetic data, loaded through the app's own `Store`, at the benchmark's sizes.

The same seed gives the same plan: every project draws from its own `random.Random`, so
"L-visible" (only the busiest project of L) holds exactly that project's records of L.

Projects, stakeholders, interests, worksheet versions, the first actions and their status changes
always go through the Store API (`create_project`, `create_stakeholder`, `add_interest`,
`save_worksheet_entry`, `add_action`, `update_action`) with a controllable clock, and so does every
weekly follow-up at size S. At size L, 156,000 `save_follow_up` calls would take far too long, so
the weekly history (all weeks but the last) is bulk-loaded with `INSERT … SELECT` from pandas frames
inside one `store.transaction()`. The bulk path keeps `save_follow_up`'s invariants: ids come from
the tables' own sequences in the order the saves happened (so the highest id is still the current
version of a week), four ratings per follow-up, `done_on = min(save day, Sunday of the week)`, each
action carried out first logs its previous row to `change_log` with `to_json`, then gets
status 'done', its outcome, `revision + 1` and `updated_at`. The last week of every stakeholder is
then saved one by one through `save_follow_up`, after the bulk, so the sequences are checked too.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from belangen import domain, worksheet
from belangen.store import Store

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
DEFAULT_SEED = 20260
FORMAT = 3  # bump when the generator changes, so cached databases are made again


@dataclass(frozen=True)
class Size:
    name: str
    projects: int
    stakeholders: int
    weeks: int
    only_busiest: bool = False
    bulk: bool = False


SIZES: dict[str, Size] = {
    "S": Size("S", projects=1, stakeholders=8, weeks=12),
    "L-visible": Size("L-visible", projects=25, stakeholders=40, weeks=156, only_busiest=True,
                      bulk=True),
    "L": Size("L", projects=25, stakeholders=40, weeks=156, bulk=True),
}

FIRST_NAMES = ("Anouk", "Bram", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Iris", "Jeroen",
               "Karim", "Lotte", "Mila", "Noah", "Olga", "Pieter", "Quinten", "Roos", "Sanne",
               "Tim", "Umar", "Vera", "Wouter", "Yara", "Zeynep")
LAST_NAMES = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
              "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "van Dijk", "Kok")
ROLES = ("Wethouder", "Projectleider", "Bewonerscommissie", "Ondernemersvereniging",
         "Provincie", "Waterschap", "Raadslid", "Directeur", "Beleidsadviseur", "Woningcorporatie")
INTEREST_TEXTS = ("Herverkiezing in maart", "Budget binnen de begroting", "Geen overlast tijdens "
                  "de bouw", "Zichtbaar resultaat voor de achterban", "Minder parkeerdruk",
                  "Grip op de planning", "Erkenning van eerder werk", "Behoud van groen")
REFLECTIONS = ("Goed gesprek gehad over de planning.", "Nog geen reactie op mijn mail.",
               "Voelde meer openheid dan vorige week.", "Bleef bij standpunten; belang nog "
               "onduidelijk.", "Samen de conceptnotitie doorgenomen.", "Kort telefonisch contact.",
               "", "")
ACTION_TEXTS = ("Koffie drinken en doorvragen naar zorgen", "Evaluatiegesprek plannen",
                "Verslag delen met de achterban", "Samen werkbezoek organiseren",
                "Voorstel voor win-win uitwerken", "Terugkoppelen wat we gehoord hebben")
OUTCOMES = ("Gedaan; positief ontvangen.", "Gedaan, maar weinig reactie.",
            "Leverde nieuwe informatie op.", "")


def current_monday() -> dt.date:
    return domain.week_start(dt.date.today())


def cache_path(size: Size, seed: int, anchor: dt.date) -> Path:
    """Keyed by size, seed and the week the data ends in (pages show 'this week')."""
    return CACHE_DIR / f"{size.name}-seed{seed}-{anchor.isoformat()}-v{FORMAT}.duckdb"


# --- The plan ----------------------------------------------------------------------------------


@dataclass
class FollowUpPlan:
    stakeholder: int  # index in the project while planning; database id once loaded
    week: dt.date
    saved_at: dt.datetime
    ratings: dict[str, int]
    reflection: str
    their_value: int | None
    done: dict[str, str]  # action key -> outcome
    new_action: tuple[str, str, str, dt.date] | None  # key, row_key, text, planned week


@dataclass
class StakeholderPlan:
    name: str
    role: str
    interests: list[tuple[str, str, str]]
    # saved at, dimension, rating, target, reflection
    worksheet: list[tuple[dt.datetime, str, int, int | None, str]]
    first_actions: list[tuple[str, str, str, dt.date, bool]]  # key, row, text, week, in_progress


@dataclass
class ProjectPlan:
    index: int
    name: str
    start: dt.date
    setup_at: dt.datetime
    stakeholders: list[StakeholderPlan] = field(default_factory=list)
    follow_ups: list[FollowUpPlan] = field(default_factory=list)  # chronological


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def plan_project(
    seed: int, size: Size, index: int, anchor: dt.date, now: dt.datetime
) -> ProjectPlan:
    """One project's whole history; depends only on (seed, size dimensions, index, anchor)."""
    rng = random.Random(f"{seed}/{size.projects}x{size.stakeholders}x{size.weeks}/{index}")
    first_week = anchor - dt.timedelta(weeks=size.weeks - 1)
    start = first_week - dt.timedelta(days=rng.randint(0, 6))
    setup_at = _at(start - dt.timedelta(days=3), 9)
    plan = ProjectPlan(index, f"Project {index + 1:02d} {rng.choice(INTEREST_TEXTS)}", start,
                       setup_at)
    # How faithfully this project is followed up: the busiest logs nearly every week.
    diligence = 1.0 if index == 0 else rng.uniform(0.8, 0.98)
    used: set[str] = set()
    action_count = 0
    levels: list[dict[str, int]] = []
    open_actions: list[list[tuple[str, str, dt.date]]] = []
    for number in range(size.stakeholders):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        while name.lower() in used:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {number}"
        used.add(name.lower())
        ratings = {key: rng.randint(1, 4) for key in worksheet.DIMENSION_KEYS}
        entries: list[tuple[dt.datetime, str, int, int | None, str]] = [
            (setup_at + dt.timedelta(minutes=number), key, rating, min(5, rating + 2),
             rng.choice(REFLECTIONS))
            for key, rating in ratings.items()
        ]
        # Now and then the worksheet itself is revised (every ~6-12 months).
        week = rng.randint(26, 52)
        while week < size.weeks:
            key = rng.choice(worksheet.DIMENSION_KEYS)
            entries.append((_at(first_week + dt.timedelta(weeks=week, days=2), 20), key,
                            rng.randint(1, 5), rng.choice((None, 4, 5)), rng.choice(REFLECTIONS)))
            week += rng.randint(26, 52)
        firsts = []
        for row_key in rng.sample(worksheet.ROW_KEYS, 2):
            firsts.append((f"a{action_count}", row_key, rng.choice(ACTION_TEXTS),
                           first_week + dt.timedelta(weeks=rng.randint(0, 2)), rng.random() < 0.5))
            action_count += 1
        plan.stakeholders.append(StakeholderPlan(
            name, rng.choice(ROLES),
            [(rng.choice(INTEREST_TEXTS), rng.choice(tuple(worksheet.INTEREST_KINDS)),
              rng.choice(tuple(worksheet.INTEREST_STATUSES))) for _ in range(rng.randint(2, 4))],
            entries, firsts))
        levels.append(dict(ratings))
        open_actions.append([(key, row, planned) for key, row, _, planned, _ in firsts])

    for offset in range(size.weeks):
        monday = first_week + dt.timedelta(weeks=offset)
        for number in range(size.stakeholders):
            last_week = offset == size.weeks - 1
            if not last_week and rng.random() > diligence:
                continue
            saved_at = min(_at(monday + dt.timedelta(days=rng.randint(0, 6)), 17,
                               rng.randint(0, 59)), now - dt.timedelta(minutes=5))
            done: dict[str, str] = {}
            value_done = False
            for key, row_key, planned in list(open_actions[number]):
                if planned <= monday and rng.random() < 0.6:
                    done[key] = rng.choice(OUTCOMES)
                    open_actions[number].remove((key, row_key, planned))
                    value_done = value_done or row_key == worksheet.EVALUATION_ROW_KEY
            level = levels[number]
            for key in level:
                step = rng.random()
                if step < (0.25 if done else 0.1):
                    level[key] = min(5, level[key] + 1)
                elif step > 0.93:
                    level[key] = max(1, level[key] - 1)
            new_action = None
            if rng.random() < 0.35:
                key = f"a{action_count}"
                action_count += 1
                planned = monday + dt.timedelta(weeks=rng.randint(1, 3))
                new_action = (key, rng.choice(worksheet.ROW_KEYS), rng.choice(ACTION_TEXTS),
                              planned)
                open_actions[number].append((key, new_action[1], planned))
            plan.follow_ups.append(FollowUpPlan(
                number, monday, saved_at, dict(level), rng.choice(REFLECTIONS),
                rng.randint(2, 5) if value_done else None, done, new_action))
            if rng.random() < 0.04:  # saved again later that week: a second version
                again = dict(level)
                again[rng.choice(worksheet.DIMENSION_KEYS)] = rng.randint(1, 5)
                plan.follow_ups.append(FollowUpPlan(
                    number, monday, min(saved_at + dt.timedelta(hours=20),
                                        now - dt.timedelta(minutes=1)),
                    again, rng.choice(REFLECTIONS), None, {}, None))
    return plan


def busiest_index(plans: list[ProjectPlan]) -> int:
    return max(plans, key=lambda p: (len(p.follow_ups), -p.index)).index


# --- Loading -----------------------------------------------------------------------------------


class Clock:
    """The store's `now`, set by the loader to the moment each record was saved."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def _load_setup(db: Store, clock: Clock, plan: ProjectPlan) -> tuple[list[int], dict[str, int]]:
    """Project, people, interests, worksheet versions and first actions, through the API."""
    clock.moment = plan.setup_at
    project_id = db.create_project(plan.name, "Synthetisch project voor de benchmark",
                                   "Draagvlak voor het plan", plan.start)
    stakeholder_ids = []
    actions: dict[str, int] = {}
    for person in plan.stakeholders:
        clock.moment = plan.setup_at
        stakeholder_id = db.create_stakeholder(project_id, person.name, person.role,
                                               "Achterban van " + person.role, "")
        stakeholder_ids.append(stakeholder_id)
        for text, kind, status in person.interests:
            db.add_interest(stakeholder_id, text, kind, status)
        latest: dict[str, int | None] = {}
        for saved_at, key, rating, target, text in person.worksheet:
            clock.moment = saved_at
            latest[key] = db.save_worksheet_entry(stakeholder_id, key, reflection=text,
                                                  rating=rating, target=target,
                                                  based_on=latest.get(key))
        clock.moment = plan.setup_at
        for key, row_key, text, planned, in_progress in person.first_actions:
            actions[key] = db.add_action(stakeholder_id, row_key, text, planned_week=planned)
            if in_progress:
                db.update_action(actions[key], 1, text=text, planned_week=planned,
                                 status="in_progress")
    return stakeholder_ids, actions


def _save_through_api(db: Store, clock: Clock, follow_up: FollowUpPlan,
                      actions: dict[str, int]) -> None:
    stakeholder_id = follow_up.stakeholder
    clock.moment = follow_up.saved_at
    new_action = None
    if follow_up.new_action:
        _, row_key, text, planned = follow_up.new_action
        new_action = {"row_key": row_key, "text": text, "planned_week": planned}
    db.save_follow_up(
        stakeholder_id, follow_up.week, ratings=follow_up.ratings,
        reflection=follow_up.reflection, their_value_rating=follow_up.their_value,
        actions_done={actions[key]: outcome for key, outcome in follow_up.done.items()},
        new_action=new_action,
    )
    if follow_up.new_action:
        (action_id,) = db.query_rows("SELECT max(id) FROM action WHERE stakeholder_id = ?",
                                [stakeholder_id])[0]
        actions[follow_up.new_action[0]] = int(action_id)


def _next_ids(cur: duckdb.DuckDBPyConnection, sequence: str, count: int) -> list[int]:
    """`count` ids from the table's own sequence, ascending, so later saves never collide."""
    rows = cur.execute(f"SELECT nextval('{sequence}') FROM range(?)", [count]).fetchall()
    return sorted(int(value) for (value,) in rows)


def _bulk_load(db: Store, follow_ups: list[FollowUpPlan], actions: dict[str, int]) -> None:
    """The same rows `save_follow_up` writes, in one transaction (see the module docstring)."""
    new_actions = [f for f in follow_ups if f.new_action]
    with db.transaction() as cur:
        follow_up_ids = _next_ids(cur, "follow_up_ids", len(follow_ups))
        action_ids = _next_ids(cur, "action_ids", len(new_actions))
        for plan, action_id in zip(new_actions, action_ids, strict=True):
            actions[plan.new_action[0]] = action_id  # type: ignore[index]
        follow_up_rows = pd.DataFrame({
            "id": follow_up_ids,
            "stakeholder_id": [f.stakeholder for f in follow_ups],
            "week": [f.week for f in follow_ups],
            "reflection": [f.reflection for f in follow_ups],
            "their_value_rating": pd.array([f.their_value for f in follow_ups], dtype="Int64"),
            "saved_at": [f.saved_at for f in follow_ups],
        })
        rating_rows = pd.DataFrame(
            [(fid, key, rating) for fid, f in zip(follow_up_ids, follow_ups, strict=True)
             for key, rating in f.ratings.items()],
            columns=["follow_up_id", "dimension", "rating"],
        )
        action_rows = pd.DataFrame(
            [(aid, f.stakeholder, f.new_action[1], f.new_action[2],  # type: ignore[index]
              f.new_action[3], f.saved_at)  # type: ignore[index]
             for aid, f in zip(action_ids, new_actions, strict=True)],
            columns=["id", "stakeholder_id", "row_key", "text", "planned_week", "created_at"],
        )
        done_rows = pd.DataFrame(
            [(actions[key], outcome, min(f.saved_at.date(), f.week + dt.timedelta(days=6)),
              f.saved_at) for f in follow_ups for key, outcome in f.done.items()],
            columns=["action_id", "outcome", "done_on", "saved_at"],
        )
        cur.register("bench_follow_ups", follow_up_rows)
        cur.register("bench_ratings", rating_rows)
        cur.register("bench_actions", action_rows)
        cur.register("bench_done", done_rows)
        cur.execute(
            "INSERT INTO follow_up (id, stakeholder_id, week, reflection, their_value_rating, "
            "saved_at) SELECT id, stakeholder_id, week, reflection, their_value_rating, saved_at "
            "FROM bench_follow_ups ORDER BY id")
        cur.execute("INSERT INTO follow_up_rating SELECT follow_up_id, dimension, rating "
                    "FROM bench_ratings")
        cur.execute(
            "INSERT INTO action (id, stakeholder_id, row_key, text, planned_week, status, "
            "done_on, outcome, created_at, updated_at) SELECT id, stakeholder_id, row_key, text, "
            "planned_week, 'planned', NULL, '', created_at, created_at FROM bench_actions "
            "ORDER BY id")
        cur.execute(
            "INSERT INTO change_log (table_name, row_id, stakeholder_id, logged_at, previous) "
            "SELECT 'action', t.id, t.stakeholder_id, d.saved_at, to_json(t) "
            "FROM action t JOIN bench_done d ON d.action_id = t.id ORDER BY d.saved_at, t.id")
        cur.execute(
            "UPDATE action SET status = 'done', done_on = d.done_on, outcome = d.outcome, "
            "revision = action.revision + 1, updated_at = d.saved_at "
            "FROM bench_done d WHERE action.id = d.action_id")
        for name in ("bench_follow_ups", "bench_ratings", "bench_actions", "bench_done"):
            cur.unregister(name)


def load(path: Path, size: Size, seed: int, anchor: dt.date, *,
         log: Callable[[str], None] = print) -> None:
    """Write a fresh database at `path` (which must not exist).

    All projects are set up first, then the weekly history of all of them goes in in the order it
    was saved, interleaved across projects as in a real file (so no project's rows sit together).
    """
    now = min(dt.datetime.now(), _at(anchor + dt.timedelta(days=6), 23))
    now = max(now, _at(anchor, 18))
    plans = [plan_project(seed, size, index, anchor, now) for index in range(size.projects)]
    if size.only_busiest:
        plans = [plans[busiest_index(plans)]]
    clock = Clock(now)
    db = Store(path, now=clock)
    try:
        people: list[list[int]] = []
        actions: dict[str, int] = {}
        for number, plan in enumerate(plans):
            stakeholder_ids, first_actions = _load_setup(db, clock, plan)
            people.append(stakeholder_ids)
            actions.update({f"{number}/{key}": value for key, value in first_actions.items()})
        timeline = sorted(
            ((f.saved_at, number, order, f) for number, plan in enumerate(plans)
             for order, f in enumerate(plan.follow_ups)),
            key=lambda item: item[:3],
        )
        # Action keys and stakeholders made unique across projects.
        events = [(_qualified(f, number, people[number]), people[number])
                  for _, number, _, f in timeline]
        if size.bulk:
            history = [f for f, _ in events if f.week < anchor]
            _bulk_load(db, history, actions)
            log(f"  {size.name}: {len(history):,} follow-ups bulk-loaded")
            sample = [f for f in (e[0] for e in events) if f.week >= anchor]
        else:
            sample = [f for f, _ in events]
        for follow_up in sample:
            _save_through_api(db, clock, follow_up, actions)
        log(f"  {size.name}: {len(sample):,} follow-ups saved through save_follow_up")
        clock.moment = now
        db.checkpoint()
    finally:
        db.close()


def _qualified(follow_up: FollowUpPlan, number: int, stakeholder_ids: list[int]) -> FollowUpPlan:
    """The plan with the stakeholder's database id and action keys unique over all projects."""
    new_action = follow_up.new_action
    if new_action:
        new_action = (f"{number}/{new_action[0]}", *new_action[1:])
    return FollowUpPlan(
        stakeholder_ids[follow_up.stakeholder], follow_up.week, follow_up.saved_at,
        follow_up.ratings, follow_up.reflection, follow_up.their_value,
        {f"{number}/{key}": outcome for key, outcome in follow_up.done.items()}, new_action,
    )


def ensure(size: Size, seed: int = DEFAULT_SEED, anchor: dt.date | None = None, *,
           log: Callable[[str], None] = print) -> Path:
    """The cached database for (size, seed, anchor week), generated on first use."""
    anchor = anchor or current_monday()
    target = cache_path(size, seed, anchor)
    if target.exists():
        return target
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    for leftover in (partial, partial.with_name(partial.name + ".wal")):
        leftover.unlink(missing_ok=True)
    load(partial, size, seed, anchor, log=log)
    shutil.move(partial, target)
    return target
