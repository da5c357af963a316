/* cpd-link-opener.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Everything that leaves the app goes through here: links to the user's browser or mail
 * client, the .ics file to their calendar. GtkUriLauncher and GtkFileLauncher use the
 * OpenURI portal whenever one is on the session bus (always inside Flatpak), and a direct
 * GIO launch otherwise. Only web and mail links leave; a page cannot make us open files,
 * run scripts or talk to arbitrary URI handlers.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-link-opener.h"

struct _CpdLinkOpener
{
  GObject parent_instance;

  /* Cancelled when the owner goes away, so no callback outlives its window. */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CpdLinkOpener, cpd_link_opener, G_TYPE_OBJECT)

G_DEFINE_QUARK (cpd-link-opener-error-quark, cpd_link_opener_error);

static const char *const allowed_schemes[] = { "https", "http", "mailto", NULL };

static void
cpd_link_opener_dispose (GObject *object)
{
  CpdLinkOpener *self = CPD_LINK_OPENER (object);

  cpd_link_opener_cancel (self);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cpd_link_opener_parent_class)->dispose (object);
}

static void
cpd_link_opener_class_init (CpdLinkOpenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cpd_link_opener_dispose;
}

static void
cpd_link_opener_init (CpdLinkOpener *self)
{
  self->cancellable = g_cancellable_new ();
}

CpdLinkOpener *
cpd_link_opener_new (void)
{
  return g_object_new (CPD_TYPE_LINK_OPENER, NULL);
}

/**
 * cpd_link_opener_check_uri:
 * @uri: an absolute URI
 * @error: return location for a #GError
 *
 * The scheme policy: only `https`, `http` and `mailto` URIs may be opened.
 *
 * Returns: %TRUE if @uri may be handed to the user's default handler
 */
gboolean
cpd_link_opener_check_uri (const char *uri,
                           GError    **error)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (uri != NULL, FALSE);

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL || !g_uri_is_valid (uri, G_URI_FLAGS_PARSE_RELAXED, NULL))
    {
      g_set_error (error, CPD_LINK_OPENER_ERROR, CPD_LINK_OPENER_ERROR_INVALID_URI,
                   _ ("The link is not a valid address"));
      return FALSE;
    }

  if (!g_strv_contains (allowed_schemes, scheme))
    {
      /* Translators: %s is a URI scheme such as "file" or "javascript". */
      g_set_error (error, CPD_LINK_OPENER_ERROR, CPD_LINK_OPENER_ERROR_REFUSED_SCHEME,
                   _ ("Links of type “%s:” are not opened"), scheme);
      return FALSE;
    }

  return TRUE;
}

static void
cpd_link_opener_uri_launched_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cpd_link_opener_open_uri_async (CpdLinkOpener      *self,
                                GtkWindow          *parent,
                                const char         *uri,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GtkUriLauncher) launcher = NULL;
  GError *error = NULL;

  g_return_if_fail (CPD_IS_LINK_OPENER (self));
  g_return_if_fail (uri != NULL);

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, cpd_link_opener_open_uri_async);

  if (!cpd_link_opener_check_uri (uri, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, parent, self->cancellable, cpd_link_opener_uri_launched_cb,
                           g_steal_pointer (&task));
}

gboolean
cpd_link_opener_open_uri_finish (CpdLinkOpener *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
cpd_link_opener_file_launched_cb (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cpd_link_opener_open_file_async:
 *
 * Opens @file (the event's .ics) in the user's default application for its type.
 * The file must be readable from outside a sandbox: keep it under the user cache dir.
 */
void
cpd_link_opener_open_file_async (CpdLinkOpener      *self,
                                 GtkWindow          *parent,
                                 GFile              *file,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr (GtkFileLauncher) launcher = NULL;
  GTask *task;

  g_return_if_fail (CPD_IS_LINK_OPENER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, cpd_link_opener_open_file_async);

  launcher = gtk_file_launcher_new (file);
  gtk_file_launcher_launch (launcher, parent, self->cancellable, cpd_link_opener_file_launched_cb,
                            task);
}

gboolean
cpd_link_opener_open_file_finish (CpdLinkOpener *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cpd_link_opener_cancel:
 *
 * Cancels every launch in flight. Their callbacks still run, with %G_IO_ERROR_CANCELLED.
 */
void
cpd_link_opener_cancel (CpdLinkOpener *self)
{
  g_return_if_fail (CPD_IS_LINK_OPENER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}
