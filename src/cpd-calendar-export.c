/* cpd-calendar-export.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The event as an iCalendar file: handed to the reader's calendar app ("Add to Calendar"),
 * or saved where the reader chooses ("Save Calendar File…"). Both tasks have the parent
 * window as their source object.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "cpd-calendar-export.h"
#include "cpd-calendar.h"

/* The event's slug, e.g. "container-plumbing-days-2024.ics". */
static char *
cpd_calendar_export_dup_file_name (CpdEvent *event)
{
  g_autofree char *slug = cpd_event_dup_slug (event);

  return g_strconcat (slug != NULL && slug[0] != '\0' ? slug : "event", ".ics", NULL);
}

static GBytes *
cpd_calendar_export_build (CpdEvent *event,
                           GError  **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  char *ics = cpd_event_to_icalendar (event, now, error);

  return ics != NULL ? g_bytes_new_take (ics, strlen (ics)) : NULL;
}

/* Add to Calendar ------------------------------------------------------------------------- */

static void
cpd_calendar_export_launched_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (cpd_link_opener_open_file_finish (CPD_LINK_OPENER (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    /* Even a dismissed "Open With…" chooser: the event did not reach a calendar. */
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             /* Translators: %s is the reason, e.g. "No application is registered as handling this file". */
                             _ ("Could not open your calendar: %s"), error->message);
}

static void
cpd_calendar_export_written_cb (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cpd_link_opener_open_file_async (g_task_get_task_data (task), g_task_get_source_object (task),
                                   G_FILE (source), cpd_calendar_export_launched_cb,
                                   g_object_ref (task));
}

/**
 * cpd_calendar_export_add_async:
 * @event: the event, with a start date
 * @link_opener: what hands the file to the calendar app
 * @parent: the window asking
 *
 * Writes the event's .ics to the cache and opens it, normally in GNOME Calendar. That is all
 * the app can do: the calendar shows its import dialog, and the reader chooses Import there
 * (the window's toast says so). The event keeps its UID, so importing it again adds no second
 * copy; but GNOME Calendar (evolution-data-server) then keeps the first copy as it was and
 * refuses the new one ("Object ID already exists"), without a word: a changed event is not
 * updated by adding it again.
 */
void
cpd_calendar_export_add_async (CpdEvent           *event,
                               CpdLinkOpener      *link_opener,
                               GtkWindow          *parent,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *directory = NULL;

  g_return_if_fail (event != NULL);
  g_return_if_fail (CPD_IS_LINK_OPENER (link_opener));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, cpd_calendar_export_add_async);
  g_task_set_task_data (task, g_object_ref (link_opener), g_object_unref);

  bytes = cpd_calendar_export_build (event, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The cache is shared with the host (a sandbox's /tmp is not), so the OpenFile portal can
   * hand the file to the calendar. */
  directory = g_build_filename (g_get_user_cache_dir (), APP_ID, NULL);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int errsv = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errsv),
                               _ ("Could not create “%s”: %s"), directory, g_strerror (errsv));
      return;
    }

  file_name = cpd_calendar_export_dup_file_name (event);
  file = g_file_new_build_filename (directory, file_name, NULL);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, cpd_calendar_export_written_cb,
                                       g_steal_pointer (&task));
}

gboolean
cpd_calendar_export_add_finish (GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cpd_calendar_export_add_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Save Calendar File ---------------------------------------------------------------------- */

static void
cpd_calendar_export_saved_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
cpd_calendar_export_save_dialog_cb (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file != NULL)
    bytes = cpd_calendar_export_build (g_task_get_task_data (task), &error);

  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The cancellable was read before: arguments are evaluated in no set order, and the task
   * is stolen in the same call. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, cpd_calendar_export_saved_cb,
                                       g_steal_pointer (&task));
}

/**
 * cpd_calendar_export_save_async:
 * @event: the event, with a start date
 * @parent: the window asking, for the file dialog
 *
 * Asks where to save the event's .ics (through the file chooser portal) and saves it there.
 */
void
cpd_calendar_export_save_async (CpdEvent           *event,
                                GtkWindow          *parent,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = NULL;
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *file_name = NULL;

  g_return_if_fail (event != NULL);
  g_return_if_fail (GTK_IS_WINDOW (parent));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, cpd_calendar_export_save_async);
  g_task_set_task_data (task, cpd_event_ref (event), (GDestroyNotify) cpd_event_unref);

  filter = g_object_new (GTK_TYPE_FILE_FILTER,
                         "name", _ ("Calendar Files"),
                         "mime-types", (const char *[]){ "text/calendar", NULL },
                         "patterns", (const char *[]){ "*.ics", NULL },
                         NULL);
  g_list_store_append (filters, filter);
  file_name = cpd_calendar_export_dup_file_name (event);

  gtk_file_dialog_set_title (dialog, _ ("Save Calendar File"));
  gtk_file_dialog_set_initial_name (dialog, file_name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_save (dialog, parent, cancellable, cpd_calendar_export_save_dialog_cb,
                        g_steal_pointer (&task));
}

gboolean
cpd_calendar_export_save_finish (GAsyncResult *result,
                                 GError      **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cpd_calendar_export_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
