/* cpd-page-view.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

#include "cpd-page.h"

#include "cpd-document.h"

G_BEGIN_DECLS

#define CPD_TYPE_PAGE_VIEW (cpd_page_view_get_type ())

G_DECLARE_FINAL_TYPE (CpdPageView, cpd_page_view, CPD, PAGE_VIEW, AdwBin)

CpdPageView          *cpd_page_view_new (void);
WebKitWebView        *cpd_page_view_get_web_view (CpdPageView *self);
void                  cpd_page_view_load_document (CpdPageView *self,
                                                   CpdDocument *document);
gboolean              cpd_page_view_get_loaded (CpdPageView *self);
void                  cpd_page_view_scroll_to_section (CpdPageView *self,
                                                       const char  *section_id);
const char           *cpd_page_view_get_current_section (CpdPageView *self);
double                cpd_page_view_get_zoom_level (CpdPageView *self);
void                  cpd_page_view_set_zoom_level (CpdPageView *self,
                                                    double       zoom_level);
char                 *cpd_page_view_dup_zoom_label (CpdPageView *self);
gboolean              cpd_page_view_get_find_mode (CpdPageView *self);
void                  cpd_page_view_set_find_mode (CpdPageView *self,
                                                   gboolean     find_mode);
void                  cpd_page_view_find (CpdPageView *self,
                                          const char  *text);
guint                 cpd_page_view_get_match_count (CpdPageView *self);
guint                 cpd_page_view_get_match_index (CpdPageView *self);
WebKitPrintOperation *cpd_page_view_new_print_operation (CpdPageView *self);
void                  cpd_page_view_print (CpdPageView *self);
GActionGroup         *cpd_page_view_get_actions (CpdPageView *self);

G_END_DECLS
