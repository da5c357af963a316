#!/usr/bin/env python3
# drive-atspi.py file-chooser TITLE cancel
# drive-atspi.py file-chooser TITLE save PATH
# drive-atspi.py link WINDOW LINK
#
# Does what a reader would do in another window, through the accessibility tree (AT-SPI), while
# the test's own process keeps running its main loop:
#
# file-chooser: the FileChooser portal's GTK backend (xdg-desktop-portal-gtk) shows its dialog
# in its own process. Finds the dialog titled TITLE and presses Cancel, or types PATH as the
# file's name and presses Save; then waits for the dialog to go away.
#
# link: follows the link whose text starts with LINK in the window titled WINDOW (the app's
# help window, a web view), as clicking it would.
#
# Exits 0 when all of that happened.

import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

BACKEND = 'xdg-desktop-portal-gtk'
# The backend starts on the first request; far longer when CI shares its cores.
TIMEOUT = 60


def walk(accessible):
    yield accessible
    for child in children(accessible):
        if child is not None:
            yield from walk(child)


def showing(accessible):
    try:
        return accessible.get_state_set().contains(Atspi.StateType.SHOWING)
    except GLib.Error:
        return False


def descendants(root, role, on_screen=True):
    """The accessibles of role below root, only those on screen unless told.
    (GTK 4 has no Collection interface to ask.)"""
    return [a for a in walk(root) if a.get_role() == role and (showing(a) or not on_screen)]


def named(accessibles, name):
    return next((a for a in accessibles if a.get_name() == name), None)


def children(accessible):
    try:
        return [accessible.get_child_at_index(i) for i in range(accessible.get_child_count())]
    except GLib.Error:
        return []  # went away while we looked


def toplevel(role, title, app_name=None):
    """The showing window of role titled title, of the application app_name or any."""
    for app in children(Atspi.get_desktop(0)):
        if app is None or app_name not in (None, app.get_name()):
            continue
        for window in children(app):
            if (window is not None and window.get_role() == role and window.get_name() == title
                    and showing(window)):
                return window
    return None


def dialog(title):
    return toplevel(Atspi.Role.FILE_CHOOSER, title, BACKEND)


def wait(what, probe):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    sys.exit(f'drive-atspi: timed out after {TIMEOUT} s waiting for {what}')


def button(chooser, name):
    found = named(descendants(chooser, Atspi.Role.BUTTON), name)
    if found is None:
        sys.exit(f'drive-atspi: no "{name}" button in the dialog')
    return found


def text(accessible):
    return Atspi.Text.get_text(accessible, 0, Atspi.Text.get_character_count(accessible))


def press(chooser, name):
    found = button(chooser, name)
    # A GTK button has one action, "click".
    if Atspi.Action.get_n_actions(found) < 1:
        sys.exit(f'drive-atspi: the "{name}" button cannot be clicked')
    Atspi.Action.do_action(found, 0)


def file_chooser(title, answer, path=None):
    chooser = wait(f'the file chooser "{title}"', lambda: dialog(title))

    if answer == 'save':
        # The name entry: the dialog's one editable text. A whole path there saves in its folder.
        entry = next((a for a in descendants(chooser, Atspi.Role.TEXT)
                      if a.get_state_set().contains(Atspi.StateType.EDITABLE)), None)
        if entry is None:
            sys.exit('drive-atspi: no name entry in the dialog')
        print(f'Name proposed by the app: {text(entry)}')
        Atspi.EditableText.set_text_contents(entry, path)
        wait('the name to be typed', lambda: text(entry) == path)
        press(chooser, 'Save')
    elif answer == 'cancel':
        press(chooser, 'Cancel')
    else:
        sys.exit(f'drive-atspi: unknown answer {answer!r}')

    wait('the dialog to close', lambda: dialog(title) is None)


def link(title, start):
    def find_link():
        frame = toplevel(Atspi.Role.FRAME, title)
        if frame is None:
            return None
        # Also a link further down the page, as a keyboard or screen reader user reaches it.
        return next((a for a in descendants(frame, Atspi.Role.LINK, on_screen=False)
                     if (a.get_name() or '').startswith(start)), None)

    found = wait(f'a link "{start}…" in the window "{title}"', find_link)
    print(f'Link: {found.get_name()}')
    # A web view's link has one action, "jump": what a click does.
    Atspi.Action.do_action(found, 0)


def main():
    command = sys.argv[1]
    if command == 'file-chooser':
        file_chooser(*sys.argv[2:])
    elif command == 'link':
        link(*sys.argv[2:])
    else:
        sys.exit(f'drive-atspi: unknown command {command!r}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
