/* test-e2e.c: Add to Calendar, all the way into the real GNOME Calendar.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Run by e2e-run, which makes GNOME Calendar the text/calendar handler on a private bus.
 * The real window adds its event to the calendar (through the OpenFile portal), then
 * check-import.py reads Calendar's import dialog over AT-SPI, from another process, as an
 * assistive technology would, presses Import and checks that evolution-data-server holds the
 * event exactly once. Twice: a second import keeps the one copy. CPD_E2E_CHECKER and
 * CPD_E2E_SCREENSHOT say where the checker is and where its screenshot goes.
 */

#include "config.h"

#include "cpd-application.h"
#include "cpd-window.h"

#include "cpd-ui-test-utils.h"

#include <signal.h>

/* GNOME Calendar and evolution-data-server start cold; the dialog takes about 5 s. The
 * checker waits up to 90 s for the dialog, 60 s for the store's answer and 20 s for its file:
 * it ends by itself before this. */
#define CHECK_TIMEOUT_SECONDS 200

static CpdApplication *app;
static CpdWindow      *window;

static void
checker_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  GSubprocess *process = user_data;

  /* SIGTERM, not SIGKILL: the checker then stops the dbus-monitor it started. */
  g_subprocess_send_signal (process, SIGTERM);
  g_error ("The checker did not finish within %d s", CHECK_TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

/* Add to Calendar, then the checker imports the event in GNOME Calendar and checks the store. */
static void
add_and_import (void)
{
  const char      *checker = g_getenv ("CPD_E2E_CHECKER");
  const char      *screenshot = g_getenv ("CPD_E2E_SCREENSHOT");
  g_autofree char *ics = g_build_filename (g_get_user_cache_dir (), APP_ID,
                                           "container-plumbing-days-2024.ics", NULL);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;
  guint    timeout;

  g_assert_nonnull (checker);
  g_assert_nonnull (screenshot);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-calendar", NULL));
  /* Handed over: the app says what comes next. */
  cpd_test_expect_toast (window, "choose Import");

  /* Our window stays responsive (the launch completes in our main loop) while the checker
   * waits for Calendar. Its output goes straight to the test log. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "python3", checker, screenshot,
                              ics, NULL);
  g_assert_no_error (error);
  timeout = g_timeout_add_seconds (CHECK_TIMEOUT_SECONDS, timed_out_cb, process);
  g_subprocess_wait_async (process, NULL, checker_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  /* A failed launch would have said so. */
  g_assert_false (cpd_test_widget_has_label (GTK_WIDGET (window), "Could not open your calendar"));
}

static void
test_add_to_calendar (void)
{
  add_and_import ();
}

/* The calendar keeps its first copy: still exactly one event. */
static void
test_add_to_calendar_again (void)
{
  add_and_import ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  app = cpd_test_start_app (&window);

  g_test_add_func ("/e2e/add-to-calendar", test_add_to_calendar);
  g_test_add_func ("/e2e/add-to-calendar-again", test_add_to_calendar_again);

  ret = g_test_run ();

  cpd_test_stop_app (app);
  return ret;
}
