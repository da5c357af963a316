/* cpd-page.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cpd-document.h"

G_BEGIN_DECLS

#define CPD_TYPE_PAGE (cpd_page_get_type ())

G_DECLARE_INTERFACE (CpdPage, cpd_page, CPD, PAGE, GtkWidget)

#define CPD_PAGE_MIN_ZOOM 0.5
#define CPD_PAGE_MAX_ZOOM 3.0
/* Matches are counted up to this many, so that a letter typed on a large page stays quick;
 * a page with more has a "match-count" of one more, and no "match-index". */
#define CPD_PAGE_MAX_MATCH_COUNT 1000

/**
 * CpdPageInterface:
 *
 * What the window and the find bar ask of the page view. The page view lives in the page
 * module (cpd-page-loader.c), which the app does not link, so they reach it through this
 * interface: its state is in the interface's properties ("loaded", "current-section",
 * "zoom-level", "zoom-label", "find-mode", "find-text", "match-count", "match-index"),
 * the links it does not follow leave as "link-activated", what the reader should be told as
 * "message" and "failed", and its actions (find-next, zoom-in, print…) are in the group that
 * get_actions() returns, which the window inserts as "page".
 */
struct _CpdPageInterface
{
  GTypeInterface parent_iface;

  void (*load_document) (CpdPage     *self,
                         CpdDocument *document);
  void (*scroll_to_section) (CpdPage    *self,
                             const char *section_id);
  GActionGroup *(*get_actions) (CpdPage *self);
};

void          cpd_page_load_document (CpdPage     *self,
                                      CpdDocument *document);
void          cpd_page_scroll_to_section (CpdPage    *self,
                                          const char *section_id);
GActionGroup *cpd_page_get_actions (CpdPage *self);

G_END_DECLS
