#!/usr/bin/env python3
# bench-startup.py: startup and memory of the app against a bare web view and real peers.
#
# Copyright 2026 The CPD developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/cpd-env tests/benchmark/bench-startup.py [--runs N] [--idle S] [--no-peers] BUILDDIR
#   build-aux/cpd-env tests/session/shell-run tests/benchmark/bench-startup.py --shell ... BUILDDIR
#
# Under one private Xvfb and one private session bus (or, with --shell, in the headless GNOME
# Shell Wayland session of tests/session/shell-run, on its bus) it starts, alternately (A B A B ...),
# the floor program (tests/benchmark/floor.c: one GtkWindow, one WebKitWebView, the same
# pre-rendered HTML) and the app (BUILDDIR/src/cpd), then the peers Apostrophe (on the same
# Markdown page) and Confy (which takes no Markdown: its start page), and three bounds (below).
# For each run it records
#
#   first frame    exec -> the window's first painted frame  ("cpd-timing first-frame")
#   load finished  exec -> the page's WEBKIT_LOAD_FINISHED   ("cpd-timing load-finished")
#   window         exec -> the window is mapped (xdotool, polled every 10 ms; all programs)
#   PSS            total proportional set size of the process and all its descendants
#                  (WebKit's web and network processes, their bubblewrap parents), from
#                  /proc/PID/smaps_rollup, read at the end of the idle period
#   own wakeups/s  the wakeups of the idle UI process that its own code causes (issue 17's
#                  target: 0): dispatches, on its main thread, of GLib sources whose callback
#                  is in the app's own code (the cpd binary or its page module), over the idle
#                  period (--idle, 10 s) that starts --settle (5 s) after load, divided by its
#                  length. tests/benchmark/source-log.c, preloaded into the app and the bounds,
#                  logs each dispatch with the file that holds the source's callback (dladdr)
#                  and the source's name. A main loop that wakes from poll () dispatches what
#                  woke it, so a timer, idle or fd source of ours waking the app is counted;
#                  WebKit's (its RunLoop and timers, named "[WebKit] ..."), GTK's (the frame
#                  clock, X events) and GLib's are counted apart and printed with --threads.
#                  The app starts no thread of its own that runs while idle (GTask's pool is
#                  GLib's); all of its threads are in the per-thread table below.
#   wakeups/s      for information: context switches (voluntary + involuntary, every thread,
#                  from /proc/PID/task/*/status) of the UI process over the same idle period,
#                  WebKit's and Mesa's threads included; the same for its web process. The
#                  pointer is parked outside the windows (see Session).
#
# The bounds are not targets; they say what any libadwaita app pays on the machine at hand,
# scored like the app. floor-adw is the floor with libadwaita initialised and a header bar
# above the web view; "floor-adw --late" makes its web view only after the window's first
# frame, as the app does; bare-window (tests/benchmark/bare-window.c) is a libadwaita window
# with a header bar and a label that does not even link WebKit. None of them has a
# GtkApplication, a sidebar or a page to parse. --no-bounds leaves them out.
#
# Two more cases of the app (issue 17): app-large opens a generated 20 MB page (under the
# 32 MiB cap: the bundled page, then 100 sections of 200 KB of text), whose first frame must
# come as early as the bundled page's; search-only starts the app as D-Bus activation for
# GNOME Shell's search does (--gapplication-service, no window), asks its search provider for
# results, and records its PSS and whether WebKitGTK was mapped into it (/proc/PID/maps).
#
# The timing lines use g_get_monotonic_time () (CLOCK_MONOTONIC), the clock of Python's
# time.monotonic_ns (), so exec and milestones are on one clock. It prints medians and the
# ratios of issue 17's targets, each against its reference program in the same run, and a
# verdict, "met" or "NOT met".

import argparse
import collections
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

TARGETS = [
    # (label, program, metric, reference program, reference metric, maximum ratio)
    ('first frame / bare-window', 'app', 'first_frame', 'bare-window', 'first_frame', 1.15),
    ('20 MB page: first frame / bare-window', 'app-large', 'first_frame', 'bare-window',
     'first_frame', 1.15),
    ('load finished / floor-adw', 'app', 'load_finished', 'floor-adw', 'load_finished', 1.05),
    ('PSS / floor', 'app', 'pss', 'floor', 'pss', 1.0),
    ('search-only PSS / bare-window', 'search-only', 'pss', 'bare-window', 'pss', 1.2),
]
TIMEOUT = 60
SEARCH_BUS_NAME = 'org.example.CPD'
SEARCH_OBJECT_PATH = '/org/example/CPD/SearchProvider'
SEARCH_INTERFACE = 'org.gnome.Shell.SearchProvider2'


def now_us():
    return time.monotonic_ns() // 1000


def descendants(pid):
    children = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                stat = f.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields start after the last ')'.
        ppid = int(stat[stat.rindex(')') + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def comm(pid):
    try:
        with open(f'/proc/{pid}/comm') as f:
            return f.read().strip()
    except OSError:
        return ''


def pss_kib(pid):
    total = 0
    for p in descendants(pid):
        try:
            with open(f'/proc/{p}/smaps_rollup') as f:
                for line in f:
                    if line.startswith('Pss:'):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def thread_switches(pid):
    """Context switches of each thread of pid: {(tid, name): count}.

    The main thread's name gets " [main]": threads that set no name of their own (libpas's
    scavenger in WebKit's UI process, for one) carry the process's name too."""
    found = {}
    try:
        tasks = os.listdir(f'/proc/{pid}/task')
    except OSError:
        return found
    for tid in tasks:
        name, count = '?', 0
        try:
            with open(f'/proc/{pid}/task/{tid}/status') as f:
                for line in f:
                    if line.startswith('Name:'):
                        name = line.split(None, 1)[1].strip()
                    elif line.startswith(('voluntary_ctxt_switches',
                                          'nonvoluntary_ctxt_switches')):
                        count += int(line.split()[1])
        except OSError:
            continue
        if tid == str(pid):
            name += ' [main]'
        found[(tid, name)] = count
    return found


def context_switches(pid):
    return sum(thread_switches(pid).values())


def per_thread_rates(before, after, seconds):
    """Wakeups/s per thread name (threads that share a name add up)."""
    rates = {}
    for key, count in after.items():
        rates[key[1]] = rates.get(key[1], 0) + (count - before.get(key, 0)) / seconds
    return rates


def maps_webkit(pid):
    try:
        with open(f'/proc/{pid}/maps') as f:
            return any('libwebkitgtk' in line for line in f)
    except OSError:
        return False


def make_large_page(source_page, path, size=20 * 1024 * 1024, sections=100):
    """The bundled page, then `sections` sections of plain paragraphs, `size` bytes in all."""
    with open(source_page) as f:
        head = f.read()
    paragraph = ('Container plumbing is the work under the orchestrators: runtimes, images, '
                 'namespaces, cgroups and the kernel interfaces they rest on. ' * 4) + '\n\n'
    per_section = (size - len(head)) // sections
    with open(path, 'w') as f:
        f.write(head)
        for i in range(sections):
            f.write(f'\n## Notes, part {i + 1}\n\n')
            f.write(paragraph * (per_section // len(paragraph)))


class SearchRun:
    """The app as D-Bus activation for a search starts it: no window, one search."""

    def __init__(self, app, env, settle):
        self.name = 'search-only'
        self.result = {}
        self.others = {}
        self.threads = {}
        self.sources = {}
        start = now_us()
        self.proc = subprocess.Popen([app, '--gapplication-service'], env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            self.wait_for_name(env)
            self.result['registered'] = (now_us() - start) / 1000
            gdbus = ['gdbus', 'call', '--session', '--dest', SEARCH_BUS_NAME, '--object-path',
                     SEARCH_OBJECT_PATH, '--method']
            found = subprocess.run(gdbus + [f'{SEARCH_INTERFACE}.GetInitialResultSet',
                                            "['plumbing']"], env=env, check=True,
                                   capture_output=True, text=True).stdout
            ids = found.strip()[1:-2].strip()  # "(['a', 'b'],)" -> "['a', 'b']"
            subprocess.run(gdbus + [f'{SEARCH_INTERFACE}.GetResultMetas', ids], env=env,
                           check=True, capture_output=True)
            self.result['answered'] = (now_us() - start) / 1000
            if ids == '[]':
                raise RuntimeError('search-only: the search provider found nothing')
            time.sleep(settle)
            self.result['pss'] = pss_kib(self.proc.pid) / 1024
            self.result['webkit'] = 1.0 if maps_webkit(self.proc.pid) else 0.0
        finally:
            self.proc.terminate()
            self.proc.wait()

    def wait_for_name(self, env):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f'search-only: exited with {self.proc.returncode}')
            owner = subprocess.run(['gdbus', 'call', '--session', '--dest',
                                    'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus',
                                    '--method', 'org.freedesktop.DBus.NameHasOwner',
                                    SEARCH_BUS_NAME], env=env, capture_output=True, text=True)
            if 'true' in owner.stdout:
                return
            time.sleep(0.01)
        raise RuntimeError(f'search-only: not on the bus within {TIMEOUT} s')


def web_process(pid):
    for p in descendants(pid):
        if comm(p).startswith('WebKitWebProces'):
            return p
    return None


def own_code(obj):
    """Whether a file named in the source log holds the app's own code."""
    return obj == 'cpd' or obj.startswith('libcpd-page')


def read_source_log(path, start, end):
    """{(object, source name): dispatches} on the main thread between start and end (us)."""
    found = collections.Counter()
    try:
        with open(path) as f:
            for line in f:
                words = line.rstrip('\n').split(' ', 2)
                if len(words) == 3 and start <= int(words[0]) < end:
                    found[(words[1], words[2])] += 1
    except OSError:
        pass
    return found


class Run:
    def __init__(self, name, argv, env, milestones, idle, settle, source_log=None):
        self.name = name
        self.result = {}
        self.milestones = {}
        self.cond = threading.Condition()
        self.stderr_tail = []
        self.others = {}
        self.threads = {}
        self.sources = {}
        self.source_log = None
        if source_log:
            fd, self.source_log = tempfile.mkstemp(prefix='sources-', dir=env['XDG_RUNTIME_DIR'])
            os.close(fd)
            env = dict(env, LD_PRELOAD=source_log, CPD_SOURCE_LOG=self.source_log)

        start = now_us()
        self.proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     start_new_session=True, text=True, errors='replace')
        reader = threading.Thread(target=self.read_stderr, daemon=True)
        reader.start()
        try:
            # Only X11 lets another client see a window map; on Wayland the milestones say it.
            if 'DISPLAY' in env:
                self.result['window'] = (self.wait_for_window(env) - start) / 1000
            if milestones:
                for milestone in milestones:
                    key = milestone.replace('-', '_')
                    self.result[key] = (self.wait_for_milestone(milestone) - start) / 1000
                # Any other milestones the program printed before load, for --milestones.
                with self.cond:
                    self.others = {k: (v - start) / 1000 for k, v in self.milestones.items()}
            # Let the first layout, font and shader work finish: the idle period is the
            # reader's, not the tail of startup.
            time.sleep(settle)
            self.measure_idle(idle)
        finally:
            self.stop()

    def read_stderr(self):
        for line in self.proc.stderr:
            words = line.split()
            if len(words) == 3 and words[0] == 'cpd-timing':
                with self.cond:
                    self.milestones[words[1]] = int(words[2])
                    self.cond.notify_all()
            else:
                self.stderr_tail = (self.stderr_tail + [line.rstrip()])[-20:]

    def fail(self, what):
        tail = '\n  '.join(self.stderr_tail)
        raise RuntimeError(f'{self.name}: {what}\n  {tail}')

    def wait_for_milestone(self, milestone):
        with self.cond:
            if not self.cond.wait_for(lambda: milestone in self.milestones or
                                      self.proc.poll() is not None, TIMEOUT):
                self.fail(f'no {milestone} within {TIMEOUT} s')
            if milestone not in self.milestones:
                self.fail(f'exited with {self.proc.returncode} before {milestone}')
            return self.milestones[milestone]

    def wait_for_window(self, env):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.fail(f'exited with {self.proc.returncode} before showing a window')
            found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid',
                                    str(self.proc.pid)],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            if found.returncode == 0 and found.stdout.strip():
                return now_us()
            time.sleep(0.01)
        self.fail(f'no window within {TIMEOUT} s')

    def measure_idle(self, idle):
        pid = self.proc.pid
        web = web_process(pid)
        ours, theirs = thread_switches(pid), context_switches(web) if web else 0
        start = now_us()
        time.sleep(idle)
        self.threads = per_thread_rates(ours, thread_switches(pid), idle)
        self.result['wakeups'] = sum(self.threads.values())
        if self.source_log:
            if os.path.getsize(self.source_log) == 0:
                self.fail('source-log.so logged nothing: was it preloaded?')
            dispatched = read_source_log(self.source_log, start, now_us())
            self.sources = {k: v / idle for k, v in dispatched.items()}
            self.result['own_wakeups'] = sum(v for (obj, _), v in self.sources.items()
                                             if own_code(obj))
        if web:
            self.result['web_wakeups'] = (context_switches(web) - theirs) / idle
        self.result['pss'] = pss_kib(pid) / 1024

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        # WebKit's children leave with their parent; wait so the next run starts clean.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(
                comm(int(p)).startswith('WebKit') for p in os.listdir('/proc') if p.isdigit()):
            time.sleep(0.05)


class Session:
    """One Xvfb and one session bus for the whole benchmark; or, with --shell, the GNOME Shell
    session bench-startup.py runs in (tests/session/shell-run), its bus and its display."""

    def __init__(self, builddir, shell=False):
        self.tmp = tempfile.mkdtemp(prefix='cpd-bench-')
        self.xvfb = self.bus = None
        home = os.path.join(self.tmp, 'home')
        os.mkdir(home)
        app_env = dict(HOME=home,
                       XDG_CACHE_HOME=os.path.join(home, '.cache'),
                       XDG_CONFIG_HOME=os.path.join(home, '.config'),
                       XDG_DATA_HOME=os.path.join(home, '.local/share'),
                       NO_AT_BRIDGE='1', GSETTINGS_BACKEND='memory',
                       GSETTINGS_SCHEMA_DIR=os.path.join(builddir, 'data'),
                       LANGUAGE='en', CPD_REPORT_TIMINGS='1',
                       CPD_MODULE_DIR=os.path.join(builddir, 'src'))
        if shell:
            if 'WAYLAND_DISPLAY' not in os.environ:
                sys.exit('bench-startup: --shell runs inside tests/session/shell-run')
            self.env = dict(os.environ, GDK_BACKEND='wayland', **app_env)
            self.env.pop('DISPLAY', None)
            # Park the pointer in the monitor's corner (see below), with a virtual pointer.
            subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.gnome.Shell',
                            '--object-path', '/org/gnome/Shell', '--method',
                            'org.gnome.Shell.Eval',
                            'const seat = imports.gi.Clutter.get_default_backend()'
                            '.get_default_seat(); global._cpdPointer = seat.create_virtual_device('
                            'imports.gi.Clutter.InputDeviceType.POINTER_DEVICE); '
                            'global._cpdPointer.notify_absolute_motion(global.get_current_time(),'
                            ' global.screen_width - 1, global.screen_height - 1); true'],
                           env=self.env, check=True, stdout=subprocess.DEVNULL)
            return

        runtime = os.path.join(self.tmp, 'runtime')
        os.mkdir(runtime, 0o700)

        read_fd, write_fd = os.pipe()
        self.xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write_fd), '-screen', '0',
                                      '1280x1024x24', '-nolisten', 'tcp'],
                                     pass_fds=[write_fd], stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            display = ':' + f.readline().strip()

        self.env = dict(os.environ, DISPLAY=display, GDK_BACKEND='x11', XDG_RUNTIME_DIR=runtime,
                        **app_env)

        # Services the bus starts (the portals) see the same display and settings.
        self.bus = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--nopidfile',
                                     '--print-address=1'], env=self.env, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True)
        self.env['DBUS_SESSION_BUS_ADDRESS'] = self.bus.stdout.readline().strip()

        # Windows map at (0, 0); park the pointer outside them. WebKitGTK 2.52 repaints a
        # scrollable page at the display's refresh rate for as long as the pointer rests
        # over it (the floor as much as the app), which would swamp the idle measurement.
        subprocess.run(['xdotool', 'mousemove', '1279', '1023'], env=self.env, check=True)

    def close(self):
        for proc in (self.bus, self.xvfb):
            if proc:
                proc.terminate()
                proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


def find_built(builddir, names):
    for name in names:
        path = os.path.join(builddir, 'tests', 'benchmark', name)
        if os.path.exists(path):
            return path
    sys.exit(f'bench-startup: build {names[0]} first (meson compile -C {builddir})')


def median(runs, key):
    values = [r[key] for r in runs if key in r]
    return statistics.median(values) if values else None


def fmt(value, unit):
    if value is None:
        return '-'
    return f'{value:.0f} {unit}' if unit != '/s' else f'{value:.1f} /s'


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('builddir')
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--idle', type=float, default=10.0,
                        help='seconds of idle measurement after load (default 10)')
    parser.add_argument('--settle', type=float, default=5.0,
                        help='seconds between load finished (peers: window) and the idle '
                        'measurement (default 5)')
    parser.add_argument('--no-peers', action='store_true')
    parser.add_argument('--shell', action='store_true',
                        help='run in the GNOME Shell Wayland session around it instead of a '
                        'private Xvfb: tests/session/shell-run bench-startup.py --shell ...')
    parser.add_argument('--no-large', action='store_true',
                        help='leave out the 20 MB page (app-large)')
    parser.add_argument('--no-search', action='store_true',
                        help='leave out the search-only activation')
    parser.add_argument('--no-bounds', action='store_true',
                        help="leave out the bounds (floor-adw, floor-adw --late, bare-window)")
    parser.add_argument('--threads', action='store_true',
                        help='also print the idle wakeups/s of each thread of the UI process '
                        '(median per thread name, the main thread marked [main]; for finding '
                        'who wakes)')
    parser.add_argument('--milestones', action='store_true',
                        help='also print the median of every cpd-timing milestone each program '
                        'printed before load finished (for finding where startup time goes)')
    parser.add_argument('--peer-pythonpath', metavar='DIR',
                        help='PYTHONPATH for the peers (Debian\'s apostrophe 3.2-3 imports '
                        'chardet without depending on python3-chardet)')
    args = parser.parse_args()

    builddir = os.path.abspath(args.builddir)
    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    page = os.path.join(source, 'data', 'content', 'container-plumbing-days-2024.md')
    floor = find_built(builddir, ['floor'])
    html = find_built(builddir, ['floor-page.html'])
    app = os.path.join(builddir, 'src', 'cpd')
    source_log = find_built(builddir, ['libsource-log.so'])

    page_milestones = ('first-frame', 'load-finished')
    programs = {
        'floor': ([floor, html], page_milestones),
        'app': ([app], page_milestones),
    }
    if not args.no_large:
        large_dir = tempfile.mkdtemp(prefix='cpd-bench-page-')
        large_page = os.path.join(large_dir, 'large-event.md')
        make_large_page(page, large_page)
        programs['app-large'] = ([app, large_page], page_milestones)
    bounds = {}
    if not args.no_bounds:
        floor_adw = find_built(builddir, ['floor-adw'])
        bounds['floor-adw'] = ([floor_adw, html], page_milestones)
        bounds['floor-adw-late'] = ([floor_adw, '--late', html], page_milestones)
        bounds['bare-window'] = ([find_built(builddir, ['bare-window'])], ('first-frame',))
    peers = {}
    if not args.no_peers:
        # Apostrophe takes the page; Confy reads conference schedules, not Markdown.
        if shutil.which('apostrophe'):
            peers['apostrophe'] = (['apostrophe', page], ())
        if shutil.which('confy'):
            peers['confy'] = (['confy'], ())
    if args.peer_pythonpath:
        for name, (argv, milestones) in peers.items():
            peers[name] = (['env', f'PYTHONPATH={os.path.abspath(args.peer_pythonpath)}'] + argv,
                           milestones)

    started = list(programs.items()) + list(bounds.items()) + list(peers.items())
    if not args.no_search:
        started.append(('search-only', None))
    results = {name: [] for name, _ in started}
    others = {name: [] for name in results}
    threads = {name: [] for name in results}
    sources = {name: [] for name in results}
    session = Session(builddir, args.shell)
    try:
        # A warm-up of each, not counted: the first start pays for cold disk caches.
        def start(name, program, idle, settle):
            if name == 'search-only':
                return SearchRun(app, session.env, max(settle, 1.0))
            argv, milestones = program
            ours = name in programs or name in bounds
            return Run(name, argv, session.env, milestones, idle, settle,
                       source_log if ours else None)

        for name, program in started:
            start(name, program, 0.5, 0)
        for i in range(args.runs):
            for name, program in started:
                run = start(name, program, args.idle, args.settle)
                results[name].append(run.result)
                others[name].append(run.others)
                threads[name].append(run.threads)
                sources[name].append(run.sources)
                print(f'run {i + 1} {name}: ' + ', '.join(f'{k} {v:.1f}'
                                                          for k, v in run.result.items()),
                      flush=True)
    finally:
        session.close()
        if not args.no_large:
            shutil.rmtree(large_dir, ignore_errors=True)

    print(f'\nMedians of {args.runs} runs (times from exec, ms; PSS MiB; wakeups/s over '
          f'{args.idle:.0f} s, {args.settle:.0f} s after load; load average '
          f'{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs):')
    columns = [('window', 'ms'), ('first_frame', 'ms'), ('load_finished', 'ms'), ('pss', 'MiB'),
               ('own_wakeups', '/s'), ('wakeups', '/s'), ('web_wakeups', '/s')]
    if 'search-only' in results:
        columns.append(('answered', 'ms'))
    print(f'{"":16}' + ''.join(f'{c:>15}' for c, _ in columns))
    for name, runs in results.items():
        print(f'{name:16}' + ''.join(f'{fmt(median(runs, c), u):>15}' for c, u in columns))

    if args.milestones:
        for name in list(programs) + list(bounds):
            keys = sorted({k for o in others[name] for k in o}, key=lambda k: median(others[name], k))
            print(f'\n{name} milestones (median ms from exec):')
            for k in keys:
                print(f'  {median(others[name], k):8.1f}  {k}')

    if args.threads:
        for name in results:
            names = {k for t in threads[name] for k in t}
            rates = {k: statistics.median(t.get(k, 0) for t in threads[name]) for k in names}
            print(f'\n{name} idle wakeups/s by thread (median of {args.runs} runs):')
            for k in sorted(rates, key=rates.get, reverse=True):
                if rates[k] > 0:
                    print(f'  {rates[k]:7.1f}  {k}')
            if not any(sources[name]):
                continue
            names = {k for t in sources[name] for k in t}
            rates = {k: sum(t.get(k, 0) for t in sources[name]) / len(sources[name])
                     for k in names}
            print(f'{name} idle main-thread dispatches/s by source (mean of {args.runs} runs; '
                  f'file of the callback, source name; * the app\'s own code):')
            for k in sorted(rates, key=rates.get, reverse=True):
                print(f'  {rates[k]:7.2f}  {"*" if own_code(k[0]) else " "} {k[0]:30} {k[1]}')

    print('\nTargets (issue 17; ratios of medians in this run):')
    ok = True
    for label, program, metric, reference, ref_metric, limit in TARGETS:
        if program not in results or reference not in results:
            print(f'  {label:40} not measured (--no-bounds, --no-large or --no-search)')
            ok = False
            continue
        ratio = median(results[program], metric) / median(results[reference], ref_metric)
        ok &= ratio <= limit
        print(f'  {label:40} {ratio:5.2f}  (<= {limit})  {"ok" if ratio <= limit else "MISSED"}')
    # Every run counts: one wakeup of ours in any run misses the target.
    own = max(r['own_wakeups'] for r in results['app'])
    ok &= own == 0
    print(f'  {"idle wakeups from our own code":40} {own:5.1f}/s (== 0, worst run)  '
          f'{"ok" if own == 0 else "MISSED"}')
    print(f'  {"(all threads of the UI process)":40} {median(results["app"], "wakeups"):5.1f}/s  '
          f'for information: WebKit\'s and Mesa\'s threads (floor-adw: '
          f'{fmt(median(results.get("floor-adw", []), "wakeups"), "/s")})')
    if 'search-only' in results:
        webkit_runs = sum(1 for r in results['search-only'] if r.get('webkit'))
        ok &= webkit_runs == 0
        print(f'  {"search-only loads no WebKit":40} {webkit_runs} of {args.runs} runs mapped '
              f'libwebkitgtk  {"ok" if webkit_runs == 0 else "MISSED"}')

    print(f'\nVerdict: {"met" if ok else "NOT met"}')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
