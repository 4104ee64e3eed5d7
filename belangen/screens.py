"""The app's screens, in menu order: the one list app.py, the tests and the benchmark read.

Pure data (no Streamlit): each screen's script under `pages/` (the folder the layout fixes), its
title in the catalogue, its icon and the path it is served at. The overview is the default
screen, served at `/`; its own url_path differs from "overview" because `/overview` is a hidden
alias leading there (see `belangen.ui.navigation`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Screen:
    path: str
    """The page script, relative to the project folder."""
    title_key: str
    icon: str
    url_path: str
    default: bool = False

    @property
    def name(self) -> str:
        """The script's stem: 'follow_up' for pages/follow_up.py."""
        return self.path.rsplit("/", 1)[-1].removesuffix(".py")


OVERVIEW = Screen("pages/overview.py", "nav.overview", ":material/home:", "home", default=True)
PROJECTS = Screen("pages/projects.py", "nav.projects", ":material/folder:", "projects")
STAKEHOLDERS = Screen("pages/stakeholders.py", "nav.stakeholders", ":material/groups:",
                      "stakeholders")
WORKSHEET = Screen("pages/worksheet.py", "nav.worksheet", ":material/table_rows:", "worksheet")
FOLLOW_UP = Screen("pages/follow_up.py", "nav.follow_up", ":material/event_repeat:", "follow_up")
TRENDS = Screen("pages/trends.py", "nav.trends", ":material/show_chart:", "trends")
INTEREST_MAP = Screen("pages/interest_map.py", "nav.interest_map", ":material/hub:",
                      "interest_map")
OPTIONS = Screen("pages/options.py", "nav.options", ":material/handshake:", "options")
BRIEF = Screen("pages/brief.py", "nav.brief", ":material/assignment:", "brief")
DATA = Screen("pages/data.py", "nav.data", ":material/save:", "data")

SCREENS: tuple[Screen, ...] = (OVERVIEW, PROJECTS, STAKEHOLDERS, WORKSHEET, INTEREST_MAP, OPTIONS,
                               BRIEF, FOLLOW_UP, TRENDS, DATA)
HISTORY_SCREENS: tuple[Screen, ...] = (OVERVIEW, WORKSHEET, FOLLOW_UP, TRENDS)
"""Screens that read a stakeholder's or project's weekly history to draw what they show."""
