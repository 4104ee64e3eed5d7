"""The app's own page scripts carry their parameters as JSON that cannot end the script."""

from belangen.ui import page_script


def test_a_parameter_cannot_close_the_script_element():
    literal = page_script._json_for_script('.st-key-x</script><img src=x onerror=alert(1)>')
    assert "<" not in literal and ">" not in literal
    assert literal.startswith('"') and literal.endswith('"')
