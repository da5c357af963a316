/* cpd-help-window.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

#define CPD_TYPE_HELP_WINDOW (cpd_help_window_get_type ())

G_DECLARE_FINAL_TYPE (CpdHelpWindow, cpd_help_window, CPD, HELP_WINDOW, AdwWindow)

CpdHelpWindow *cpd_help_window_new (GFile *index);
WebKitWebView *cpd_help_window_get_web_view (CpdHelpWindow *self);

G_END_DECLS
