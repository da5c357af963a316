/* cpd-help.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* F1 and Help in the main menu. A native build hands help:APP_ID to Yelp, which reads the
 * Mallard pages installed in share/help. Inside Flatpak that URI leaves through the OpenURI
 * portal to the host's Yelp, which looks for the document in the host's data directories. Of
 * an app's files Flatpak exports only its desktop file, icons, D-Bus services, search providers,
 * MIME types and metainfo, never share/help, so the host's Yelp shows "Document Not Found".
 *
 * So the build also turns the pages into HTML with yelp-build (help/meson.build), installed in
 * PKGDATADIR/help/LANG/, and inside the sandbox the help window (cpd-help-window.c, in the page
 * module: it is a web view) shows them.
 *
 * CPD_HELP=in-app or CPD_HELP=yelp overrides the choice (tests), CPD_HELP_DIR the folder.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-help.h"
#include "cpd-page-loader.h"
#include "cpd-window.h"

/* One help window per process: F1 again brings it back where the reader left it. */
static GtkWindow *shown_window;

/**
 * cpd_help_in_flatpak:
 *
 * Whether the app runs inside Flatpak's sandbox.
 */
gboolean
cpd_help_in_flatpak (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * cpd_help_in_app:
 *
 * Whether help is shown by the app itself rather than by Yelp: inside Flatpak, where Yelp
 * cannot see the app's help, unless `CPD_HELP` says `in-app` or `yelp`.
 */
gboolean
cpd_help_in_app (void)
{
  const char *choice = g_getenv ("CPD_HELP");

  if (g_strcmp0 (choice, "in-app") == 0)
    return TRUE;
  if (g_strcmp0 (choice, "yelp") == 0)
    return FALSE;

  return cpd_help_in_flatpak ();
}

/**
 * cpd_help_find_index:
 *
 * The HTML index page in the user's language: the first of `g_get_language_names()` that the
 * help folder (`CPD_HELP_DIR`, else PKGDATADIR/help) has, which ends with C.
 *
 * Returns: (transfer full) (nullable): the index page, or %NULL when none is installed
 */
GFile *
cpd_help_find_index (void)
{
  const char *const *languages = g_get_language_names ();
  const char        *folder = g_getenv ("CPD_HELP_DIR");

  if (folder == NULL || folder[0] == '\0')
    folder = PKGDATADIR "/help";

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folder, languages[i], "index.html", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }

  return NULL;
}

/* Showing help ---------------------------------------------------------------------------- */

static void
cpd_help_yelp_launched_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (GtkWindow) parent = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;

  /* Pressing F1 and seeing nothing would look like a broken key: say why. */
  /* Translators: %s is the reason, e.g. that no app can show help pages. */
  message = g_strdup_printf (_ ("Could not show help: %s"), error->message);
  if (CPD_IS_WINDOW (parent))
    cpd_window_show_message (CPD_WINDOW (parent), message);
  else
    g_warning ("%s", message);
}

static void
cpd_help_window_destroyed_cb (GtkWidget    *widget,
                              GApplication *application)
{
  if (shown_window == GTK_WINDOW (widget))
    shown_window = NULL;
  g_application_release (application);
}

/**
 * cpd_help_show:
 * @parent: (nullable): the window asking
 *
 * Shows the app's help: in Yelp, or in the app's own help window (see cpd_help_in_app()).
 * Without the HTML pages it still asks Yelp.
 */
void
cpd_help_show (GtkWindow *parent)
{
  g_autoptr (GtkUriLauncher) launcher = NULL;
  g_autoptr (GFile) index = NULL;

  if (cpd_help_in_app ())
    {
      const CpdPageModuleTypes *types = NULL;
      g_autoptr (GError) error = NULL;

      /* At once: the module is usually there already, made after the first frame. */
      if (shown_window == NULL && (index = cpd_help_find_index ()) != NULL &&
          (types = cpd_page_loader_load (&error)) != NULL)
        {
          GApplication *application = g_application_get_default ();

          shown_window = g_object_new (types->help_window_type, "index", index, NULL);
          /* Not one of the application's windows, so it holds the application itself: the
           * help stays open when the last page window closes. Forgotten once closed, not once
           * finalized: a pending link may still hold it. */
          g_application_hold (application);
          g_signal_connect (shown_window, "destroy", G_CALLBACK (cpd_help_window_destroyed_cb),
                            application);
        }

      if (shown_window != NULL)
        {
          gtk_window_present (GTK_WINDOW (shown_window));
          return;
        }

      if (error != NULL)
        g_warning ("No help window (%s): asking Yelp", error->message);
      else
        g_warning ("No HTML help in %s: asking Yelp",
                   g_getenv ("CPD_HELP_DIR") != NULL ? g_getenv ("CPD_HELP_DIR")
                                                     : PKGDATADIR "/help");
    }

  launcher = gtk_uri_launcher_new ("help:" APP_ID);
  gtk_uri_launcher_launch (launcher, parent, NULL, cpd_help_yelp_launched_cb,
                           parent != NULL ? g_object_ref (parent) : NULL);
}
