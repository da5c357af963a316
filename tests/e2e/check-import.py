#!/usr/bin/env python3
# check-import.py SCREENSHOT
#
# Reads GNOME Calendar's import dialog through the accessibility tree (AT-SPI) and checks
# that it holds our event: the title, the venue and April 15, 2024. Saves a screenshot of
# the whole (virtual) screen at SCREENSHOT either way, and prints where.

import datetime
import locale
import subprocess
import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

TITLE = 'Container Plumbing Days 2024'
LOCATION = 'Seattle Convention Center, Seattle, WA'
START = datetime.date(2024, 4, 15)
# GNOME Calendar shows an all-day event's exclusive DTEND as its end.
END = datetime.date(2024, 4, 16)
# About 5 s on an idle machine; far more when CI shares its cores.
TIMEOUT = 90


def find(accessible, predicate):
    """Depth-first search below accessible (included)."""
    try:
        if predicate(accessible):
            return accessible
        children = [accessible.get_child_at_index(i) for i in range(accessible.get_child_count())]
    except gi.repository.GLib.Error:
        return None  # went away while we looked
    for child in children:
        if child is not None:
            found = find(child, predicate)
            if found is not None:
                return found
    return None


def labels(accessible, out):
    """The text of every label below accessible, in reading order."""
    try:
        if accessible.get_role() == Atspi.Role.LABEL:
            out.append(accessible.get_name() or '')
        children = [accessible.get_child_at_index(i) for i in range(accessible.get_child_count())]
    except gi.repository.GLib.Error:
        return out
    for child in children:
        if child is not None:
            labels(child, out)
    return out


def calendar_app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == 'gnome-calendar':
            return app
    return None


def import_dialog():
    app = calendar_app()
    if app is None:
        return None
    return find(app, lambda a: a.get_role() == Atspi.Role.DIALOG and
                (a.get_name() or '').startswith('Import'))


def value_after(texts, caption):
    """The label shown right after a caption label ("Title" → the title)."""
    if caption in texts and texts.index(caption) + 1 < len(texts):
        return texts[texts.index(caption) + 1]
    return None


def parse_date(text):
    # Calendar formats dates with the locale's %x; so does strptime.
    try:
        return datetime.datetime.strptime(text, '%x').date()
    except (TypeError, ValueError):
        return None


def check(dialog):
    texts = labels(dialog, [])
    problems = []
    if dialog.get_name() != 'Import 1 event':
        problems.append(f'dialog is {dialog.get_name()!r}, not "Import 1 event"')
    if value_after(texts, 'Title') != TITLE:
        problems.append(f'title is {value_after(texts, "Title")!r}')
    if value_after(texts, 'Location') != LOCATION:
        problems.append(f'location is {value_after(texts, "Location")!r}')
    if parse_date(value_after(texts, 'Starts')) != START:
        problems.append(f'start is {value_after(texts, "Starts")!r}')
    if parse_date(value_after(texts, 'Ends')) != END:
        problems.append(f'end is {value_after(texts, "Ends")!r}')
    return texts, problems


def main():
    screenshot = sys.argv[1]
    locale.setlocale(locale.LC_ALL, '')

    deadline = time.monotonic() + TIMEOUT
    started = time.monotonic()
    texts, problems, dialog = [], ['no import dialog in GNOME Calendar'], None
    while time.monotonic() < deadline:
        dialog = import_dialog()
        if dialog is not None:
            texts, problems = check(dialog)
            if not problems:
                break
        time.sleep(0.5)

    # The dialog is drawn by now (it is in the tree, with its texts).
    time.sleep(0.5)
    subprocess.run(['import', '-window', 'root', screenshot], check=True)
    print(f'Screenshot: {screenshot}')

    if dialog is not None:
        print(f'Dialog "{dialog.get_name()}" after {time.monotonic() - started:.1f} s; labels:',
              ' | '.join(texts))
    for problem in problems:
        print(f'FAIL: {problem}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
