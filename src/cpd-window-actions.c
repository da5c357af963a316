/* cpd-window-actions.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The event's win.* actions: its links (register, venue, schedule, code of conduct) and any
 * other link through the link opener, and the calendar file (cpd-calendar-export.c). They
 * are enabled by what the page tells.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-calendar-export.h"
#include "cpd-window-private.h"

void
_cpd_window_update_actions (CpdWindow *self)
{
  CpdEvent  *event = self->document != NULL ? cpd_document_get_event (self->document) : NULL;
  gboolean   has_date = event != NULL && cpd_event_get_start_date (event) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  /* Disabled, not hidden: the reader sees what this page does not tell. */
  gtk_widget_action_set_enabled (widget, "win.register",
                                 event != NULL && cpd_event_get_registration_url (event) != NULL);
  gtk_widget_action_set_enabled (widget, "win.venue",
                                 event != NULL && cpd_event_get_venue_url (event) != NULL);
  gtk_widget_action_set_enabled (widget, "win.schedule",
                                 event != NULL && cpd_event_get_schedule_url (event) != NULL);
  gtk_widget_action_set_enabled (widget, "win.conduct",
                                 event != NULL && cpd_event_get_conduct_url (event) != NULL);
  gtk_widget_action_set_enabled (widget, "win.add-to-calendar", has_date);
  gtk_widget_action_set_enabled (widget, "win.save-calendar", has_date);
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
  CpdEvent   *event;
  const char *uri = NULL;

  if (self->document == NULL)
    return;

  event = cpd_document_get_event (self->document);
  if (g_str_equal (action_name, "win.register"))
    uri = cpd_event_get_registration_url (event);
  else if (g_str_equal (action_name, "win.venue"))
    uri = cpd_event_get_venue_url (event);
  else if (g_str_equal (action_name, "win.schedule"))
    uri = cpd_event_get_schedule_url (event);
  else if (g_str_equal (action_name, "win.conduct"))
    uri = cpd_event_get_conduct_url (event);

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

  if (!cpd_calendar_export_add_finish (result, &error))
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

  gtk_widget_class_install_action (widget_class, "win.register", NULL, event_link_action);
  gtk_widget_class_install_action (widget_class, "win.venue", NULL, event_link_action);
  gtk_widget_class_install_action (widget_class, "win.schedule", NULL, event_link_action);
  gtk_widget_class_install_action (widget_class, "win.conduct", NULL, event_link_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-calendar", NULL, calendar_action);
  gtk_widget_class_install_action (widget_class, "win.save-calendar", NULL, calendar_action);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action);
}
