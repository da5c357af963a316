/* cpd-page-view-actions.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a reader does with the page, as the page view's own page.* actions: find (with the
 * matches WebKit counts), zoom and print. The window shows the same action group to its menus
 * and keyboard shortcuts; the find bar and the main menu's zoom row only show this state.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-page-view-private.h"

#define ZOOM_STEP 0.1

/* Find ------------------------------------------------------------------------------------ */

void
_cpd_page_view_set_matches (CpdPageView *self,
                            guint        count,
                            guint        index)
{
  self->match_count = count;
  self->match_index = index;
  _cpd_page_view_notify (self, PROP_MATCH_COUNT);
  _cpd_page_view_notify (self, PROP_MATCH_INDEX);
  _cpd_page_view_update_actions (self);
}

static void
cpd_page_view_counted_matches_cb (CpdPageView          *self,
                                  guint                 match_count,
                                  WebKitFindController *find_controller)
{
  /* More than the maximum comes as G_MAXUINT: we cannot tell which one is selected. */
  if (match_count > CPD_PAGE_MAX_MATCH_COUNT)
    _cpd_page_view_set_matches (self, CPD_PAGE_MAX_MATCH_COUNT + 1, 0);
  else
    _cpd_page_view_set_matches (self, match_count, match_count > 0 ? 1 : 0);
}

static void
cpd_page_view_failed_to_find_cb (CpdPageView          *self,
                                 WebKitFindController *find_controller)
{
  _cpd_page_view_set_matches (self, 0, 0);
}

void
_cpd_page_view_watch_find_controller (CpdPageView *self)
{
  WebKitFindController *find_controller = webkit_web_view_get_find_controller (self->web_view);

  g_signal_connect_object (find_controller, "counted-matches",
                           G_CALLBACK (cpd_page_view_counted_matches_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (find_controller, "failed-to-find-text",
                           G_CALLBACK (cpd_page_view_failed_to_find_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
cpd_page_view_find_finish (CpdPageView *self)
{
  if (self->web_view != NULL)
    webkit_find_controller_search_finish (webkit_web_view_get_find_controller (self->web_view));
  _cpd_page_view_set_matches (self, 0, 0);
}

void
_cpd_page_view_search (CpdPageView *self)
{
  WebKitFindController *find_controller;
  guint32               options = WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE | WEBKIT_FIND_OPTIONS_WRAP_AROUND;

  if (self->find_text == NULL || self->find_text[0] == '\0')
    {
      cpd_page_view_find_finish (self);
      return;
    }

  find_controller = webkit_web_view_get_find_controller (_cpd_page_view_ensure_web_view (self));
  webkit_find_controller_count_matches (find_controller, self->find_text, options,
                                        CPD_PAGE_MAX_MATCH_COUNT);
  webkit_find_controller_search (find_controller, self->find_text, options,
                                 CPD_PAGE_MAX_MATCH_COUNT);
}

/**
 * cpd_page_view_find:
 * @text: (nullable): what to find
 *
 * Finds @text in the page in find mode, else keeps it for when find mode starts. The same
 * text is not searched again: on a large page, each search walks all of it.
 */
void
cpd_page_view_find (CpdPageView *self,
                    const char  *text)
{
  g_return_if_fail (CPD_IS_PAGE_VIEW (self));

  if (!g_set_str (&self->find_text, text))
    return;

  _cpd_page_view_notify (self, PROP_FIND_TEXT);
  if (self->find_mode)
    _cpd_page_view_search (self);
}

static void
cpd_page_view_step_match (CpdPageView *self,
                          int          step)
{
  WebKitFindController *find_controller;

  /* Matches were counted by the web view, so it exists. */
  if (self->match_count == 0)
    return;

  find_controller = webkit_web_view_get_find_controller (self->web_view);

  if (step > 0)
    webkit_find_controller_search_next (find_controller);
  else
    webkit_find_controller_search_previous (find_controller);

  /* WebKit counts matches but does not say which one is selected; we walk with it, when we
   * know how many there are. */
  if (self->match_index == 0)
    return;
  self->match_index = (self->match_index - 1 + self->match_count + step) % self->match_count + 1;
  _cpd_page_view_notify (self, PROP_MATCH_INDEX);
}

guint
cpd_page_view_get_match_count (CpdPageView *self)
{
  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), 0);

  return self->match_count;
}

guint
cpd_page_view_get_match_index (CpdPageView *self)
{
  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), 0);

  return self->match_index;
}

gboolean
cpd_page_view_get_find_mode (CpdPageView *self)
{
  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), FALSE);

  return self->find_mode;
}

/**
 * cpd_page_view_set_find_mode:
 * @find_mode: whether the reader is finding in the page
 *
 * Leaving find mode ends the search and gives the page the keyboard; entering it finds
 * the last text again.
 */
void
cpd_page_view_set_find_mode (CpdPageView *self,
                             gboolean     find_mode)
{
  g_return_if_fail (CPD_IS_PAGE_VIEW (self));

  find_mode = !!find_mode;
  if (self->find_mode == find_mode)
    return;

  self->find_mode = find_mode;
  if (find_mode)
    _cpd_page_view_search (self);
  else
    {
      cpd_page_view_find_finish (self);
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  _cpd_page_view_notify (self, PROP_FIND_MODE);
}

/* Print ----------------------------------------------------------------------------------- */

static void
cpd_page_view_print_failed_cb (CpdPageView          *self,
                               const GError         *error,
                               WebKitPrintOperation *operation)
{
  g_autofree char *message = NULL;

  /* Translators: %s says why, e.g. that a file could not be written. */
  message = g_strdup_printf (_ ("Could not print: %s"), error->message);
  g_signal_emit_by_name (self, "message", message);
}

/**
 * cpd_page_view_new_print_operation:
 *
 * Returns: (transfer full): an operation that prints the page, and tells the reader (the
 *   "message" signal) when printing fails
 */
WebKitPrintOperation *
cpd_page_view_new_print_operation (CpdPageView *self)
{
  WebKitPrintOperation *operation;

  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), NULL);

  operation = webkit_print_operation_new (_cpd_page_view_ensure_web_view (self));
  g_signal_connect_object (operation, "failed", G_CALLBACK (cpd_page_view_print_failed_cb), self,
                           G_CONNECT_SWAPPED);

  return operation;
}

void
cpd_page_view_print (CpdPageView *self)
{
  g_autoptr (WebKitPrintOperation) operation = NULL;
  GtkRoot *root;

  g_return_if_fail (CPD_IS_PAGE_VIEW (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  operation = cpd_page_view_new_print_operation (self);
  webkit_print_operation_run_dialog (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

/* Actions --------------------------------------------------------------------------------- */

static void
find_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CpdPageView *self = user_data;

  /* Even when it is open, so that the find bar takes the keyboard again. */
  if (self->find_mode)
    _cpd_page_view_notify (self, PROP_FIND_MODE);
  else
    cpd_page_view_set_find_mode (self, TRUE);
}

static void
find_next_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gboolean next = g_str_equal (g_action_get_name (G_ACTION (action)), "find-next");

  cpd_page_view_step_match (user_data, next ? 1 : -1);
}

static void
zoom_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  const char *name = g_action_get_name (G_ACTION (action));
  double      zoom = cpd_page_view_get_zoom_level (user_data);

  if (g_str_equal (name, "zoom-in"))
    zoom += ZOOM_STEP;
  else if (g_str_equal (name, "zoom-out"))
    zoom -= ZOOM_STEP;
  else
    zoom = 1.0;

  cpd_page_view_set_zoom_level (user_data, zoom);
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  cpd_page_view_print (user_data);
}

static const GActionEntry page_actions[] = {
  { .name = "find", .activate = find_action },
  { .name = "find-next", .activate = find_next_action },
  { .name = "find-previous", .activate = find_next_action },
  { .name = "zoom-in", .activate = zoom_action },
  { .name = "zoom-out", .activate = zoom_action },
  { .name = "zoom-reset", .activate = zoom_action },
  { .name = "print", .activate = print_action },
};

static void
cpd_page_view_set_action_enabled (CpdPageView *self,
                                  const char  *name,
                                  gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_cpd_page_view_update_actions (CpdPageView *self)
{
  double zoom = cpd_page_view_get_zoom_level (self);

  /* Called from the first property notifications, before the group exists. */
  if (self->actions == NULL)
    return;

  cpd_page_view_set_action_enabled (self, "find", self->document != NULL && !self->failed);
  cpd_page_view_set_action_enabled (self, "find-next", self->match_count > 0);
  cpd_page_view_set_action_enabled (self, "find-previous", self->match_count > 0);
  cpd_page_view_set_action_enabled (self, "zoom-in", zoom < CPD_PAGE_MAX_ZOOM - 0.001);
  cpd_page_view_set_action_enabled (self, "zoom-out", zoom > CPD_PAGE_MIN_ZOOM + 0.001);
  cpd_page_view_set_action_enabled (self, "print", self->document != NULL && !self->failed);
}

void
_cpd_page_view_init_actions (CpdPageView *self)
{
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), page_actions,
                                   G_N_ELEMENTS (page_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "page", G_ACTION_GROUP (self->actions));
  _cpd_page_view_update_actions (self);
}

/**
 * cpd_page_view_get_actions:
 *
 * Returns: (transfer none): the page.* actions (find, find-next, find-previous, zoom-in,
 *   zoom-out, zoom-reset, print), for the window to show to its menus and shortcuts
 */
GActionGroup *
cpd_page_view_get_actions (CpdPageView *self)
{
  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), NULL);

  return G_ACTION_GROUP (self->actions);
}
