/* cpd-ui-test-utils.c: driving real windows from GTests.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-page-loader.h"
#include "cpd-ui-test-utils.h"

/* The tests link the page module's code, to reach into the page view: the window takes its
 * types from there instead of loading the module (tests/ui/test-page-module.py loads it). */
__attribute__ ((constructor)) static void
cpd_test_use_builtin_page_module (void)
{
  cpd_page_loader_set_builtin (cpd_page_module_register_types);
}

/**
 * cpd_test_get_main_menu:
 *
 * Returns: (transfer none): the first main menu button, with its menu made (the window makes
 *   it when first opened)
 */
GtkMenuButton *
cpd_test_get_main_menu (CpdWindow *window)
{
  GtkMenuButton *menu_button =
    GTK_MENU_BUTTON (cpd_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));

  gtk_menu_button_popup (menu_button);
  gtk_menu_button_popdown (menu_button);
  g_assert_nonnull (gtk_menu_button_get_menu_model (menu_button));

  return menu_button;
}

/**
 * cpd_test_get_page_view:
 *
 * Returns: (transfer none): the window's page view; it must be there already
 */
CpdPageView *
cpd_test_get_page_view (CpdWindow *window)
{
  CpdPage *page = cpd_window_get_page_view (window);

  g_assert_nonnull (page);
  return CPD_PAGE_VIEW (page);
}

/* Generous: WebKit starts its processes on the first load, and CI machines are slow. */
#define WAIT_TIMEOUT_SECONDS 60

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
cpd_test_wait_for (CpdTestCondition condition,
                   gpointer         data,
                   const char      *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  guint  waker = g_timeout_add (50, wake_up, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %d s waiting for %s", WAIT_TIMEOUT_SECONDS, what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (waker);
}

static gboolean
window_ready (gpointer data)
{
  CpdWindow *window = data;
  CpdPage   *page = cpd_window_get_page_view (window);
  gboolean   loaded = FALSE;

  if (page != NULL)
    g_object_get (page, "loaded", &loaded, NULL);
  return loaded && cpd_window_get_document (window) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (window));
}

void
cpd_test_wait_for_window_ready (CpdWindow *window)
{
  cpd_test_wait_for (window_ready, window, "the window to show its page");
}

static CpdApplication *test_app;

/* Starts the app; with @window, it activates and waits for its window to show the page. */
CpdApplication *
cpd_test_start_app (CpdWindow **window)
{
  CpdApplication *app = cpd_application_new ();
  g_autoptr (GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  test_app = app;
  if (window == NULL)
    return app;

  g_application_activate (G_APPLICATION (app));

  *window = CPD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (CPD_IS_WINDOW (*window));
  cpd_test_wait_for_window_ready (*window);

  return app;
}

static void close_windows (void);

void
cpd_test_stop_app (CpdApplication *app)
{
  g_assert_true (app == test_app);
  close_windows ();
  g_clear_object (&test_app);
}

typedef struct
{
  JSCValue *value;
  GError   *error;
  gboolean  done;
} Evaluation;

static void
evaluated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Evaluation *evaluation = user_data;

  evaluation->value =
    webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result,
                                                &evaluation->error);
  evaluation->done = TRUE;
}

static gboolean
evaluation_done (gpointer data)
{
  return ((Evaluation *) data)->done;
}

/* Evaluates @script in the page's own world, as the page would see itself. */
static JSCValue *
cpd_test_eval (CpdPageView *page_view,
               const char  *script)
{
  Evaluation evaluation = { 0 };

  webkit_web_view_evaluate_javascript (cpd_page_view_get_web_view (page_view), script, -1, NULL,
                                       NULL, NULL, evaluated_cb, &evaluation);
  cpd_test_wait_for (evaluation_done, &evaluation, script);
  g_assert_no_error (evaluation.error);

  return evaluation.value;
}

void
cpd_test_run_script (CpdPageView *page_view,
                     const char  *script)
{
  g_autoptr (JSCValue) value = cpd_test_eval (page_view, script);
}

char *
cpd_test_eval_string (CpdPageView *page_view,
                      const char  *script)
{
  g_autoptr (JSCValue) value = cpd_test_eval (page_view, script);

  return jsc_value_is_string (value) ? jsc_value_to_string (value) : NULL;
}

double
cpd_test_eval_double (CpdPageView *page_view,
                      const char  *script)
{
  g_autoptr (JSCValue) value = cpd_test_eval (page_view, script);

  g_assert_true (jsc_value_is_number (value));
  return jsc_value_to_double (value);
}

/* The first widget below @root, depth first, for which @match says yes. */
GtkWidget *
cpd_test_find_widget_matching (GtkWidget         *root,
                               CpdTestWidgetMatch match,
                               gpointer           data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cpd_test_find_widget_matching (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
cpd_test_find_widget (GtkWidget *root,
                      GType      type)
{
  return cpd_test_find_widget_matching (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_action (GtkWidget *widget,
            gpointer   action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* The first widget below @root that triggers @action_name ("win.register"), shown or not. */
GtkWidget *
cpd_test_find_actionable (GtkWidget  *root,
                          const char *action_name)
{
  GtkWidget *found = cpd_test_find_widget_matching (root, has_action, (gpointer) action_name);

  g_assert_nonnull (found);
  return found;
}

/* Whether a visible label below @root shows @text (as a substring). */
gboolean
cpd_test_widget_has_label (GtkWidget  *root,
                           const char *text)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;

  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (cpd_test_widget_has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return cpd_test_widget_has_label (wait->root, wait->text);
}

void
cpd_test_wait_for_label (GtkWidget  *root,
                         const char *text)
{
  LabelWait wait = { root, text };

  cpd_test_wait_for (label_shown, &wait, text);
}

typedef struct
{
  CpdSidebar *sidebar;
  const char *section_id;
} SelectionWait;

static gboolean
section_selected (gpointer data)
{
  SelectionWait *wait = data;

  return g_strcmp0 (cpd_sidebar_get_selected_section (wait->sidebar), wait->section_id) == 0;
}

void
cpd_test_wait_for_selected (CpdSidebar *sidebar,
                            const char *section_id)
{
  SelectionWait wait = { sidebar, section_id };

  cpd_test_wait_for (section_selected, &wait, section_id);
}

/* Pages and days ---------------------------------------------------------------------------- */

/* A page of tests/data (G_TEST_SRCDIR is tests/). */
GFile *
cpd_test_data_file (const char *name)
{
  return g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data", name, NULL);
}

typedef struct
{
  GList     *windows_before;
  CpdWindow *new_window;
} OpenWait;

static gboolean
has_new_window (gpointer data)
{
  OpenWait *wait = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l != NULL; l = l->next)
    {
      if (g_list_find (wait->windows_before, l->data) == NULL)
        {
          wait->new_window = CPD_WINDOW (l->data);
          return TRUE;
        }
    }

  return FALSE;
}

/* Opens @file as the app does, from @parent, and waits for its new window to show it. */
CpdWindow *
cpd_test_open_page (CpdWindow *parent,
                    GFile     *file)
{
  OpenWait wait = { NULL, NULL };

  wait.windows_before = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (test_app)));
  cpd_application_open_page (test_app, file, GTK_WINDOW (parent));
  cpd_test_wait_for (has_new_window, &wait, "the page's new window");
  g_list_free (wait.windows_before);
  cpd_test_wait_for_window_ready (wait.new_window);

  return wait.new_window;
}

/* The window measures the event against this day, not the real clock's. */
void
cpd_test_set_today (CpdWindow *window,
                    int        year,
                    int        month,
                    int        day)
{
  g_autoptr (GDate) today = g_date_new_dmy (day, month, year);

  cpd_window_set_today (window, today);
}

/* Fresh windows --------------------------------------------------------------------------- */

/* Every key back to its default, so that no test sees what another one saved. */
static void
reset_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("org.example.CPD");
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
close_windows (void)
{
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (test_app)));

  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
}

static void
run_window_test (gconstpointer data)
{
  CpdTestWindowFunc test = (CpdTestWindowFunc) data;
  CpdWindow        *window;

  g_assert_nonnull (test_app);
  close_windows ();
  reset_settings ();

  window = cpd_window_new (test_app, NULL);
  /* After the bundled event (April 15, 2024), whatever the real date. */
  cpd_test_set_today (window, 2025, 6, 1);
  gtk_window_present (GTK_WINDOW (window));
  cpd_test_wait_for_window_ready (window);

  test (window);

  close_windows ();
}

/* Adds a test that runs in a fresh window on the bundled page, with the settings at their
 * defaults and June 1, 2025 for today: tests pass in any order, on any day. The app must
 * have been started. */
void
cpd_test_add_window_test (const char       *path,
                          CpdTestWindowFunc test)
{
  g_test_add_data_func (path, (gconstpointer) test, run_window_test);
}

/* Toasts ---------------------------------------------------------------------------------- */

/* libadwaita's toast widget is private: found by its type name. */
static gboolean
is_toast (GtkWidget *widget,
          gpointer   data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

GtkWidget *
cpd_test_find_toast (CpdWindow *window)
{
  return cpd_test_find_widget_matching (GTK_WIDGET (window), is_toast, NULL);
}

static gboolean
has_toast (gpointer window)
{
  return cpd_test_find_toast (window) != NULL;
}

static void
collect_labels (GtkWidget *root,
                GString   *text)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static gboolean
is_close_button (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

static gboolean
is_gone (gpointer data)
{
  GtkWidget **widget = data;

  return *widget == NULL || gtk_widget_get_parent (*widget) == NULL;
}

/* Closes the toast shown, if any, as the reader would, and waits for it to go, so that the
 * next one, if one is waiting, can show. */
void
cpd_test_dismiss_toast (CpdWindow *window)
{
  GtkWidget *toast = cpd_test_find_toast (window);
  GtkWidget *close_button;

  if (toast == NULL)
    return;

  close_button = cpd_test_find_widget_matching (toast, is_close_button, NULL);
  g_assert_nonnull (close_button);
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &toast);
  gtk_widget_activate (close_button);
  cpd_test_wait_for (is_gone, &toast, "the toast to go away");
  g_clear_weak_pointer (&toast);
}

/* Waits for a toast and checks that it says @text, then dismisses it. */
void
cpd_test_expect_toast (CpdWindow  *window,
                       const char *text)
{
  g_autoptr (GString) shown = g_string_new (NULL);

  cpd_test_wait_for (has_toast, window, "a toast");
  collect_labels (cpd_test_find_toast (window), shown);
  g_test_message ("Toast: %s", shown->str);
  g_assert_nonnull (strstr (shown->str, text));

  cpd_test_dismiss_toast (window);
}
