/* test-portal.c: links and Add to Calendar through the real OpenURI portal.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Run by portal-run, which puts the real xdg-desktop-portal (gtk backend) on a private bus,
 * installs a stub default handler that logs what it receives, and records the bus traffic.
 * The real window then opens links and the event's .ics, and we check what arrived where.
 *
 * CPD_PORTAL_MODE says what the wrapper set up: "handler" (the stub handles web, mail and
 * calendar), "no-handler" (nothing does: the portal offers its "Open With…" chooser, with
 * no apps in it) or "no-portal" (no portal on the bus: GTK falls back to GIO, which finds no
 * handler either).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "cpd-application.h"
#include "cpd-window.h"

#include "cpd-portal-test-utils.h"
#include "cpd-ui-test-utils.h"

#define LINK_IN_PAGE "https://opencontainers.org/"
/* "/videos" in the Markdown: relative links resolve against the page's site. */
#define RELATIVE_LINK "https://containerplumbing.org/videos"
#define REGISTRATION "https://events.linuxfoundation.org/container-plumbing-days/"

static CpdApplication *app;

/* Calls of @member on the OpenURI portal. */
static guint
count_portal_calls (const char *member,
                    const char *needle)
{
  return cpd_test_count_portal_calls (G_APPLICATION (app), "org.freedesktop.portal.OpenURI", member,
                                      needle);
}

/* Page ------------------------------------------------------------------------------------ */

/* Clicks a link in the page, as a reader would. The page cannot run its own scripts, so this
 * runs in the page's world from outside; a link the page does not have is added first. */
static void
click_link (CpdWindow  *window,
            const char *href)
{
  g_autofree char *script = NULL;
  g_autofree char *result = NULL;

  script = g_strdup_printf ("(() => {"
                            "  let a = [...document.querySelectorAll('a')]"
                            "    .find (a => a.getAttribute('href') === '%s');"
                            "  if (!a) {"
                            "    a = document.createElement('a');"
                            "    a.setAttribute('href', '%s');"
                            "    a.textContent = 'test link';"
                            "    document.body.append(a);"
                            "  }"
                            "  a.click();"
                            "  return 'clicked';"
                            "})()",
                            href, href);
  result = cpd_test_eval_string (cpd_test_get_page_view (window), script);
  g_assert_cmpstr (result, ==, "clicked");
}

/* With a handler ---------------------------------------------------------------------------- */

static void
test_page_link (CpdWindow *window)
{
  g_autofree char *in_page = NULL;
  guint            before;

  /* The link is really in the page (not one click_link() made up). */
  in_page = cpd_test_eval_string (cpd_test_get_page_view (window),
                                  "document.querySelector('a[href=\"" LINK_IN_PAGE "\"]')"
                                  "  .textContent");
  g_assert_cmpstr (in_page, ==, "Open Container Initiative");

  before = count_portal_calls ("OpenURI", "string \"" LINK_IN_PAGE "\"");

  click_link (window, LINK_IN_PAGE);
  cpd_test_wait_for_handler ("ARG " LINK_IN_PAGE "\n");
  g_assert_cmpuint (count_portal_calls ("OpenURI", "string \"" LINK_IN_PAGE "\""), ==, before + 1);
}

static void
test_register (CpdWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.register", NULL));
  cpd_test_wait_for_handler ("ARG " REGISTRATION "\n");
  g_assert_cmpuint (count_portal_calls ("OpenURI", "string \"" REGISTRATION "\""), ==, 1);
}

static void
test_mail_link (CpdWindow *window)
{
  static const char mail[] = "mailto:info@example.org?subject=Container%20Plumbing%20Days";

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-link", "s", mail));
  cpd_test_wait_for_handler (mail);
  g_assert_cmpuint (count_portal_calls ("OpenURI", mail), ==, 1);
}

/* The calendar file as the handler read it: the text between FILE-BEGIN and FILE-END. */
static char *
received_calendar (char **path)
{
  g_autofree char *log = cpd_test_read_handler_log ();
  const char      *begin = strstr (log, "FILE-BEGIN ");
  const char      *end;
  const char      *newline;

  g_assert_nonnull (begin);
  newline = strchr (begin, '\n');
  end = strstr (newline, "\nFILE-END\n");
  g_assert_nonnull (end);

  *path = g_strndup (begin + strlen ("FILE-BEGIN "), newline - begin - strlen ("FILE-BEGIN "));
  return g_strndup (newline + 1, end - newline - 1);
}

/* The bundled page's event, as iCalendar text, read back with libical. */
static void
assert_bundled_event (const char *text)
{
  icalcomponent      *calendar;
  icalcomponent      *event;
  struct icaltimetype start, end;

  g_assert_nonnull (strstr (text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20240415"));
  g_assert_nonnull (strstr (text, "DTEND;VALUE=DATE:20240416"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Container Plumbing Days 2024");
  g_assert_cmpstr (icalcomponent_get_location (event), ==,
                   "Seattle Convention Center, Seattle, WA");
  start = icalcomponent_get_dtstart (event);
  end = icalcomponent_get_dtend (event);
  g_assert_true (start.is_date);
  g_assert_cmpint (start.year, ==, 2024);
  g_assert_cmpint (start.month, ==, 4);
  g_assert_cmpint (start.day, ==, 15);
  /* All day: the exclusive end is the next day. */
  g_assert_true (end.is_date);
  g_assert_cmpint (end.year, ==, 2024);
  g_assert_cmpint (end.month, ==, 4);
  g_assert_cmpint (end.day, ==, 16);
  g_assert_nonnull (icalcomponent_get_uid (event));
  icalcomponent_free (calendar);
}

static void
test_add_to_calendar (CpdWindow *window)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_path = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-calendar", NULL));
  cpd_test_wait_for_handler ("\nFILE-END\n");
  g_assert_cmpuint (count_portal_calls ("OpenFile", NULL), ==, 1);

  /* The file the portal handed over is the one the app wrote to its cache. */
  text = received_calendar (&path);
  expected_path = g_build_filename (g_get_user_cache_dir (), APP_ID,
                                    "container-plumbing-days-2024.ics", NULL);
  g_assert_cmpstr (path, ==, expected_path);
  assert_bundled_event (text);
}

/* Save Calendar File --------------------------------------------------------------------- */

#define SAVE_TITLE "Save Calendar File"
#define PROPOSED_NAME "container-plumbing-days-2024.ics"

/* Answers the file chooser the portal's backend shows: "cancel", or "save" as @path. Returns
 * when the dialog has closed. */
static void
answer_file_chooser (const char *answer,
                     const char *path)
{
  /* Without a path, the argument list ends after the answer. */
  g_autofree char *output = cpd_test_drive_atspi ("file-chooser", SAVE_TITLE, answer, path, NULL);

  /* The app proposes the event's name. */
  if (g_str_equal (answer, "save"))
    g_assert_nonnull (strstr (output, "Name proposed by the app: " PROPOSED_NAME "\n"));
}

static void
assert_not_saved_in (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, PROPOSED_NAME, NULL);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Save Calendar File asks where through the FileChooser portal. Cancelled, it writes nothing
 * and says nothing; saved, the file holds the event and a toast says so. The cancelled one
 * comes first: a toast about it would show before the saved one's. */
static void
test_save_calendar (CpdWindow *window)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("cpd-save-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr (GDir) dir = NULL;

  g_assert_no_error (error);
  path = g_build_filename (folder, "saved.ics", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-calendar", NULL));
  answer_file_chooser ("cancel", NULL);
  g_assert_null (cpd_test_find_toast (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-calendar", NULL));
  answer_file_chooser ("save", path);
  cpd_test_expect_toast (window, "Calendar file saved");
  g_assert_cmpuint (cpd_test_count_portal_calls (G_APPLICATION (app),
                                                 "org.freedesktop.portal.FileChooser", "SaveFile",
                                                 "\"" SAVE_TITLE "\""),
                    ==, 2);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  assert_bundled_event (text);

  /* Only the saved file, where the reader said; none in the chooser's first folders. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "saved.ics");
  g_assert_null (g_dir_read_name (dir));
  assert_not_saved_in (cwd);
  assert_not_saved_in (g_get_home_dir ());

  g_unlink (path);
  g_rmdir (folder);
}

static void
link_activated_cb (CpdPageView *page_view,
                   const char  *uri,
                   GPtrArray   *activated)
{
  g_ptr_array_add (activated, g_strdup (uri));
}

/* Refused links never leave: neither the portal nor the handler ever sees them. A good link
 * sent afterwards proves the opener was not just slow. */
static void
test_refused_schemes (CpdWindow *window)
{
  static const char *refused[] = {
    "file:///etc/passwd",
    "javascript:alert(document.cookie)",
    "ftp://example.org/file",
  };
  static const char after[] =
    "https://events.linuxfoundation.org/container-plumbing-days/program/schedule/";
  CpdPageView *page_view = cpd_test_get_page_view (window);
  g_autoptr (GPtrArray) activated = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *log = NULL;
  guint            files_before = count_portal_calls ("OpenFile", NULL);

  /* Clicked in the page. */
  g_signal_connect (page_view, "link-activated", G_CALLBACK (link_activated_cb), activated);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    click_link (window, refused[i]);
  click_link (window, RELATIVE_LINK);
  cpd_test_wait_for_handler ("ARG " RELATIVE_LINK "\n");
  g_signal_handlers_disconnect_by_func (page_view, link_activated_cb, activated);
  for (guint i = 0; i < activated->len; i++)
    g_test_message ("Page activated %s", (char *) activated->pdata[i]);

  /* WebKit itself stops file: and javascript: links in a page that came from nowhere;
   * the others reach the app, which refuses what is not web or mail. */
  g_assert_cmpuint (activated->len, ==, 2);
  g_assert_cmpstr (activated->pdata[0], ==, refused[2]);
  g_assert_cmpstr (activated->pdata[1], ==, RELATIVE_LINK);
  cpd_test_expect_toast (window, "“ftp:”");

  /* Asked for by URI, as a menu item or another window could: a toast names the scheme. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-link", "s",
                                             refused[0]));
  cpd_test_expect_toast (window, "“file:”");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-link", "s",
                                             refused[1]));
  cpd_test_expect_toast (window, "“javascript:”");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.schedule", NULL));
  cpd_test_wait_for_handler (after);

  log = cpd_test_read_handler_log ();
  g_assert_null (strstr (log, "/etc/passwd"));
  g_assert_null (strstr (log, "javascript:"));
  g_assert_null (strstr (log, "ftp:"));
  g_assert_cmpuint (count_portal_calls ("OpenURI", "/etc/passwd"), ==, 0);
  g_assert_cmpuint (count_portal_calls ("OpenURI", "javascript:"), ==, 0);
  g_assert_cmpuint (count_portal_calls ("OpenURI", "ftp:"), ==, 0);
  g_assert_cmpuint (count_portal_calls ("OpenFile", NULL), ==, files_before);
}

/* Without a handler ------------------------------------------------------------------------- */

static void
test_no_portal_no_handler (CpdWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-calendar", NULL));
  cpd_test_expect_toast (window, "Could not open your calendar");

  /* GIO's own words ("Operation not supported"): the app passes them on. */
  click_link (window, LINK_IN_PAGE);
  cpd_test_expect_toast (window, "");

  /* F1 with nothing to show help:org.example.CPD: the reader is told, not left waiting. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  cpd_test_expect_toast (window, "Could not show help: ");

  g_assert_cmpuint (count_portal_calls ("OpenURI", NULL), ==, 0);
  g_assert_cmpuint (count_portal_calls ("OpenFile", NULL), ==, 0);
}

/* The "Open With…" chooser of the portal's gtk backend: another process, found by its title. */
static char *
find_chooser (void)
{
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (!g_spawn_command_line_sync ("xdotool search --name \"Open With\"", &out, NULL, &status,
                                  &error))
    g_error ("Could not run xdotool: %s", error->message);

  g_strstrip (out);
  return out[0] != '\0' && g_spawn_check_wait_status (status, NULL) ? g_strdup (out) : NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  g_autofree char *id = find_chooser ();

  return id != NULL;
}

static gboolean
chooser_gone (gpointer data)
{
  return !chooser_shown (data);
}

/* The reader closes the chooser with Escape. */
static void
dismiss_chooser (void)
{
  g_autofree char *id = NULL;
  g_autofree char *command = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  cpd_test_wait_for (chooser_shown, NULL, "the portal's “Open With…” chooser");
  id = find_chooser ();
  /* No window manager: give the chooser the keyboard, then type. */
  command = g_strdup_printf ("xdotool windowfocus --sync %s key Escape", id);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  cpd_test_wait_for (chooser_gone, NULL, "the chooser to close");
}

/* Nothing handles the event's type or the link's scheme: the portal asks the reader through
 * its chooser, which lists no apps, and the reader closes it. The app then says it could not
 * open them (the reader may not have connected the chooser with what they clicked). */
static void
test_no_handler (CpdWindow *window)
{
  g_autofree char *log = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-calendar", NULL));
  dismiss_chooser ();
  cpd_test_expect_toast (window, "Could not open your calendar");

  click_link (window, LINK_IN_PAGE);
  dismiss_chooser ();
  cpd_test_expect_toast (window, "");

  /* Both went through the portal; nothing reached any handler. */
  g_assert_cmpuint (count_portal_calls ("OpenFile", NULL), ==, 1);
  g_assert_cmpuint (count_portal_calls ("OpenURI", LINK_IN_PAGE), ==, 1);
  log = cpd_test_read_handler_log ();
  g_assert_cmpstr (log, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  const char *mode = g_getenv ("CPD_PORTAL_MODE");
  int         ret;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (mode);

  app = cpd_test_start_app (NULL);

  if (g_str_equal (mode, "handler"))
    {
      cpd_test_add_window_test ("/portal/page-link", test_page_link);
      cpd_test_add_window_test ("/portal/register", test_register);
      cpd_test_add_window_test ("/portal/mail-link", test_mail_link);
      cpd_test_add_window_test ("/portal/add-to-calendar", test_add_to_calendar);
      cpd_test_add_window_test ("/portal/refused-schemes", test_refused_schemes);
      cpd_test_add_window_test ("/portal/save-calendar", test_save_calendar);
    }
  else if (g_str_equal (mode, "no-handler"))
    {
      cpd_test_add_window_test ("/portal/no-handler", test_no_handler);
    }
  else if (g_str_equal (mode, "no-portal"))
    {
      cpd_test_add_window_test ("/portal/no-portal-no-handler", test_no_portal_no_handler);
    }
  else
    {
      g_error ("Unknown CPD_PORTAL_MODE “%s”", mode);
    }

  ret = g_test_run ();

  cpd_test_stop_app (app);
  return ret;
}
