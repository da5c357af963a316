#!/usr/bin/env python3
# check-no-webkit.py BINARY: fails when `readelf -d BINARY` lists libwebkitgtk (or its
# JavaScriptCore) among the libraries it needs. WebKit belongs in the page module
# (src/cpd-page-loader.c), loaded only when a page is shown.
import subprocess
import sys

dynamic = subprocess.run(['readelf', '-d', sys.argv[1]], check=True, capture_output=True,
                         text=True).stdout
needed = [line.split('[')[1].rstrip(']') for line in dynamic.splitlines() if '(NEEDED)' in line]
print('NEEDED:', ' '.join(needed))
webkit = [lib for lib in needed if lib.startswith(('libwebkitgtk', 'libjavascriptcoregtk'))]
if webkit:
    sys.exit(f'{sys.argv[1]} links {", ".join(webkit)}')
