/* cpd-window.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cpd-application.h"
#include "cpd-document.h"
#include "cpd-page.h"
#include "cpd-sidebar.h"

G_BEGIN_DECLS

#define CPD_TYPE_WINDOW (cpd_window_get_type ())

G_DECLARE_FINAL_TYPE (CpdWindow, cpd_window, CPD, WINDOW, AdwApplicationWindow)

#define CPD_BUNDLED_PAGE_URI "resource://" RESOURCE_BASE "/content/container-plumbing-days-2024.md"

CpdWindow     *cpd_window_new (CpdApplication *application,
                               CpdDocument    *document);
CpdWindow     *cpd_window_new_for_file (CpdApplication *application,
                                        GFile          *file);
CpdDocument   *cpd_window_get_document (CpdWindow *self);
void           cpd_window_set_document (CpdWindow   *self,
                                        CpdDocument *document);
void           cpd_window_show_message (CpdWindow  *self,
                                        const char *message);
void           cpd_window_show_open_error (CpdWindow    *self,
                                           GFile        *file,
                                           const GError *error);
CpdPage       *cpd_window_get_page_view (CpdWindow *self);
CpdSidebar    *cpd_window_get_sidebar (CpdWindow *self);
void           cpd_window_set_today (CpdWindow   *self,
                                     const GDate *today);
CpdEventTiming cpd_window_get_timing (CpdWindow *self);
void           cpd_window_show_section (CpdWindow  *self,
                                        const char *section_id);
void           cpd_window_find (CpdWindow  *self,
                                const char *text);

G_END_DECLS
