/* test-help.c: the app's own help window, which F1 shows inside Flatpak.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Run with CPD_HELP=in-app (what the Flatpak sandbox decides) and CPD_HELP_DIR pointing at the
 * HTML that the build made from the Mallard pages. F1's action must show that help, in the
 * reader's language, and the window must show nothing but the pages of that help.
 */

#include "config.h"

#include "cpd-help-window.h"
#include "cpd-help.h"

#include "cpd-portal-test-utils.h"
#include "cpd-ui-test-utils.h"

/* The license, linked from every page's footer. */
#define LICENSE "http://creativecommons.org/licenses/by-sa/4.0/"

static CpdApplication *app;

/* The language the help is expected in (LANGUAGE is set by the test's environment), and its
 * index page's title. */
static const char *expected_language;
static const char *expected_title;

static CpdHelpWindow *
find_help_window (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();
  CpdHelpWindow *found = NULL;

  for (const GList *l = toplevels; l != NULL; l = l->next)
    {
      if (CPD_IS_HELP_WINDOW (l->data) && gtk_widget_get_visible (l->data))
        {
          g_assert_null (found);
          found = l->data;
        }
    }

  return found;
}

static gboolean
help_window_titled (gpointer data)
{
  CpdHelpWindow *help = find_help_window ();

  return help != NULL && gtk_widget_get_mapped (GTK_WIDGET (help)) &&
         g_strcmp0 (gtk_window_get_title (GTK_WINDOW (help)), data) == 0 &&
         !webkit_web_view_is_loading (cpd_help_window_get_web_view (help));
}

static void
wait_for_help_title (const char *title)
{
  g_autofree char *what = g_strdup_printf ("the help window titled “%s”", title);

  cpd_test_wait_for (help_window_titled, (gpointer) title, what);
}

/* The URI of a page of the expected language's help. */
static char *
help_page_uri (const char *language,
               const char *page)
{
  g_autofree char *path = g_build_filename (g_getenv ("CPD_HELP_DIR"), language, page, NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

static void
close_help_window (void)
{
  CpdHelpWindow *help = find_help_window ();

  if (help != NULL)
    gtk_window_destroy (GTK_WINDOW (help));
  g_assert_null (find_help_window ());
}

/* F1 (app.help) shows the index page in the reader's language; F1 again brings back the same
 * window, and after it was closed a new one. */
static void
test_f1_shows_help (CpdWindow *window)
{
  g_autofree char *index = help_page_uri (expected_language, "index.html");
  CpdHelpWindow   *help;

  g_assert_true (cpd_help_in_app ());
  g_assert_null (find_help_window ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", NULL));
  wait_for_help_title (expected_title);

  help = find_help_window ();
  g_assert_cmpstr (webkit_web_view_get_uri (cpd_help_window_get_web_view (help)), ==, index);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", NULL));
  g_assert_true (find_help_window () == help);

  /* Closed, F1 makes a new one. */
  close_help_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", NULL));
  wait_for_help_title (expected_title);
  close_help_window ();
}

/* What the window showed: the URI of each load WebKit committed. */
static void
load_changed_cb (WebKitWebView  *web_view,
                 WebKitLoadEvent load_event,
                 GPtrArray      *shown)
{
  if (load_event == WEBKIT_LOAD_COMMITTED)
    g_ptr_array_add (shown, g_strdup (webkit_web_view_get_uri (web_view)));
}

/* Navigations WebKit asked the window about. An emission hook runs before the window's own
 * handler, which ends the emission. */
static gboolean
decision_hook (GSignalInvocationHint *hint,
               guint                  n_param_values,
               const GValue          *param_values,
               gpointer               data)
{
  GPtrArray               *decided = data;
  WebKitPolicyDecision    *decision = g_value_get_object (&param_values[1]);
  WebKitPolicyDecisionType type = g_value_get_enum (&param_values[2]);
  WebKitNavigationAction  *action;

  if (type != WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    {
      action = webkit_navigation_policy_decision_get_navigation_action (
        WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      g_ptr_array_add (decided,
                       g_strdup (webkit_uri_request_get_uri (webkit_navigation_action_get_request (action))));
    }

  return TRUE;
}

typedef struct
{
  GPtrArray *array;
  guint      length;
} Growth;

static gboolean
has_grown (gpointer data)
{
  Growth *growth = data;

  return growth->array->len > growth->length;
}

typedef struct
{
  WebKitWebView *web_view;
  const char    *uri;
} Page;

static gboolean
page_shown (gpointer data)
{
  Page *page = data;

  return g_strcmp0 (webkit_web_view_get_uri (page->web_view), page->uri) == 0 &&
         !webkit_web_view_is_loading (page->web_view);
}

static void
wait_for_page (WebKitWebView *web_view,
               const char    *uri)
{
  Page             page = { web_view, uri };
  g_autofree char *what = g_strdup_printf ("the help window to show %s", uri);

  cpd_test_wait_for (page_shown, &page, what);
}

/* The help's own pages open in the window, and Back returns to them; nothing else opens: not
 * another language's folder, not a path that climbs out of this one, not a system file, not
 * the web, not a page made up in a data: URI. */
static void
test_only_own_pages (CpdWindow *window)
{
  g_autofree char *index = help_page_uri (expected_language, "index.html");
  g_autofree char *find = help_page_uri (expected_language, "find.html");
  const char      *other = g_str_equal (expected_language, "C") ? "de" : "C";
  g_autofree char *other_language = help_page_uri (other, "find.html");
  g_autofree char *climbing = g_strconcat (index, "/../../", other, "/find.html", NULL);
  const char      *refused[] = {
         other_language,
         climbing,
         "file:///etc/passwd",
         "https://example.org/",
         "data:text/html,<title>Injected</title>",
  };
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) decided = g_ptr_array_new_with_free_func (g_free);
  guint          hook;
  CpdHelpWindow *help;
  WebKitWebView *web_view;
  const char    *last = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", NULL));
  wait_for_help_title (expected_title);
  help = find_help_window ();
  web_view = cpd_help_window_get_web_view (help);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), shown);
  hook = g_signal_add_emission_hook (g_signal_lookup ("decide-policy", WEBKIT_TYPE_WEB_VIEW), 0,
                                     decision_hook, decided, NULL);

  /* Each refused page is asked for, decided on, then an allowed page is loaded: had the
   * refused one been let through, it would have been committed before the allowed one. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      Growth           growth = { decided, decided->len };
      g_autofree char *what = g_strdup_printf ("a decision on %s", refused[i]);

      /* WebKit asks about the URI it made of it: ".." resolved, for example. */
      webkit_web_view_load_uri (web_view, refused[i]);
      cpd_test_wait_for (has_grown, &growth, what);
      g_test_message ("Asked to load %s: decided on %s", refused[i],
                      (char *) decided->pdata[decided->len - 1]);

      last = i % 2 == 0 ? find : index;
      webkit_web_view_load_uri (web_view, last);
      wait_for_page (web_view, last);
    }

  g_signal_remove_emission_hook (g_signal_lookup ("decide-policy", WEBKIT_TYPE_WEB_VIEW), hook);
  g_signal_handlers_disconnect_by_func (web_view, load_changed_cb, shown);

  g_assert_cmpuint (shown->len, ==, G_N_ELEMENTS (refused));
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (shown->pdata[i], ==, i % 2 == 0 ? find : index);

  /* Back, then Forward, through the pages that were shown. */
  g_assert_cmpstr (last, ==, find);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (help), "help.go-back", NULL));
  wait_for_page (web_view, index);
  wait_for_help_title (expected_title);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (help), "help.go-forward", NULL));
  wait_for_page (web_view, find);

  close_help_window ();
}

static gboolean
help_window_has_page_title (gpointer data)
{
  const char *title = gtk_window_get_title (GTK_WINDOW (data));

  return title != NULL && *title != '\0' && g_strcmp0 (title, expected_title) != 0;
}

/* Links, as the reader follows them (through AT-SPI, as a click would): a page of the help
 * opens in the window; the license's web page leaves through the OpenURI portal to the
 * browser (here portal-run's stub handler), and the window stays where it was. */
static void
test_links (CpdWindow *window)
{
  g_autofree char *find = help_page_uri (expected_language, "find.html");
  g_autofree char *output = NULL;
  CpdHelpWindow   *help;
  WebKitWebView   *web_view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", NULL));
  wait_for_help_title (expected_title);
  help = find_help_window ();
  web_view = cpd_help_window_get_web_view (help);

  output = cpd_test_drive_atspi ("link", expected_title, "Find text in the page", NULL);
  wait_for_page (web_view, find);

  /* The window takes the new page's title a moment after the page has loaded. */
  cpd_test_wait_for (help_window_has_page_title, help, "the help window to take the page's title");
  g_clear_pointer (&output, g_free);
  output = cpd_test_drive_atspi ("link", gtk_window_get_title (GTK_WINDOW (help)),
                                 "Creative Commons", NULL);
  cpd_test_wait_for_handler ("ARG " LICENSE "\n");
  g_assert_cmpuint (cpd_test_count_portal_calls (G_APPLICATION (app),
                                                 "org.freedesktop.portal.OpenURI", "OpenURI",
                                                 "\"" LICENSE "\""),
                    ==, 1);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, find);

  close_help_window ();
}

static gboolean
close_page_windows_cb (gpointer data)
{
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);

  return G_SOURCE_REMOVE;
}

static gboolean
close_help_cb (gpointer data)
{
  gboolean *help_outlived_windows = data;

  *help_outlived_windows = find_help_window () != NULL;
  close_help_window ();

  return G_SOURCE_REMOVE;
}

/* The help window is not one of the application's windows, yet it keeps the app running
 * when the last page window closes, until it is closed itself. Last: it ends the app. */
static void
test_keeps_app_running (CpdWindow *window)
{
  gboolean help_outlived_windows = FALSE;
  guint    close_help_id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", NULL));
  wait_for_help_title (expected_title);

  g_timeout_add (0, close_page_windows_cb, NULL);
  close_help_id = g_timeout_add (500, close_help_cb, &help_outlived_windows);
  g_application_run (G_APPLICATION (app), 0, NULL);

  /* Had the app ended with its page windows, the help would not have been closed yet. */
  if (!help_outlived_windows)
    g_source_remove (close_help_id);
  g_assert_true (help_outlived_windows);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "de") == 0)
    {
      expected_language = "de";
      expected_title = "Hilfe zu Container Plumbing Days";
    }
  else
    {
      /* There is no English translation: C is the fallback. */
      expected_language = "C";
      expected_title = "Container Plumbing Days Help";
    }

  app = cpd_test_start_app (NULL);
  cpd_test_add_window_test ("/help/f1-shows-help", test_f1_shows_help);
  cpd_test_add_window_test ("/help/only-own-pages", test_only_own_pages);
  /* Under tests/portal/portal-run, with its stub handler for web links. */
  if (g_strcmp0 (g_getenv ("CPD_PORTAL_MODE"), "handler") == 0)
    cpd_test_add_window_test ("/help/links", test_links);
  cpd_test_add_window_test ("/help/keeps-app-running", test_keeps_app_running);

  ret = g_test_run ();

  cpd_test_stop_app (app);
  return ret;
}
