#!/usr/bin/env python3
# test-launch.py PREFIX SCREENSHOT
#
# Copyright 2026 The CPD developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/session/install-run BUILDDIR PREFIX tests/session/shell-run python3 test-launch.py ...
#
# Starts the installed app the way users do: through GNOME Shell's own app system, what a click
# in the app grid does (Shell.AppSystem ... lookup_app('org.example.CPD.desktop').activate()),
# over org.gnome.Shell.Eval. Then checks that:
#   * the Shell found the installed desktop file (its name and icon);
#   * the app was started by the session bus from the installed D-Bus service
#     (PREFIX/bin/cpd --gapplication-service, owning org.example.CPD), not by us;
#   * its window appears, with the page loaded: the sidebar lists the page's sections and
#     WebKit's document carries the page's title (read through AT-SPI, as a screen reader);
#   * the Shell counts the window as the app's (the Wayland app ID matches the desktop file);
# and saves the Shell's own screenshot of the screen at SCREENSHOT.
# Prints TAP-style lines; the exit status is the result.

import json
import os
import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

Role = Atspi.Role
DESKTOP_ID = 'org.example.CPD.desktop'
NAME = 'Container Plumbing Days'
TITLE = 'Container Plumbing Days 2024'
SECTIONS = ['Container Plumbing Days 2024', 'Container Plumbing?', 'Conduct', 'Sponsors']
# A cold start of the app and of WebKit's processes; far more on shared cores.
TIMEOUT = 90
# WebKit paints in its own process after the load; nothing on AT-SPI says it has painted.
PAINT_DELAY = 1.0

results = []
bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)


def check(ok, what, detail=''):
    results.append(bool(ok))
    print(f'{"ok" if ok else "not ok"} {len(results)} {what}', flush=True)
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f'# {line}', flush=True)
    return ok


def shell_eval(script):
    """Runs JavaScript in the Shell (unsafe mode, from the test extension); its JSON value."""
    reply = bus.call_sync('org.gnome.Shell', '/org/gnome/Shell', 'org.gnome.Shell', 'Eval',
                          GLib.Variant('(s)', (script,)), GLib.VariantType('(bs)'),
                          Gio.DBusCallFlags.NONE, -1, None)
    success, value = reply.unpack()
    if not success:
        raise RuntimeError(f'Shell.Eval failed: {value}')
    return json.loads(value) if value else None


def lookup_app():
    return f"imports.gi.Shell.AppSystem.get_default().lookup_app('{DESKTOP_ID}')"


def wait_for(condition):
    """condition()'s first true value within TIMEOUT, else None: the caller says what failed."""
    deadline = time.monotonic() + TIMEOUT
    value = condition()
    while not value and time.monotonic() < deadline:
        time.sleep(0.2)
        value = condition()
    return value or None


def children(node):
    try:
        return [c for c in (node.get_child_at_index(i) for i in range(node.get_child_count()))
                if c is not None]
    except GLib.Error:
        return []  # went away while we looked


def walk(node):
    yield node
    for child in children(node):
        yield from walk(child)


def name_of(node):
    try:
        return (node.get_name() or '').strip()
    except GLib.Error:
        return ''


def role_of(node):
    try:
        return node.get_role()
    except GLib.Error:
        return None


def installed_binary():
    return os.path.join(sys.argv[1], 'bin', 'cpd')


def our_app():
    """The accessible application whose process runs the installed binary."""
    for app in children(Atspi.get_desktop(0)):
        try:
            pid = app.get_process_id()
            if os.path.realpath(f'/proc/{pid}/exe') == installed_binary():
                return app
        except (GLib.Error, OSError):
            pass
    return None


def loaded_window():
    """The app's window once the sidebar lists the sections and WebKit's document is titled."""
    app = our_app()
    if app is None:
        return None
    for window in children(app):
        if role_of(window) not in (Role.FRAME, Role.WINDOW):
            continue
        nodes = list(walk(window))
        sections = [name_of(n) for n in nodes if role_of(n) == Role.LIST_ITEM]
        documents = [name_of(n) for n in nodes if role_of(n) == Role.DOCUMENT_WEB]
        if all(s in sections for s in SECTIONS) and TITLE in documents:
            return app, window
    return None


def main():
    prefix, screenshot = sys.argv[1], sys.argv[2]

    info = shell_eval(f'(() => {{ const app = {lookup_app()};'
                      '  return app ? [app.get_name(), app.get_app_info().get_filename(),'
                      '                app.get_app_info().get_icon().to_string()] : null; })()')
    check(info is not None and info[0] == NAME and info[1].startswith(prefix + '/share/'),
          f'the Shell finds the installed {DESKTOP_ID}', info)
    if info is None:
        return 1
    check(info[2] == 'org.example.CPD', 'its icon is the app icon', info[2])
    check(our_app() is None, 'the app is not running yet')

    # What AppIcon.activate() does for an app that is not running.
    shell_eval(f'{lookup_app()}.activate(); true')
    started = time.monotonic()

    found = wait_for(loaded_window)
    if not check(found, 'the window appears with the page loaded',
                 f'nothing after {TIMEOUT} s; the app\'s accessibles:'):
        app = our_app()
        for node in walk(app) if app else []:
            print(f'# {role_of(node)} "{name_of(node)}"')
        return 1
    app, window = found
    print(f'# the window "{name_of(window)}" after {time.monotonic() - started:.1f} s: sections '
          f'{", ".join(SECTIONS)}; WebKit document "{TITLE}"', flush=True)

    # Only the D-Bus service file says --gapplication-service (the desktop file's Exec is
    # "cpd %F"), and the process that owns the app's bus name is the one with the window.
    pid = app.get_process_id()
    with open(f'/proc/{pid}/cmdline', 'rb') as f:
        argv = [a.decode() for a in f.read().split(b'\0') if a]
    owner = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                          'GetConnectionUnixProcessID', GLib.Variant('(s)', ('org.example.CPD',)),
                          GLib.VariantType('(u)'), Gio.DBusCallFlags.NONE, -1, None).unpack()[0]
    check(argv == [installed_binary(), '--gapplication-service'] and owner == pid,
          'the session bus started it from the installed D-Bus service',
          f'argv {argv}, pid {pid}, owner of org.example.CPD {owner}')

    state = shell_eval(f'(() => {{ const app = {lookup_app()};'
                       '  return [app.get_state() === imports.gi.Shell.AppState.RUNNING,'
                       '          app.get_windows().map(w => w.get_wm_class())]; })()')
    check(state[0] and len(state[1]) == 1, 'the Shell counts the window as the app\'s', state)

    time.sleep(PAINT_DELAY)
    reply = bus.call_sync('org.gnome.Shell.Screenshot', '/org/gnome/Shell/Screenshot',
                          'org.gnome.Shell.Screenshot', 'Screenshot',
                          GLib.Variant('(bbs)', (False, False, screenshot)),
                          GLib.VariantType('(bs)'), Gio.DBusCallFlags.NONE, -1, None)
    success, used = reply.unpack()
    ok = success and os.path.getsize(used) > 0
    check(ok, 'the Shell takes a screenshot', reply)
    if ok:
        print(f'Screenshot: {used}', flush=True)

    os.kill(pid, 15)
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
