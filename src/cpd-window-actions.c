/* cpd-window-actions.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The event's win.* actions (cpd-event-actions.c): its links (recordings, registration,
 * venue, schedule, code of conduct) and any other link through the link opener, and the
 * calendar file (cpd-calendar-export.c). The page's facts enable them, so a shortcut does
 * nothing on a page that lacks its fact; the main menu's Event submenu lists only those, in
 * the order and with the names of the event's phase, as the sidebar's card does.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-calendar-export.h"
#include "cpd-event-actions.h"
#include "cpd-window-private.h"

static void
cpd_window_update_event_menu (CpdWindow *self,
                              CpdEvent  *event)
{
  g_autoptr (GMenu) submenu = g_menu_new ();
  CpdEventAction order[CPD_N_EVENT_ACTIONS];
  guint          n_order = cpd_event_actions_get_order (self->timing, order);

  for (guint i = 0; i < n_order; i++)
    {
      if (cpd_event_action_is_available (order[i], event))
        g_menu_append (submenu, cpd_event_action_get_label (order[i], self->timing),
                       cpd_event_action_get_name (order[i]));
    }

  g_menu_remove_all (self->event_menu);
  if (g_menu_model_get_n_items (G_MENU_MODEL (submenu)) > 0)
    g_menu_append_submenu (self->event_menu, _ ("_Event"), G_MENU_MODEL (submenu));
}

void
_cpd_window_update_actions (CpdWindow *self)
{
  CpdEvent *event = self->document != NULL ? cpd_document_get_event (self->document) : NULL;

  for (CpdEventAction action = 0; action < CPD_N_EVENT_ACTIONS; action++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), cpd_event_action_get_name (action),
                                   cpd_event_action_is_available (action, event));

  cpd_window_update_event_menu (self, event);
}

/* Links ----------------------------------------------------------------------------------- */

static void
cpd_window_link_opened_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (cpd_link_opener_open_uri_finish (CPD_LINK_OPENER (source), result, &error))
    return;

  /* The window (user_data) may be gone only when the launch was cancelled. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Our own refusals say why. Any other failure, even a dismissed "Open With…" chooser (all
   * the portal shows when no app handles the link), means the link did not open: say so. */
  if (error->domain == CPD_LINK_OPENER_ERROR)
    message = g_strdup (error->message);
  else
    /* Translators: %s is the reason, e.g. "Operation not supported". */
    message = g_strdup_printf (_ ("Could not open the link: %s"), error->message);

  cpd_window_show_message (CPD_WINDOW (user_data), message);
}

void
_cpd_window_open_uri (CpdWindow  *self,
                      const char *uri)
{
  g_autofree char *resolved = NULL;

  if (self->document != NULL)
    resolved = cpd_document_resolve_link (self->document, uri);

  cpd_link_opener_open_uri_async (self->link_opener, GTK_WINDOW (self),
                                  resolved != NULL ? resolved : uri, cpd_window_link_opened_cb,
                                  self);
}

static void
event_link_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CpdWindow  *self = CPD_WINDOW (widget);
  const char *uri = NULL;

  if (self->document == NULL)
    return;

  for (CpdEventAction action = 0; action < CPD_N_EVENT_ACTIONS && uri == NULL; action++)
    {
      if (g_str_equal (action_name, cpd_event_action_get_name (action)))
        uri = cpd_event_action_get_uri (action, cpd_document_get_event (self->document));
    }

  if (uri != NULL)
    _cpd_window_open_uri (self, uri);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _cpd_window_open_uri (CPD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Calendar -------------------------------------------------------------------------------- */

static void
cpd_window_calendar_added_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  /* Handing the file over is all the app can do: the calendar decides, and asks the reader. */
  if (cpd_calendar_export_add_finish (result, &error))
    cpd_window_show_message (CPD_WINDOW (source),
                             _ ("Your calendar opens the event: choose Import to add it"));
  else
    _cpd_window_show_error (CPD_WINDOW (source), error);
}

static void
cpd_window_calendar_saved_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (cpd_calendar_export_save_finish (result, &error))
    cpd_window_show_message (CPD_WINDOW (source), _ ("Calendar file saved"));
  else
    _cpd_window_show_error (CPD_WINDOW (source), error);
}

static void
calendar_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CpdWindow *self = CPD_WINDOW (widget);
  CpdEvent  *event;

  if (self->document == NULL)
    return;

  event = cpd_document_get_event (self->document);
  if (g_str_equal (action_name, "win.add-to-calendar"))
    cpd_calendar_export_add_async (event, self->link_opener, GTK_WINDOW (self), self->cancellable,
                                   cpd_window_calendar_added_cb, NULL);
  else
    cpd_calendar_export_save_async (event, GTK_WINDOW (self), self->cancellable,
                                    cpd_window_calendar_saved_cb, NULL);
}

void
_cpd_window_class_actions_init (CpdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (CpdEventAction action = 0; action < CPD_N_EVENT_ACTIONS; action++)
    gtk_widget_class_install_action (widget_class, cpd_event_action_get_name (action), NULL,
                                     cpd_event_action_opens_link (action) ? event_link_action
                                                                          : calendar_action);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action);
}

/* The main menu -------------------------------------------------------------------------- */

/* Out, level, in: one row of the main menu, as in Text Editor, so the level is in sight. */
static GtkWidget *
cpd_window_create_zoom_controls (CpdWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *zoom_out = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  GtkWidget *level = gtk_button_new ();
  GtkWidget *zoom_in = gtk_button_new_from_icon_name ("zoom-in-symbolic");

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (level, TRUE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_out), "page.zoom-out");
  gtk_widget_set_tooltip_text (zoom_out, _ ("Zoom Out"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (zoom_out), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Zoom Out"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (level), "page.zoom-reset");
  gtk_widget_set_tooltip_text (level, _ ("Reset Zoom"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_in), "page.zoom-in");
  gtk_widget_set_tooltip_text (zoom_in, _ ("Zoom In"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (zoom_in), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Zoom In"), -1);

  gtk_box_append (GTK_BOX (box), zoom_out);
  gtk_box_append (GTK_BOX (box), level);
  gtk_box_append (GTK_BOX (box), zoom_in);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_add_css_class (child, "flat");

  return box;
}

/* The main menu, made when first opened, with its zoom row. */
void
_cpd_window_create_menu_cb (GtkMenuButton *menu_button,
                            gpointer       user_data)
{
  CpdWindow *self = user_data;
  GtkWidget *zoom_controls;
  guint      i = menu_button == self->menu_button ? 0 : 1;

  if (gtk_menu_button_get_popover (menu_button) != NULL)
    return;

  gtk_menu_button_set_menu_model (menu_button, self->primary_menu);
  zoom_controls = cpd_window_create_zoom_controls (self);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (menu_button)),
                              zoom_controls, "zoom");

  /* The level, between zoom out and zoom in. */
  self->zoom_level_buttons[i] =
    GTK_BUTTON (gtk_widget_get_next_sibling (gtk_widget_get_first_child (zoom_controls)));
  if (self->page_view != NULL)
    _cpd_window_bind_zoom_label (self, self->zoom_level_buttons[i]);
}

/* The shortcuts window, made when first asked for. GtkApplication would make it with every
 * window from gtk/help-overlay.ui, so it is kept under another name. */
void
_cpd_window_show_shortcuts_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow   *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/cpd-shortcuts-window.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}
