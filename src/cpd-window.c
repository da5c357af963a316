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
 * part that needs WebKit, see cpd-page-loader.c), loaded once that frame is painted; the
 * main menus and the shortcuts window are made when first opened. The window never waits for
 * the page: it maps while the document is parsed, the sidebar fills in when it is, and when
 * the page takes longer than a moment a spinner says which page is coming.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-page-loader.h"
#include "cpd-timing.h"
#include "cpd-window-private.h"

/* The same schema for the release and the development build. */
#define SETTINGS_SCHEMA_ID "org.example.CPD"

/* Each window starts from the last state saved, and saves its own; it does not follow other
 * windows' changes. */
#define SETTINGS_BIND_FLAGS (G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES)

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
  AdwToast *toast;

  g_return_if_fail (CPD_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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

static void
cpd_window_show_error_page (CpdWindow  *self,
                            const char *description)
{
  g_clear_handle_id (&self->loading_source, g_source_remove);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Loading indicator ------------------------------------------------------------------------ */

/* A small page is on screen before a spinner could be read: only a slow one shows it. */
#define LOADING_INDICATOR_DELAY_MS 300

static gboolean
cpd_window_show_loading_cb (gpointer user_data)
{
  CpdWindow *self = user_data;

  self->loading_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->loading_page), TRUE);

  return G_SOURCE_REMOVE;
}

static void
cpd_window_start_loading (CpdWindow  *self,
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

/* Page module ------------------------------------------------------------------------------ */

static void cpd_window_load_file (CpdWindow *self,
                                  GFile     *file);

static void page_section_changed_cb (CpdWindow  *self,
                                     GParamSpec *pspec,
                                     CpdPage    *page_view);
static void page_find_mode_changed_cb (CpdWindow  *self,
                                       GParamSpec *pspec,
                                       CpdPage    *page_view);
static void page_loaded_cb (CpdWindow  *self,
                            GParamSpec *pspec,
                            CpdPage    *page_view);
static void page_link_activated_cb (CpdWindow  *self,
                                    const char *uri,
                                    CpdPage    *page_view);

static void
cpd_window_bind_zoom_label (CpdWindow *self,
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
  cpd_find_bar_set_page_view (self->find_bar, page_view);
  for (guint i = 0; i < G_N_ELEMENTS (self->zoom_level_buttons); i++)
    if (self->zoom_level_buttons[i] != NULL)
      cpd_window_bind_zoom_label (self, self->zoom_level_buttons[i]);

  if (self->document != NULL)
    cpd_page_load_document (page_view, self->document);
  if (self->document != NULL && self->pending_section != NULL)
    {
      g_autofree char *section_id = g_steal_pointer (&self->pending_section);

      cpd_page_scroll_to_section (page_view, section_id);
    }
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

      cpd_window_load_file (self, file);
    }
}

/* Document --------------------------------------------------------------------------------- */

static void
cpd_window_file_loaded_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (CpdWindow) self = user_data;
  g_autoptr (CpdDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

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
  name = g_file_get_parse_name (G_FILE (source));
  /* Translators: the first %s is a file name, the second the reason it failed. */
  message = g_strdup_printf (_ ("Could not open “%s”: %s"), name, error->message);
  cpd_window_show_message (self, message);
  cpd_window_load_file (self, NULL);
}

/* Parsed off the main thread while the window maps; %NULL: the bundled page. */
static void
cpd_window_load_file (CpdWindow *self,
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
  cpd_window_start_loading (self, name);

  /* Parsing a large page (20 MB: a second of CPU) would compete with the first frame on a
   * small machine: it starts after that frame. The bundled page parses in no time. */
  if (!self->shows_bundled_page && !self->first_frame_painted)
    {
      g_set_object (&self->pending_file, file);
      return;
    }
  cpd_document_load_async (file, self->cancellable, cpd_window_file_loaded_cb,
                           g_object_ref (self));
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
  cpd_sidebar_set_document (self->sidebar, document);
  if (!self->page_module_failed)
    gtk_stack_set_visible_child_name (self->stack, "page");
  _cpd_window_update_timing (self);
  cpd_window_start_loading (self, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  if (self->page_view == NULL)
    return;

  cpd_page_load_document (self->page_view, document);
  if (self->pending_section != NULL)
    {
      g_autofree char *section_id = g_steal_pointer (&self->pending_section);

      cpd_page_scroll_to_section (self->page_view, section_id);
    }
}

/* Sidebar and page ------------------------------------------------------------------------ */

/* On a phone the page is behind the sidebar: go there. */
static void
cpd_window_show_page (CpdWindow *self)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
sidebar_section_activated_cb (CpdWindow  *self,
                              const char *section_id,
                              CpdSidebar *sidebar)
{
  if (self->page_view != NULL)
    cpd_page_scroll_to_section (self->page_view, section_id);
  cpd_window_show_page (self);
}

static void
page_section_changed_cb (CpdWindow  *self,
                         GParamSpec *pspec,
                         CpdPage    *page_view)
{
  cpd_sidebar_select_section (self->sidebar, cpd_page_get_current_section (page_view));
}

static void
page_find_mode_changed_cb (CpdWindow  *self,
                           GParamSpec *pspec,
                           CpdPage    *page_view)
{
  if (cpd_page_get_find_mode (page_view))
    cpd_window_show_page (self);
}

static void
page_loaded_cb (CpdWindow  *self,
                GParamSpec *pspec,
                CpdPage    *page_view)
{
  g_autofree char *last_section = NULL;

  if (!cpd_page_get_loaded (page_view))
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

/* Out, level, in: one row of the main menu, as in Text Editor, so the level is in sight. */
static GtkWidget *
cpd_window_create_zoom_controls (CpdWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *zoom_out = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  GtkWidget *level = gtk_button_new ();
  GtkWidget *zoom_in = gtk_button_new_from_icon_name ("zoom-in-symbolic");

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (level, TRUE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_out), "page.zoom-out");
  gtk_widget_set_tooltip_text (zoom_out, _ ("Zoom Out"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (zoom_out), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Zoom Out"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (level), "page.zoom-reset");
  gtk_widget_set_tooltip_text (level, _ ("Reset Zoom"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_in), "page.zoom-in");
  gtk_widget_set_tooltip_text (zoom_in, _ ("Zoom In"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (zoom_in), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Zoom In"), -1);

  gtk_box_append (GTK_BOX (box), zoom_out);
  gtk_box_append (GTK_BOX (box), level);
  gtk_box_append (GTK_BOX (box), zoom_in);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_add_css_class (child, "flat");

  return box;
}

/* The main menu, made when first opened, with its zoom row. */
static void
cpd_window_create_menu_cb (GtkMenuButton *menu_button,
                           gpointer       user_data)
{
  CpdWindow *self = user_data;
  GtkWidget *zoom_controls;
  guint      i = menu_button == self->menu_button ? 0 : 1;

  if (gtk_menu_button_get_popover (menu_button) != NULL)
    return;

  gtk_menu_button_set_menu_model (menu_button, self->primary_menu);
  zoom_controls = cpd_window_create_zoom_controls (self);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (menu_button)),
                              zoom_controls, "zoom");

  /* The level, between zoom out and zoom in. */
  self->zoom_level_buttons[i] =
    GTK_BUTTON (gtk_widget_get_next_sibling (gtk_widget_get_first_child (zoom_controls)));
  if (self->page_view != NULL)
    cpd_window_bind_zoom_label (self, self->zoom_level_buttons[i]);
}

/* The shortcuts window, made when first asked for. GtkApplication would make it with every
 * window from gtk/help-overlay.ui, so it is kept under another name. */
static void
cpd_window_show_shortcuts_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow   *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/cpd-shortcuts-window.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}

static void
page_link_activated_cb (CpdWindow  *self,
                        const char *uri,
                        CpdPage    *page_view)
{
  _cpd_window_open_uri (self, uri);
}

/* GObject --------------------------------------------------------------------------------- */

static gboolean
cpd_window_close_request (GtkWindow *window)
{
  CpdWindow  *self = CPD_WINDOW (window);
  const char *section = NULL;

  if (self->page_view != NULL)
    section = cpd_page_get_current_section (self->page_view);

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
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (cpd_window_after_first_paint_cb), widget,
                             G_CONNECT_SWAPPED);
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

  g_type_ensure (CPD_TYPE_FIND_BAR);
  g_type_ensure (CPD_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, page_bin);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CpdWindow, event_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_section_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, _cpd_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   cpd_window_show_shortcuts_action);
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
  gtk_menu_button_set_create_popup_func (self->menu_button, cpd_window_create_menu_cb, self,
                                         NULL);
  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, cpd_window_create_menu_cb,
                                         self, NULL);

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", SETTINGS_BIND_FLAGS);
  g_settings_bind (self->settings, "window-height", self, "default-height", SETTINGS_BIND_FLAGS);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", SETTINGS_BIND_FLAGS);

  _cpd_window_init_drop_target (self);
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
    cpd_window_load_file (self, NULL);

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
  cpd_window_load_file (self, file);

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
  cpd_window_show_page (self);
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
  g_return_if_fail (CPD_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (self->page_view == NULL || !cpd_page_get_loaded (self->page_view))
    {
      g_set_str (&self->pending_find, text);
      return;
    }

  /* The find bar shows the page view's text when find mode starts. */
  cpd_page_find (self->page_view, text);
  cpd_page_set_find_mode (self->page_view, TRUE);
}

CpdSidebar *
cpd_window_get_sidebar (CpdWindow *self)
{
  g_return_val_if_fail (CPD_IS_WINDOW (self), NULL);

  return self->sidebar;
}
