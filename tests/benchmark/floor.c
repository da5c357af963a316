/* floor.c: the least a program can do to show our page: one window, one web view.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: floor PAGE.html
 *
 * The startup benchmark (bench-startup.py) compares the app against this. Everything is left
 * at WebKit's and GTK's defaults on purpose: this is what any app showing the page pays. With
 * CPD_REPORT_TIMINGS set it prints the same "cpd-timing" lines as the app, on the same clock
 * (CLOCK_MONOTONIC through g_get_monotonic_time ()), including the intermediate milestones
 * (startup, web-view, load-requested, map) that bench-startup.py --milestones shows.
 */

#include <gtk/gtk.h>
#include <webkit/webkit.h>

typedef struct
{
  char    *html;
  gboolean report;
} Floor;

static void
report_timing (Floor      *floor_,
               const char *milestone)
{
  if (floor_->report)
    g_printerr ("cpd-timing %s %" G_GINT64_FORMAT "\n", milestone, g_get_monotonic_time ());
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                Floor         *floor_)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, floor_);
  report_timing (floor_, "first-frame");
}

static void
window_map_cb (GtkWidget *window,
               Floor     *floor_)
{
  report_timing (floor_, "map");
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), floor_);
}

static void
load_changed_cb (WebKitWebView  *web_view,
                 WebKitLoadEvent load_event,
                 Floor          *floor_)
{
  if (load_event == WEBKIT_LOAD_FINISHED)
    report_timing (floor_, "load-finished");
}

static void
window_destroy_cb (GtkWidget *window,
                   GMainLoop *loop)
{
  g_main_loop_quit (loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GError) error = NULL;
  Floor      floor_ = { NULL, g_getenv ("CPD_REPORT_TIMINGS") != NULL };
  GtkWidget *window;
  GtkWidget *web_view;

  if (argc != 2)
    {
      g_printerr ("Usage: %s PAGE.html\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[1], &floor_.html, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* No GtkApplication: no D-Bus name, no settings, nothing but the window. */
  gtk_init ();
  report_timing (&floor_, "startup");
  loop = g_main_loop_new (NULL, FALSE);

  window = gtk_window_new ();
  report_timing (&floor_, "web-view");
  web_view = webkit_web_view_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_set_child (GTK_WINDOW (window), web_view);

  g_signal_connect (window, "map", G_CALLBACK (window_map_cb), &floor_);
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroy_cb), loop);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), &floor_);
  report_timing (&floor_, "load-requested");
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (web_view), floor_.html, "about:blank");

  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);

  g_free (floor_.html);
  return 0;
}
