#!/usr/bin/env python3
# test-a11y.py: the app as assistive technologies see it, through AT-SPI.
#
# Copyright 2026 The CPD developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/headless-run python3 tests/a11y/test-a11y.py BUILDDIR/src/cpd
#
# Starts the real app (its own process, as a user would) under headless-run, which gives it an
# X server, a session bus and the accessibility bus, and checks with AT-SPI (gi.repository.Atspi)
# that:
#   * every interactive widget (button, toggle button, menu button, list item, entry, ...) in
#     the window has an accessible name;
#   * the sidebar's section rows are announced with the section titles, its action rows with
#     the action, the header buttons with what they do, and the banner with the event status;
#   * Tab alone, from the window's first focus, reaches every enabled action row and header
#     button (keyboard events through XTest, as a keyboard would send them).
#   * typing a word in the sidebar starts finding it in the page.
# Prints TAP-style lines; the exit status is the result (the AT-SPI registry, started on
# demand, writes to the same stdout, so meson reads the status, not TAP).

import os
import re
import signal
import subprocess
import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

Role = Atspi.Role
State = Atspi.StateType

TIMEOUT = 60
INTERACTIVE = {
    Role.TEXT, Role.PUSH_BUTTON, Role.TOGGLE_BUTTON, Role.CHECK_BOX, Role.RADIO_BUTTON, Role.MENU_ITEM,
    Role.LIST_ITEM, Role.ENTRY, Role.PASSWORD_TEXT, Role.SPIN_BUTTON, Role.SLIDER, Role.COMBO_BOX,
    Role.LINK, Role.PAGE_TAB, Role.TREE_ITEM, Role.TABLE_ROW,
}
for name in ('PUSH_BUTTON_MENU', 'MENU_BUTTON', 'SWITCH'):
    if hasattr(Role, name):
        INTERACTIVE.add(getattr(Role, name))
# The page's own content is WebKit's accessibility, and so are the web view's internal
# children (WebKitGTK 2.52 puts an unnamed editable GtkText there); the rest is ours.
WEB_CONTENT = {Role.DOCUMENT_WEB, Role.DOCUMENT_FRAME}

SECTIONS = ['Container Plumbing Days 2024', 'Container Plumbing?', 'Conduct', 'Sponsors']
# The bundled event (April 2024) is over on any clock this runs on: the card leads with its
# recordings and offers the registration link as the event's page.
ACTIONS = ['Recordings', 'Event Website', 'Venue & Travel', 'Schedule', 'Code of Conduct',
           'Add to Calendar']
BUTTONS = ['Main Menu', 'Find in Page']
BANNER = re.compile(r'^(This event took place on April 15, 2024|The event starts .*|'
                    r'The event is happening today)$')

results = []


def check(ok, what, detail=''):
    results.append(ok)
    print(f'{"ok" if ok else "not ok"} {len(results)} {what}', flush=True)
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f'# {line}', flush=True)


def is_web_view(node, children, depth=2):
    """The web view: the GTK widget with WebKit's accessibles among its (grand)children."""
    for child in children:
        try:
            if child.get_attributes().get('toolkit') == 'WebKitGTK':
                return True
            if depth > 1 and is_web_view(child, [child.get_child_at_index(i) for i in
                                                 range(child.get_child_count())], depth - 1):
                return True
        except Exception:
            pass
    return False


def is_page_view(node):
    """Our page view, which holds the web view: it names itself for screen readers. Found by
    name too, because WebKit's own accessibles may not be connected yet on a loaded machine."""
    try:
        return node.get_role() == Role.GROUPING and node.get_name() == 'Event Page Content'
    except Exception:
        return False


def walk(node, into_web=False):
    """Every accessible below node, depth first, without the web view's insides."""
    try:
        role = node.get_role()
        children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
    except Exception:  # the widget went away while we walked
        return
    yield node
    children = [c for c in children if c is not None]
    if not into_web and (role in WEB_CONTENT or is_page_view(node) or
                         is_web_view(node, children)):
        return
    for child in children:
        yield from walk(child, into_web)


def states(node):
    try:
        return node.get_state_set()
    except Exception:
        return Atspi.StateSet.new([])


def name_of(node):
    try:
        return (node.get_name() or '').strip()
    except Exception:
        return ''


def describe(node):
    path = []
    while node is not None and len(path) < 8:
        path.append(f'{node.get_role_name()} "{name_of(node)}"')
        try:
            node = node.get_parent()
        except Exception:
            break
    return ' < '.join(path)


def wait_for(what, condition):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise TimeoutError(f'timed out after {TIMEOUT} s waiting for {what}')


def wait_until(condition, seconds=10):
    """The condition's value once true, or its last (false) value after SECONDS."""
    deadline = time.monotonic() + seconds

    def check():
        # While the window changes (the split view collapsing, say), a node met in the walk
        # may be gone by the time it is asked its role: look again.
        try:
            return condition()
        except GLib.GError:
            return None

    value = check()
    while not value and time.monotonic() < deadline:
        time.sleep(0.2)
        value = check()
    return value


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def find_window(app):
    for i in range(app.get_child_count()):
        window = app.get_child_at_index(i)
        if window is not None and window.get_role() in (Role.FRAME, Role.WINDOW):
            return window
    return None


def by_role_and_name(window, roles, name):
    return [n for n in walk(window) if n.get_role() in roles and name_of(n) == name]


def focused(window):
    for node in walk(window):
        if states(node).contains(State.FOCUSED):
            return node
    return None


def xdotool(*args, check_call=True):
    return subprocess.run(['xdotool', *args], check=check_call, stdout=subprocess.PIPE,
                          text=True).stdout


def main():
    cpd = os.path.abspath(sys.argv[1])
    env = dict(os.environ, NO_AT_BRIDGE='0', GTK_A11Y='atspi', LANGUAGE='en')
    proc = subprocess.Popen([cpd], env=env, start_new_session=True)
    try:
        run_checks(proc)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
    print(f'1..{len(results)}')
    return 0 if all(results) else 1


def run_checks(proc):
    app = wait_for('the app on the accessibility bus', lambda: find_app(proc.pid))
    window = wait_for('the window', lambda: find_window(app))
    # The sections are in the sidebar once the page is parsed and shown.
    wait_for('the sidebar sections', lambda: by_role_and_name(window, {Role.LABEL},
                                                               SECTIONS[-1]))

    # Every interactive widget has a name.
    nodes = list(walk(window))
    interactive = [n for n in nodes if n.get_role() in INTERACTIVE]
    unnamed = [describe(n) for n in interactive if not name_of(n)]
    check(len(interactive) >= len(SECTIONS) + len(ACTIONS) + len(BUTTONS),
          f'{len(interactive)} interactive widgets found')
    check(not unnamed, 'every interactive widget has an accessible name', '\n'.join(unnamed))

    # Meaningful labels: the words a sighted reader sees.
    rows = [name_of(n) for n in nodes if n.get_role() == Role.LIST_ITEM]
    for title in SECTIONS:
        check(title in rows, f'section row announced as "{title}"', f'list items: {rows}')
    for action in ACTIONS:
        check(any(name_of(n) == action for n in interactive),
              f'action announced as "{action}"', f'names: {[name_of(n) for n in interactive]}')
    for button in BUTTONS:
        check(bool(by_role_and_name(window, INTERACTIVE, button)),
              f'header button announced as "{button}"')
    banner = [n for n in nodes if BANNER.match(name_of(n)) and
              states(n).contains(State.SHOWING)]
    check(bool(banner), 'the banner announces the event status',
          f'showing names: {sorted({name_of(n) for n in nodes if name_of(n)})}')
    unlabelled_lists = [describe(n) for n in nodes
                        if n.get_role() in (Role.LIST, Role.LIST_BOX) and not name_of(n)]
    check(not unlabelled_lists, 'the sidebar lists have names', '\n'.join(unlabelled_lists))

    # Keyboard: Tab moves between groups, the arrow keys within a list (GTK's list
    # navigation), from the window's first focus. Every enabled action and header button must
    # be reached, and Tab alone must leave the page again (no keyboard trap).
    wanted = {name for name in ACTIONS + BUTTONS
              if any(states(n).contains(State.SENSITIVE)
                     for n in by_role_and_name(window, INTERACTIVE, name))}
    check(wanted >= set(BUTTONS), 'the header buttons are enabled', f'enabled: {wanted}')
    x_window = xdotool('search', '--sync', '--onlyvisible', '--pid', str(proc.pid)).split()[0]
    xdotool('windowfocus', '--sync', x_window)
    reached, trail, walked_lists, trapped = set(), [], set(), False

    def press(key):
        before = focus_signature(window)
        xdotool('key', key)
        # Focus moves asynchronously over the bus: wait for the change, briefly.
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline and focus_signature(window) == before:
            time.sleep(0.05)
        node = focused(window)
        trail.append(f'{key}: {focus_signature(window)}')
        if node is not None and name_of(node) in wanted:
            reached.add(name_of(node))
        return focus_signature(window) != before

    for _ in range(60):
        if reached == wanted:
            break
        node = focused(window)
        parent = node.get_parent() if node is not None else None
        if node is not None and node.get_role() == Role.LIST_ITEM and parent is not None \
                and name_of(parent) not in walked_lists:
            walked_lists.add(name_of(parent))
            for _ in range(parent.get_child_count()):
                if not press('Down'):
                    break
        if not press('Tab'):
            # Nothing moved: Tab is kept (by the page). GTK's way out of such widgets.
            trapped = True
            press('ctrl+Tab')
    check(reached == wanted, f'the keyboard reaches every action and button ({len(wanted)})',
          f'missing: {sorted(wanted - reached)}\nfocus trail:\n' + '\n'.join(trail))
    check(not trapped, 'Tab alone leaves the page (no keyboard trap)',
          'focus trail:\n' + '\n'.join(trail))

    # Typing in the sidebar starts finding in the page: from a section row, the typed word
    # goes to the find bar's entry (made on that first key) and the page is searched.
    del trail[:]
    for _ in range(40):
        node = focused(window)
        if node is not None and node.get_role() == Role.LIST_ITEM and name_of(node) in SECTIONS:
            break
        if not press('Tab'):
            press('ctrl+Tab')
    check(node is not None and name_of(node) in SECTIONS, 'Tab reaches a section row',
          'focus trail:\n' + '\n'.join(trail))
    xdotool('type', '--delay', '100', 'Seattle')
    # The find entry's text is not on the accessibility bus (GtkSearchEntry), what it found is:
    # the bundled page names Seattle twice; its first letters alone match many more times.
    matches = wait_until(lambda: by_role_and_name(window, {Role.LABEL}, '1 of 2'))
    check(bool(matches), 'typing "Seattle" in the sidebar finds it in the page ("1 of 2")',
          f'labels: {[name_of(n) for n in walk(window) if n.get_role() == Role.LABEL]}')

    # The find bar, made on that first key, names its entry and buttons too.
    unnamed = [describe(n) for n in walk(window) if n.get_role() in INTERACTIVE
               and states(n).contains(State.SHOWING) and not name_of(n)]
    check(not unnamed, 'with the find bar open, every interactive widget has a name',
          '\n'.join(unnamed))

    # On a phone (360 px) the sidebar and the page take turns. From the page, Back shows the
    # sidebar; there the arrow keys move through the sections without leaving it, and Enter
    # goes to the page.
    def showing_section_rows():
        return [n for n in walk(window) if n.get_role() == Role.LIST_ITEM and
                name_of(n) in SECTIONS and states(n).contains(State.SHOWING)]

    xdotool('windowsize', x_window, '360', '640')
    back = wait_until(lambda: [n for n in by_role_and_name(window, INTERACTIVE, 'Back')
                               if states(n).contains(State.SHOWING)])
    check(bool(back), 'at 360 px the page has a Back button')
    if back:
        back[0].get_action_iface().do_action(0)
    check(bool(wait_until(showing_section_rows)), 'Back shows the sections')
    del trail[:]
    for _ in range(40):
        node = focused(window)
        if node is not None and node.get_role() == Role.LIST_ITEM and name_of(node) in SECTIONS:
            break
        if not press('Tab'):
            press('ctrl+Tab')
    before = name_of(focused(window))
    for _ in range(2):
        # With no row selected (Back clears it), the first key may only select the focused one.
        press('Down')
        if name_of(focused(window)) != before:
            break
    after = name_of(focused(window))
    page_shown = wait_until(lambda: not showing_section_rows(), seconds=2)
    check(after in SECTIONS and after != before and not page_shown,
          'at 360 px the Down key moves to the next section and stays in the list',
          f'from "{before}" to "{after}"\nfocus trail:\n' + '\n'.join(trail))
    press('Return')
    check(bool(wait_until(lambda: not showing_section_rows())),
          'at 360 px Enter on a section shows the page')


def focus_signature(window):
    """What has the focus, down to the link in the page."""
    found = []
    for node in walk(window, into_web=True):
        if states(node).contains(State.FOCUSED):
            found.append(f'{node.get_role_name()} "{name_of(node)}"')
    return ' > '.join(found) or '(nothing)'


if __name__ == '__main__':
    sys.exit(main())
