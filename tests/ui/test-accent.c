/* test-accent.c: the page takes the system's accent colour and high contrast, live.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What AdwStyleManager listens to here: without the settings portal (ADW_DISABLE_PORTAL=1,
 * set before libadwaita starts), libadwaita reads the accent colour and high contrast from
 * GSettings, org.gnome.desktop.interface accent-color and org.gnome.desktop.a11y.interface
 * high-contrast. The UI tests use GLib's memory backend, which is per process: the test sets
 * the keys as GNOME Settings would, and the app's style manager sees the change. Under the
 * portal (the tests' bus activates xdg-desktop-portal-gtk), the accent would be the portal
 * backend's, which has none and which a test cannot change.
 */

#include "config.h"

#include "cpd-application.h"
#include "cpd-window.h"

#include "cpd-ui-test-utils.h"

#define LINK_COLOR "getComputedStyle(document.querySelector('main a[href]')).color"
#define LINK_THICKNESS \
  "getComputedStyle(document.querySelector('main a[href]')).textDecorationThickness"

typedef struct
{
  CpdWindow  *window;
  const char *script;
  char       *last;
  const char *unlike;
} StyleWait;

static gboolean
style_differs (gpointer data)
{
  StyleWait *wait = data;

  g_free (wait->last);
  wait->last = cpd_test_eval_string (cpd_test_get_page_view (wait->window), wait->script);
  return g_strcmp0 (wait->last, wait->unlike) != 0;
}

/* Waits for @script's value in the page to be other than @unlike, and returns it. */
static char *
wait_for_change (CpdWindow  *window,
                 const char *script,
                 const char *unlike)
{
  StyleWait wait = { window, script, NULL, unlike };

  cpd_test_wait_for (style_differs, &wait, script);
  g_test_message ("%s: %s → %s", script, unlike, wait.last);
  return wait.last;
}

static void
parse_rgb (const char *css,
           int        *r,
           int        *g,
           int        *b)
{
  g_assert_cmpint (sscanf (css, "rgb(%d, %d, %d)", r, g, b), ==, 3);
}

static void
test_accent_color (CpdWindow *window)
{
  g_autoptr (GSettings) interface = g_settings_new ("org.gnome.desktop.interface");
  CpdPageView     *page_view = cpd_test_get_page_view (window);
  g_autofree char *blue = NULL;
  g_autofree char *green = NULL;
  g_autofree char *green_dark = NULL;
  int              r, g, b;

  if (adw_get_minor_version () < 6)
    {
      g_test_skip ("libadwaita before 1.6 has no accent colour; the page stays blue");
      return;
    }

  g_assert_true (g_settings_set_string (interface, "accent-color", "blue"));
  blue = cpd_test_eval_string (page_view, LINK_COLOR);
  parse_rgb (blue, &r, &g, &b);
  g_assert_cmpint (b, >, r);
  g_assert_cmpint (b, >, g);

  /* The reader picks green in Settings: the page's links follow, without a reload. */
  g_assert_true (g_settings_set_string (interface, "accent-color", "green"));
  green = wait_for_change (window, LINK_COLOR, blue);
  parse_rgb (green, &r, &g, &b);
  g_assert_cmpint (g, >, r);
  g_assert_cmpint (g, >, b);

  /* Dark: the same accent, lighter, as libadwaita draws text in it. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  green_dark = wait_for_change (window, LINK_COLOR, green);
  parse_rgb (green_dark, &r, &g, &b);
  g_assert_cmpint (g, >, 200);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_settings_reset (interface, "accent-color");
}

static void
test_high_contrast (CpdWindow *window)
{
  g_autoptr (GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_autofree char *normal = NULL;
  g_autofree char *strong = NULL;

  g_assert_true (g_settings_set_boolean (a11y, "high-contrast", FALSE));
  normal = cpd_test_eval_string (cpd_test_get_page_view (window), LINK_THICKNESS);

  g_assert_true (g_settings_set_boolean (a11y, "high-contrast", TRUE));
  strong = wait_for_change (window, LINK_THICKNESS, normal);
  g_assert_cmpstr (strong, ==, "2px");

  g_settings_reset (a11y, "high-contrast");
}

int
main (int   argc,
      char *argv[])
{
  CpdApplication *app;
  int             ret;

  /* Before libadwaita starts: it reads the settings from GSettings, which the test sets. */
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

  app = cpd_test_start_app (NULL);

  cpd_test_add_window_test ("/accent/color", test_accent_color);
  cpd_test_add_window_test ("/accent/high-contrast", test_high_contrast);

  ret = g_test_run ();

  cpd_test_stop_app (app);
  return ret;
}
