"""Gegevens: the user owns the data — exports, backup and restore, the sample project."""

import streamlit as st

from belangen import backup, exports, sample, ui
from belangen.backup import BackupRefused

store = ui.get_store()
lang = ui.language()
st.title(ui.tr("data.title"), anchor=False)
st.caption(ui.tr("data.intro", path=ui.plain(str(store.path))))
project = ui.active_project(store)
CALENDAR_PANEL = "data_calendar"


def progress_bar():
    """A progress callback for the storage layer's long operations."""
    bar = st.progress(0.0)
    return lambda fraction, key: bar.progress(min(max(fraction, 0.0), 1.0), text=ui.tr(key))


# --- Worksheet export ------------------------------------------------------------------------
st.header(ui.tr("data.worksheet_export"), anchor=False)
if project is None:
    st.caption(ui.tr("common.no_project"))
else:
    project_id = project.id  # for the files below, made when their button is pressed
    st.caption(ui.tr("data.worksheet_export_help"))
    include_hidden = st.checkbox(ui.tr("data.include_hidden"), key="data_include_hidden",
                                 help=ui.tr("data.include_hidden_help"))
    stakeholders = store.list_stakeholders(project_id)
    scope = st.selectbox(
        ui.tr("data.export_scope"),
        options=[None, *(s.id for s in stakeholders)],
        format_func=lambda sid: ui.tr("data.whole_project") if sid is None
        else next(s.name for s in stakeholders if s.id == sid),
        key="data_export_scope",
    )
    scope_name = None if scope is None else next(s.name for s in stakeholders if s.id == scope)
    stem = exports.worksheet_file_stem(project.name, scope_name, include_hidden=include_hidden,
                                       lang=lang)

    def markdown_document() -> str:
        if scope is None:
            return exports.project_markdown(store, project_id, lang=lang,
                                            include_hidden=include_hidden)
        return exports.stakeholder_markdown(store, scope, lang=lang, include_hidden=include_hidden)

    def html_document() -> str:
        if scope is None:
            return exports.project_html(store, project_id, lang=lang, include_hidden=include_hidden)
        return exports.stakeholder_html(store, scope, lang=lang, include_hidden=include_hidden)

    markdown_column, html_column = st.columns(2)
    markdown_column.download_button(
        ui.tr("data.download_markdown"), data=markdown_document, file_name=f"{stem}.md",
        mime="text/markdown", icon=":material/description:", key="data_download_md",
    )
    html_column.download_button(
        ui.tr("data.download_html"), data=html_document, file_name=f"{stem}.html",
        mime="text/html", icon=":material/print:", key="data_download_html",
        help=ui.tr("data.download_html_help"),
    )
    # Folded until asked for: its choices and the file cost a third of the page's time to
    # draw, for something done once in a while.
    calendar = ui.folding_panel(ui.tr("data.calendar_title"), icon=":material/calendar_month:",
                                panel_id=CALENDAR_PANEL)
    if calendar is not None:
        with calendar:
            st.caption(ui.tr("data.download_calendar_help"))
            reminder = ui.check_in_reminder()
            # Made with the open panel (~30 ms at forty people), not on the click: a download
            # made on the click ran on another thread and, on a loaded machine, often never came
            # back (the button kept spinning for over 25 s in Chromium, 2 of 3 runs).
            st.download_button(
                ui.tr("data.download_calendar"),
                data=exports.actions_calendar(store, project_id, lang=lang, reminder=reminder),
                file_name=exports.calendar_file_name(store.today()), mime="text/calendar",
                icon=":material/calendar_month:", key="data_download_ics",
            )
            st.markdown(f"**{ui.tr('data.reminder_how')}**\n\n{ui.tr('data.reminder_steps')}")

# --- All data --------------------------------------------------------------------------------
st.header(ui.tr("data.tables_export"), anchor=False)
st.caption(ui.tr("data.tables_export_help"))
prepare_csv, prepare_xlsx = st.columns(2)
if prepare_csv.button(ui.tr("data.prepare_csv"), key="data_prepare_csv",
                      icon=":material/folder_zip:"):
    ui.prepare_export("data_csv", store, lambda: exports.tables_csv_zip(store, progress_bar()))
if prepare_xlsx.button(ui.tr("data.prepare_xlsx"), key="data_prepare_xlsx",
                       icon=":material/table_view:"):
    ui.prepare_export("data_xlsx", store, lambda: exports.tables_xlsx(store, progress_bar()))
if (csv_zip := ui.prepared_export("data_csv", store)) is not None:
    prepare_csv.download_button(ui.tr("data.download_csv"), data=csv_zip,
                                file_name="belangen-tabellen.zip", mime="application/zip",
                                key="data_download_csv")
if (workbook := ui.prepared_export("data_xlsx", store)) is not None:
    prepare_xlsx.download_button(
        ui.tr("data.download_xlsx"), data=workbook,
        file_name="belangen-tabellen.xlsx", key="data_download_xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )

# --- Backup and restore ----------------------------------------------------------------------
st.header(ui.tr("data.backup"), anchor=False)
st.caption(ui.tr("data.backup_help"))
st.download_button(
    ui.tr("data.download_backup"), data=lambda: backup.write_backup(store),
    file_name=backup.backup_file_name(store), mime="application/zip", type="primary",
    icon=":material/backup:", key="data_download_backup",
)
upload = st.file_uploader(ui.tr("data.restore_file"), type=["zip"], key="data_restore_file")
# In place of Streamlit's English "50MB per file • ZIP", which ui.chrome hides.
st.caption(ui.tr("data.restore_file_limit", megabytes=backup.MAX_BACKUP_BYTES // 1024**2))
if upload is not None:
    data = upload.getvalue()
    info = ui.checked_backup(store, upload)
    if isinstance(info, BackupRefused):
        st.error(ui.tr(info.message_key), icon=":material/block:")
    else:
        counts = info.row_counts
        st.info(ui.tr("data.restore_summary", created=info.created_at,
                      projects=ui.tr_count("count.projects", counts.get("project", 0)),
                      stakeholders=ui.tr_count("count.stakeholders", counts.get("stakeholder", 0)),
                      follow_ups=ui.tr_count("count.follow_ups", counts.get("follow_up", 0))),
                icon=":material/inventory:")
        st.warning(ui.tr("data.restore_warning"), icon=":material/warning:")
        confirmed = st.checkbox(ui.tr("data.restore_confirm"), key="data_restore_confirm")
        if st.button(ui.tr("data.restore"), type="primary", disabled=not confirmed,
                     key="data_restore"):
            try:
                result = backup.restore_backup(store, data, progress=progress_bar())
            except BackupRefused as refusal:
                st.error(ui.tr(refusal.message_key), icon=":material/block:")
            else:
                for key in (ui.PROJECT_KEY, ui.STAKEHOLDER_KEY, "data_restore_confirm"):
                    st.session_state.pop(key, None)
                ui.clear_caches()
                ui.flash(ui.tr("data.restored", copy=ui.plain(result.safety_copy.name)))
                st.rerun()

copies = backup.list_safety_copies(store)
with st.expander(ui.tr("data.safety_copies", count=len(copies)), icon=":material/history:"):
    st.caption(ui.tr_count("data.safety_copies_help", backup.keep_backups(),
                           folder=ui.plain(str(backup.backups_dir(store)))))
    for copy in reversed(copies):
        st.text(f"{copy.path.name}")

# --- Sample project --------------------------------------------------------------------------
st.header(ui.tr("data.sample"), anchor=False)
if sample.find_sample_projects(store):
    st.caption(ui.tr("data.sample_loaded"))
    if st.button(ui.tr("data.sample_remove"), key="data_sample_remove",
                 icon=":material/delete:"):
        ui.act(lambda: sample.remove_sample_project(store), success=ui.tr("data.sample_removed"))
else:
    st.caption(ui.tr("data.sample_help"))
    if st.button(ui.tr("data.sample_load"), key="data_sample_load", icon=":material/science:"):
        ui.set_active_project(sample.load_sample_project(store))
        ui.clear_caches()
        ui.flash(ui.tr("data.sample_loaded_flash"))
        st.rerun()
