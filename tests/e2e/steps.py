"""Counting what a person does in the browser, for the issue's "≤ N actions" promises.

Counted in the page, from the browser's own trusted events, so the count does not depend on which
test helper drove the page: one action is one mouse click, one key that is not typing (Enter, Tab,
Escape, an arrow), or typing into one field (all the characters typed into a field in one visit
count once). The count survives reloads of the tab (it lives in the tab's sessionStorage).
"""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

_STORAGE_KEY = "__belangen_steps"  # also in STEP_COUNTER

STEP_COUNTER = """
(() => {
  const key = '__belangen_steps';
  const read = () => Number(sessionStorage.getItem(key) || 0);
  const bump = () => sessionStorage.setItem(key, String(read() + 1));
  const isText = (el) => el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement &&
     !['checkbox', 'radio', 'button', 'submit'].includes(el.type));
  const COMMANDS = ['Enter', 'Tab', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];
  let typingIn = null;
  document.addEventListener('pointerdown', (e) => {
    if (e.isTrusted && e.button === 0) bump();
  }, true);
  document.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (COMMANDS.includes(e.key) || (e.key === ' ' && !isText(e.target))) bump();
  }, true);
  document.addEventListener('input', (e) => {
    if (e.isTrusted && isText(e.target) && typingIn !== e.target) {
      typingIn = e.target;
      bump();
    }
  }, true);
  document.addEventListener('focusin', (e) => {
    if (typingIn !== e.target) typingIn = null;
  }, true);
  window.__belangenSteps = read;
})();
"""


def count_steps(context: BrowserContext) -> None:
    """From now on, every tab of `context` counts its user's actions."""
    context.add_init_script(script=STEP_COUNTER)


def steps(page: Page) -> int:
    """The actions counted in this tab so far."""
    return int(page.evaluate("() => window.__belangenSteps ? window.__belangenSteps() : -1"))


def reset_steps(page: Page) -> None:
    page.evaluate(f"() => sessionStorage.setItem('{_STORAGE_KEY}', '0')")
