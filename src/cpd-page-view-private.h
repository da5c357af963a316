/* cpd-page-view-private.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by cpd-page-view.c (the hardened web view) and cpd-page-view-actions.c (find, zoom
 * and print as page.* actions).
 */

#pragma once

#include "cpd-page-view.h"

G_BEGIN_DECLS

struct _CpdPageView
{
  AdwBin parent_instance;

  WebKitWebView      *web_view;
  CpdDocument        *document; /* the page shown, or shown once the web view is made */
  GSimpleActionGroup *actions;
  double              zoom_level;
  char               *current_section;
  char               *first_section;
  char               *requested_uri;
  char               *pending_section;
  char               *find_text;
  guint               match_count;
  guint               match_index;
  guint               loaded : 1;
  guint               find_mode : 1;
  guint               shown_again : 1; /* after its web process ended, once a document */
  guint               failed : 1;      /* it ended again: nothing to find or print */
};

typedef enum
{
  PROP_0,
  PROP_LOADED,
  PROP_CURRENT_SECTION,
  PROP_ZOOM_LEVEL,
  PROP_ZOOM_LABEL,
  PROP_FIND_MODE,
  PROP_FIND_TEXT,
  PROP_MATCH_COUNT,
  PROP_MATCH_INDEX,
  N_PROPS
} CpdPageViewProperty;

void           _cpd_page_view_notify (CpdPageView        *self,
                                      CpdPageViewProperty prop_id);
WebKitWebView *_cpd_page_view_ensure_web_view (CpdPageView *self);
void           _cpd_page_view_init_actions (CpdPageView *self);
void           _cpd_page_view_update_actions (CpdPageView *self);
void           _cpd_page_view_watch_find_controller (CpdPageView *self);
void           _cpd_page_view_set_matches (CpdPageView *self,
                                           guint        count,
                                           guint        index);
void           _cpd_page_view_search (CpdPageView *self);

G_END_DECLS
