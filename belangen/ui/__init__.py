"""The glue between Streamlit and the package, the only part of `belangen` that imports it.

Pages use it as `from belangen import ui` and `ui.<name>`; each concern has a module of its own:

- `state`: Streamlit's state rules (drafts captured each run, pickers seeded from plain keys)
- `language`: the user's language and catalogue texts
- `chrome`: `<html lang>`, the few Streamlit hints the app hides, focus after a save
- `text`: user text made literal for Markdown, and the app's own labels
- `errors`: the privacy refusal, the app's message for unexpected errors, refusal texts
- `navigation`: routing around Streamlit's old `pages/` discovery
- `database`: the cached store and the daily safety copy
- `cache`: chart specs and 'Wat werkte?' computed once per write
- `chart_text`: each chart's 'Als tabel' view and the trend's notes
- `exports`: the Gegevens page's checked backups and prepared files
- `forms`: forms and data-changing clicks, saved once per drawing
- `pickers`: the active project, stakeholder, week and rating inputs
- `weekly`: the weekly pass and the worksheet's changed rows
- `week_grid`: the Weekcheck's whole week at once, one row per stakeholder still to do
- `last_time`: the weekcheck's 'Vorige keer' panel beside the form
- `collaboration`: names of the map's parties and interests in the user's language
- `setup`: the steps of setting a project up (next step, forms kept open, interest status)
"""

from belangen.ui.cache import (
    brief_of,
    course_order,
    course_spec,
    course_table,
    data_key,
    latest_ratings,
    latest_specs,
    latest_table,
    previous_ratings,
    stakeholder_notes,
    stakeholder_trend_spec,
    stakeholder_trend_table,
    what_worked,
    what_worked_spec,
    what_worked_table,
)
from belangen.ui.chart_text import NEWEST_NOTES_SHOWN, as_table, chart_notes
from belangen.ui.chrome import focus_if_requested, request_focus, streamlit_chrome
from belangen.ui.collaboration import interest_label, marked, party_name
from belangen.ui.database import _daily_safety_copy, _open_store, clear_caches, get_store
from belangen.ui.errors import error_text, friendly_errors, refuse_unless_private
from belangen.ui.exports import (
    check_in_reminder,
    checked_backup,
    prepare_export,
    prepared_export,
)
from belangen.ui.forms import (
    FLASH_KEY,
    FieldMessages,
    Form,
    act,
    action_button,
    attempt,
    discard_draft,
    flash,
    folding_panel,
    has_unsaved,
    new_form_panel,
    panel_key,
    show_flash,
)
from belangen.ui.language import (
    LANGUAGE_KEY,
    language,
    language_picker,
    tr,
    tr_count,
)
from belangen.ui.last_time import last_time_panel
from belangen.ui.navigation import app_pages, claim_navigation, name_the_document, overview_alias
from belangen.ui.pickers import (
    PROJECT_KEY,
    STAKEHOLDER_KEY,
    STAKEHOLDER_PARAM,
    active_project,
    date_field,
    planned_choice_text,
    planned_week_field,
    planned_week_saved,
    planned_week_value,
    project_picker,
    rating_input,
    require_project,
    select_stakeholder,
    set_active_project,
    stakeholder_picker,
    week_chooser,
)
from belangen.ui.setup import (
    INTEREST_STATUS_ICONS,
    NEW_STAKEHOLDER_FOCUS,
    interest_status_short,
    keep_new_stakeholder_form_open,
    new_project_panel,
    new_stakeholder_panel,
    offer_first_stakeholder,
)
from belangen.ui.state import begin_run, picker_shown, seed_picker
from belangen.ui.text import (
    WORD_JOINER,
    action_field_text,
    action_status_text,
    app_today,
    cadence_text,
    follow_up_field_text,
    follow_up_marker,
    interest_field_text,
    plain,
    project_field_text,
    rating_number_text,
    rating_text,
    stakeholder_field_text,
    unanswered_text,
    week_choice_text,
    week_text,
    what_worked_sentence,
    worksheet_field_text,
)
from belangen.ui.week_grid import view_switch, week_grid
from belangen.ui.weekly import (
    WORKSHEET_FIELDS,
    changed_worksheet_rows,
    move_on_after_saving,
    open_follow_up,
    previous_rating_caption,
    show_moved_on,
)

__all__ = [
    "FLASH_KEY",
    "INTEREST_STATUS_ICONS",
    "LANGUAGE_KEY",
    "NEWEST_NOTES_SHOWN",
    "NEW_STAKEHOLDER_FOCUS",
    "PROJECT_KEY",
    "STAKEHOLDER_KEY",
    "STAKEHOLDER_PARAM",
    "WORD_JOINER",
    "WORKSHEET_FIELDS",
    "FieldMessages",
    "Form",
    "_daily_safety_copy",
    "_open_store",
    "act",
    "action_button",
    "action_field_text",
    "action_status_text",
    "active_project",
    "app_pages",
    "app_today",
    "as_table",
    "attempt",
    "begin_run",
    "brief_of",
    "cadence_text",
    "changed_worksheet_rows",
    "chart_notes",
    "check_in_reminder",
    "checked_backup",
    "claim_navigation",
    "clear_caches",
    "course_order",
    "course_spec",
    "course_table",
    "data_key",
    "date_field",
    "discard_draft",
    "error_text",
    "flash",
    "focus_if_requested",
    "folding_panel",
    "follow_up_field_text",
    "follow_up_marker",
    "friendly_errors",
    "get_store",
    "has_unsaved",
    "interest_field_text",
    "interest_label",
    "interest_status_short",
    "keep_new_stakeholder_form_open",
    "language",
    "language_picker",
    "last_time_panel",
    "latest_ratings",
    "latest_specs",
    "latest_table",
    "marked",
    "move_on_after_saving",
    "name_the_document",
    "new_form_panel",
    "new_project_panel",
    "new_stakeholder_panel",
    "offer_first_stakeholder",
    "open_follow_up",
    "overview_alias",
    "panel_key",
    "party_name",
    "picker_shown",
    "plain",
    "planned_choice_text",
    "planned_week_field",
    "planned_week_saved",
    "planned_week_value",
    "prepare_export",
    "prepared_export",
    "previous_rating_caption",
    "previous_ratings",
    "project_field_text",
    "project_picker",
    "rating_input",
    "rating_number_text",
    "rating_text",
    "refuse_unless_private",
    "request_focus",
    "require_project",
    "seed_picker",
    "select_stakeholder",
    "set_active_project",
    "show_flash",
    "show_moved_on",
    "stakeholder_field_text",
    "stakeholder_notes",
    "stakeholder_picker",
    "stakeholder_trend_spec",
    "stakeholder_trend_table",
    "streamlit_chrome",
    "tr",
    "tr_count",
    "unanswered_text",
    "view_switch",
    "week_choice_text",
    "week_chooser",
    "week_grid",
    "week_text",
    "what_worked",
    "what_worked_sentence",
    "what_worked_spec",
    "what_worked_table",
    "worksheet_field_text",
]
