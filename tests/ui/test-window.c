/* test-window.c: the real application window, driven under Xvfb.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-application.h"
#include "cpd-window.h"

#include "cpd-ui-test-utils.h"

static CpdApplication *app;

static void
test_bundled_page (CpdWindow *window)
{
  g_autofree char   *heading = NULL;
  static const char *expected_sections[] = {
    "Container Plumbing Days 2024",
    "Container Plumbing?",
    "Conduct",
    "Sponsors",
  };
  GListModel  *sections = cpd_document_get_sections (cpd_window_get_document (window));
  GtkListView *list = cpd_sidebar_get_section_list (cpd_window_get_sidebar (window));
  GListModel  *rows = G_LIST_MODEL (gtk_list_view_get_model (list));

  heading = cpd_test_eval_string (cpd_test_get_page_view (window),
                                  "document.getElementById('container-plumbing-days-2024').textContent");
  g_assert_cmpstr (heading, ==, "Container Plumbing Days 2024");

  /* The sidebar lists the document's sections, in order, and shows their titles. */
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, G_N_ELEMENTS (expected_sections));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, G_N_ELEMENTS (expected_sections));
  for (guint i = 0; i < G_N_ELEMENTS (expected_sections); i++)
    {
      g_autoptr (CpdSection) section = g_list_model_get_item (rows, i);

      g_assert_cmpstr (cpd_section_get_title (section), ==, expected_sections[i]);
      g_assert_true (cpd_test_widget_has_label (GTK_WIDGET (list), expected_sections[i]));
    }

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Container Plumbing Days 2024");
}

static gboolean
sponsors_at_top (gpointer data)
{
  /* The page keeps a small scroll margin above headings, so they do not touch the edge. */
  double top = cpd_test_eval_double (cpd_test_get_page_view (data),
                                     "const h = document.getElementById('sponsors');"
                                     "h.getBoundingClientRect().top"
                                     " - parseFloat(getComputedStyle(h).scrollMarginTop)");

  g_test_message ("Sponsors heading at %.1f px", top);
  return top > -2 && top < 2;
}

static gboolean
first_section_selected (gpointer data)
{
  return g_strcmp0 (cpd_sidebar_get_selected_section (cpd_window_get_sidebar (data)),
                    "container-plumbing-days-2024") == 0;
}

static void
test_section_navigation (CpdWindow *window)
{
  CpdSidebar *sidebar = cpd_window_get_sidebar (window);

  /* What a click or Enter on the "Sponsors" row does. */
  cpd_sidebar_activate_section (sidebar, 3);
  cpd_test_wait_for (sponsors_at_top, window, "the Sponsors heading at the top of the view");
  cpd_test_wait_for_selected (sidebar, "sponsors");

  /* The reader scrolls back up: the sidebar follows. */
  cpd_test_run_script (cpd_test_get_page_view (window), "window.scrollTo(0, 0)");
  cpd_test_wait_for (first_section_selected, window, "the first section selected");
}

/* A new window on the bundled page goes back to the section the reader last read. */
static void
test_restores_last_section (CpdWindow *window)
{
  g_autoptr (GSettings) settings = g_settings_new ("org.example.CPD");
  CpdWindow *restored;

  g_assert_true (g_settings_set_string (settings, "last-section", "sponsors"));
  restored = cpd_window_new (app, NULL);
  gtk_window_present (GTK_WINDOW (restored));
  cpd_test_wait_for_window_ready (restored);

  cpd_test_wait_for (sponsors_at_top, restored, "the Sponsors heading at the top of the view");
  cpd_test_wait_for_selected (cpd_window_get_sidebar (restored), "sponsors");

  gtk_window_destroy (GTK_WINDOW (restored));
}

/* A saved section the page no longer has (the page changed since) is not jumped to, and the
 * window reads the page from its beginning. */
static void
test_ignores_unknown_last_section (CpdWindow *window)
{
  g_autoptr (GSettings) settings = g_settings_new ("org.example.CPD");
  CpdWindow   *restored;
  CpdPageView *page_view;

  g_assert_true (g_settings_set_string (settings, "last-section", "a-section-since-removed"));
  restored = cpd_window_new (app, NULL);
  gtk_window_present (GTK_WINDOW (restored));
  cpd_test_wait_for_window_ready (restored);

  page_view = cpd_test_get_page_view (restored);
  cpd_test_wait_for_selected (cpd_window_get_sidebar (restored), "container-plumbing-days-2024");
  g_assert_cmpstr (cpd_page_view_get_current_section (page_view), ==,
                   "container-plumbing-days-2024");
  g_assert_cmpfloat (cpd_test_eval_double (page_view, "window.scrollY"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (restored));
}

/* Heading ids keep non-Latin letters; the view jumps to them as to any other. */
static void
test_non_latin_section (CpdWindow *window)
{
  g_autoptr (GString) page = g_string_new ("# Start\n\n");
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileIOStream) stream = NULL;
  CpdWindow *opened;

  for (guint i = 0; i < 80; i++)
    g_string_append (page, "A paragraph that takes up room.\n\n");
  g_string_append (page, "## Über uns\n\nThe end.\n");

  file = g_file_new_tmp ("non-latin-XXXXXX.md", &stream, NULL);
  g_assert_nonnull (file);
  g_assert_true (g_file_replace_contents (file, page->str, page->len, NULL, FALSE, 0, NULL, NULL,
                                          NULL));

  opened = cpd_test_open_page (window, file);
  g_assert_true (opened != window);
  cpd_test_wait_for_selected (cpd_window_get_sidebar (opened), "start");

  cpd_sidebar_activate_section (cpd_window_get_sidebar (opened), 1);
  cpd_test_wait_for_selected (cpd_window_get_sidebar (opened), "über-uns");

  gtk_window_destroy (GTK_WINDOW (opened));
  g_file_delete (file, NULL, NULL);
}

static gboolean
has_matches (gpointer data)
{
  return cpd_page_view_get_match_count (cpd_test_get_page_view (data)) >= 1;
}

static gboolean
has_four_matches (gpointer page_view)
{
  return cpd_page_view_get_match_count (page_view) == 4;
}

static void
test_find (CpdWindow *window)
{
  static const char other_page[] = "# Other\n\nSeattle, Seattle, Seattle and Seattle.\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (other_page, strlen (other_page));
  g_autoptr (CpdDocument) other = NULL;
  g_autoptr (GError) error = NULL;
  CpdPageView *page_view = cpd_test_get_page_view (window);
  GtkWidget   *entry;

  /* The find bar is made when first used. */
  g_assert_null (cpd_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "page.find", NULL));
  entry = cpd_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_visible (entry));

  /* Nothing found: said in words and in the entry's error style. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such words on this page");
  cpd_test_wait_for_label (GTK_WIDGET (window), "No matches");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Seattle");
  cpd_test_wait_for (has_matches, window, "matches for “Seattle”");
  cpd_test_wait_for_label (GTK_WIDGET (window), "1 of ");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* Another page under the open find bar: its own matches, none of the old page's meanwhile. */
  g_assert_cmpuint (cpd_page_view_get_match_count (page_view), ==, 2);
  other = cpd_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  cpd_window_set_document (window, other);
  g_assert_cmpuint (cpd_page_view_get_match_count (page_view), ==, 0);
  cpd_test_wait_for (has_four_matches, page_view, "the four matches of the other page");
  cpd_test_wait_for_label (GTK_WIDGET (window), "1 of 4");

  /* Escape closes the search bar and ends the search. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (
    GTK_SEARCH_BAR (cpd_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR))));
  g_assert_cmpuint (cpd_page_view_get_match_count (page_view), ==, 0);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* More matches than the page view counts: it says so, and still steps through them. The
 * page is searched once, though the find bar repeats the text it is given. */
static void
test_find_many (CpdWindow *window)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileIOStream) stream = NULL;
  g_autoptr (GString) page = g_string_new ("# Many\n\n");
  CpdWindow   *many;
  CpdPageView *page_view;
  GtkWidget   *entry;
  guint        searches = 0;
  gboolean     entry_searched = FALSE;

  for (guint i = 0; i < 1500; i++)
    g_string_append (page, "needle ");
  file = g_file_new_tmp ("many-XXXXXX.md", &stream, NULL);
  g_assert_true (g_file_replace_contents (file, page->str, page->len, NULL, FALSE, 0, NULL, NULL,
                                          NULL));
  many = cpd_test_open_page (window, file);
  page_view = cpd_test_get_page_view (many);

  g_signal_connect_swapped (page_view, "notify::match-count", G_CALLBACK (count_cb), &searches);
  g_object_set (page_view, "find-text", "needle", "find-mode", TRUE, NULL);
  entry = cpd_test_find_widget (GTK_WIDGET (many), GTK_TYPE_SEARCH_ENTRY);
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (set_true), &entry_searched);
  cpd_test_wait_for (has_matches, many, "matches for “needle”");
  cpd_test_wait_for_label (GTK_WIDGET (many), "More than 1000 matches");
  cpd_test_wait_for (is_true, &entry_searched, "the find bar to pass its text on");
  /* A round trip to the web process, behind any count still on its way. */
  g_free (cpd_test_eval_string (page_view, "'settled'"));
  g_assert_cmpuint (searches, ==, 1);
  g_assert_cmpuint (cpd_page_view_get_match_count (page_view), ==, CPD_PAGE_MAX_MATCH_COUNT + 1);
  g_assert_cmpuint (cpd_page_view_get_match_index (page_view), ==, 0);

  /* Which one is selected is not known, so not made up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (many), "page.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (many), "page.find-next", NULL));
  g_assert_cmpuint (cpd_page_view_get_match_index (page_view), ==, 0);
  g_assert_true (cpd_test_widget_has_label (GTK_WIDGET (many), "More than 1000 matches"));

  g_file_delete (file, NULL, NULL);
}

static gboolean
is_zoom_level_button (GtkWidget *widget,
                      gpointer   data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "page.zoom-reset") == 0;
}

/* The main menu shows the zoom level, which resets it. */
static void
test_zoom_level (CpdWindow *window)
{
  CpdPageView *page_view = cpd_test_get_page_view (window);
  GtkWidget   *level = NULL;

  cpd_test_get_main_menu (window);
  level = cpd_test_find_widget_matching (GTK_WIDGET (window), is_zoom_level_button, NULL);

  g_assert_nonnull (level);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (level)), ==, "100%");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "page.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (cpd_page_view_get_zoom_level (page_view), 1.1, 0.001);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (level)), ==, "110%");

  g_signal_emit_by_name (level, "clicked");
  g_assert_cmpfloat_with_epsilon (cpd_page_view_get_zoom_level (page_view), 1.0, 0.001);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (level)), ==, "100%");
}

static gboolean
is_collapsed (gpointer data)
{
  AdwNavigationSplitView *split_view =
    ADW_NAVIGATION_SPLIT_VIEW (cpd_test_find_widget (data, ADW_TYPE_NAVIGATION_SPLIT_VIEW));

  return adw_navigation_split_view_get_collapsed (split_view);
}

static gboolean
is_expanded (gpointer data)
{
  return !is_collapsed (data);
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }

  return NULL;
}

static void
test_narrow (CpdWindow *window)
{
  CpdSidebar             *sidebar = cpd_window_get_sidebar (window);
  GtkListView            *list = cpd_sidebar_get_section_list (sidebar);
  GtkSingleSelection     *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  AdwNavigationSplitView *split_view = ADW_NAVIGATION_SPLIT_VIEW (
    cpd_test_find_widget (GTK_WIDGET (window), ADW_TYPE_NAVIGATION_SPLIT_VIEW));
  GtkEventController *key_controller = find_key_controller (GTK_WIDGET (list));
  gboolean            handled;
  int                 width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  cpd_test_wait_for (is_collapsed, window, "the split view to collapse at 360 px");

  /* A tap on a section (it selects the row) shows the page there. Back on the sidebar no
   * row stays selected, so a tap on the same section goes there again. */
  adw_navigation_split_view_set_show_content (split_view, FALSE);
  gtk_single_selection_set_selected (selection, 1);
  g_assert_true (adw_navigation_split_view_get_show_content (split_view));
  adw_navigation_split_view_set_show_content (split_view, FALSE);
  g_assert_null (cpd_sidebar_get_selected_section (sidebar));
  gtk_single_selection_set_selected (selection, 1);
  g_assert_true (adw_navigation_split_view_get_show_content (split_view));

  /* The arrow keys move through the list without leaving it; Enter goes to the page. */
  adw_navigation_split_view_set_show_content (split_view, FALSE);
  g_assert_nonnull (key_controller);
  g_signal_emit_by_name (key_controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  gtk_single_selection_set_selected (selection, 2);
  g_assert_false (adw_navigation_split_view_get_show_content (split_view));
  g_assert_cmpstr (cpd_sidebar_get_selected_section (sidebar), ==, "conduct");
  g_signal_emit_by_name (list, "activate", 2);
  g_assert_true (adw_navigation_split_view_get_show_content (split_view));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  cpd_test_wait_for (is_expanded, window, "the split view to expand again");
}

static gboolean
has_open_error (gpointer data)
{
  return cpd_test_widget_has_label (data, "Could not open");
}

static void
test_broken_file (CpdWindow *window)
{
  CpdDocument *before = cpd_window_get_document (window);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileIOStream) stream = NULL;
  static const char junk[] = "## Heading\n\0\0\0binary";

  file = g_file_new_tmp ("broken-XXXXXX.md", &stream, NULL);
  g_assert_nonnull (file);
  g_assert_true (g_file_replace_contents (file, junk, sizeof junk, NULL, FALSE, 0, NULL, NULL,
                                          NULL));

  cpd_application_open_page (app, file, GTK_WINDOW (window));
  cpd_test_wait_for (has_open_error, window, "an error message in the window");

  g_assert_true (cpd_window_get_document (window) == before);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_file_delete (file, NULL, NULL);
}

static gboolean
is_label_showing (GtkWidget *widget,
                  gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
has_toast (gpointer window)
{
  return cpd_test_find_toast (window) != NULL;
}

static gboolean
page_loaded (gpointer data)
{
  return cpd_page_view_get_loaded (data);
}

static gboolean
reading_sponsors (gpointer data)
{
  return g_strcmp0 (cpd_page_view_get_current_section (data), "sponsors") == 0;
}

static gboolean
is_error_page (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)),
                    "Could Not Show the Page") == 0;
}

static gboolean
shows_error_page (gpointer window)
{
  return gtk_widget_get_mapped (cpd_test_find_widget_matching (window, is_error_page, NULL));
}

static gboolean action_enabled (CpdWindow  *window,
                                const char *action_name);

static gboolean
hides_error_page (gpointer window)
{
  return !shows_error_page (window);
}

static gboolean
is_try_again_button (GtkWidget *widget,
                     gpointer   data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Try Again") == 0;
}

/* WebKit's web process ends under the page (here asked to; a crash does the same): the page
 * comes back where the reader was, and they are told. The second time, the window says so in
 * the page's place, and trying again shows the page where the reader was. */
static void
test_page_viewer_stops (CpdWindow *window)
{
  CpdPageView     *page_view = cpd_test_get_page_view (window);
  WebKitWebView   *web_view = cpd_page_view_get_web_view (page_view);
  g_autofree char *heading = NULL;
  GtkWidget       *error_page;
  GtkWidget       *try_again;

  cpd_sidebar_activate_section (cpd_window_get_sidebar (window), 3);
  cpd_test_wait_for (sponsors_at_top, window, "the Sponsors heading at the top of the view");

  webkit_web_view_terminate_web_process (web_view);
  cpd_test_expect_toast (window, "The page stopped working and was reloaded");
  cpd_test_wait_for (page_loaded, page_view, "the page shown again");
  heading = cpd_test_eval_string (page_view, "document.getElementById('sponsors').textContent");
  g_assert_cmpstr (heading, ==, "Sponsors");
  cpd_test_wait_for (sponsors_at_top, window, "the Sponsors heading at the top again");
  g_assert_true (reading_sponsors (page_view));
  g_assert_cmpstr (cpd_sidebar_get_selected_section (cpd_window_get_sidebar (window)), ==,
                   "sponsors");

  webkit_web_view_terminate_web_process (web_view);
  cpd_test_wait_for (shows_error_page, window, "the page's place to say what happened");
  error_page = cpd_test_find_widget_matching (GTK_WIDGET (window), is_error_page, NULL);
  g_assert_false (cpd_page_view_get_loaded (page_view));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), ==,
                   "The page stopped working again. This can happen when the computer is low "
                   "on memory.");
  /* Nothing on the page to find or print meanwhile. */
  g_assert_false (action_enabled (window, "page.find"));
  g_assert_false (action_enabled (window, "page.print"));
  try_again = cpd_test_find_widget_matching (error_page, is_try_again_button, NULL);
  g_assert_nonnull (try_again);
  g_assert_true (gtk_widget_is_visible (try_again));

  gtk_widget_activate (try_again);
  cpd_test_wait_for (hides_error_page, window, "the page back in its place");
  cpd_test_wait_for (page_loaded, page_view, "the page shown on trying again");
  cpd_test_wait_for (sponsors_at_top, window, "the Sponsors heading at the top on trying again");
  g_assert_true (action_enabled (window, "page.print"));
}

/* Printing that fails (here: to a file in a folder that does not exist) says why. */
static void
test_print_fails (CpdWindow *window)
{
  CpdPageView *page_view = cpd_test_get_page_view (window);
  g_autoptr (WebKitPrintOperation) operation = cpd_page_view_new_print_operation (page_view);
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI,
                          "file:///nonexistent/folder/page.pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  webkit_print_operation_set_print_settings (operation, settings);
  webkit_print_operation_print (operation);
  /* As the print action does: WebKit keeps the operation until printing ends. */
  g_clear_object (&operation);

  /* Our words, then GTK's reason. */
  cpd_test_expect_toast (window, "Could not print: Error opening file “/nonexistent/folder/page.pdf”");
}

/* Messages are text, not markup: a file name with “&” or “<” shows as it is. */
static void
test_message_is_text (CpdWindow *window)
{
  static const char message[] = "Could not open “Q&A <draft>.md”";

  cpd_window_show_message (window, message);
  cpd_test_wait_for (has_toast, window, "a toast");
  g_assert_nonnull (
    cpd_test_find_widget_matching (cpd_test_find_toast (window), is_label_showing, (gpointer) message));
  cpd_test_dismiss_toast (window);
}

/* A page given on the command line that cannot be read: a window on the bundled page that
 * names the file and says why. */
static void
test_unreadable_command_line_page (CpdWindow *window)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/missing-page.md");
  GList     *windows;
  CpdWindow *new_window;

  cpd_application_open_page (app, file, NULL);

  /* The window maps at once, before the page is read. */
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  new_window = CPD_WINDOW (windows->data != window ? windows->data : windows->next->data);

  cpd_test_expect_toast (new_window, "Could not open “missing-page.md”: The page does not exist");
  cpd_test_wait_for_window_ready (new_window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (new_window)), ==,
                   "Container Plumbing Days 2024");
}

static gboolean
page_view_loaded (gpointer data)
{
  return cpd_page_view_get_loaded (data);
}

static void
record_link (CpdPageView *page_view,
             const char  *uri,
             GPtrArray   *links)
{
  g_ptr_array_add (links, g_strdup (uri));
}

static gboolean
has_links (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

/* The page view's own hardening, without the core's escaping in front of it: HTML that
 * carries scripts is loaded straight into the web view. */
static void
test_page_view_runs_no_scripts (void)
{
  GtkWindow     *test_window = GTK_WINDOW (gtk_window_new ());
  CpdPageView   *page_view = cpd_page_view_new ();
  WebKitWebView *web_view = cpd_page_view_get_web_view (page_view);
  g_autoptr (GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autofree char  *marker = NULL;
  g_autofree char  *uri = NULL;
  static const char hostile[] =
    "<html><body><h2 id='a'>A</h2>"
    "<script>document.body.dataset.ran = 'script';</script>"
    "<img src='data:,x' onerror=\"document.body.dataset.ran = 'onerror'\">"
    "<body onload=\"document.body.dataset.ran = 'onload'\">"
    "<a id='js' href=\"javascript:document.body.dataset.ran = 'link'\">js</a>"
    "<a id='web' href='https://example.org/'>web</a>"
    "</body></html>";

  g_signal_connect (page_view, "link-activated", G_CALLBACK (record_link), links);
  gtk_window_set_child (test_window, GTK_WIDGET (page_view));
  gtk_window_present (test_window);

  webkit_web_view_load_html (web_view, hostile, "about:blank");
  cpd_test_wait_for (page_view_loaded, page_view, "the hostile page to load");

  /* A click on a javascript: link runs nothing and goes nowhere. */
  cpd_test_run_script (page_view, "document.getElementById('js').click()");
  marker = cpd_test_eval_string (page_view, "String(document.body.dataset.ran)");
  g_assert_cmpstr (marker, ==, "undefined");

  /* A web link is handed out, not followed. */
  cpd_test_run_script (page_view, "document.getElementById('web').click()");
  cpd_test_wait_for (has_links, links, "the link to be handed to the opener");
  g_assert_cmpstr (g_ptr_array_index (links, links->len - 1), ==, "https://example.org/");
  uri = cpd_test_eval_string (page_view, "document.location.href");
  g_assert_cmpstr (uri, ==, "about:blank");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, "about:blank");

  gtk_window_destroy (test_window);
}

static gboolean
section_is_b (gpointer data)
{
  return g_strcmp0 (cpd_page_view_get_current_section (data), "b") == 0;
}

static void
record_section (CpdPageView *page_view,
                GParamSpec  *pspec,
                GPtrArray   *sections)
{
  g_ptr_array_add (sections, g_strdup (cpd_page_view_get_current_section (page_view)));
}

/* A link to a heading of the page jumps to it, and is not handed to the link opener; a link
 * to an id the page does not have goes nowhere and is not taken for a section. */
static void
test_page_view_fragment_link (void)
{
  GtkWindow   *test_window = GTK_WINDOW (gtk_window_new ());
  CpdPageView *page_view = cpd_page_view_new ();
  g_autoptr (GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) markdown = g_string_new ("## A\n\n[Nowhere](#nowhere) [To B](#b)\n\n");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CpdDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *scrolled = NULL;

  for (guint i = 0; i < 80; i++)
    g_string_append (markdown, "A paragraph that takes up room.\n\n");
  g_string_append (markdown, "## B\n\nThe end.\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&markdown));
  document = cpd_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  g_signal_connect (page_view, "link-activated", G_CALLBACK (record_link), links);
  g_signal_connect (page_view, "notify::current-section", G_CALLBACK (record_section), sections);
  gtk_window_set_child (test_window, GTK_WIDGET (page_view));
  gtk_window_set_default_size (test_window, 600, 400);
  gtk_window_present (test_window);

  cpd_page_view_load_document (page_view, document);
  cpd_test_wait_for (page_view_loaded, page_view, "the page to load");

  cpd_test_run_script (page_view, "document.querySelector('a[href=\"#nowhere\"]').click()");
  cpd_test_run_script (page_view, "document.querySelector('a[href=\"#b\"]').click()");
  cpd_test_wait_for (section_is_b, page_view, "the view to reach heading B");
  scrolled = cpd_test_eval_string (page_view, "String(window.scrollY > 0)");
  g_assert_cmpstr (scrolled, ==, "true");
  g_assert_cmpuint (links->len, ==, 0);
  for (guint i = 0; i < sections->len; i++)
    g_assert_cmpstr (g_ptr_array_index (sections, i), !=, "nowhere");

  gtk_window_destroy (test_window);
}

/* Keyboard shortcuts and menus --------------------------------------------------------------- */

/* The action that @accelerator triggers in @window, from the window's shortcut controllers. */
static char *
shortcut_action (CpdWindow  *window,
                 const char *accelerator)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr (GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action) &&
              gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

/* Checks that @accelerator is bound to @action_name, and activates it through the binding. */
static void
press (CpdWindow  *window,
       const char *accelerator,
       const char *action_name)
{
  g_autofree char *bound = shortcut_action (window, accelerator);

  g_test_message ("%s: %s", accelerator, bound);
  g_assert_cmpstr (bound, ==, action_name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), bound, NULL));
}

static void
assert_bound (CpdWindow  *window,
              const char *accelerator,
              const char *action_name)
{
  g_autofree char *bound = shortcut_action (window, accelerator);

  g_assert_cmpstr (bound, ==, action_name);
}

static gboolean
found_twice (gpointer data)
{
  return cpd_page_view_get_match_count (cpd_test_get_page_view (data)) == 2;
}

/* Every shortcut of the page view's page.* actions, through the window's bindings. */
static void
test_page_shortcuts (CpdWindow *window)
{
  CpdPageView *page_view = cpd_test_get_page_view (window);
  GtkWidget   *entry;

  press (window, "<Control>f", "page.find");
  g_assert_true (cpd_page_view_get_find_mode (page_view));
  entry = cpd_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Seattle");
  cpd_test_wait_for (found_twice, window, "both matches for “Seattle”");
  g_assert_cmpuint (cpd_page_view_get_match_index (page_view), ==, 1);
  press (window, "<Control>g", "page.find-next");
  g_assert_cmpuint (cpd_page_view_get_match_index (page_view), ==, 2);
  press (window, "<Shift><Control>g", "page.find-previous");
  g_assert_cmpuint (cpd_page_view_get_match_index (page_view), ==, 1);
  /* Enter in the find bar's entry, and its previous-match key binding, step too. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (cpd_page_view_get_match_index (page_view), ==, 2);
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_cmpuint (cpd_page_view_get_match_index (page_view), ==, 1);

  press (window, "<Control>plus", "page.zoom-in");
  g_assert_cmpfloat_with_epsilon (cpd_page_view_get_zoom_level (page_view), 1.1, 0.001);
  press (window, "<Control>equal", "page.zoom-in");
  press (window, "<Control>KP_Add", "page.zoom-in");
  g_assert_cmpfloat_with_epsilon (cpd_page_view_get_zoom_level (page_view), 1.3, 0.001);
  press (window, "<Control>minus", "page.zoom-out");
  press (window, "<Control>KP_Subtract", "page.zoom-out");
  g_assert_cmpfloat_with_epsilon (cpd_page_view_get_zoom_level (page_view), 1.1, 0.001);
  press (window, "<Control>0", "page.zoom-reset");
  g_assert_cmpfloat_with_epsilon (cpd_page_view_get_zoom_level (page_view), 1.0, 0.001);
  press (window, "<Control>minus", "page.zoom-out");
  press (window, "<Control>KP_0", "page.zoom-reset");
  g_assert_cmpfloat_with_epsilon (cpd_page_view_get_zoom_level (page_view), 1.0, 0.001);

  /* Printing opens the print dialog: bound and enabled is what is checked here. */
  assert_bound (window, "<Control>p", "page.print");
  g_assert_true (g_action_group_get_action_enabled (cpd_page_view_get_actions (page_view),
                                                    "print"));
}

/* The window's own shortcuts; the portal tests follow the event's links and calendar. */
static void
test_window_shortcuts (CpdWindow *window)
{
  assert_bound (window, "<Control>o", "win.open");
  assert_bound (window, "<Shift><Control>v", "win.recordings");
  assert_bound (window, "<Shift><Control>r", "win.register");
  assert_bound (window, "<Shift><Control>l", "win.venue");
  assert_bound (window, "<Shift><Control>s", "win.schedule");
  assert_bound (window, "<Shift><Control>c", "win.conduct");
  assert_bound (window, "<Control>d", "win.add-to-calendar");
  assert_bound (window, "<Control>s", "win.save-calendar");
}

/* Whether @action_name ("win.open", "page.find", "app.about") is there for the menu. */
static gboolean
action_enabled (CpdWindow  *window,
                const char *action_name)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));
  const char     *name = strchr (action_name, '.') + 1;

  if (g_str_has_prefix (action_name, "page."))
    return g_action_group_get_action_enabled (
      cpd_page_view_get_actions (cpd_test_get_page_view (window)), name);
  if (g_str_has_prefix (action_name, "app."))
    return g_action_group_get_action_enabled (G_ACTION_GROUP (application), name);
  if (g_action_group_has_action (G_ACTION_GROUP (window), name))
    return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);

  /* The window class's own win.* actions: there (each is disabled only by what the page does
   * not tell, which the hostile tests check). */
  for (guint i = 0;; i++)
    {
      GType               owner;
      const char         *installed;
      const GVariantType *parameter_type;
      const char         *property_name;

      if (!gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &installed,
                                          &parameter_type, &property_name))
        break;
      if (g_str_equal (installed, action_name))
        return TRUE;
    }

  return FALSE;
}

static void
collect_menu_actions (GMenuModel *menu,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr (GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      char *action = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) link = g_menu_link_iter_get_value (links);

          collect_menu_actions (link, actions);
        }
    }
}

static gboolean
is_zoom_button (GtkWidget *widget,
                gpointer   data)
{
  const char *name = GTK_IS_BUTTON (widget) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;

  return name != NULL && g_str_has_prefix (name, "page.zoom-");
}

/* Every item of the main menu names an action that is there and enabled on the bundled page,
 * the Event submenu in the order of a past event, and the zoom row drives the page view's
 * zoom. */
static void
test_main_menu (CpdWindow *window)
{
  static const char *expected[] = {
    "win.open",
    "page.find",
    "page.print",
    "win.recordings",
    "win.register",
    "win.venue",
    "win.schedule",
    "win.conduct",
    "win.add-to-calendar",
    "win.save-calendar",
    "win.show-help-overlay",
    "app.help",
    "app.about",
  };
  GtkMenuButton *menu_button = cpd_test_get_main_menu (window);
  GtkWidget     *popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  guint n_zoom_buttons = 0;

  collect_menu_actions (gtk_menu_button_get_menu_model (menu_button), actions);
  g_assert_cmpuint (actions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < actions->len; i++)
    {
      g_test_message ("Menu item %s", (char *) actions->pdata[i]);
      g_assert_cmpstr (actions->pdata[i], ==, expected[i]);
      g_assert_true (action_enabled (window, actions->pdata[i]));
    }

  /* Out, level, in: side by side in one row. */
  for (GtkWidget *button = cpd_test_find_widget_matching (popover, is_zoom_button, NULL);
       button != NULL; button = gtk_widget_get_next_sibling (button))
    {
      g_assert_true (is_zoom_button (button, NULL));
      g_assert_true (action_enabled (window, gtk_actionable_get_action_name (GTK_ACTIONABLE (button))));
      n_zoom_buttons++;
    }
  g_assert_cmpuint (n_zoom_buttons, ==, 3);
}

/* GTK warns when a web process ends before its accessible socket is embedded, which is what
 * /window/page-viewer-stops asks of WebKit, and may come after that test; any other warning
 * stays fatal. */
static GLogWriterOutput
drop_socket_warning (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
          g_str_has_prefix (fields[i].value, "Error embedding AT-SPI socket"))
        return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, data);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_log_set_writer_func (drop_socket_warning, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  app = cpd_test_start_app (NULL);

  cpd_test_add_window_test ("/window/bundled-page", test_bundled_page);
  cpd_test_add_window_test ("/window/section-navigation", test_section_navigation);
  cpd_test_add_window_test ("/window/restores-last-section", test_restores_last_section);
  cpd_test_add_window_test ("/window/ignores-unknown-last-section",
                            test_ignores_unknown_last_section);
  cpd_test_add_window_test ("/window/non-latin-section", test_non_latin_section);
  cpd_test_add_window_test ("/window/find", test_find);
  cpd_test_add_window_test ("/window/find-many", test_find_many);
  cpd_test_add_window_test ("/window/zoom-level", test_zoom_level);
  cpd_test_add_window_test ("/window/page-shortcuts", test_page_shortcuts);
  cpd_test_add_window_test ("/window/window-shortcuts", test_window_shortcuts);
  cpd_test_add_window_test ("/window/main-menu", test_main_menu);
  cpd_test_add_window_test ("/window/narrow", test_narrow);
  cpd_test_add_window_test ("/window/broken-file", test_broken_file);
  cpd_test_add_window_test ("/window/message-is-text", test_message_is_text);
  cpd_test_add_window_test ("/window/page-viewer-stops", test_page_viewer_stops);
  cpd_test_add_window_test ("/window/print-fails", test_print_fails);
  cpd_test_add_window_test ("/window/unreadable-command-line-page",
                            test_unreadable_command_line_page);
  g_test_add_func ("/page-view/runs-no-scripts", test_page_view_runs_no_scripts);
  g_test_add_func ("/page-view/fragment-link", test_page_view_fragment_link);

  ret = g_test_run ();

  cpd_test_stop_app (app);
  return ret;
}
