/* test-page-module.c: the app's page module, loaded for real.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Unlike the other UI tests, this one links only the app's code, as the `cpd` binary does, and
 * exports it to the module: the window loads libcpd-page.so from CPD_MODULE_DIR with GModule.
 * With the build's module it shows the page; pointed at a folder without it (--missing), the
 * window says so, in the page's place, and the app goes on.
 */

#include "config.h"

#include <string.h>

#include "cpd-application.h"
#include "cpd-window.h"

static gboolean missing;

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (CpdWindow *window);

static void
wait_for (Condition   condition,
          CpdWindow  *window,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint  waker = g_timeout_add (50, wake_up, NULL);

  while (!condition (window))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (waker);
}

static gboolean
page_shown (CpdWindow *window)
{
  CpdPage *page = cpd_window_get_page_view (window);
  gboolean loaded = FALSE;

  if (page != NULL)
    g_object_get (page, "loaded", &loaded, NULL);
  return loaded;
}

/* The mapped status page that says the page cannot be shown. */
static AdwStatusPage *
find_error_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)),
                 "Could Not Show the Page") == 0)
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_error_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
error_shown (CpdWindow *window)
{
  return find_error_page (GTK_WIDGET (window)) != NULL;
}

static gboolean
document_shown (CpdWindow *window)
{
  return cpd_window_get_document (window) != NULL;
}

static void
test_page_module (void)
{
  g_autoptr (CpdApplication) app = cpd_application_new ();
  g_autoptr (GError) error = NULL;
  CpdWindow *window;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = CPD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  if (missing)
    {
      const char *description;

      /* The loader's warning on stderr ("Could not load the page module: …") is expected;
       * criticals stay fatal. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      wait_for (error_shown, window, "the message that the page cannot be shown");
      description = adw_status_page_get_description (find_error_page (GTK_WIDGET (window)));
      g_test_message ("%s", description);
      g_assert_nonnull (strstr (description, "page viewer could not be loaded"));
      g_assert_nonnull (strstr (description, "libcpd-page.so"));
      g_assert_null (cpd_window_get_page_view (window));
      /* The rest of the window still works: the page is parsed after the first frame and
       * the sidebar fills in with its sections; the message stays. */
      wait_for (document_shown, window, "the page's sections in the sidebar");
      g_assert_true (error_shown (window));
    }
  else
    {
      wait_for (page_shown, window, "the page");
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (cpd_window_get_page_view (window)), ==, "CpdPageView");
    }

  g_assert_true (g_type_from_name ("WebKitWebView") != 0 || missing);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--missing") == 0)
      missing = TRUE;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func (missing ? "/page-module/missing" : "/page-module/loaded", test_page_module);

  return g_test_run ();
}
