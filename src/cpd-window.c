/* cpd-window.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A window shows one event page: the sidebar (event card, actions, sections) and the page
 * view. Data flows one way: a CpdDocument, loaded off the main thread, goes to both. The
 * window is wiring: it turns the document's event facts into win.* actions, shows the page
 * view's own page.* actions (find, zoom, print) to its menus and shortcuts, and hands
 * everything that leaves the app to its CpdLinkOpener. Calendar files are made in
 * cpd-calendar-export.c, and other pages are opened in cpd-window-open.c.
 *
 * The first frame shows only what the window is made of at first: the sidebar, the header
 * bars and the page's background. The page view comes from the page module (it is the one
 * part that needs WebKit, see cpd-page-loader.c), loaded once that frame is painted
 * (cpd-window-page.c); the find bar, the main menus and the shortcuts window are made when
 * first used (cpd-window-page.c, cpd-window-actions.c). The window never waits for
 * the page: it maps while the document is parsed, the sidebar fills in when it is, and when
 * the page takes longer than a moment a spinner says which page is coming.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cpd-event-actions.h"
#include "cpd-timing.h"
#include "cpd-window-private.h"

/* The same schema for the release and the development build. */
#define SETTINGS_SCHEMA_ID "org.example.CPD"

G_DEFINE_FINAL_TYPE (CpdWindow, cpd_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
cpd_window_show_message (CpdWindow  *self,
                         const char *message)
{
  g_return_if_fail (CPD_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* Text, not markup: messages quote file names and URLs, which may hold “&” or “<”. */
  adw_toast_overlay_add_toast (
    self->toast_overlay,
    g_object_new (ADW_TYPE_TOAST, "title", message, "use-markup", FALSE, "timeout", 6, NULL));
}

/**
 * cpd_window_show_open_error:
 * @file: the page that could not be opened
 * @error: why
 *
 * Says which page could not be opened, by its name (the reader knows where they took it
 * from; a whole path would push the reason out of the toast), and why.
 */
void
cpd_window_show_open_error (CpdWindow    *self,
                            GFile        *file,
                            const GError *error)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *name = g_path_get_basename (parse_name);
  g_autofree char *message = NULL;

  g_return_if_fail (CPD_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* Translators: the first %s is a file name, the second the reason it failed. */
  message = g_strdup_printf (_ ("Could not open “%s”: %s"), name, error->message);
  cpd_window_show_message (self, message);
}

void
_cpd_window_show_error (CpdWindow    *self,
                        const GError *error)
{
  /* A cancelled launch is the window going away or the user changing their mind. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return;

  cpd_window_show_message (self, error->message);
}

/**
 * cpd_window_set_today:
 * @today: (nullable): the day to measure the event against, or %NULL for the local date
 *
 * The banner, the card and the menu follow where the event stands on @today. Tests set it,
 * so that none depends on the real clock.
 */
void
cpd_window_set_today (CpdWindow   *self,
                      const GDate *today)
{
  g_return_if_fail (CPD_IS_WINDOW (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  g_clear_pointer (&self->today, g_date_free);
  if (today != NULL)
    self->today = g_date_copy (today);

  _cpd_window_update_timing (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
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
  /* A page that is no event (release notes, say) has only its sections there. */
  adw_navigation_page_set_title (self->sidebar_page,
                                 cpd_event_has_facts (cpd_document_get_event (document))
                                   ? _ ("Event")
                                   /* Translators: the sidebar's title for a page that is not
                                    * an event: it lists only the page's sections. */
                                   : _ ("Contents"));
  cpd_sidebar_set_document (self->sidebar, document);
  if (!self->page_module_failed)
    gtk_stack_set_visible_child_name (self->stack, "page");
  _cpd_window_update_timing (self);
  _cpd_window_start_loading (self, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  _cpd_window_show_document_in_page (self);
}

/* The page view shows the document, at the section asked for before either was there. */
void
_cpd_window_show_document_in_page (CpdWindow *self)
{
  if (self->page_view == NULL || self->document == NULL)
    return;

  cpd_page_load_document (self->page_view, self->document);
  if (self->pending_section != NULL)
    {
      g_autofree char *section_id = g_steal_pointer (&self->pending_section);

      cpd_page_scroll_to_section (self->page_view, section_id);
    }
}

/* Sidebar and page ------------------------------------------------------------------------ */

/* On a phone the page is behind the sidebar: go there. */
void
_cpd_window_show_page (CpdWindow *self)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
sidebar_section_selected_cb (CpdWindow  *self,
                             const char *section_id,
                             CpdSidebar *sidebar)
{
  if (self->page_view != NULL)
    cpd_page_scroll_to_section (self->page_view, section_id);
}

static void
sidebar_section_activated_cb (CpdWindow  *self,
                              const char *section_id,
                              CpdSidebar *sidebar)
{
  sidebar_section_selected_cb (self, section_id, sidebar);
  _cpd_window_show_page (self);
}

/* Back on a phone's sidebar, no row stays selected: a tap on the section the reader came
 * from must go there again, as a tap on any other does. */
static void
split_view_show_content_cb (CpdWindow *self)
{
  if (adw_navigation_split_view_get_collapsed (self->split_view) &&
      !adw_navigation_split_view_get_show_content (self->split_view))
    cpd_sidebar_select_section (self->sidebar, NULL);
}

/* GObject --------------------------------------------------------------------------------- */

static gboolean
cpd_window_close_request (GtkWindow *window)
{
  CpdWindow       *self = CPD_WINDOW (window);
  g_autofree char *section = NULL;

  if (self->page_view != NULL)
    g_object_get (self->page_view, "current-section", &section, NULL);

  /* Size, maximized and zoom are saved as they change; the place in the page on closing.
   * Only the bundled page is shown again on the next start. */
  if (self->shows_bundled_page && section != NULL)
    g_settings_set_string (self->settings, "last-section", section);

  return GTK_WINDOW_CLASS (cpd_window_parent_class)->close_request (window);
}

static void
cpd_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cpd_window_parent_class)->map (widget);
  cpd_timing_report ("map");

  if (!CPD_WINDOW (widget)->first_frame_painted)
    _cpd_window_watch_first_frame (CPD_WINDOW (widget));
}

static void
cpd_window_dispose (GObject *object)
{
  CpdWindow *self = CPD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->link_opener != NULL)
    cpd_link_opener_cancel (self->link_opener);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  g_clear_handle_id (&self->loading_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CPD_TYPE_WINDOW);
  /* Widgets the template or the page module made, gone with it. */
  self->page_view = NULL;
  self->find_bar = NULL;
  memset (self->zoom_level_buttons, 0, sizeof self->zoom_level_buttons);

  g_clear_object (&self->link_opener);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->pending_file);
  g_clear_pointer (&self->today, g_date_free);
  g_clear_pointer (&self->pending_section, g_free);
  g_clear_pointer (&self->pending_find, g_free);

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

    case PROP_TODAY:
      g_value_set_boxed (value, self->today);
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

    case PROP_TODAY:
      cpd_window_set_today (self, g_value_get_boxed (value));
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

  object_class->dispose = cpd_window_dispose;
  object_class->get_property = cpd_window_get_property;
  object_class->set_property = cpd_window_set_property;

  widget_class->map = cpd_window_map;
  window_class->close_request = cpd_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CPD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The day the event is measured against; unset, the local date (see cpd_window_set_today ()). */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CPD_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, sidebar_page);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, page_bin);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, find_bar_bin);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, try_again_button);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, event_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_section_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, split_view_show_content_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "try_again_clicked_cb",
                                                G_CALLBACK (_cpd_window_try_again));

  gtk_widget_class_install_action (widget_class, "win.open", NULL, _cpd_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   _cpd_window_show_shortcuts_action);
  _cpd_window_class_actions_init (klass);

  /* The page view's page.* actions too: the shortcuts work wherever the focus is. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "page.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "page.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "page.print",
                                       NULL);
  /* Menus show an action's last binding: the keypad's come first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "page.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "page.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "page.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "page.zoom-reset", NULL);
  /* V for videos: R is registering's. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.recordings", NULL);
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
  self->cancellable = g_cancellable_new ();
  self->link_opener = cpd_link_opener_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* Each main menu, made when first opened: the content's, and the collapsed sidebar's. */
  gtk_menu_button_set_create_popup_func (self->menu_button, _cpd_window_create_menu_cb, self,
                                         NULL);
  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, _cpd_window_create_menu_cb,
                                         self, NULL);

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", SETTINGS_BIND_FLAGS);
  g_settings_bind (self->settings, "window-height", self, "default-height", SETTINGS_BIND_FLAGS);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", SETTINGS_BIND_FLAGS);

  _cpd_window_init_drop_target (self);
  _cpd_window_init_sidebar_typing (self);
  _cpd_window_update_actions (self);
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
    _cpd_window_load_file (self, NULL);

  return self;
}

/**
 * cpd_window_new_for_file:
 * @file: the Markdown page to show
 *
 * A window that maps at once and shows @file once it is parsed; when it cannot be read, the
 * bundled page, and why.
 */
CpdWindow *
cpd_window_new_for_file (CpdApplication *application,
                         GFile          *file)
{
  CpdWindow *self;

  g_return_val_if_fail (CPD_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CPD_TYPE_WINDOW, "application", application, NULL);
  _cpd_window_load_file (self, file);

  return self;
}

/**
 * cpd_window_get_page_view:
 *
 * Returns: (transfer none) (nullable): the page view, or %NULL until the page module is loaded
 */
CpdPage *
cpd_window_get_page_view (CpdWindow *self)
{
  g_return_val_if_fail (CPD_IS_WINDOW (self), NULL);

  return self->page_view;
}

/**
 * cpd_window_show_section:
 * @section_id: the id of one of the page's headings
 *
 * Shows the page at @section_id, now or, while the page is still loading, once it is there.
 */
void
cpd_window_show_section (CpdWindow  *self,
                         const char *section_id)
{
  g_return_if_fail (CPD_IS_WINDOW (self));
  g_return_if_fail (section_id != NULL);

  self->shows_requested_section = TRUE;
  if (self->document != NULL && self->page_view != NULL)
    cpd_page_scroll_to_section (self->page_view, section_id);
  else
    g_set_str (&self->pending_section, section_id);
  _cpd_window_show_page (self);
}

/**
 * cpd_window_find:
 * @text: what to find in the page
 *
 * Opens the find bar with @text in it, now or once the page has loaded.
 */
void
cpd_window_find (CpdWindow  *self,
                 const char *text)
{
  gboolean loaded = FALSE;

  g_return_if_fail (CPD_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (self->page_view != NULL)
    g_object_get (self->page_view, "loaded", &loaded, NULL);
  if (!loaded)
    {
      g_set_str (&self->pending_find, text);
      return;
    }

  /* The find bar shows the page view's text when find mode starts. */
  g_object_set (self->page_view, "find-text", text, "find-mode", TRUE, NULL);
}

CpdSidebar *
cpd_window_get_sidebar (CpdWindow *self)
{
  g_return_val_if_fail (CPD_IS_WINDOW (self), NULL);

  return self->sidebar;
}
