/* cpd-window-page.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The page's place in the window. The window maps with a placeholder there. Once it has
 * painted its first frame, it loads the page module (the page view needs WebKit, which the app
 * does not link: see cpd-page-loader.c) and the page view takes the placeholder's place, or,
 * when the module is missing or broken, a message says so. A page given on the command line is
 * read off the main thread, after that first frame too, so that the window never waits for a
 * large page; when the page takes longer than a moment, a spinner says which page is coming.
 * The find bar above the page is made when finding first starts.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-page-loader.h"
#include "cpd-timing.h"
#include "cpd-window-private.h"

static void
cpd_window_show_error_page (CpdWindow  *self,
                            const char *description)
{
  g_clear_handle_id (&self->loading_source, g_source_remove);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->try_again_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The page stopped working: the reader may load it again, at the section they were reading,
 * which the sidebar still shows. */
void
_cpd_window_try_again (CpdWindow *self)
{
  g_autofree char *section_id = g_strdup (cpd_sidebar_get_selected_section (self->sidebar));

  gtk_stack_set_visible_child_name (self->stack, "page");
  cpd_page_load_document (self->page_view, self->document);
  if (section_id != NULL)
    cpd_page_scroll_to_section (self->page_view, section_id);
}

/* Loading indicator ------------------------------------------------------------------------ */

/* Counted from the window's creation. A page that shows within a second needs no spinner:
 * with 300 ms the bundled page flashed one on every start here (shown ~560 ms after exec,
 * loaded ~820 ms), and its animation, repainted on the CPU, took ~30 ms from WebKit's load
 * on two cores. A 20 MB page, seconds, still shows it. */
#define LOADING_INDICATOR_DELAY_MS 1000

static gboolean
cpd_window_show_loading_cb (gpointer user_data)
{
  CpdWindow *self = user_data;

  self->loading_source = 0;
  cpd_timing_report ("loading-shown");
  gtk_widget_set_visible (GTK_WIDGET (self->loading_page), TRUE);

  return G_SOURCE_REMOVE;
}

void
_cpd_window_start_loading (CpdWindow  *self,
                           const char *name)
{
  g_autofree char *title = NULL;

  /* Translators: %s is the name of the event page being loaded. */
  title = g_strdup_printf (_ ("Loading “%s”"), name);
  adw_status_page_set_title (self->loading_page, title);

  if (gtk_widget_get_visible (GTK_WIDGET (self->loading_page)) || self->loading_source != 0)
    return;
  self->loading_source = g_timeout_add (LOADING_INDICATOR_DELAY_MS, cpd_window_show_loading_cb, self);
}

static void
cpd_window_stop_loading (CpdWindow *self)
{
  g_clear_handle_id (&self->loading_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_page), FALSE);
}

/* The page view's signals ------------------------------------------------------------------ */

static void
page_section_changed_cb (CpdWindow  *self,
                         GParamSpec *pspec,
                         CpdPage    *page_view)
{
  g_autofree char *section_id = NULL;

  g_object_get (page_view, "current-section", &section_id, NULL);
  cpd_sidebar_select_section (self->sidebar, section_id);
}

/* Find bar ----------------------------------------------------------------------------------- */

/* The first frame does without it: it is made when finding starts (Ctrl+F, the find button,
 * GNOME Shell's search, typing in the sidebar). */
static CpdFindBar *
cpd_window_ensure_find_bar (CpdWindow *self)
{
  if (self->find_bar != NULL)
    return self->find_bar;

  /* Once it is there, typing in the sidebar goes to it by the search bar's own key capture. */
  self->find_bar = g_object_new (CPD_TYPE_FIND_BAR, "key-capture-widget", self->sidebar, NULL);
  adw_bin_set_child (self->find_bar_bin, GTK_WIDGET (self->find_bar));
  if (self->page_view != NULL)
    cpd_find_bar_set_page_view (self->find_bar, self->page_view);

  return self->find_bar;
}

/* Before the find bar is made: a key that types text in the sidebar makes it, goes to its
 * entry and starts finding. */
static gboolean
sidebar_key_pressed_cb (CpdWindow             *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  if (self->find_bar != NULL || self->page_view == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      !g_unichar_isgraph (gdk_keyval_to_unicode (keyval)))
    return GDK_EVENT_PROPAGATE;

  if (!cpd_find_bar_forward_key (cpd_window_ensure_find_bar (self), controller))
    return GDK_EVENT_PROPAGATE;

  g_object_set (self->page_view, "find-mode", TRUE, NULL);
  return GDK_EVENT_STOP;
}

void
_cpd_window_init_sidebar_typing (CpdWindow *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), controller);
}

static void
page_find_mode_changed_cb (CpdWindow  *self,
                           GParamSpec *pspec,
                           CpdPage    *page_view)
{
  gboolean find_mode;

  g_object_get (page_view, "find-mode", &find_mode, NULL);
  if (!find_mode)
    return;

  cpd_window_ensure_find_bar (self);
  _cpd_window_show_page (self);
}

static void
page_loaded_cb (CpdWindow  *self,
                GParamSpec *pspec,
                CpdPage    *page_view)
{
  g_autofree char *last_section = NULL;
  gboolean         loaded;

  g_object_get (page_view, "loaded", &loaded, NULL);
  if (!loaded)
    return;

  cpd_timing_report ("load-finished");
  cpd_window_stop_loading (self);

  if (self->pending_find != NULL)
    {
      g_autofree char *text = g_steal_pointer (&self->pending_find);

      cpd_window_find (self, text);
    }

  /* A section asked for (from the search provider) wins over where the reader left off. */
  if (!self->shows_bundled_page || self->shows_requested_section)
    return;

  /* Back where the reader left the bundled page. */
  last_section = g_settings_get_string (self->settings, "last-section");
  if (last_section[0] != '\0')
    cpd_page_scroll_to_section (page_view, last_section);
}

static void
page_link_activated_cb (CpdWindow  *self,
                        const char *uri,
                        CpdPage    *page_view)
{
  _cpd_window_open_uri (self, uri);
}

static void
page_message_cb (CpdWindow  *self,
                 const char *text,
                 CpdPage    *page_view)
{
  cpd_window_show_message (self, text);
}

static void
page_failed_cb (CpdWindow  *self,
                const char *description,
                CpdPage    *page_view)
{
  cpd_window_show_error_page (self, description);
  gtk_widget_set_visible (GTK_WIDGET (self->try_again_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->try_again_button));
}

/* Reading the page ----------------------------------------------------------------------------- */

static void
cpd_window_file_loaded_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (CpdWindow) self = user_data;
  g_autoptr (CpdDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  document = cpd_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document != NULL)
    {
      cpd_window_set_document (self, document);
      return;
    }

  if (self->shows_bundled_page)
    {
      cpd_window_show_error_page (self, error->message);
      return;
    }

  /* A page given on the command line that cannot be read: the bundled one, and why. */
  cpd_window_show_open_error (self, G_FILE (source), error);
  _cpd_window_load_file (self, NULL);
}

/* Parsed off the main thread; %NULL: the bundled page. */
void
_cpd_window_load_file (CpdWindow *self,
                       GFile     *file)
{
  g_autoptr (GFile) bundled = NULL;
  g_autofree char *name = NULL;

  if (file == NULL)
    {
      file = bundled = g_file_new_for_uri (CPD_BUNDLED_PAGE_URI);
      self->shows_bundled_page = TRUE;
    }

  name = self->shows_bundled_page ? g_strdup (_ ("Container Plumbing Days"))
                                  : g_file_get_basename (file);
  _cpd_window_start_loading (self, name);

  /* Parsed once the first frame is painted: a large page (20 MB: a second of CPU) would
   * compete with it on a small machine, and even the bundled page's rows and card make that
   * frame later. The sidebar fills in a moment after. */
  if (!self->first_frame_painted)
    {
      g_set_object (&self->pending_file, file);
      return;
    }
  cpd_document_load_async (file, self->cancellable, cpd_window_file_loaded_cb,
                           g_object_ref (self));
}

/* Page module ------------------------------------------------------------------------------ */

void
_cpd_window_bind_zoom_label (CpdWindow *self,
                             GtkButton *level)
{
  g_object_bind_property (self->page_view, "zoom-label", level, "label", G_BINDING_SYNC_CREATE);
}

/* The page view takes the placeholder's place and brings its page.* actions. */
static void
cpd_window_add_page_view (CpdWindow *self,
                          CpdPage   *page_view)
{
  self->page_view = page_view;
  adw_bin_set_child (self->page_bin, GTK_WIDGET (page_view));

  g_signal_connect_object (page_view, "link-activated", G_CALLBACK (page_link_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page_view, "message", G_CALLBACK (page_message_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page_view, "failed", G_CALLBACK (page_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page_view, "notify::current-section",
                           G_CALLBACK (page_section_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page_view, "notify::loaded", G_CALLBACK (page_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page_view, "notify::find-mode", G_CALLBACK (page_find_mode_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_insert_action_group (GTK_WIDGET (self), "page", cpd_page_get_actions (page_view));
  g_settings_bind (self->settings, "zoom-level", page_view, "zoom-level", SETTINGS_BIND_FLAGS);
  g_object_bind_property (page_view, "find-mode", self->find_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), TRUE);
  if (self->find_bar != NULL)
    cpd_find_bar_set_page_view (self->find_bar, page_view);
  for (guint i = 0; i < G_N_ELEMENTS (self->zoom_level_buttons); i++)
    if (self->zoom_level_buttons[i] != NULL)
      _cpd_window_bind_zoom_label (self, self->zoom_level_buttons[i]);

  _cpd_window_show_document_in_page (self);
}

static void
cpd_window_page_module_loaded_cb (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr (CpdWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  const CpdPageModuleTypes *types;

  types = cpd_page_loader_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->page_view != NULL)
    return;

  if (types == NULL)
    {
      g_autofree char *description = NULL;

      /* Translators: %s says why, e.g. that a file is missing. */
      description = g_strdup_printf (_ ("The app’s page viewer could not be loaded (%s). "
                                        "Reinstalling the app should fix this."),
                                     error->message);
      self->page_module_failed = TRUE;
      cpd_window_show_error_page (self, description);
      return;
    }

  cpd_timing_report ("page-view");
  cpd_window_add_page_view (self, g_object_new (types->page_view_type, NULL));
}

static void
cpd_window_after_first_paint_cb (CpdWindow     *self,
                                 GdkFrameClock *frame_clock)
{
  g_signal_handlers_disconnect_by_func (frame_clock, cpd_window_after_first_paint_cb, self);
  cpd_timing_report ("first-frame");
  self->first_frame_painted = TRUE;

  /* The window is on screen: now WebKit, and a page that takes a while to parse, may have
   * the CPU. */
  cpd_page_loader_load_async (self->cancellable, cpd_window_page_module_loaded_cb,
                              g_object_ref (self));
  if (self->pending_file != NULL)
    {
      g_autoptr (GFile) file = g_steal_pointer (&self->pending_file);

      _cpd_window_load_file (self, file);
    }
}

void
_cpd_window_watch_first_frame (CpdWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (cpd_window_after_first_paint_cb), self, G_CONNECT_SWAPPED);
}
