/* test-search-provider.c: GNOME Shell's search, called over the test's private session bus.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The app registers on the bus as it would when D-Bus activated for a search (no window),
 * and the test calls its org.gnome.Shell.SearchProvider2 from a connection of its own, as
 * GNOME Shell does. The tests run in order: the first searches an app without a window and
 * checks that no web process started.
 */

#include "config.h"

#include "cpd-application.h"
#include "cpd-search-provider.h"
#include "cpd-window.h"

#include "cpd-ui-test-utils.h"

#define SEARCH_PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"

static CpdApplication  *app;
static GDBusConnection *shell; /* the test's own connection: GNOME Shell's part */

typedef struct
{
  GVariant *reply;
  GError   *error;
  gboolean  done;
} Call;

static void
called_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  call->done = TRUE;
}

static gboolean
call_done (gpointer data)
{
  return ((Call *) data)->done;
}

/* Calls @method and runs the app's main loop until it answers. */
static GVariant *
call_provider (const char         *method,
               GVariant           *parameters,
               const GVariantType *reply_type)
{
  Call call = { NULL, NULL, FALSE };

  g_dbus_connection_call (shell, APP_ID, CPD_SEARCH_PROVIDER_OBJECT_PATH,
                          SEARCH_PROVIDER_INTERFACE, method, parameters, reply_type,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, called_cb, &call);
  cpd_test_wait_for (call_done, &call, method);
  g_assert_no_error (call.error);

  return call.reply;
}

/* The identifiers GetInitialResultSet returns for @terms, as one string: "a b c". */
static char *
search (const char *const *terms)
{
  g_autoptr (GVariant) reply = call_provider ("GetInitialResultSet",
                                              g_variant_new ("(^as)", terms),
                                              G_VARIANT_TYPE ("(as)"));
  g_autofree const char **results = NULL;
  char                   *joined;

  g_variant_get (reply, "(^a&s)", &results);
  joined = g_strjoinv (" ", (char **) results);
  g_test_message ("%s → [%s]", terms[0], joined);
  return joined;
}

/* The name GetResultMetas gives @identifier, with a description and the app's icon. */
static char *
result_name (const char *identifier)
{
  const char *identifiers[] = { identifier, NULL };
  g_autoptr (GVariant) reply = call_provider ("GetResultMetas",
                                              g_variant_new ("(^as)", identifiers),
                                              G_VARIANT_TYPE ("(aa{sv})"));
  g_autoptr (GVariant) metas = g_variant_get_child_value (reply, 0);
  g_autoptr (GVariant) meta = NULL;
  g_autoptr (GVariant) icon = NULL;
  g_autoptr (GIcon) gicon = NULL;
  const char *name = NULL;
  const char *description = NULL;
  const char *id = NULL;

  g_assert_cmpuint (g_variant_n_children (metas), ==, 1);
  meta = g_variant_get_child_value (metas, 0);
  g_assert_true (g_variant_lookup (meta, "id", "&s", &id));
  g_assert_cmpstr (id, ==, identifier);
  g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
  g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
  g_assert_cmpstr (description, !=, "");
  icon = g_variant_lookup_value (meta, "icon", NULL);
  g_assert_nonnull (icon);
  gicon = g_icon_deserialize (icon);
  g_assert_true (G_IS_THEMED_ICON (gicon));
  g_assert_true (g_strv_contains (g_themed_icon_get_names (G_THEMED_ICON (gicon)), APP_ID));
  g_test_message ("%s: %s — %s", identifier, name, description);

  return g_strdup (name);
}

/* WebKit's web processes started by this process, at any depth (the sandbox puts bwrap in
 * between). */
static guint
count_web_processes (void)
{
  g_autoptr (GDir) proc = g_dir_open ("/proc", 0, NULL);
  g_autoptr (GHashTable) parents = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) web_processes = g_ptr_array_new ();
  const char *name;
  guint       count = 0;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char      *comm_end;
      int              pid = atoi (name);
      int              ppid = 0;

      if (pid <= 0 || !g_file_get_contents (path, &stat, NULL, NULL))
        continue;

      /* "PID (COMM) STATE PPID …": COMM may hold spaces and parentheses. */
      comm_end = strrchr (stat, ')');
      if (comm_end == NULL || sscanf (comm_end + 1, " %*c %d", &ppid) != 1)
        continue;

      g_hash_table_insert (parents, GINT_TO_POINTER (pid), GINT_TO_POINTER (ppid));
      if (strstr (stat, "(WebKitWebProces") != NULL)
        g_ptr_array_add (web_processes, GINT_TO_POINTER (pid));
    }

  for (guint i = 0; i < web_processes->len; i++)
    {
      int pid = GPOINTER_TO_INT (web_processes->pdata[i]);

      for (guint depth = 0; pid > 1 && depth < 16; depth++)
        {
          pid = GPOINTER_TO_INT (g_hash_table_lookup (parents, GINT_TO_POINTER (pid)));
          if (pid == getpid ())
            {
              count++;
              break;
            }
        }
    }

  return count;
}

/* Searching an app without a window answers from the page alone: no WebKit. */
static void
test_search_without_window (void)
{
  g_autofree char *conduct = NULL;
  g_autofree char *conduct_name = NULL;
  g_autofree char *venue_name = NULL;
  g_autofree char *date_name = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *accented = NULL;
  g_autofree char *both = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *date = NULL;

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  conduct = search ((const char *[]){ "conduct", NULL });
  g_assert_cmpstr (conduct, ==, "section:conduct");
  /* Case and accents do not matter; every term must match. */
  upper = search ((const char *[]){ "CONDUCT", NULL });
  g_assert_cmpstr (upper, ==, "section:conduct");
  accented = search ((const char *[]){ "cönduct", NULL });
  g_assert_cmpstr (accented, ==, "section:conduct");
  both = search ((const char *[]){ "container", "days", NULL });
  g_assert_cmpstr (both, ==, "section:container-plumbing-days-2024");

  venue = search ((const char *[]){ "seattle", NULL });
  g_assert_cmpstr (venue, ==, "fact:venue");
  date = search ((const char *[]){ "april", "2024", NULL });
  g_assert_cmpstr (date, ==, "fact:date");
  nothing = search ((const char *[]){ "nothing-here", NULL });
  g_assert_cmpstr (nothing, ==, "");

  conduct_name = result_name ("section:conduct");
  g_assert_cmpstr (conduct_name, ==, "Conduct");
  venue_name = result_name ("fact:venue");
  g_assert_cmpstr (venue_name, ==, "Seattle Convention Center, Seattle, WA");
  date_name = result_name ("fact:date");
  g_assert_cmpstr (date_name, ==, "April 15, 2024");

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_cmpuint (count_web_processes (), ==, 0);
}

/* GNOME Shell narrows the results as the reader types on. */
static void
test_subsearch (void)
{
  const char *previous[] = { "section:container-plumbing-days-2024", "section:container-plumbing",
                             "section:conduct", "fact:venue", NULL };
  const char *terms[] = { "container", "plumbing?", NULL };
  g_autoptr (GVariant) reply = call_provider ("GetSubsearchResultSet",
                                              g_variant_new ("(^as^as)", previous, terms),
                                              G_VARIANT_TYPE ("(as)"));
  g_autofree const char **results = NULL;

  g_variant_get (reply, "(^a&s)", &results);
  g_assert_cmpuint (g_strv_length ((char **) results), ==, 2);
  g_assert_cmpstr (results[0], ==, "section:container-plumbing-days-2024");
  g_assert_cmpstr (results[1], ==, "section:container-plumbing");
}

static gboolean
has_window (gpointer data)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL;
}

static gboolean
reads_conduct (gpointer data)
{
  return g_strcmp0 (cpd_page_view_get_current_section (cpd_test_get_page_view (data)),
                    "conduct") == 0;
}

/* Activating a section opens the window there (the app had none). */
static void
test_activate_result (void)
{
  g_autoptr (GVariant) reply = NULL;
  CpdWindow *window;

  reply = call_provider ("ActivateResult",
                         g_variant_new ("(s^asu)", "section:conduct",
                                        (const char *[]){ "conduct", NULL }, 0),
                         NULL);
  cpd_test_wait_for (has_window, NULL, "a window");
  window = CPD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  cpd_test_wait_for_window_ready (window);

  /* The page's own scroll-spy reports the section read, and the sidebar shows it. */
  cpd_test_wait_for (reads_conduct, window, "the page to be read at “Conduct”");
  cpd_test_wait_for_selected (cpd_window_get_sidebar (window), "conduct");

  /* And the web process count counts: a window shows the page through one. */
  g_assert_cmpuint (count_web_processes (), >=, 1);
}

static gboolean
finds_seattle (gpointer data)
{
  return cpd_page_view_get_match_count (cpd_test_get_page_view (data)) >= 1;
}

/* "Search in the app" opens the find bar with the terms. */
static void
test_launch_search (void)
{
  g_autoptr (GVariant) reply = NULL;
  CpdWindow *window;
  GtkWidget *entry;

  reply = call_provider ("LaunchSearch",
                         g_variant_new ("(^asu)", (const char *[]){ "Seattle", NULL }, 0), NULL);
  window = CPD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  cpd_test_wait_for_window_ready (window);
  cpd_test_wait_for (finds_seattle, window, "matches for “Seattle”");

  g_assert_true (cpd_page_view_get_find_mode (cpd_test_get_page_view (window)));
  entry = cpd_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Seattle");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *address = NULL;
  int              ret;

  g_test_init (&argc, &argv, NULL);

  app = cpd_test_start_app (NULL);
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  shell = g_dbus_connection_new_for_address_sync (address,
                                                  G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                  NULL, NULL, &error);
  g_assert_no_error (error);

  /* In this order: the first needs an app without a window. */
  g_test_add_func ("/search-provider/without-window", test_search_without_window);
  g_test_add_func ("/search-provider/subsearch", test_subsearch);
  g_test_add_func ("/search-provider/activate-result", test_activate_result);
  g_test_add_func ("/search-provider/launch-search", test_launch_search);

  ret = g_test_run ();

  g_clear_object (&shell);
  cpd_test_stop_app (app);
  return ret;
}
