/* cpd-window-private.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by cpd-window.c (the window's wiring), cpd-window-actions.c (the event's actions and
 * the main menu), cpd-window-open.c (opening pages), cpd-window-page.c (the page's place:
 * placeholder, page module, loading indicator, find bar) and cpd-window-status.c (the day
 * and the event's banner). */

#pragma once

#include "cpd-find-bar.h"
#include "cpd-link-opener.h"
#include "cpd-window.h"

G_BEGIN_DECLS

/* Each window starts from the last state saved, and saves its own; it does not follow other
 * windows' changes. */
#define SETTINGS_BIND_FLAGS (G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES)

struct _CpdWindow
{
  AdwApplicationWindow parent_instance;

  CpdDocument   *document;
  CpdLinkOpener *link_opener;
  GSettings     *settings;
  GCancellable  *cancellable;
  GDate         *today; /* set by tests; NULL: the local date, checked again at midnight */
  CpdEventTiming timing;
  char          *pending_section;       /* to show once the page is there */
  char          *pending_find;          /* to find once the page is there */
  CpdPage       *page_view;             /* NULL until the page module is loaded */
  GFile         *pending_file;          /* to parse once the first frame is painted */
  GtkButton     *zoom_level_buttons[2]; /* in the main menus, once they are made */
  guint          midnight_source;
  guint          loading_source;
  guint          shows_bundled_page : 1;
  guint          shows_requested_section : 1;
  guint          page_module_failed : 1; /* the error page stays */
  guint          first_frame_painted : 1;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  AdwNavigationPage      *sidebar_page;
  AdwNavigationPage      *content_page;
  CpdSidebar             *sidebar;
  AdwBanner              *banner;
  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  AdwBin                 *page_bin;
  AdwStatusPage          *loading_page;
  AdwStatusPage          *error_page;
  GtkButton              *try_again_button;
  AdwBin                 *find_bar_bin;
  CpdFindBar             *find_bar; /* NULL until first used */
  GtkToggleButton        *find_button;
  GtkMenuButton          *menu_button;
  GtkMenuButton          *sidebar_menu_button;
  GMenu                  *event_menu;
  GMenuModel             *primary_menu;
};

void _cpd_window_show_error (CpdWindow    *self,
                             const GError *error);
void _cpd_window_class_actions_init (CpdWindowClass *klass);
void _cpd_window_update_actions (CpdWindow *self);
void _cpd_window_update_timing (CpdWindow *self);
void _cpd_window_open_uri (CpdWindow  *self,
                           const char *uri);
void _cpd_window_open_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter);
void _cpd_window_init_drop_target (CpdWindow *self);
void _cpd_window_show_page (CpdWindow *self);
void _cpd_window_watch_first_frame (CpdWindow *self);
void _cpd_window_init_sidebar_typing (CpdWindow *self);
void _cpd_window_show_document_in_page (CpdWindow *self);
void _cpd_window_try_again (CpdWindow *self);
void _cpd_window_load_file (CpdWindow *self,
                            GFile     *file);
void _cpd_window_start_loading (CpdWindow  *self,
                                const char *name);
void _cpd_window_bind_zoom_label (CpdWindow *self,
                                  GtkButton *level);
void _cpd_window_create_menu_cb (GtkMenuButton *menu_button,
                                 gpointer       user_data);
void _cpd_window_show_shortcuts_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter);

G_END_DECLS
