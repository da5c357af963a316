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
static CpdWindow      *window;

static void
test_bundled_page (void)
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

  heading = cpd_test_eval_string (cpd_window_get_page_view (window),
                                  "document.getElementById('container-plumbing-days-2024').textContent");
  g_assert_cmpstr (heading, ==, "Container Plumbing Days 2024");

  /* The sidebar lists the document's sections, in order, and shows their titles. */
  g_assert_true (rows != NULL);
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
  CpdWindow *shown = data != NULL ? data : window;
  /* The page keeps a small scroll margin above headings, so they do not touch the edge. */
  double top = cpd_test_eval_double (cpd_window_get_page_view (shown),
                                     "const h = document.getElementById('sponsors');"
                                     "h.getBoundingClientRect().top"
                                     " - parseFloat(getComputedStyle(h).scrollMarginTop)");

  g_test_message ("Sponsors heading at %.1f px", top);
  return top > -2 && top < 2;
}

static gboolean
first_section_selected (gpointer data)
{
  return g_strcmp0 (cpd_sidebar_get_selected_section (cpd_window_get_sidebar (window)),
                    "container-plumbing-days-2024") == 0;
}

static void
test_section_navigation (void)
{
  CpdSidebar *sidebar = cpd_window_get_sidebar (window);

  /* What a click or Enter on the "Sponsors" row does. */
  cpd_sidebar_activate_section (sidebar, 3);
  cpd_test_wait_for (sponsors_at_top, NULL, "the Sponsors heading at the top of the view");
  cpd_test_wait_for_selected (sidebar, "sponsors");

  /* The reader scrolls back up: the sidebar follows. */
  cpd_test_run_script (cpd_window_get_page_view (window), "window.scrollTo(0, 0)");
  cpd_test_wait_for (first_section_selected, NULL, "the first section selected");
}

/* A new window on the bundled page goes back to the section the reader last read. */
static void
test_restores_last_section (void)
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
  g_settings_reset (settings, "last-section");
}

/* A saved section the page no longer has (the page changed since) is not jumped to, and the
 * window reads the page from its beginning. */
static void
test_ignores_unknown_last_section (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("org.example.CPD");
  CpdWindow   *restored;
  CpdPageView *page_view;

  g_assert_true (g_settings_set_string (settings, "last-section", "a-section-since-removed"));
  restored = cpd_window_new (app, NULL);
  gtk_window_present (GTK_WINDOW (restored));
  cpd_test_wait_for_window_ready (restored);

  page_view = cpd_window_get_page_view (restored);
  cpd_test_wait_for_selected (cpd_window_get_sidebar (restored), "container-plumbing-days-2024");
  g_assert_cmpstr (cpd_page_view_get_current_section (page_view), ==,
                   "container-plumbing-days-2024");
  g_assert_cmpfloat (cpd_test_eval_double (page_view, "window.scrollY"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (restored));
  g_settings_reset (settings, "last-section");
}

static gboolean
has_new_window (gpointer data)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) > 1;
}

/* Heading ids keep non-Latin letters; the view jumps to them as to any other. */
static void
test_non_latin_section (void)
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

  cpd_application_open_page (app, file, GTK_WINDOW (window));
  cpd_test_wait_for (has_new_window, NULL, "the page's window");
  opened = CPD_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (opened != window);
  cpd_test_wait_for_window_ready (opened);
  cpd_test_wait_for_selected (cpd_window_get_sidebar (opened), "start");

  cpd_sidebar_activate_section (cpd_window_get_sidebar (opened), 1);
  cpd_test_wait_for_selected (cpd_window_get_sidebar (opened), "über-uns");

  gtk_window_destroy (GTK_WINDOW (opened));
  g_file_delete (file, NULL, NULL);
}

static gboolean
has_matches (gpointer data)
{
  return cpd_page_view_get_match_count (cpd_window_get_page_view (window)) >= 1;
}

static void
test_find (void)
{
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "page.find", NULL));
  entry = cpd_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_visible (entry));

  /* Nothing found: said in words and in the entry's error style. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such words on this page");
  cpd_test_wait_for_label (GTK_WIDGET (window), "No matches");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Seattle");
  cpd_test_wait_for (has_matches, NULL, "matches for “Seattle”");
  cpd_test_wait_for_label (GTK_WIDGET (window), "1 of ");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* Escape closes the search bar and ends the search. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (
    GTK_SEARCH_BAR (cpd_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR))));
  g_assert_cmpuint (cpd_page_view_get_match_count (cpd_window_get_page_view (window)), ==, 0);
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
test_zoom_level (void)
{
  CpdPageView *page_view = cpd_window_get_page_view (window);
  GtkWidget   *level = cpd_test_find_widget_matching (GTK_WIDGET (window), is_zoom_level_button, NULL);

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
    ADW_NAVIGATION_SPLIT_VIEW (cpd_test_find_widget (GTK_WIDGET (window),
                                                     ADW_TYPE_NAVIGATION_SPLIT_VIEW));

  return adw_navigation_split_view_get_collapsed (split_view) == GPOINTER_TO_INT (data);
}

static void
test_narrow (void)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  cpd_test_wait_for (is_collapsed, GINT_TO_POINTER (TRUE), "the split view to collapse at 360 px");

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  cpd_test_wait_for (is_collapsed, GINT_TO_POINTER (FALSE), "the split view to expand again");
}

static gboolean
windows_have_message (gpointer data)
{
  return cpd_test_widget_has_label (GTK_WIDGET (window), data);
}

static void
test_broken_file (void)
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
  cpd_test_wait_for (windows_have_message, (gpointer) "Could not open", "an error message in the window");

  g_assert_true (cpd_window_get_document (window) == before);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_file_delete (file, NULL, NULL);
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

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  app = cpd_test_start_app (&window);

  g_test_add_func ("/window/bundled-page", test_bundled_page);
  g_test_add_func ("/window/section-navigation", test_section_navigation);
  g_test_add_func ("/window/restores-last-section", test_restores_last_section);
  g_test_add_func ("/window/ignores-unknown-last-section", test_ignores_unknown_last_section);
  g_test_add_func ("/window/non-latin-section", test_non_latin_section);
  g_test_add_func ("/window/find", test_find);
  g_test_add_func ("/window/zoom-level", test_zoom_level);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/broken-file", test_broken_file);
  g_test_add_func ("/page-view/runs-no-scripts", test_page_view_runs_no_scripts);
  g_test_add_func ("/page-view/fragment-link", test_page_view_fragment_link);

  ret = g_test_run ();

  cpd_test_stop_app (app);
  return ret;
}
