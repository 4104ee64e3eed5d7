"""The collaboration as a whole, per project: the user's own interests, links between the
interests of different parties (shared or in tension), and win-win options up to agreements
that become actions. Every edit keeps the row as it was in the change log, as elsewhere."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import duckdb

from belangen import domain, worksheet
from belangen.common_ground import InterestMap
from belangen.domain import InterestLink, OwnInterest, ValidationError, WinWinOption
from belangen.store.database import Database, as_id, insert_row, require_row, row_of
from belangen.store.errors import NotFound

_OWN_COLUMNS = "id, project_id, text, kind, on_table, notes, archived, revision"
_LINK_COLUMNS = "id, project_id, first_ref, second_ref, relation, note, revision"
_OPTION_COLUMNS = (
    "id, project_id, title, description, serves, costs, status, agreed_on, partners, archived, "
    "revision"
)


class OptionAction(NamedTuple):
    """An action made from an agreed option."""

    stakeholder_id: int
    stakeholder: str
    status: str
    planned_week: dt.date | None


def _option(row: Sequence[object]) -> WinWinOption:
    values = list(row)
    values[4] = tuple(json.loads(str(values[4])))
    values[8] = tuple(json.loads(str(values[8])))
    return WinWinOption(*values)  # type: ignore[arg-type]


def _as_json(values: dict[str, Any]) -> dict[str, Any]:
    return {key: json.dumps(value) if key in ("serves", "partners") else value
            for key, value in values.items()}


def ref_party(cur: duckdb.DuckDBPyConnection, ref: str) -> tuple[int, str] | None:
    """The project and party (`domain.SELF_PARTY` or 's<id>') of an active interest on the
    map, or None when there is no such interest (deleted, archived, or its holder archived)."""
    side, row_id = domain.parse_ref(ref)
    if side == domain.OWN_REF:
        rows = cur.execute(
            "SELECT project_id FROM own_interest WHERE id = ? AND NOT archived", [row_id]
        ).fetchall()
        return (rows[0][0], domain.SELF_PARTY) if rows else None
    rows = cur.execute(
        "SELECT s.project_id, s.id FROM interest i JOIN stakeholder s ON s.id = i.stakeholder_id "
        "WHERE i.id = ? AND NOT i.archived AND NOT s.archived", [row_id]
    ).fetchall()
    return (rows[0][0], domain.stakeholder_party(rows[0][1])) if rows else None


def _check_refs(
    cur: duckdb.DuckDBPyConnection, project_id: int, refs: Iterable[str], field_name: str
) -> list[str]:
    parties = []
    for ref in refs:
        found = ref_party(cur, ref)
        if found is None or found[0] != project_id:
            raise ValidationError(field_name, "error.interest_not_in_project")
        parties.append(found[1])
    return parties


def _check_partners(cur: duckdb.DuckDBPyConnection, project_id: int, ids: list[int]) -> None:
    if not ids:
        return
    (found,) = cur.execute(
        "SELECT count(*) FROM stakeholder WHERE project_id = ? AND list_contains(?, id)",
        [project_id, ids],
    ).fetchall()[0]
    if found != len(ids):
        raise ValidationError("partners", "error.partner_not_in_project")


def forget_interests(cur: duckdb.DuckDBPyConnection, refs: list[str]) -> None:
    """Remove interests that are being deleted from the map: their links (with the links'
    history, whose notes may name them) and their place in options' served lists."""
    if not refs:
        return
    links = [link_id for (link_id,) in cur.execute(
        "SELECT id FROM interest_link WHERE list_contains(?, first_ref) "
        "OR list_contains(?, second_ref)", [refs, refs]).fetchall()]
    if links:
        cur.execute("DELETE FROM change_log WHERE table_name = 'interest_link' "
                    "AND list_contains(?, row_id)", [links])
        cur.execute("DELETE FROM interest_link WHERE list_contains(?, id)", [links])
    gone = set(refs)
    for option_id, serves in cur.execute(
        "SELECT id, serves FROM win_win_option").fetchall():
        kept = [ref for ref in json.loads(serves) if ref not in gone]
        if len(kept) != len(json.loads(serves)):
            cur.execute("UPDATE win_win_option SET serves = ? WHERE id = ?",
                        [json.dumps(kept), option_id])
    _forget_in_option_history(cur, lambda previous: [
        ref for ref in previous.get("serves", []) if ref not in gone], "serves")


def forget_partner(cur: duckdb.DuckDBPyConnection, stakeholder_id: int) -> None:
    """A deleted stakeholder leaves the options they agreed to (and their history)."""
    for option_id, partners in cur.execute("SELECT id, partners FROM win_win_option").fetchall():
        kept = [sid for sid in json.loads(partners) if sid != stakeholder_id]
        if len(kept) != len(json.loads(partners)):
            cur.execute("UPDATE win_win_option SET partners = ? WHERE id = ?",
                        [json.dumps(kept), option_id])
    _forget_in_option_history(cur, lambda previous: [
        sid for sid in previous.get("partners", []) if sid != stakeholder_id], "partners")


def _forget_in_option_history(
    cur: duckdb.DuckDBPyConnection, keep: Callable[[dict[str, list[Any]]], list[Any]], field: str
) -> None:
    for log_id, previous in cur.execute(
        "SELECT id, previous FROM change_log WHERE table_name = 'win_win_option'"
    ).fetchall():
        row = json.loads(previous)
        stored = json.loads(row.get(field) or "[]")
        kept = keep({field: stored})
        if kept != stored:
            row[field] = json.dumps(kept)
            cur.execute("UPDATE change_log SET previous = ? WHERE id = ?",
                        [json.dumps(row), log_id])


def delete_project_collaboration(cur: duckdb.DuckDBPyConnection, project_id: int) -> None:
    """Every row of a project's map and options, with their history."""
    for table in ("own_interest", "interest_link", "win_win_option"):
        cur.execute(
            f"DELETE FROM change_log WHERE table_name = '{table}' AND row_id IN "
            f"(SELECT id FROM {table} WHERE project_id = ?)", [project_id])
        cur.execute(f"DELETE FROM {table} WHERE project_id = ?", [project_id])


class Collaboration(Database):
    # -- own interests -----------------------------------------------------------------------

    def add_own_interest(
        self, project_id: int, text: object, kind: object = "organisational",
        on_table: object = True, notes: object = "", *, token: str | None = None,
    ) -> int:
        values = domain.own_interest_values(text, kind, on_table, notes)
        return self._add_row("add_own_interest", "own_interest", values,
                             under=("project", project_id), token=token)

    def update_own_interest(
        self, own_interest_id: int, revision: int | None, *, text: object, kind: object,
        on_table: object, notes: object, token: str | None = None,
    ) -> None:
        values = domain.own_interest_values(text, kind, on_table, notes)
        self._update("own_interest", own_interest_id, revision, values, token=token)

    def set_own_interest_archived(
        self, own_interest_id: int, archived: bool, *, token: str | None = None
    ) -> None:
        self._update("own_interest", own_interest_id, None, {"archived": bool(archived)},
                     token=token)

    def list_own_interests(
        self, project_id: int, *, include_archived: bool = False
    ) -> list[OwnInterest]:
        rows = self._rows_under("own_interest", _OWN_COLUMNS, ("project", project_id),
                                include_archived=include_archived, order="archived, id")
        return [OwnInterest(*row) for row in rows]

    # -- links -------------------------------------------------------------------------------

    @staticmethod
    def _checked_link(project_id: int, values: dict[str, Any],
                      except_id: int | None) -> Callable[[duckdb.DuckDBPyConnection], None]:
        def check(cur: duckdb.DuckDBPyConnection) -> None:
            first, second = _check_refs(
                cur, project_id, [str(values["first_ref"]), str(values["second_ref"])],
                "second_ref")
            if first == second:
                raise ValidationError("second_ref", "error.link_same_party")
            clash = cur.execute(
                "SELECT 1 FROM interest_link WHERE project_id = ? AND first_ref = ? "
                "AND second_ref = ? AND NOT archived AND id IS DISTINCT FROM ?",
                [project_id, values["first_ref"], values["second_ref"], except_id]).fetchall()
            if clash:
                raise ValidationError("second_ref", "error.link_exists")
        return check

    def add_link(
        self, project_id: int, first_ref: object, second_ref: object, relation: object,
        note: object = "", *, token: str | None = None,
    ) -> int:
        """Link two interests of different parties of the project; one link per pair."""
        project_id = as_id("project", project_id)
        values = domain.link_values(first_ref, second_ref, relation, note)
        return self._add_row("add_link", "interest_link", values, under=("project", project_id),
                             token=token, check=self._checked_link(project_id, values, None))

    def update_link(
        self, link_id: int, revision: int | None, *, relation: object, note: object,
        token: str | None = None,
    ) -> None:
        """A link's relation and note; which interests it joins stays (make a new link)."""
        link = self.get_link(link_id)
        values = domain.link_values(link.first_ref, link.second_ref, relation, note)
        self._update("interest_link", link_id, revision,
                     {"relation": values["relation"], "note": values["note"]}, token=token)

    def remove_link(self, link_id: int, *, token: str | None = None) -> None:
        """Take a link off the map; the row stays, archived, as history."""
        self._update("interest_link", link_id, None, {"archived": True}, token=token)

    def get_link(self, link_id: int) -> InterestLink:
        rows = self._rows(f"SELECT {_LINK_COLUMNS} FROM interest_link WHERE id = ? "
                          "AND NOT archived", [as_id("interest_link", link_id)])
        if not rows:
            raise NotFound("interest_link", link_id)
        return InterestLink(*rows[0])

    def list_links(self, project_id: int) -> list[InterestLink]:
        rows = self._rows(
            f"SELECT {_LINK_COLUMNS} FROM interest_link WHERE project_id = ? AND NOT archived "
            "ORDER BY id", [project_id])
        return [InterestLink(*row) for row in rows]

    def map_interests(self, project_id: int) -> list[tuple[str, str, str, str, str, bool]]:
        """Every active interest of every party of a project in one read, as (ref, party,
        party name, text, kind, hypothesis): the user's own first (party name ''), then each
        stakeholder's by name. A hypothesis is a stakeholder's suspected interest or an own
        interest kept off the table."""
        own = self._rows(
            "SELECT id, text, kind, NOT on_table FROM own_interest "
            "WHERE project_id = ? AND NOT archived ORDER BY id", [project_id])
        theirs = self._rows(
            "SELECT i.id, s.id, s.name, i.text, i.kind, i.status = 'suspected' "
            "FROM interest i JOIN stakeholder s ON s.id = i.stakeholder_id "
            "WHERE s.project_id = ? AND NOT s.archived AND NOT i.archived "
            "ORDER BY lower(s.name), s.id, i.id", [project_id])
        return [
            *((domain.own_ref(oid), domain.SELF_PARTY, "", text, kind, bool(off))
              for oid, text, kind, off in own),
            *((domain.interest_ref(iid), domain.stakeholder_party(sid), name, text, kind,
               bool(suspected)) for iid, sid, name, text, kind, suspected in theirs),
        ]

    def interest_map(self, project_id: int) -> InterestMap:
        """The project's map: its active stakeholders, every interest and the links."""
        return InterestMap.build(
            [(stakeholder_id, name) for stakeholder_id, name in self._rows(
                "SELECT id, name FROM stakeholder WHERE project_id = ? AND NOT archived "
                "ORDER BY lower(name), id", [project_id])],
            self.map_interests(project_id), self.list_links(project_id))

    # -- win-win options ---------------------------------------------------------------------

    def _option_values(self, title: object, description: object, serves: object,
                       costs: object, status: object, agreed_on: object,
                       partners: object) -> dict[str, Any]:
        return domain.option_values(title, description, serves, costs, status, agreed_on,
                                    partners, today=self.today())

    def add_option(
        self, project_id: int, title: object, description: object = "", *,
        serves: object = (), costs: object = "", status: object = "idea",
        agreed_on: object = None, partners: object = (), token: str | None = None,
    ) -> int:
        project_id = as_id("project", project_id)
        values = self._option_values(title, description, serves, costs, status, agreed_on,
                                     partners)

        def check(cur: duckdb.DuckDBPyConnection) -> None:
            _check_refs(cur, project_id, values["serves"], "serves")
            _check_partners(cur, project_id, values["partners"])

        return self._add_row("add_option", "win_win_option", _as_json(values),
                             under=("project", project_id), token=token, check=check)

    def update_option(
        self, option_id: int, revision: int | None, *, title: object, description: object,
        serves: object, costs: object, status: object, agreed_on: object = None,
        partners: object = (), token: str | None = None,
    ) -> None:
        values = self._option_values(title, description, serves, costs, status, agreed_on,
                                     partners)

        def check(cur: duckdb.DuckDBPyConnection) -> None:
            (project_id,) = row_of(cur, "win_win_option", "project_id", option_id)
            _check_refs(cur, project_id, values["serves"], "serves")
            _check_partners(cur, project_id, values["partners"])

        self._update("win_win_option", option_id, revision, _as_json(values), token=token,
                     check=check)

    def set_option_archived(
        self, option_id: int, archived: bool, *, token: str | None = None
    ) -> None:
        self._update("win_win_option", option_id, None, {"archived": bool(archived)},
                     token=token)

    def get_option(self, option_id: int) -> WinWinOption:
        return _option(self._one("win_win_option", _OPTION_COLUMNS, option_id))

    def list_options(
        self, project_id: int, *, include_archived: bool = False
    ) -> list[WinWinOption]:
        rows = self._rows_under("win_win_option", _OPTION_COLUMNS, ("project", project_id),
                                include_archived=include_archived, order="archived, id")
        return [_option(row) for row in rows]

    def actions_from_option(
        self, option_id: int, stakeholder_ids: Sequence[int], *, row_key: object,
        planned_week: object = None, text: object = None, token: str | None = None,
    ) -> list[int]:
        """One planned action per stakeholder on their worksheet row `row_key`, made from an
        agreed option (its title unless `text` is given), all in one transaction."""
        option = self.get_option(option_id)
        key = domain.clean_choice(row_key, worksheet.ROW_KEYS, "row_key")
        values = domain.action_values(option.title if text is None else text, planned_week,
                                      "planned", None, "", today=self.today())
        ids = sorted({as_id("stakeholder", sid) for sid in stakeholder_ids})
        if not ids:
            raise ValidationError("stakeholders", "error.actions_for_nobody")
        now = self.now()

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            (status, project_id) = row_of(cur, "win_win_option", "status, project_id",
                                          option.id)
            if status != "agreed":
                raise ValidationError("stakeholders", "error.option_not_agreed")
            _check_partners(cur, project_id, ids)
            for stakeholder_id in ids:
                require_row(cur, "stakeholder", stakeholder_id)
                insert_row(cur, "action", {
                    "stakeholder_id": stakeholder_id, "row_key": key, **values,
                    "option_id": option.id, "revision": 1, "created_at": now, "updated_at": now,
                })
            return option.id

        self._once(token, "actions_from_option", write)
        return [int(action_id) for (action_id,) in self._rows(
            "SELECT id FROM action WHERE option_id = ? ORDER BY id", [option.id])]

    def option_actions(self, project_id: int) -> dict[int, list[OptionAction]]:
        """Per option, the actions made from it: (stakeholder id, name, status, planned week)."""
        rows = self._rows(
            "SELECT a.option_id, s.id, s.name, a.status, a.planned_week FROM action a "
            "JOIN stakeholder s ON s.id = a.stakeholder_id "
            "WHERE s.project_id = ? AND a.option_id IS NOT NULL ORDER BY a.id", [project_id])
        made: dict[int, list[OptionAction]] = {}
        for option_id, sid, name, status, week in rows:
            made.setdefault(option_id, []).append(OptionAction(sid, name, status, week))
        return made
