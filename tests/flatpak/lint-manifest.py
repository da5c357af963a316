#!/usr/bin/env python3
"""Check a flatpak-builder manifest against the Flathub linter's manifest rules.

flatpak-builder-lint itself ships only as a Flatpak or container, which these machines cannot
fetch, so this script re-implements the rules of its `manifest` mode that need no network or
build (checks toplevel, appid, finish_args, modules and the schema's property names; rule
names are the linter's), plus this project's policy: runtime org.gnome.Platform with
org.gnome.Sdk, finish-args no wider than the four the app needs, cmark and libical built as
modules, the app itself built from the checkout with meson.

Usage: lint-manifest.py MANIFEST      exit 1 and list the rules broken
       lint-manifest.py --self-test MANIFEST
                                      check that breaking each rule in a copy is caught
"""

import copy
import json
import os
import re
import sys

# Property names of flatpak-manifest(5) for flatpak-builder 1.2 to 1.4; the linter's
# jsonschema check reports anything else as manifest-unknown-properties.
TOPLEVEL_KEYS = {
    'id', 'app-id', 'branch', 'default-branch', 'collection-id', 'extension-tag',
    'runtime', 'runtime-version', 'runtime-commit', 'sdk', 'sdk-commit', 'base',
    'base-version', 'base-commit', 'base-extensions', 'var', 'metadata', 'command',
    'build-runtime', 'build-extension', 'separate-locales', 'id-platform', 'metadata-platform',
    'writable-sdk', 'appstream-compose', 'sdk-extensions', 'platform-extensions',
    'inherit-extensions', 'inherit-sdk-extensions', 'tags', 'build-options', 'modules',
    'add-extensions', 'add-build-extensions', 'cleanup', 'cleanup-commands',
    'cleanup-platform', 'cleanup-platform-commands', 'prepare-platform-commands',
    'finish-args', 'rename-desktop-file', 'rename-appdata-file', 'rename-mime-file',
    'rename-icon', 'appdata-license', 'copy-icon', 'desktop-file-name-prefix',
    'desktop-file-name-suffix', 'rename-mime-icons', 'finish-args',
}
MODULE_KEYS = {
    'name', 'disabled', 'sources', 'config-opts', 'make-args', 'make-install-args',
    'rm-configure', 'no-autogen', 'no-parallel-make', 'install-rule', 'no-make-install',
    'no-python-timestamp-fix', 'cmake', 'builddir', 'subdir', 'build-options',
    'build-commands', 'buildsystem', 'install-commands', 'post-install', 'cleanup',
    'ensure-writable', 'only-arches', 'skip-arches', 'cleanup-platform', 'run-tests',
    'test-rule', 'test-commands', 'modules',
}
SOURCE_KEYS = {
    'type', 'only-arches', 'skip-arches', 'dest', 'dest-filename', 'url', 'mirror-urls',
    'path', 'paths', 'md5', 'sha1', 'sha256', 'sha512', 'strip-components', 'git-init',
    'archive-type', 'branch', 'tag', 'commit', 'disable-fsckobjects', 'disable-shallow-clone',
    'disable-submodules', 'commands', 'skip', 'use-git', 'use-git-all', 'x-checker-data',
    'filename', 'options', 'revision', 'contents', 'base64', 'dest-filename', 'overlay',
    'disable-http-decompression', 'disable-mirror',
}
SOURCE_TYPES = {'archive', 'git', 'bzr', 'svn', 'dir', 'file', 'script', 'inline', 'shell',
                'patch', 'extra-data'}
BUILDSYSTEMS = {'autotools', 'cmake', 'cmake-ninja', 'meson', 'simple', 'qmake'}

# Project policy (issue 6): the page is bundled and everything else goes through portals.
ALLOWED_FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland',
                       '--device=dri']
RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
REQUIRED_MODULES = ('cmark', 'libical')
APP_ID_ELEMENT = re.compile(r'^[A-Za-z_][A-Za-z0-9_-]*$')


def check_appid(appid, filename, errors):
    if not isinstance(appid, str) or not appid:
        errors.add('appid-not-defined')
        return
    base = os.path.splitext(os.path.basename(filename))[0]
    if appid != base:
        errors.add('appid-filename-mismatch')
    split = appid.split('.')
    # flatpak refuses IDs with fewer than three elements or odd characters.
    if len(split) < 3 or len(appid) > 255 or not all(APP_ID_ELEMENT.match(e) for e in split):
        errors.add('appid-invalid')
        return
    if split[-1] == 'desktop':
        errors.add('appid-ends-with-lowercase-desktop')
    tld, domain = split[0].lower(), split[1].lower()
    if domain in ('github', 'gitlab', 'codeberg'):
        if (domain != 'codeberg' and tld != 'io') or (domain == 'codeberg' and tld != 'page'):
            errors.add('appid-uses-code-hosting-domain')
        if len(split) < 4:
            errors.add('appid-code-hosting-too-few-components')


def parse_finish_args(args):
    """Group finish-args by kind like the linter: {'socket': {'wayland'}, ...}."""
    kinds = {}
    for arg in args:
        if not isinstance(arg, str) or not arg.startswith('--'):
            kinds.setdefault('invalid', set()).add(str(arg))
            continue
        key, _, value = arg[2:].partition('=')
        kinds.setdefault(key, set()).add(value)
    return kinds


def check_finish_args(manifest, appid, errors):
    args = manifest.get('finish-args', [])
    if not isinstance(args, list):
        errors.add('finish-args-not-a-list')
        return
    fa = parse_finish_args(args)
    socket, share = fa.get('socket', set()), fa.get('share', set())
    if fa.get('invalid'):
        errors.add('finish-args-invalid')
    if 'x11' in socket and 'fallback-x11' in socket:
        errors.add('finish-args-contains-both-x11-and-fallback')
    if 'x11' in socket and 'wayland' in socket:
        errors.add('finish-args-contains-both-x11-and-wayland')
    if ('x11' in socket or 'fallback-x11' in socket) and 'ipc' not in share:
        errors.add('finish-args-x11-without-ipc')
    if 'fallback-x11' in socket and 'wayland' not in socket:
        errors.add('finish-args-fallback-x11-without-wayland')
    if 'wayland' in socket and not ({'x11', 'fallback-x11'} & socket):
        errors.add('finish-args-only-wayland')
    for s in ('gpg-agent', 'ssh-auth'):
        if s in socket:
            errors.add(f'finish-args-has-socket-{s}')
    if 'network' in share:
        errors.add('finish-args-has-share-network')
    for fs in fa.get('filesystem', set()):
        if re.fullmatch(r'(home|host|~/?)(:rw|:create|:ro)?', fs):
            errors.add('finish-args-{}-filesystem-access'.format(
                'host' if fs.startswith('host') else 'home'))
        else:
            errors.add('finish-args-has-filesystem')
    for talk in fa.get('talk-name', set()):
        if appid and (talk == appid or talk.startswith(appid + '.')):
            errors.add('finish-args-unnecessary-appid-talk-name')
        if talk.startswith('org.freedesktop.portal.'):
            errors.add('finish-args-portal-talk-name')
        if talk in ('org.freedesktop.Flatpak', 'org.freedesktop.Flatpak.*'):
            errors.add('finish-args-flatpak-spawn-access')
    for own in fa.get('own-name', set()):
        if not (appid and (own == appid or own.startswith(appid + '.'))):
            errors.add(f'finish-args-own-name-{own}')
    # Project policy: nothing beyond what the app needs.
    for arg in args:
        if arg not in ALLOWED_FINISH_ARGS:
            errors.add(f'project-finish-args-not-allowed:{arg}')
    if len(set(args)) != len(args):
        errors.add('project-finish-args-duplicate')


def check_source(module, source, errors):
    if not isinstance(source, dict):
        # A string names a JSON file of sources; the project keeps them inline.
        errors.add(f'module-{module}-source-external-file')
        return
    unknown = set(source) - SOURCE_KEYS
    if unknown:
        errors.add('manifest-unknown-properties')
    stype = source.get('type')
    if stype not in SOURCE_TYPES:
        errors.add(f'module-{module}-source-unknown-type')
    dest_filename = source.get('dest-filename')
    if dest_filename and '/' in dest_filename:
        errors.add(f'module-{module}-source-dest-filename-is-path')
    if stype in ('archive', 'file'):
        if source.get('sha1'):
            errors.add(f'module-{module}-source-sha1-deprecated')
        if source.get('md5'):
            errors.add(f'module-{module}-source-md5-deprecated')
        if 'url' in source:
            sha256, sha512 = source.get('sha256'), source.get('sha512')
            if not (sha256 or sha512):
                errors.add(f'module-{module}-source-no-checksum')
            if sha256 is not None and not re.fullmatch(r'[0-9a-f]{64}', str(sha256)):
                errors.add(f'module-{module}-source-bad-sha256')
            if sha512 is not None and not re.fullmatch(r'[0-9a-f]{128}', str(sha512)):
                errors.add(f'module-{module}-source-bad-sha512')
            if not str(source['url']).startswith('https://'):
                errors.add(f'module-{module}-source-url-not-https')
    if stype == 'git':
        branch = source.get('branch')
        if branch:
            if len(branch) != 40 or not (source.get('tag') or source.get('commit')):
                errors.add(f'module-{module}-source-git-branch')
        elif not source.get('tag') and not source.get('commit'):
            errors.add(f'module-{module}-source-git-no-commit-or-tag')
        if source.get('path'):
            errors.add(f'module-{module}-source-git-local-path')
        url = source.get('url')
        if not url:
            errors.add(f'module-{module}-source-git-no-url')
        elif not url.startswith(('https:', 'http:')):
            errors.add(f'module-{module}-source-git-url-not-http')


def check_module(module, names, errors, warnings):
    if isinstance(module, str):
        errors.add('project-module-external-file')
        return
    name = module.get('name')
    if not name:
        errors.add('module-no-name')
        name = '?'
    if name in names:
        errors.add(f'module-{name}-duplicate-name')
    names.add(name)
    if set(module) - MODULE_KEYS:
        errors.add('manifest-unknown-properties')
    buildsystem = module.get('buildsystem', 'autotools')
    if buildsystem not in BUILDSYSTEMS:
        errors.add(f'module-{name}-unknown-buildsystem')
    opts = module.get('config-opts', [])
    if buildsystem == 'autotools':
        for opt in opts:
            if opt.startswith('--prefix='):
                errors.add(f'module-{name}-autotools-redundant-prefix')
            elif opt.startswith('--enable-debug'):
                errors.add(f'module-{name}-autotools-non-release-build')
    if buildsystem == 'cmake':
        warnings.add(f'module-{name}-buildsystem-is-plain-cmake')
    if buildsystem in ('cmake', 'cmake-ninja'):
        for opt in opts:
            if opt.startswith('-DCMAKE_INSTALL_PREFIX'):
                errors.add(f'module-{name}-cmake-redundant-prefix')
            elif opt.startswith('-DCMAKE_BUILD_TYPE'):
                value = opt.split('=', 1)[1] if '=' in opt else ''
                if value == 'Release':
                    warnings.add(f'module-{name}-cmake-no-debuginfo')
                elif value != 'RelWithDebInfo':
                    errors.add(f'module-{name}-cmake-non-release-build')
    args = module.get('build-options', {}).get('build-args', [])
    if '--share=network' in args:
        errors.add(f'module-{name}-build-network-access')
    for source in module.get('sources', []):
        check_source(name, source, errors)
    for nested in module.get('modules', []):
        check_module(nested, names, errors, warnings)


def lint(manifest, filename):
    """Return (errors, warnings) as sets of rule names."""
    errors, warnings = set(), set()
    if not isinstance(manifest, dict):
        return {'manifest-not-an-object'}, warnings
    if set(manifest) - TOPLEVEL_KEYS:
        errors.add('manifest-unknown-properties')
    if 'id' in manifest and 'app-id' in manifest:
        errors.add('toplevel-both-id-and-app-id')
    appid = manifest.get('id', manifest.get('app-id'))
    check_appid(appid, filename, errors)

    command = manifest.get('command')
    if not command:
        errors.add('toplevel-no-command')
    elif command.startswith('/'):
        errors.add('toplevel-command-is-path')
    # Flathub builds the branch it publishes; the project's policy is no branch at all.
    if 'branch' in manifest or 'default-branch' in manifest:
        errors.add('toplevel-unnecessary-branch')
    cleanup = manifest.get('cleanup', [])
    if '/lib/debug' in cleanup:
        errors.add('toplevel-cleanup-debug')
    if not cleanup:
        errors.add('project-no-cleanup')
    if '--share=network' in manifest.get('build-options', {}).get('build-args', []):
        errors.add('manifest-toplevel-build-network-access')

    if manifest.get('runtime') != RUNTIME or manifest.get('sdk') != SDK:
        errors.add('project-runtime-not-gnome')
    if not isinstance(manifest.get('runtime-version'), str) or \
            manifest.get('runtime-version') in ('master', 'nightly', ''):
        errors.add('project-runtime-version-not-stable')

    check_finish_args(manifest, appid, errors)

    modules = manifest.get('modules')
    if not modules:
        errors.add('toplevel-no-modules')
        return errors, warnings
    names = set()
    for module in modules:
        check_module(module, names, errors, warnings)
    for required in REQUIRED_MODULES:
        if required not in names:
            errors.add(f'project-missing-module-{required}')
    app = modules[-1] if isinstance(modules[-1], dict) else {}
    sources = app.get('sources', [])
    if app.get('buildsystem') != 'meson' or \
            not any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '.'
                    for s in sources):
        errors.add('project-app-module-not-meson-dir')
    return errors, warnings


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def main_lint(path):
    try:
        manifest = load(path)
    except (OSError, ValueError) as e:
        print(f'{path}: manifest-invalid-json: {e}')
        return 1
    errors, warnings = lint(manifest, path)
    for rule in sorted(errors):
        print(f'{path}: error: {rule}')
    # Warnings of the real linter do not block Flathub; the project keeps them at zero too.
    for rule in sorted(warnings):
        print(f'{path}: warning: {rule}')
    if errors or warnings:
        return 1
    print(f'{path}: passes the Flathub manifest rules checked here')
    return 0


def main_self_test(path):
    """Break one rule at a time in a copy of the manifest and expect that rule to be reported."""
    good = load(path)
    errors, warnings = lint(good, path)
    assert not errors and not warnings, f'manifest itself fails: {errors | warnings}'
    idkey = 'id' if 'id' in good else 'app-id'

    def mod(m, module):
        return next(x for x in m['modules'] if x['name'] == module)

    def src(m, module):
        return mod(m, module)['sources'][0]

    cases = [
        ('toplevel-no-command', lambda m: m.pop('command')),
        ('toplevel-command-is-path', lambda m: m.update(command='/app/bin/cpd')),
        ('toplevel-unnecessary-branch', lambda m: m.update(branch='master')),
        ('toplevel-unnecessary-branch', lambda m: m.update({'default-branch': 'stable'})),
        ('appid-filename-mismatch', lambda m: m.update({idkey: 'org.example.Other'})),
        ('appid-not-defined', lambda m: m.pop(idkey)),
        ('appid-uses-code-hosting-domain', lambda m: m.update({idkey: 'com.github.x.CPD'})),
        ('manifest-unknown-properties', lambda m: m.update(finishargs=[])),
        ('finish-args-has-share-network', lambda m: m['finish-args'].append('--share=network')),
        ('finish-args-home-filesystem-access',
         lambda m: m['finish-args'].append('--filesystem=home')),
        ('finish-args-contains-both-x11-and-wayland',
         lambda m: m['finish-args'].append('--socket=x11')),
        ('finish-args-x11-without-ipc', lambda m: m['finish-args'].remove('--share=ipc')),
        ('finish-args-fallback-x11-without-wayland',
         lambda m: m['finish-args'].remove('--socket=wayland')),
        ('finish-args-portal-talk-name',
         lambda m: m['finish-args'].append('--talk-name=org.freedesktop.portal.Desktop')),
        ('project-finish-args-not-allowed:--device=all',
         lambda m: m['finish-args'].append('--device=all')),
        ('module-cmark-source-md5-deprecated',
         lambda m: src(m, 'cmark').update(md5='0' * 32)),
        ('module-libical-source-sha1-deprecated',
         lambda m: src(m, 'libical').update(sha1='0' * 40)),
        ('module-cmark-source-no-checksum', lambda m: src(m, 'cmark').pop('sha256')),
        ('module-cmark-source-url-not-https',
         lambda m: src(m, 'cmark').update(url=src(m, 'cmark')['url'].replace('https', 'http'))),
        ('module-cmark-source-git-no-commit-or-tag',
         lambda m: src(m, 'cmark').clear() or src(m, 'cmark').update(
             type='git', url='https://github.com/commonmark/cmark.git')),
        ('module-cmark-cmake-non-release-build',
         lambda m: mod(m, 'cmark')['config-opts'].append('-DCMAKE_BUILD_TYPE=Debug')),
        ('module-cmark-cmake-redundant-prefix',
         lambda m: mod(m, 'cmark')['config-opts'].append('-DCMAKE_INSTALL_PREFIX=/app')),
        ('project-missing-module-libical',
         lambda m: m['modules'].remove(mod(m, 'libical'))),
        ('project-runtime-not-gnome', lambda m: m.update(runtime='org.freedesktop.Platform')),
        ('project-app-module-not-meson-dir',
         lambda m: m['modules'][-1].update(buildsystem='simple')),
        ('toplevel-cleanup-debug', lambda m: m['cleanup'].append('/lib/debug')),
        ('toplevel-no-modules', lambda m: m.update(modules=[])),
    ]
    failures = 0
    for rule, breakit in cases:
        bad = copy.deepcopy(good)
        breakit(bad)
        errors, _ = lint(bad, path)
        if rule not in errors:
            print(f'not caught: {rule} (got {sorted(errors)})')
            failures += 1
    # A Release build type is only a warning in the real linter.
    bad = copy.deepcopy(good)
    mod(bad, 'cmark')['config-opts'].append('-DCMAKE_BUILD_TYPE=Release')
    if 'module-cmark-cmake-no-debuginfo' not in lint(bad, path)[1]:
        print('not caught: module-cmark-cmake-no-debuginfo')
        failures += 1
    print(f'{len(cases) + 1 - failures}/{len(cases) + 1} broken manifests caught')
    return 1 if failures else 0


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--self-test':
        sys.exit(main_self_test(sys.argv[2]))
    if len(sys.argv) == 2:
        sys.exit(main_lint(sys.argv[1]))
    print(__doc__.strip(), file=sys.stderr)
    sys.exit(2)
