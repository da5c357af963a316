/* cpd-window-open.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening another event page: the Open dialog (win.open) and files dropped on the window.
 * Either way CpdApplication loads the page, into a window of its own.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-window-private.h"

static void
cpd_window_open_file (CpdWindow *self,
                      GFile     *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  cpd_application_open_page (CPD_APPLICATION (app), file, GTK_WINDOW (self));
}

static void
cpd_window_open_dialog_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file == NULL)
    {
      /* The window may be gone only when the dialog was cancelled. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _cpd_window_show_error (CPD_WINDOW (user_data), error);
      return;
    }

  cpd_window_open_file (CPD_WINDOW (user_data), file);
}

void
_cpd_window_open_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CpdWindow *self = CPD_WINDOW (widget);
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = NULL;
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  filter = g_object_new (GTK_TYPE_FILE_FILTER,
                         "name", _ ("Markdown Pages"),
                         "mime-types", (const char *[]){ "text/markdown", NULL },
                         "patterns", (const char *[]){ "*.md", NULL },
                         NULL);
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _ ("Open Event Page"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->cancellable, cpd_window_open_dialog_cb,
                        self);
}

static gboolean
cpd_window_drop_cb (CpdWindow     *self,
                    const GValue  *value,
                    double         x,
                    double         y,
                    GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (const GSList *l = files; l != NULL; l = l->next)
    cpd_window_open_file (self, l->data);
  g_slist_free (files);

  return TRUE;
}

void
_cpd_window_init_drop_target (CpdWindow *self)
{
  GtkDropTarget *drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  /* Capture phase: the web view would otherwise take the drop for itself. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop_target),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (cpd_window_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}
