#!/usr/bin/env python3
# drive-file-chooser.py TITLE cancel
# drive-file-chooser.py TITLE save PATH
#
# The FileChooser portal's GTK backend (xdg-desktop-portal-gtk) shows its file chooser dialog in
# its own process. This finds the dialog titled TITLE through the accessibility tree (AT-SPI)
# and answers it as a reader would: presses Cancel, or types PATH as the file's name and presses
# Save. It then waits for the dialog to go away, and exits 0 when all of that happened.

import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

BACKEND = 'xdg-desktop-portal-gtk'
# The backend starts on the first request; far longer when CI shares its cores.
TIMEOUT = 60


def descendants(root, role):
    """The showing accessibles of role below root, through AT-SPI's own search (Collection)."""
    showing = Atspi.StateSet.new([Atspi.StateType.SHOWING])
    rule = Atspi.MatchRule.new(showing, Atspi.CollectionMatchType.ALL, None,
                               Atspi.CollectionMatchType.NONE, [role],
                               Atspi.CollectionMatchType.ANY, None,
                               Atspi.CollectionMatchType.NONE, False)
    try:
        return Atspi.Collection.get_matches(root, rule, Atspi.CollectionSortOrder.CANONICAL, 0,
                                            True)
    except GLib.Error:
        return []  # went away while we looked


def named(accessibles, name):
    return next((a for a in accessibles if a.get_name() == name), None)


def dialog(title):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == BACKEND:
            return named(descendants(app, Atspi.Role.FILE_CHOOSER), title)
    return None


def wait(what, probe):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    sys.exit(f'drive-file-chooser: timed out after {TIMEOUT} s waiting for {what}')


def button(chooser, name):
    found = named(descendants(chooser, Atspi.Role.BUTTON), name)
    if found is None:
        sys.exit(f'drive-file-chooser: no "{name}" button in the dialog')
    return found


def text(accessible):
    return Atspi.Text.get_text(accessible, 0, Atspi.Text.get_character_count(accessible))


def press(chooser, name):
    found = button(chooser, name)
    # A GTK button has one action, "click".
    if Atspi.Action.get_n_actions(found) < 1:
        sys.exit(f'drive-file-chooser: the "{name}" button cannot be clicked')
    Atspi.Action.do_action(found, 0)


def main():
    title, answer = sys.argv[1], sys.argv[2]
    chooser = wait(f'the file chooser "{title}"', lambda: dialog(title))

    if answer == 'save':
        path = sys.argv[3]
        # The name entry: the dialog's one editable text. A whole path there saves in its folder.
        entry = next((a for a in descendants(chooser, Atspi.Role.TEXT)
                      if a.get_state_set().contains(Atspi.StateType.EDITABLE)), None)
        if entry is None:
            sys.exit('drive-file-chooser: no name entry in the dialog')
        print(f'Name proposed by the app: {text(entry)}')
        Atspi.EditableText.set_text_contents(entry, path)
        wait('the name to be typed', lambda: text(entry) == path)
        press(chooser, 'Save')
    elif answer == 'cancel':
        press(chooser, 'Cancel')
    else:
        sys.exit(f'drive-file-chooser: unknown answer {answer!r}')

    wait('the dialog to close', lambda: dialog(title) is None)
    return 0


if __name__ == '__main__':
    sys.exit(main())
