/* cpd-window.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A window shows one event page: the sidebar (event card, actions, sections) and the page
 * view. Data flows one way: a CpdDocument, loaded off the main thread, goes to both. The
 * window turns the document's event facts into actions, and hands everything that leaves the
 * app to its CpdLinkOpener.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "cpd-calendar.h"
#include "cpd-link-opener.h"
#include "cpd-window.h"

#define ZOOM_STEP 0.1

struct _CpdWindow
{
  AdwApplicationWindow parent_instance;

  CpdDocument   *document;
  CpdLinkOpener *link_opener;
  GCancellable  *cancellable;
  guint          midnight_source;
  guint          shows_bundled_page : 1;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  AdwNavigationPage      *content_page;
  CpdSidebar             *sidebar;
  GtkSearchBar           *search_bar;
  GtkSearchEntry         *search_entry;
  GtkLabel               *match_label;
  AdwBanner              *banner;
  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  CpdPageView            *page_view;
  AdwStatusPage          *error_page;
  GtkMenuButton          *menu_button;
  GtkMenuButton          *sidebar_menu_button;

  /* The zoom level in each main menu (the content's, and the collapsed sidebar's) */
  GtkButton *zoom_level_buttons[2];
};

G_DEFINE_FINAL_TYPE (CpdWindow, cpd_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
cpd_window_get_settings (CpdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return CPD_IS_APPLICATION (app) ? cpd_application_get_settings (CPD_APPLICATION (app)) : NULL;
}

void
cpd_window_show_message (CpdWindow  *self,
                         const char *message)
{
  AdwToast *toast;

  g_return_if_fail (CPD_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
cpd_window_show_error (CpdWindow    *self,
                       const GError *error)
{
  /* A cancelled launch is the window going away or the user changing their mind. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return;

  cpd_window_show_message (self, error->message);
}

static void
cpd_window_after_first_paint_cb (CpdWindow     *self,
                                 GdkFrameClock *frame_clock)
{
  g_signal_handlers_disconnect_by_func (frame_clock, cpd_window_after_first_paint_cb, self);
  cpd_application_report_timing ("first-frame");
}

/* Event status ---------------------------------------------------------------------------- */

static gboolean cpd_window_midnight_cb (gpointer user_data);

static void
cpd_window_update_banner (CpdWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = NULL;
  g_autoptr (GDateTime) midnight = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *title = NULL;
  CpdEvent        *event;
  GDate            today;
  int              days = 0;

  g_clear_handle_id (&self->midnight_source, g_source_remove);

  event = self->document != NULL ? cpd_document_get_event (self->document) : NULL;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  switch (event != NULL ? cpd_event_get_timing (event, &today, &days) : CPD_EVENT_TIMING_UNKNOWN)
    {
    case CPD_EVENT_TIMING_UPCOMING:
      if (days == 1)
        title = g_strdup (_ ("The event starts tomorrow"));
      else
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The event starts in %d day",
                                              "The event starts in %d days", days),
                                 days);
      break;

    case CPD_EVENT_TIMING_TODAY:
      title = g_strdup (_ ("The event is happening today"));
      break;

    case CPD_EVENT_TIMING_PAST:
      dates = cpd_event_format_dates (event);
      /* Translators: %s is the event's date, e.g. "April 15, 2024". */
      title = g_strdup_printf (_ ("This event took place on %s"), dates);
      break;

    case CPD_EVENT_TIMING_UNKNOWN:
    default:
      break;
    }

  adw_banner_set_title (self->banner, title != NULL ? title : "");
  adw_banner_set_revealed (self->banner, title != NULL);

  if (title == NULL)
    return;

  /* Wake once, just after local midnight, when the answer can change. */
  tomorrow = g_date_time_add_days (now, 1);
  midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                    g_date_time_get_month (tomorrow),
                                    g_date_time_get_day_of_month (tomorrow), 0, 0, 1);
  self->midnight_source =
    g_timeout_add_seconds_full (G_PRIORITY_LOW,
                                (guint) (g_date_time_difference (midnight, now) / G_USEC_PER_SEC) + 1,
                                cpd_window_midnight_cb, self, NULL);
}

static gboolean
cpd_window_midnight_cb (gpointer user_data)
{
  CpdWindow *self = user_data;

  self->midnight_source = 0;
  cpd_window_update_banner (self);

  return G_SOURCE_REMOVE;
}

/* Document --------------------------------------------------------------------------------- */

static void
cpd_window_update_actions (CpdWindow *self)
{
  CpdEvent  *event = self->document != NULL ? cpd_document_get_event (self->document) : NULL;
  gboolean   has_date = event != NULL && cpd_event_get_start_date (event) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  /* Disabled, not hidden: the reader sees what this page does not tell. */
  gtk_widget_action_set_enabled (widget, "win.register",
                                 event != NULL && cpd_event_get_registration_url (event) != NULL);
  gtk_widget_action_set_enabled (widget, "win.venue",
                                 event != NULL && cpd_event_get_venue_url (event) != NULL);
  gtk_widget_action_set_enabled (widget, "win.schedule",
                                 event != NULL && cpd_event_get_schedule_url (event) != NULL);
  gtk_widget_action_set_enabled (widget, "win.conduct",
                                 event != NULL && cpd_event_get_conduct_url (event) != NULL);
  gtk_widget_action_set_enabled (widget, "win.add-to-calendar", has_date);
  gtk_widget_action_set_enabled (widget, "win.save-calendar", has_date);
  gtk_widget_action_set_enabled (widget, "win.print", self->document != NULL);
  gtk_widget_action_set_enabled (widget, "win.find", self->document != NULL);
}

static void
cpd_window_bundled_page_loaded_cb (GObject      *source,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr (CpdWindow) self = user_data;
  g_autoptr (CpdDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  document = cpd_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  cpd_window_set_document (self, document);
}

CpdDocument *
cpd_window_get_document (CpdWindow *self)
{
  g_return_val_if_fail (CPD_IS_WINDOW (self), NULL);

  return self->document;
}

void
cpd_window_set_document (CpdWindow   *self,
                         CpdDocument *document)
{
  const char *title;

  g_return_if_fail (CPD_IS_WINDOW (self));
  g_return_if_fail (CPD_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  title = cpd_document_get_title (document);
  if (title == NULL)
    title = _ ("Event Page");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_navigation_page_set_title (self->content_page, title);
  cpd_sidebar_set_document (self->sidebar, document);
  cpd_page_view_load_document (self->page_view, document);
  gtk_stack_set_visible_child_name (self->stack, "page");
  cpd_window_update_actions (self);
  cpd_window_update_banner (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* Sidebar and page ------------------------------------------------------------------------ */

static void
sidebar_section_activated_cb (CpdWindow  *self,
                              const char *section_id,
                              CpdSidebar *sidebar)
{
  cpd_page_view_scroll_to_section (self->page_view, section_id);

  /* On a phone the page is behind the sidebar: go there. */
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
page_section_changed_cb (CpdWindow   *self,
                         GParamSpec  *pspec,
                         CpdPageView *page_view)
{
  cpd_sidebar_select_section (self->sidebar, cpd_page_view_get_current_section (page_view));
}

static void
page_loaded_cb (CpdWindow   *self,
                GParamSpec  *pspec,
                CpdPageView *page_view)
{
  GSettings       *settings = cpd_window_get_settings (self);
  g_autofree char *last_section = NULL;

  if (!cpd_page_view_get_loaded (page_view))
    return;

  cpd_application_report_timing ("load-finished");

  if (settings == NULL || !self->shows_bundled_page)
    return;

  /* Back where the reader left the bundled page. */
  last_section = g_settings_get_string (settings, "last-section");
  if (last_section[0] != '\0')
    cpd_page_view_scroll_to_section (page_view, last_section);
}

static void
cpd_window_show_zoom_level (CpdWindow *self,
                            double     zoom)
{
  /* Translators: a zoom level in percent, e.g. "120%" */
  g_autofree char *label = g_strdup_printf (_ ("%d%%"), (int) (zoom * 100 + 0.5));

  /* The page view may report its level while the template is still being built. */
  for (guint i = 0; i < G_N_ELEMENTS (self->zoom_level_buttons); i++)
    if (self->zoom_level_buttons[i] != NULL)
      gtk_button_set_label (self->zoom_level_buttons[i], label);
}

/* Out, level, in: one row of the main menu, as in Text Editor, so the level is in sight. */
static GtkWidget *
cpd_window_create_zoom_controls (GtkButton **level_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *zoom_out = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  GtkWidget *level = gtk_button_new (); /* labelled by cpd_window_show_zoom_level () */
  GtkWidget *zoom_in = gtk_button_new_from_icon_name ("zoom-in-symbolic");

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (level, TRUE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_out), "win.zoom-out");
  gtk_widget_set_tooltip_text (zoom_out, _ ("Zoom Out"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (zoom_out), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Zoom Out"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (level), "win.zoom-reset");
  gtk_widget_set_tooltip_text (level, _ ("Reset Zoom"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_in), "win.zoom-in");
  gtk_widget_set_tooltip_text (zoom_in, _ ("Zoom In"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (zoom_in), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Zoom In"), -1);

  gtk_box_append (GTK_BOX (box), zoom_out);
  gtk_box_append (GTK_BOX (box), level);
  gtk_box_append (GTK_BOX (box), zoom_in);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_add_css_class (child, "flat");

  *level_button = GTK_BUTTON (level);

  return box;
}

static void
page_zoom_changed_cb (CpdWindow   *self,
                      GParamSpec  *pspec,
                      CpdPageView *page_view)
{
  GSettings *settings = cpd_window_get_settings (self);
  double     zoom = cpd_page_view_get_zoom_level (page_view);

  if (settings != NULL && !G_APPROX_VALUE (g_settings_get_double (settings, "zoom-level"), zoom,
                                           0.001))
    g_settings_set_double (settings, "zoom-level", zoom);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoom < 3.0 - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoom > 0.5 + 0.001);
  cpd_window_show_zoom_level (self, zoom);
}

static void
cpd_window_link_opened_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (cpd_link_opener_open_uri_finish (CPD_LINK_OPENER (source), result, &error))
    return;

  /* The window (user_data) may be gone only when the launch was cancelled. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Our own refusals say why. Any other failure, even a dismissed "Open With…" chooser (all
   * the portal shows when no app handles the link), means the link did not open: say so. */
  if (error->domain == CPD_LINK_OPENER_ERROR)
    message = g_strdup (error->message);
  else
    /* Translators: %s is the reason, e.g. "Operation not supported". */
    message = g_strdup_printf (_ ("Could not open the link: %s"), error->message);

  cpd_window_show_message (CPD_WINDOW (user_data), message);
}

static void
cpd_window_open_uri (CpdWindow  *self,
                     const char *uri)
{
  g_autofree char *resolved = NULL;

  if (self->document != NULL)
    resolved = cpd_document_resolve_link (self->document, uri);

  cpd_link_opener_open_uri_async (self->link_opener, GTK_WINDOW (self),
                                  resolved != NULL ? resolved : uri, cpd_window_link_opened_cb,
                                  self);
}

static void
page_link_activated_cb (CpdWindow   *self,
                        const char  *uri,
                        CpdPageView *page_view)
{
  cpd_window_open_uri (self, uri);
}

/* Find ------------------------------------------------------------------------------------ */

static void
page_matches_changed_cb (CpdWindow   *self,
                         GParamSpec  *pspec,
                         CpdPageView *page_view)
{
  guint            count = cpd_page_view_get_match_count (page_view);
  g_autofree char *text = NULL;
  const char      *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (query[0] == '\0')
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_ ("No matches"));
  else
    /* Translators: the current match and the number of matches, e.g. "2 of 5". */
    text = g_strdup_printf (_ ("%u of %u"), cpd_page_view_get_match_index (page_view), count);

  gtk_label_set_label (self->match_label, text);
  if (query[0] != '\0' && count == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next", count > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous", count > 0);
}

static void
search_changed_cb (CpdWindow      *self,
                   GtkSearchEntry *entry)
{
  cpd_page_view_find (self->page_view, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (CpdWindow      *self,
                    GtkSearchEntry *entry)
{
  cpd_page_view_find_next (self->page_view);
}

static void
search_next_cb (CpdWindow      *self,
                GtkSearchEntry *entry)
{
  cpd_page_view_find_next (self->page_view);
}

static void
search_previous_cb (CpdWindow      *self,
                    GtkSearchEntry *entry)
{
  cpd_page_view_find_previous (self->page_view);
}

static void
search_stop_cb (CpdWindow      *self,
                GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (CpdWindow    *self,
                        GParamSpec   *pspec,
                        GtkSearchBar *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      cpd_page_view_find (self->page_view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
    }
  else
    {
      cpd_page_view_find_finish (self->page_view);
      gtk_widget_grab_focus (GTK_WIDGET (self->page_view));
    }
}

/* Actions --------------------------------------------------------------------------------- */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CpdWindow *self = CPD_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CpdWindow *self = CPD_WINDOW (widget);

  if (g_str_equal (action_name, "win.find-next"))
    cpd_page_view_find_next (self->page_view);
  else
    cpd_page_view_find_previous (self->page_view);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CpdWindow *self = CPD_WINDOW (widget);
  double     zoom = cpd_page_view_get_zoom_level (self->page_view);

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom += ZOOM_STEP;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom -= ZOOM_STEP;
  else
    zoom = 1.0;

  cpd_page_view_set_zoom_level (self->page_view, zoom);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  cpd_page_view_print (CPD_WINDOW (widget)->page_view);
}

static void
event_link_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CpdWindow  *self = CPD_WINDOW (widget);
  CpdEvent   *event;
  const char *uri = NULL;

  if (self->document == NULL)
    return;

  event = cpd_document_get_event (self->document);
  if (g_str_equal (action_name, "win.register"))
    uri = cpd_event_get_registration_url (event);
  else if (g_str_equal (action_name, "win.venue"))
    uri = cpd_event_get_venue_url (event);
  else if (g_str_equal (action_name, "win.schedule"))
    uri = cpd_event_get_schedule_url (event);
  else if (g_str_equal (action_name, "win.conduct"))
    uri = cpd_event_get_conduct_url (event);

  if (uri != NULL)
    cpd_window_open_uri (self, uri);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cpd_window_open_uri (CPD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sidebar_section_activated_cb (CPD_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static GBytes *
cpd_window_build_calendar (CpdWindow *self,
                           char     **file_name,
                           GError   **error)
{
  CpdEvent *event = cpd_document_get_event (self->document);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *slug = cpd_event_dup_slug (event);
  char            *ics;

  ics = cpd_event_to_icalendar (event, now, error);
  if (ics == NULL)
    return NULL;

  *file_name = g_strconcat (slug != NULL && slug[0] != '\0' ? slug : "event", ".ics", NULL);
  return g_bytes_new_take (ics, strlen (ics));
}

static void
cpd_window_calendar_launched_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!cpd_link_opener_open_file_finish (CPD_LINK_OPENER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message =
        /* Translators: %s is the reason, e.g. "No application is registered as handling this file". */
        g_strdup_printf (_ ("Could not open your calendar: %s"), error->message);

      cpd_window_show_message (CPD_WINDOW (user_data), message);
    }
}

static void
cpd_window_calendar_written_cb (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  CpdWindow *self;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cpd_window_show_error (CPD_WINDOW (user_data), error);
      return;
    }

  self = CPD_WINDOW (user_data);
  cpd_link_opener_open_file_async (self->link_opener, GTK_WINDOW (self), G_FILE (source),
                                   cpd_window_calendar_launched_cb, self);
}

static void
add_to_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CpdWindow *self = CPD_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *directory = NULL;

  if (self->document == NULL)
    return;

  bytes = cpd_window_build_calendar (self, &file_name, &error);
  if (bytes == NULL)
    {
      cpd_window_show_error (self, error);
      return;
    }

  /* The cache is shared with the host (a sandbox's /tmp is not), so the OpenFile portal can
   * hand the file to the calendar. */
  directory = g_build_filename (g_get_user_cache_dir (), APP_ID, NULL);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int              errsv = errno;
      g_autofree char *message = g_strdup_printf (_ ("Could not create “%s”: %s"), directory,
                                                  g_strerror (errsv));
      cpd_window_show_message (self, message);
      return;
    }

  file = g_file_new_build_filename (directory, file_name, NULL);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, cpd_window_calendar_written_cb, self);
}

static void
cpd_window_calendar_saved_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cpd_window_show_error (CPD_WINDOW (user_data), error);
      return;
    }

  cpd_window_show_message (CPD_WINDOW (user_data), _ ("Calendar file saved"));
}

static void
cpd_window_save_dialog_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *file_name = NULL;
  CpdWindow       *self;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cpd_window_show_error (CPD_WINDOW (user_data), error);
      return;
    }

  self = CPD_WINDOW (user_data);
  bytes = cpd_window_build_calendar (self, &file_name, &error);
  if (bytes == NULL)
    {
      cpd_window_show_error (self, error);
      return;
    }

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, cpd_window_calendar_saved_cb, self);
}

static GListModel *
cpd_window_file_filters (const char *name,
                         const char *mime_type,
                         const char *pattern)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}

static void
save_calendar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CpdWindow *self = CPD_WINDOW (widget);
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListModel) filters = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *file_name = NULL;

  if (self->document == NULL)
    return;

  slug = cpd_event_dup_slug (cpd_document_get_event (self->document));
  file_name = g_strconcat (slug != NULL && slug[0] != '\0' ? slug : "event", ".ics", NULL);
  filters = cpd_window_file_filters (_ ("Calendar Files"), "text/calendar", "*.ics");

  gtk_file_dialog_set_title (dialog, _ ("Save Calendar File"));
  gtk_file_dialog_set_initial_name (dialog, file_name);
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->cancellable, cpd_window_save_dialog_cb,
                        self);
}

static void
cpd_window_open_dialog_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  CpdWindow      *self;
  GtkApplication *app;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cpd_window_show_error (CPD_WINDOW (user_data), error);
      return;
    }

  self = CPD_WINDOW (user_data);
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (CPD_IS_APPLICATION (app))
    cpd_application_open_page (CPD_APPLICATION (app), file, GTK_WINDOW (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CpdWindow *self = CPD_WINDOW (widget);
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListModel) filters = NULL;

  filters = cpd_window_file_filters (_ ("Markdown Pages"), "text/markdown", "*.md");
  gtk_file_dialog_set_title (dialog, _ ("Open Event Page"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->cancellable, cpd_window_open_dialog_cb,
                        self);
}

static gboolean
cpd_window_drop_cb (CpdWindow     *self,
                    const GValue  *value,
                    double         x,
                    double         y,
                    GtkDropTarget *target)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList         *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !CPD_IS_APPLICATION (app))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (const GSList *l = files; l != NULL; l = l->next)
    cpd_application_open_page (CPD_APPLICATION (app), l->data, GTK_WINDOW (self));
  g_slist_free (files);

  return TRUE;
}

/* GObject --------------------------------------------------------------------------------- */

static gboolean
cpd_window_close_request (GtkWindow *window)
{
  CpdWindow  *self = CPD_WINDOW (window);
  GSettings  *settings = cpd_window_get_settings (self);
  const char *section;
  int         width, height;

  if (settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      section = cpd_page_view_get_current_section (self->page_view);
      if (self->shows_bundled_page && section != NULL)
        g_settings_set_string (settings, "last-section", section);
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (cpd_window_parent_class)->close_request (window);
}

static void
cpd_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cpd_window_parent_class)->map (widget);
  cpd_application_report_timing ("map");

  if (g_getenv ("CPD_REPORT_TIMINGS") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (cpd_window_after_first_paint_cb), widget,
                             G_CONNECT_SWAPPED);
}

static void
cpd_window_constructed (GObject *object)
{
  CpdWindow *self = CPD_WINDOW (object);
  GSettings *settings = cpd_window_get_settings (self);

  G_OBJECT_CLASS (cpd_window_parent_class)->constructed (object);

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      cpd_page_view_set_zoom_level (self->page_view,
                                    g_settings_get_double (settings, "zoom-level"));
    }

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

static void
cpd_window_dispose (GObject *object)
{
  CpdWindow *self = CPD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->link_opener != NULL)
    cpd_link_opener_cancel (self->link_opener);
  g_clear_handle_id (&self->midnight_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CPD_TYPE_WINDOW);

  g_clear_object (&self->link_opener);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cpd_window_parent_class)->dispose (object);
}

static void
cpd_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CpdWindow *self = CPD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CpdWindow *self = CPD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      if (g_value_get_object (value) != NULL)
        cpd_window_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_window_class_init (CpdWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cpd_window_constructed;
  object_class->dispose = cpd_window_dispose;
  object_class->get_property = cpd_window_get_property;
  object_class->set_property = cpd_window_set_property;

  widget_class->map = cpd_window_map;
  window_class->close_request = cpd_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CPD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CPD_TYPE_PAGE_VIEW);
  g_type_ensure (CPD_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, page_view);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_link_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_matches_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.register", NULL, event_link_action);
  gtk_widget_class_install_action (widget_class, "win.venue", NULL, event_link_action);
  gtk_widget_class_install_action (widget_class, "win.schedule", NULL, event_link_action);
  gtk_widget_class_install_action (widget_class, "win.conduct", NULL, event_link_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-calendar", NULL,
                                   add_to_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.save-calendar", NULL, save_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  /* Menus show an action's last binding: the keypad's come first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.register", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.venue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.schedule", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.conduct", NULL);
  /* Not Ctrl+Shift+D: GTK keeps that (and Ctrl+Shift+I) for its inspector. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.add-to-calendar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save-calendar", NULL);
}

static void
cpd_window_init (CpdWindow *self)
{
  GtkDropTarget *drop_target;
  GtkMenuButton *menu_buttons[G_N_ELEMENTS (self->zoom_level_buttons)];

  self->cancellable = g_cancellable_new ();
  self->link_opener = cpd_link_opener_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  menu_buttons[0] = self->menu_button;
  menu_buttons[1] = self->sidebar_menu_button;
  for (guint i = 0; i < G_N_ELEMENTS (menu_buttons); i++)
    gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (menu_buttons[i])),
                                cpd_window_create_zoom_controls (&self->zoom_level_buttons[i]),
                                "zoom");
  cpd_window_show_zoom_level (self, cpd_page_view_get_zoom_level (self->page_view));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->sidebar));

  /* Capture phase: the web view would otherwise take the drop for itself. */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop_target),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (cpd_window_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  cpd_window_update_actions (self);
  page_matches_changed_cb (self, NULL, self->page_view);
}

/**
 * cpd_window_new:
 * @application: the application
 * @document: (nullable): the page to show, or %NULL for the bundled event page
 */
CpdWindow *
cpd_window_new (CpdApplication *application,
                CpdDocument    *document)
{
  CpdWindow *self;

  g_return_val_if_fail (CPD_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!document || CPD_IS_DOCUMENT (document), NULL);

  self = g_object_new (CPD_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);

  if (document == NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (CPD_BUNDLED_PAGE_URI);

      /* Parsed off the main thread while the window maps. */
      self->shows_bundled_page = TRUE;
      cpd_document_load_async (file, self->cancellable, cpd_window_bundled_page_loaded_cb,
                               g_object_ref (self));
    }

  return self;
}

CpdPageView *
cpd_window_get_page_view (CpdWindow *self)
{
  g_return_val_if_fail (CPD_IS_WINDOW (self), NULL);

  return self->page_view;
}

CpdSidebar *
cpd_window_get_sidebar (CpdWindow *self)
{
  g_return_val_if_fail (CPD_IS_WINDOW (self), NULL);

  return self->sidebar;
}
