/* test-translation.c: the real window speaks the user's language.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cpd-ui-test-utils.h"

static CpdWindow *window;

static void
test_german_window (void)
{
  /* From the .ui files and the event's actions, the core's date format and the window's
   * banner; after the event, its registration link is its website. */
  cpd_test_set_today (window, 2025, 6, 1);
  g_assert_true (cpd_test_widget_has_label (GTK_WIDGET (window), "Veranstaltungs_website"));
  g_assert_true (cpd_test_widget_has_label (GTK_WIDGET (window), "Abschnitte"));
  g_assert_true (cpd_test_widget_has_label (GTK_WIDGET (window), "15. April 2024"));
  g_assert_false (cpd_test_widget_has_label (GTK_WIDGET (window), "Sections"));
}

int
main (int   argc,
      char *argv[])
{
  CpdApplication *app;
  const char     *localedir = g_getenv ("CPD_TEST_LOCALEDIR");
  int             ret;

  g_assert_nonnull (localedir);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  app = cpd_test_start_app (&window);

  g_test_add_func ("/translation/german-window", test_german_window);
  ret = g_test_run ();

  cpd_test_stop_app (app);
  return ret;
}
