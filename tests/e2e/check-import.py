#!/usr/bin/env python3
# check-import.py SCREENSHOT ICS
#
# Reads GNOME Calendar's import dialog through the accessibility tree (AT-SPI) and checks
# that it holds our event: the title, the venue and April 15, 2024. Saves a screenshot of
# the whole (virtual) screen at SCREENSHOT either way, and prints where. Then presses Import,
# as the reader would, and checks what evolution-data-server keeps: exactly one event with
# the UID of ICS (the file the app handed over), on April 15, 2024 (DTEND the 16th, as
# all-day events end), however often the event was imported before.
#
# When the import has reached the store is seen on the session bus: GNOME Calendar's
# CreateObjects call to the calendar backend, and the backend's answer (a success the first
# time, "already exists" after). The store is then asked directly (GetObjectList), and its
# file ($XDG_DATA_HOME/evolution/calendar/system/calendar.ics) is read once it has the event.

import atexit
import datetime
import locale
import os
import re
import select
import signal
import subprocess
import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

TITLE = 'Container Plumbing Days 2024'
LOCATION = 'Seattle Convention Center, Seattle, WA'
START = datetime.date(2024, 4, 15)
# GNOME Calendar shows an all-day event's exclusive DTEND as its end.
END = datetime.date(2024, 4, 16)
# The dialog: about 5 s on an idle machine, 23 s seen when CI shares its cores.
TIMEOUT = 90
# Import pressed → the backend's answer → the dialog gone → the store's file: well under a
# second each when idle.
ANSWER_TIMEOUT = 60
FILE_TIMEOUT = 20
# Every wait also ends by this, below test-e2e.c's CHECK_TIMEOUT_SECONDS (200 s): the checker
# always ends, and says why, before the test gives up on it.
CHECKER_END = time.monotonic() + 180


def deadline_in(seconds):
    return min(time.monotonic() + seconds, CHECKER_END)


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


CALENDAR_INTERFACE = 'org.gnome.evolution.dataserver.Calendar'
STORE_FILE = os.path.join(os.environ.get('XDG_DATA_HOME', os.path.expanduser('~/.local/share')),
                          'evolution', 'calendar', 'system', 'calendar.ics')


def unfold(ics):
    """iCalendar lines, with folded continuation lines joined."""
    return re.sub(r'\r?\n[ \t]', '', ics).splitlines()


def our_uid(ics_path):
    with open(ics_path, encoding='utf-8') as f:
        for line in unfold(f.read()):
            if line.startswith('UID:'):
                return line[4:].strip()
    raise SystemExit(f'FAIL: no UID in {ics_path}')


def events_with_uid(ics, uid):
    """The VEVENT blocks of ics whose UID is uid, each as its list of lines."""
    events, current = [], None
    for line in unfold(ics):
        if line == 'BEGIN:VEVENT':
            current = []
        elif line == 'END:VEVENT' and current is not None:
            if f'UID:{uid}' in current:
                events.append(current)
            current = None
        elif current is not None:
            current.append(line.strip())
    return events


def check_events(events, where):
    problems = []
    if len(events) != 1:
        problems.append(f'{where} holds {len(events)} events with our UID, not exactly one')
    for event in events:
        for wanted in ('DTSTART;VALUE=DATE:20240415', 'DTEND;VALUE=DATE:20240416'):
            if wanted not in event:
                problems.append(f'{where}: no {wanted} in {event}')
    return problems


class BusWatch:
    """dbus-monitor on the test's session bus: the calls to the calendar backends and the
    answers to them. Every read is bounded by a deadline: a quiet bus never blocks us."""

    def __init__(self):
        # Line-buffered: piped, dbus-monitor's stdio would otherwise hold the lines back.
        # Unbuffered bytes on our side, so select () sees exactly what has not been read yet.
        self.process = subprocess.Popen(['stdbuf', '-oL', 'dbus-monitor', '--session'],
                                        stdout=subprocess.PIPE, bufsize=0)
        # Whatever happens to us (an exception, SIGTERM from test-e2e), the monitor goes too.
        atexit.register(self.stop)
        self.pending = b''
        self.calls = {}

    def lines(self, deadline):
        """The monitor's output lines (without their newline) until deadline."""
        fd = self.process.stdout.fileno()
        while True:
            while b'\n' in self.pending:
                line, self.pending = self.pending.split(b'\n', 1)
                yield line.decode('utf-8', 'replace')
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                return
            chunk = os.read(fd, 65536)
            if not chunk:
                return  # the monitor is gone (the bus closed)
            self.pending += chunk

    def wait_until_monitoring(self, deadline):
        """True once the bus has made the connection a monitor: it then takes away its unique
        name (NameLost). NameAcquired comes earlier, before BecomeMonitor has been answered."""
        return any('member=NameLost' in line for line in self.lines(deadline))

    def wait_for_create_answer(self, deadline):
        """(destination, path, answer) of the first CreateObjects call that is answered."""
        header = re.compile(r'^(method call|method return|error) ')
        for line in self.lines(deadline):
            if not header.match(line):
                continue  # a message's arguments (the event's own text among them)
            # The header is "kind time=… sender=A -> destination=B serial=N …; member=M"; the
            # line comes without its newline, so the last field's value is exact.
            fields = dict(re.findall(r'(\w+)=([^ ;]+)', line))
            if line.startswith('method call') and fields.get('member') == 'CreateObjects':
                self.calls[(fields['sender'], fields['serial'])] = (fields['destination'],
                                                                   fields['path'])
            elif 'reply_serial' in fields:
                call = self.calls.get((fields.get('destination'), fields['reply_serial']))
                if call is not None:
                    answer = fields.get('error_name') if line.startswith('error') else 'success'
                    return call[0], call[1], answer
        return None

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()


def store_objects(destination, path):
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync(destination, path, CALENDAR_INTERFACE, 'GetObjectList',
                          GLib.Variant('(s)', ('#t',)), GLib.VariantType('(as)'),
                          Gio.DBusCallFlags.NONE, 30000, None)
    return '\n'.join(reply.unpack()[0])


def press_import(dialog, uid):
    """Presses Import and checks the store afterwards; returns the problems."""
    button = find(dialog, lambda a: a.get_role() == Atspi.Role.PUSH_BUTTON and
                  a.get_name() == 'Import')
    if button is None:
        return ['no Import button in the dialog']

    watch = BusWatch()
    try:
        if not watch.wait_until_monitoring(deadline_in(ANSWER_TIMEOUT)):
            return ['dbus-monitor never started monitoring the session bus']
        print(f'Pressing Import: {button.do_action(0)}', flush=True)
        answered = watch.wait_for_create_answer(deadline_in(ANSWER_TIMEOUT))
    finally:
        watch.stop()
    if answered is None:
        return ['no answer from evolution-data-server to a CreateObjects call by GNOME Calendar '
                'in time']

    destination, path, answer = answered
    print(f'CreateObjects answered: {answer}')

    # Calendar closes the dialog (animated) once the store has answered. The import is over,
    # for the next Add to Calendar too, when the dialog has left Calendar's window, as a reader
    # would see it go: GNOME Calendar 48.1 (Debian 13) handed the next file at once, while the
    # old dialog was still there, crashed every time (Gtk-CRITICAL "gtk_widget_unset_state_flags:
    # assertion 'GTK_IS_WIDGET (widget)' failed", then a segfault in libgtk-4 near
    # gtk_widget_unparent as it drops the old dialog), so the second import found no Calendar.
    problems = []
    deadline = deadline_in(ANSWER_TIMEOUT)
    while import_dialog() is not None:
        if time.monotonic() > deadline:
            problems.append('Calendar still shows its import dialog after the store answered')
            break
        time.sleep(0.2)
    problems += check_events(events_with_uid(store_objects(destination, path), uid),
                             'evolution-data-server')

    # The file is written after the answer: wait for it to hold the event, then check it.
    deadline = deadline_in(FILE_TIMEOUT)
    while time.monotonic() < deadline:
        if os.path.exists(STORE_FILE):
            with open(STORE_FILE, encoding='utf-8') as f:
                stored = f.read()
            if events_with_uid(stored, uid):
                return problems + check_events(events_with_uid(stored, uid), STORE_FILE)
        time.sleep(0.2)
    return problems + [f'{STORE_FILE} never held the event']


def main():
    screenshot = sys.argv[1]
    uid = our_uid(sys.argv[2])
    locale.setlocale(locale.LC_ALL, '')

    deadline = deadline_in(TIMEOUT)
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
    subprocess.run(['import', '-window', 'root', screenshot], check=True, timeout=60)
    print(f'Screenshot: {screenshot}')

    if dialog is not None:
        print(f'Dialog "{dialog.get_name()}" after {time.monotonic() - started:.1f} s; labels:',
              ' | '.join(texts))
    if dialog is not None and not problems:
        problems = press_import(dialog, uid)
    for problem in problems:
        print(f'FAIL: {problem}')
    return 1 if problems else 0


if __name__ == '__main__':
    # test-e2e sends SIGTERM when the checker overruns: exit normally, so that the finally
    # blocks and atexit still stop dbus-monitor.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit('FAIL: terminated (SIGTERM)'))
    sys.exit(main())
