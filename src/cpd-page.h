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

/**
 * CpdPageInterface:
 *
 * What the window and the find bar ask of the page view. The page view lives in the page
 * module (cpd-page-loader.c), which the app does not link, so they reach it through this
 * interface, its properties ("loaded", "current-section", "find-mode", "zoom-level",
 * "zoom-label", "match-count", "match-index") and its "link-activated" signal.
 */
struct _CpdPageInterface
{
  GTypeInterface parent_iface;

  void (*load_document) (CpdPage     *self,
                         CpdDocument *document);
  void (*scroll_to_section) (CpdPage    *self,
                             const char *section_id);
  gboolean (*get_loaded) (CpdPage *self);
  const char *(*get_current_section) (CpdPage *self);
  gboolean (*get_find_mode) (CpdPage *self);
  void (*set_find_mode) (CpdPage *self,
                         gboolean find_mode);
  void (*find) (CpdPage    *self,
                const char *text);
  const char *(*get_find_text) (CpdPage *self);
  void (*find_next) (CpdPage *self);
  void (*find_previous) (CpdPage *self);
  guint (*get_match_count) (CpdPage *self);
  guint (*get_match_index) (CpdPage *self);
  GActionGroup *(*get_actions) (CpdPage *self);
};

void          cpd_page_load_document (CpdPage     *self,
                                      CpdDocument *document);
void          cpd_page_scroll_to_section (CpdPage    *self,
                                          const char *section_id);
gboolean      cpd_page_get_loaded (CpdPage *self);
const char   *cpd_page_get_current_section (CpdPage *self);
gboolean      cpd_page_get_find_mode (CpdPage *self);
void          cpd_page_set_find_mode (CpdPage *self,
                                      gboolean find_mode);
void          cpd_page_find (CpdPage    *self,
                             const char *text);
const char   *cpd_page_get_find_text (CpdPage *self);
void          cpd_page_find_next (CpdPage *self);
void          cpd_page_find_previous (CpdPage *self);
guint         cpd_page_get_match_count (CpdPage *self);
guint         cpd_page_get_match_index (CpdPage *self);
GActionGroup *cpd_page_get_actions (CpdPage *self);

G_END_DECLS
