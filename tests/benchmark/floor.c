/* floor.c: the least a program can do to show our page: one window, one web view.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: floor [--late] PAGE.html
 *        floor-adw [--late] PAGE.html
 *
 * floor-adw is the same program built with FLOOR_ADW: it also initialises libadwaita and
 * puts a header bar above the web view, the least a libadwaita window has. With --late the
 * web view is made only after the window's first frame, as the app does. floor-adw is not a
 * target but a bound for bench-startup.py: no libadwaita app that makes its web view at the
 * same moment loads the page sooner or paints sooner on the same machine.
 *
 * The startup benchmark (bench-startup.py) compares the app against this. Everything is left
 * at WebKit's and GTK's defaults on purpose: this is what any app showing the page pays. With
 * CPD_REPORT_TIMINGS set it prints the same "cpd-timing" lines as the app, on the same clock
 * (CLOCK_MONOTONIC through g_get_monotonic_time ()), including the intermediate milestones
 * (startup, web-view, load-requested, map) that bench-startup.py --milestones shows.
 */

#ifdef FLOOR_ADW
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif
#include <webkit/webkit.h>

typedef struct
{
  char      *html;
  gboolean   report;
  gboolean   late; /* make the web view after the first frame */
  GtkWidget *window;
  GtkWidget *web_view;
} Floor;

static void
report_timing (Floor      *floor_,
               const char *milestone)
{
  if (floor_->report)
    g_printerr ("cpd-timing %s %" G_GINT64_FORMAT "\n", milestone, g_get_monotonic_time ());
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
set_content (Floor     *floor_,
             GtkWidget *content)
{
#ifdef FLOOR_ADW
  GtkWidget *toolbar_view = adw_window_get_content (ADW_WINDOW (floor_->window));

  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), content);
#else
  gtk_window_set_child (GTK_WINDOW (floor_->window), content);
#endif
}

static void
show_page (Floor *floor_)
{
  report_timing (floor_, "web-view");
  floor_->web_view = webkit_web_view_new ();
  set_content (floor_, floor_->web_view);

  g_signal_connect (floor_->web_view, "load-changed", G_CALLBACK (load_changed_cb), floor_);
  report_timing (floor_, "load-requested");
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (floor_->web_view), floor_->html, "about:blank");
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                Floor         *floor_)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, floor_);
  report_timing (floor_, "first-frame");

  if (floor_->web_view == NULL)
    show_page (floor_);
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
window_destroy_cb (GtkWidget *window,
                   GMainLoop *loop)
{
  g_main_loop_quit (loop);
}

/* A plain GtkWindow, or for floor-adw a libadwaita window with a header bar. */
static GtkWidget *
make_window (void)
{
#ifdef FLOOR_ADW
  GtkWidget *window = adw_window_new ();
  GtkWidget *toolbar_view = adw_toolbar_view_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_window_set_content (ADW_WINDOW (window), toolbar_view);
#else
  GtkWidget *window = gtk_window_new ();
#endif

  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);

  return window;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GError) error = NULL;
  Floor floor_ = { NULL, g_getenv ("CPD_REPORT_TIMINGS") != NULL };

  floor_.late = argc == 3 && g_str_equal (argv[1], "--late");
  if (argc != 2 + floor_.late)
    {
      g_printerr ("Usage: %s [--late] PAGE.html\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[argc - 1], &floor_.html, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* No GtkApplication: no D-Bus name, no settings, nothing but the window. */
  gtk_init ();
#ifdef FLOOR_ADW
  adw_init ();
#endif
  report_timing (&floor_, "startup");
  loop = g_main_loop_new (NULL, FALSE);

  floor_.window = make_window ();
  if (!floor_.late)
    show_page (&floor_);

  g_signal_connect (floor_.window, "map", G_CALLBACK (window_map_cb), &floor_);
  g_signal_connect (floor_.window, "destroy", G_CALLBACK (window_destroy_cb), loop);
  gtk_window_present (GTK_WINDOW (floor_.window));
  g_main_loop_run (loop);

  g_free (floor_.html);
  return 0;
}
