"""The app's own page scripts carry their parameters as JSON that cannot end the script."""

from belangen.ui import chrome


def test_a_parameter_cannot_close_the_script_element():
    literal = chrome._json_for_script('.st-key-x</script><img src=x onerror=alert(1)>')
    assert "<" not in literal and ">" not in literal
    assert literal.startswith('"') and literal.endswith('"')


def test_only_the_focus_script_as_the_app_builds_it_counts_as_the_apps_own_html():
    built = chrome._FOCUS_SCRIPT.format(
        selector=chrome._json_for_script(".st-key-fu_3_2026-11-30__rating_value input"), nonce=7)
    assert chrome.is_app_html(built)
    assert not chrome.is_app_html(built + "<img src=x onerror=alert(1)>")
    assert not chrome.is_app_html(built.replace('"', "'", 2))
    assert not chrome.is_app_html("<script>alert(1)</script>")
