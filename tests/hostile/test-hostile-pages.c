/* test-hostile-pages.c: nasty pages opened by the real app, end to end, under Xvfb.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page goes through cpd_application_open_page(), as a file from the command line, the
 * Open dialog or a drop would. Each one either opens in a window of its own, which must show
 * the page without running any of its scripts and without navigating anywhere, or leaves a
 * message in the window it was opened from. Either way the app must still answer: a sidebar
 * activation scrolls the page and the sidebar follows.
 *
 * The committed pages are in pages/; the ones that cannot be committed (50 MB, 10 000
 * headings, a directory, a FIFO, dangling and looping symlinks) are made in a temporary
 * directory. Tests run as root, so a chmod 000 file would be readable: /proc/self/mem, whose
 * first page is never mapped, is the file that even root cannot read.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpd-application.h"
#include "cpd-window.h"

#include "cpd-ui-test-utils.h"

/* Set by the pages' scripts and handlers, if one ever ran. */
#define PWNED_CHECK                                                              \
  "String(typeof window.pwned) + '|' + (document.title === 'pwned') + '|' +"     \
  "document.querySelectorAll('script, iframe, object, embed, form, base, link, " \
  "meta[http-equiv=refresh i], [onerror], [onload], [onclick]').length"
#define NOT_PWNED "undefined|false|0"

static CpdApplication *app;
static CpdWindow      *main_window;
static char           *tmp_dir;

/* Opening --------------------------------------------------------------------------------- */

typedef struct
{
  GList      *windows_before;
  const char *name;
  CpdWindow  *new_window;
} OpenWait;

static gboolean
page_opened_or_refused (gpointer data)
{
  OpenWait *wait = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      if (g_list_find (wait->windows_before, l->data) == NULL)
        {
          wait->new_window = CPD_WINDOW (l->data);
          return TRUE;
        }
    }

  return cpd_test_widget_has_label (GTK_WIDGET (main_window), wait->name) &&
         cpd_test_widget_has_label (GTK_WIDGET (main_window), "Could not open");
}

/* Returns the page's new window, or %NULL when the page was refused with a message. */
static CpdWindow *
open_page (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *what = g_strdup_printf ("“%s” to open or to be refused", name);
  OpenWait         wait = { NULL, name, NULL };

  wait.windows_before = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  cpd_application_open_page (app, file, GTK_WINDOW (main_window));
  cpd_test_wait_for (page_opened_or_refused, &wait, what);
  g_list_free (wait.windows_before);

  return wait.new_window;
}

static GFile *
page_file (const char *name)
{
  return g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "pages", name, NULL);
}

static GFile *
tmp_file (const char *name)
{
  return g_file_new_build_filename (tmp_dir, name, NULL);
}

/* Checks ---------------------------------------------------------------------------------- */

static gboolean
page_settled (gpointer data)
{
  g_autofree char *settled = cpd_test_eval_string (cpd_test_get_page_view (data),
                                                   "String(document.body.dataset.cpdSettled)");

  return g_strcmp0 (settled, "yes") == 0;
}

/* A <meta http-equiv=refresh content=0> or a frame is set off by the page as it loads; a timer
 * queued behind two animation frames from now runs after it. */
static void
wait_for_page_to_settle (CpdWindow *window)
{
  cpd_test_run_script (cpd_test_get_page_view (window),
                       "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {"
                       "  document.body.dataset.cpdSettled = 'yes';"
                       "}, 0))); 'ok'");
  cpd_test_wait_for (page_settled, window, "the page's pending timers to run");
}

static void
assert_not_navigated (CpdWindow *window)
{
  WebKitWebView   *web_view = cpd_page_view_get_web_view (cpd_test_get_page_view (window));
  const char      *uri = webkit_web_view_get_uri (web_view);
  g_autofree char *document = NULL;
  g_autofree char *main_id = NULL;

  /* The scroll-spy names the heading being read in the fragment. */
  g_assert_nonnull (uri);
  document = g_strndup (uri, strcspn (uri, "#"));
  g_assert_cmpstr (document, ==, "about:blank");
  g_assert_false (webkit_web_view_is_loading (web_view));

  /* Still our document, not something a refresh or a frame put there. */
  main_id = cpd_test_eval_string (cpd_test_get_page_view (window),
                                  "String(document.querySelectorAll('body > main').length)");
  g_assert_cmpstr (main_id, ==, "1");
}

static void
assert_no_script_ran (CpdWindow *window)
{
  g_autofree char *pwned = cpd_test_eval_string (cpd_test_get_page_view (window), PWNED_CHECK);

  g_assert_cmpstr (pwned, ==, NOT_PWNED);
}

static const char *
row_section_id (GtkListView *list,
                int          index)
{
  g_autoptr (CpdSection) section =
    g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), index);

  g_assert_nonnull (section);
  /* The document owns the section; the id outlives this reference. */
  return cpd_section_get_id (section);
}

typedef struct
{
  CpdWindow  *window;
  const char *id;
} HeadingWait;

static gboolean
heading_at_top (gpointer data)
{
  HeadingWait     *wait = data;
  g_autofree char *script = NULL;
  double           top;

  /* The view keeps a small scroll margin above headings, so they do not touch the edge. */
  script = g_strdup_printf ("(h => h.getBoundingClientRect().top"
                            " - parseFloat(getComputedStyle(h).scrollMarginTop))"
                            "(document.getElementById('%s'))",
                            wait->id);
  top = cpd_test_eval_double (cpd_test_get_page_view (wait->window), script);

  return top > -2 && top < 2;
}

/* Activates the sidebar row of section @index and waits for its heading to reach the top of
 * the view. The ids come from the slug code: letters, digits and dashes only. */
static void
activate_section (CpdWindow *window,
                  guint      index)
{
  CpdSidebar      *sidebar = cpd_window_get_sidebar (window);
  GtkListView     *list = cpd_sidebar_get_section_list (sidebar);
  HeadingWait      wait = { window, row_section_id (list, index) };
  g_autofree char *what = g_strdup_printf ("heading “%s” at the top of the view", wait.id);

  /* What a click on the row does. */
  cpd_sidebar_activate_section (sidebar, index);
  cpd_test_wait_for (heading_at_top, &wait, what);
}

static gboolean
last_section_unselected (gpointer data)
{
  CpdSidebar  *sidebar = cpd_window_get_sidebar (data);
  GtkListView *list = cpd_sidebar_get_section_list (sidebar);
  GListModel  *sections = cpd_document_get_sections (cpd_window_get_document (data));

  return g_strcmp0 (cpd_sidebar_get_selected_section (sidebar),
                    row_section_id (list, g_list_model_get_n_items (sections) - 1)) != 0;
}

/* The window answers: activating the last sidebar row scrolls the page there, and the
 * sidebar follows the page. The last one, because the page promises that even the last
 * heading reaches the top of the view, and the selection must change. */
static void
assert_responsive (CpdWindow *window)
{
  CpdSidebar  *sidebar = cpd_window_get_sidebar (window);
  GtkListView *list = cpd_sidebar_get_section_list (sidebar);
  GListModel  *sections = cpd_document_get_sections (cpd_window_get_document (window));
  guint        n = g_list_model_get_n_items (sections);

  if (n == 0)
    {
      /* Nothing to activate: the window must still run its actions. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "page.zoom-in", NULL));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "page.zoom-reset", NULL));
      return;
    }

  if (n > 1 && !last_section_unselected (window))
    {
      /* The reader scrolls back up first. */
      g_free (cpd_test_eval_string (cpd_test_get_page_view (window), "scrollTo(0, 0); 'ok'"));
      cpd_test_wait_for (last_section_unselected, window, "the sidebar to follow to the top");
    }

  activate_section (window, n - 1);
  cpd_test_wait_for_selected (sidebar, row_section_id (list, n - 1));
}

static void
assert_labels_plain (GtkWidget *widget,
                     guint     *n_labels)
{
  if (GTK_IS_LABEL (widget))
    {
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (widget)));
      (*n_labels)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_plain (child, n_labels);
}

/* The sidebar lists exactly the sections, and its rows show titles as plain text. Only the
 * rows in view exist (it is a list view), so those are the ones checked for markup. */
static void
assert_sidebar_matches (CpdWindow *window)
{
  GtkListView *list = cpd_sidebar_get_section_list (cpd_window_get_sidebar (window));
  GListModel  *rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  GListModel  *sections = cpd_document_get_sections (cpd_window_get_document (window));
  guint        n = g_list_model_get_n_items (sections);
  guint        n_labels = 0;

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CpdSection) section = g_list_model_get_item (sections, i);
      g_autoptr (CpdSection) row = g_list_model_get_item (rows, i);

      g_assert_true (section == row);
    }

  assert_labels_plain (GTK_WIDGET (list), &n_labels);
  if (n > 0)
    {
      g_autoptr (CpdSection) first = g_list_model_get_item (sections, 0);

      g_assert_cmpuint (n_labels, >, 0);
      g_assert_true (cpd_test_widget_has_label (GTK_WIDGET (list), cpd_section_get_title (first)));
    }
}

/* A page that opens: shown, inert, and the window still answers. */
static CpdWindow *
open_shown_page (GFile *file)
{
  CpdWindow *window = open_page (file);

  g_assert_nonnull (window);
  cpd_test_wait_for_window_ready (window);

  assert_no_script_ran (window);
  assert_sidebar_matches (window);
  assert_responsive (window);
  wait_for_page_to_settle (window);
  assert_not_navigated (window);
  assert_no_script_ran (window);

  return window;
}

static void
close_window (CpdWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A page that cannot be shown: the message names it and says why, the page the reader had
 * stays, and the window still answers. */
static void
assert_refused (GFile      *file,
                const char *reason)
{
  CpdDocument *before = cpd_window_get_document (main_window);
  guint        n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_assert_null (open_page (file));
  g_assert_true (cpd_test_widget_has_label (GTK_WIDGET (main_window), reason));
  g_assert_true (cpd_window_get_document (main_window) == before);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);

  assert_responsive (main_window);
  assert_not_navigated (main_window);

  /* The next message must not queue behind this one. */
  cpd_test_dismiss_toast (main_window);
}

/* Pages that open ----------------------------------------------------------------------- */

static void
test_script_headings (void)
{
  g_autoptr (GFile) file = page_file ("script-headings.md");
  CpdWindow *window = open_shown_page (file);

  /* Markup in the front matter title is text in the window title too. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "<script>window.pwned = 1; document.title = 'pwned'</script>Scripted title");
  close_window (window);
}

static void
test_duplicate_headings (void)
{
  g_autoptr (GFile) file = page_file ("duplicate-headings.md");
  CpdWindow       *window = open_shown_page (file);
  GtkListView     *list = cpd_sidebar_get_section_list (cpd_window_get_sidebar (window));
  g_autofree char *text = NULL;

  /* The third "Agenda" row leads to the third heading, not to the first of that name. */
  activate_section (window, 2);
  text = cpd_test_eval_string (cpd_test_get_page_view (window),
                               "document.getElementById('"
                               "agenda-2"
                               "')"
                               ".nextElementSibling.textContent");
  g_assert_cmpstr (row_section_id (list, 2), ==, "agenda-2");
  g_assert_cmpstr (text, ==, "Third agenda.");
  close_window (window);
}

static gboolean
message_shown (gpointer data)
{
  return cpd_test_widget_has_label (GTK_WIDGET (data), "are not opened");
}

static void
test_links (void)
{
  g_autoptr (GFile) file = page_file ("links.md");
  CpdWindow       *window = open_shown_page (file);
  g_autofree char *hrefs = NULL;
  g_autofree char *clicked = NULL;

  /* Script, file and data links are not links at all on the page. */
  hrefs = cpd_test_eval_string (cpd_test_get_page_view (window),
                                "Array.from(document.querySelectorAll('a[href]'))"
                                ".map(a => a.getAttribute('href').split(':')[0]).join(' ')");
  g_assert_cmpstr (hrefs, ==, "about resource help mailto");

  /* The ones that are stay in the app: refused with a message, never followed. */
  clicked = cpd_test_eval_string (cpd_test_get_page_view (window),
                                  "document.querySelector('a[href^=\"about:\"]').click(); 'ok'");
  g_assert_cmpstr (clicked, ==, "ok");
  cpd_test_wait_for (message_shown, window, "the link to be refused");
  assert_not_navigated (window);
  assert_no_script_ran (window);
  assert_responsive (window);
  close_window (window);
}

static void
test_raw_html (void)
{
  g_autoptr (GFile) file = page_file ("raw-html.md");
  CpdWindow       *window = open_shown_page (file);
  g_autofree char *text = NULL;

  text = cpd_test_eval_string (cpd_test_get_page_view (window),
                               "document.getElementById('still-readable').nextElementSibling"
                               ".textContent");
  g_assert_cmpstr (text, ==, "The text around the markup stays.");
  close_window (window);
}

static gboolean
has_action (GtkWidget *widget,
            gpointer   action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  return cpd_test_find_widget_matching (root, has_action, (gpointer) action_name);
}

static void
test_nonsense_dates (void)
{
  g_autoptr (GFile) file = page_file ("nonsense-dates.md");
  CpdWindow *window = open_shown_page (file);
  CpdEvent  *event = cpd_document_get_event (cpd_window_get_document (window));

  /* No date was understood: nothing is offered for the calendar. */
  g_assert_null (cpd_event_get_start_date (event));
  g_assert_false (gtk_widget_is_sensitive (find_actionable (GTK_WIDGET (window),
                                                            "win.add-to-calendar")));
  close_window (window);
}

static void
test_no_dates (void)
{
  g_autoptr (GFile) file = page_file ("no-dates.md");
  CpdWindow *window = open_shown_page (file);
  AdwBanner *banner = ADW_BANNER (cpd_test_find_widget (GTK_WIDGET (window), ADW_TYPE_BANNER));

  /* No date, no claim about when the event is. */
  g_assert_false (adw_banner_get_revealed (banner));
  close_window (window);
}

static void
test_unterminated_front_matter (void)
{
  g_autoptr (GFile) file = page_file ("unterminated-front-matter.md");
  CpdWindow       *window = open_shown_page (file);
  g_autofree char *text = NULL;

  /* Nothing is swallowed: the would-be front matter is shown as text. */
  text = cpd_test_eval_string (cpd_test_get_page_view (window),
                               "document.querySelector('main').textContent");
  g_assert_nonnull (strstr (text, "title: Never Closed"));
  g_assert_nonnull (strstr (text, "never comes"));
  close_window (window);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr (GFile) file = page_file ("invalid-utf8.md");
  CpdWindow       *window = open_shown_page (file);
  g_autofree char *text = NULL;

  text = cpd_test_eval_string (cpd_test_get_page_view (window),
                               "document.querySelector('main').textContent");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "Valid text: café."));
  g_assert_true (g_utf8_validate (gtk_window_get_title (GTK_WINDOW (window)), -1, NULL));
  close_window (window);
}

static void
test_junk_without_nul (void)
{
  g_autoptr (GFile) file = page_file ("junk-no-nul.md");
  CpdWindow *window = open_shown_page (file);

  close_window (window);
}

static void
test_many_headings (void)
{
  g_autoptr (GFile) file = tmp_file ("many-headings.md");
  g_autoptr (GString) page = g_string_new ("---\ntitle: Ten Thousand Headings\n---\n\n");
  CpdWindow *window;

  for (guint i = 1; i <= 10000; i++)
    g_string_append_printf (page, "%s Heading %u\n\nParagraph %u.\n\n",
                            i % 3 == 0 ? "###" : "##", i, i);
  g_assert_true (g_file_replace_contents (file, page->str, page->len, NULL, FALSE, 0, NULL, NULL,
                                          NULL));

  window = open_shown_page (file);
  g_assert_cmpuint (g_list_model_get_n_items (cpd_document_get_sections (
                      cpd_window_get_document (window))),
                    ==, 10000);

  /* The middle of the list, too. */
  activate_section (window, 5000);
  close_window (window);
}

/* Pages that are refused ------------------------------------------------------------------- */

static void
test_empty (void)
{
  g_autoptr (GFile) file = page_file ("empty.md");

  assert_refused (file, "empty");
}

static void
test_binary_junk (void)
{
  g_autoptr (GFile) file = page_file ("binary-junk.md");

  assert_refused (file, "not text");
}

static void
test_huge (void)
{
  g_autoptr (GFile) file = tmp_file ("fifty-megabytes.md");
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GString) chunk = g_string_new (NULL);
  gsize written = 0;

  /* 50 MB of real Markdown, written in 1 MB pieces. */
  while (chunk->len < 1024 * 1024)
    g_string_append_printf (chunk, "## Section %u\n\nSome *text* with a [link](https://example.com/%u).\n\n",
                            (guint) chunk->len, (guint) chunk->len);
  stream = g_file_replace (file, NULL, FALSE, 0, NULL, NULL);
  g_assert_nonnull (stream);
  while (written < 50 * 1024 * 1024)
    {
      g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (stream), chunk->str, chunk->len,
                                                NULL, NULL, NULL));
      written += chunk->len;
    }
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL));

  assert_refused (file, "too large");
  g_file_delete (file, NULL, NULL);
}

static void
test_directory (void)
{
  g_autoptr (GFile) file = tmp_file ("a-directory.md");

  g_assert_no_errno (g_mkdir (g_file_peek_path (file), 0755));
  assert_refused (file, "Could not open");
}

static void
test_dangling_symlink (void)
{
  g_autoptr (GFile) file = tmp_file ("dangling.md");

  g_assert_no_errno (symlink ("nowhere.md", g_file_peek_path (file)));
  assert_refused (file, "Could not open");
}

static void
test_symlink_loop (void)
{
  g_autoptr (GFile) file = tmp_file ("loop.md");

  g_assert_no_errno (symlink ("loop.md", g_file_peek_path (file)));
  assert_refused (file, "Could not open");
}

static void
test_unreadable (void)
{
  /* Root reads chmod 000 files; nobody reads the unmapped first page of a process. */
  g_autoptr (GFile) file = g_file_new_for_path ("/proc/self/mem");

  assert_refused (file, "Could not open");
}

static void
test_fifo (void)
{
  g_autoptr (GFile) file = tmp_file ("a-fifo.md");

  /* Nobody ever writes to it: opening must not wait for a writer forever. */
  g_assert_no_errno (mkfifo (g_file_peek_path (file), 0644));
  assert_refused (file, "Could not open");
}

static void
test_device (void)
{
  /* Endless, and NUL bytes: cut at the size cap, refused, not read forever. */
  g_autoptr (GFile) file = g_file_new_for_path ("/dev/zero");

  assert_refused (file, "Could not open");
}

static void
remove_tmp_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      if (g_remove (path) != 0)
        g_rmdir (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("cpd-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  app = cpd_test_start_app (&main_window);

  g_test_add_func ("/hostile/opens/script-headings", test_script_headings);
  g_test_add_func ("/hostile/opens/duplicate-headings", test_duplicate_headings);
  g_test_add_func ("/hostile/opens/links", test_links);
  g_test_add_func ("/hostile/opens/raw-html", test_raw_html);
  g_test_add_func ("/hostile/opens/nonsense-dates", test_nonsense_dates);
  g_test_add_func ("/hostile/opens/no-dates", test_no_dates);
  g_test_add_func ("/hostile/opens/unterminated-front-matter", test_unterminated_front_matter);
  g_test_add_func ("/hostile/opens/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile/opens/junk-without-nul", test_junk_without_nul);
  g_test_add_func ("/hostile/opens/many-headings", test_many_headings);
  g_test_add_func ("/hostile/refused/empty", test_empty);
  g_test_add_func ("/hostile/refused/binary-junk", test_binary_junk);
  g_test_add_func ("/hostile/refused/huge", test_huge);
  g_test_add_func ("/hostile/refused/directory", test_directory);
  g_test_add_func ("/hostile/refused/dangling-symlink", test_dangling_symlink);
  g_test_add_func ("/hostile/refused/symlink-loop", test_symlink_loop);
  g_test_add_func ("/hostile/refused/unreadable", test_unreadable);
  g_test_add_func ("/hostile/refused/device", test_device);
  g_test_add_func ("/hostile/refused/fifo", test_fifo);

  ret = g_test_run ();

  cpd_test_stop_app (app);
  remove_tmp_dir ();
  g_free (tmp_dir);
  return ret;
}
