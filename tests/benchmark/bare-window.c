/* bare-window.c: a libadwaita window with a header bar and nothing else.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bare-window
 *
 * Not a target but a bound for bench-startup.py: it does not even link WebKit, so no
 * libadwaita app paints its first frame sooner than this on the same machine. It prints the
 * same "cpd-timing" lines as the app when CPD_REPORT_TIMINGS is set.
 */

#include <adwaita.h>

static void
report_timing (const char *milestone)
{
  if (g_getenv ("CPD_REPORT_TIMINGS") != NULL)
    g_printerr ("cpd-timing %s %" G_GINT64_FORMAT "\n", milestone, g_get_monotonic_time ());
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, user_data);
  report_timing ("first-frame");
}

static void
window_map_cb (GtkWidget *window,
               gpointer   user_data)
{
  report_timing ("map");
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static void
window_destroy_cb (GtkWidget *window,
                   GMainLoop *loop)
{
  g_main_loop_quit (loop);
}

int
main (void)
{
  g_autoptr (GMainLoop) loop = NULL;
  GtkWidget *window;
  GtkWidget *toolbar_view;

  /* Like the floor: no GtkApplication, no D-Bus name. */
  gtk_init ();
  adw_init ();
  report_timing ("startup");
  loop = g_main_loop_new (NULL, FALSE);

  window = adw_window_new ();
  toolbar_view = adw_toolbar_view_new ();
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view),
                                gtk_label_new ("Container Plumbing Days 2024"));
  adw_window_set_content (ADW_WINDOW (window), toolbar_view);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);

  g_signal_connect (window, "map", G_CALLBACK (window_map_cb), NULL);
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroy_cb), loop);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);

  return 0;
}
