/* cpd-page-view.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The page view shows a rendered CpdDocument in a WebKitWebView that treats the page as
 * content we did not write: page scripts never run, nothing is fetched, and every navigation
 * other than our own document load and our own jumps to a heading is refused. Link clicks
 * leave as the "link-activated" signal, for the window's link opener to decide on. Our own
 * script runs in the isolated "cpd" world and tells us which heading is being read, as the
 * fragment of the document's URI, none at the page's beginning. Neither that nor our jumps to
 * a heading (a navigation to its fragment, within the document) passes a value through
 * JavaScript in our process: WebKit would make a JavaScript context of the app's own for it,
 * whose timers then wake the idle app.
 *
 * The page view lives in the page module (cpd-page-loader.c); the window reaches it through
 * CpdPage (cpd-page.h) and makes it only once it has painted its first frame. The web view is
 * made when the page view is first shown (or when someone asks for it), at once: making it
 * starts WebKit's context and its web and network processes, hundreds of milliseconds of CPU
 * that would compete with the window's first frame, which is why the window waits for that
 * frame, and from then on the page is on the critical path (see tests/benchmark/README.md).
 * Until then the document only waits, and the view shows its background.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-page-style.h"
#include "cpd-page-view-private.h"
#include "cpd-timing.h"

#define SCRIPT_WORLD "cpd"
#define FOCUS_OUT_HANDLER "cpdFocusOut"
#define PAGE_BASE_URI "about:blank"

/* The page may not load anything; our own stylesheet is inline. */
#define CONTENT_SECURITY_POLICY \
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

static void cpd_page_view_page_init (CpdPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpdPageView, cpd_page_view, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (CPD_TYPE_PAGE, cpd_page_view_page_init))

/* CpdPage's properties, in the order of CpdPageViewProperty. */
static const char *const property_names[N_PROPS] = {
  [PROP_LOADED] = "loaded",
  [PROP_CURRENT_SECTION] = "current-section",
  [PROP_ZOOM_LEVEL] = "zoom-level",
  [PROP_ZOOM_LABEL] = "zoom-label",
  [PROP_FIND_MODE] = "find-mode",
  [PROP_FIND_TEXT] = "find-text",
  [PROP_MATCH_COUNT] = "match-count",
  [PROP_MATCH_INDEX] = "match-index",
};
static GParamSpec *properties[N_PROPS];

void
_cpd_page_view_notify (CpdPageView        *self,
                       CpdPageViewProperty prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
cpd_page_view_update_background (CpdPageView     *self,
                                 GParamSpec      *pspec,
                                 AdwStyleManager *style_manager)
{
  GdkRGBA background;

  if (self->web_view == NULL)
    return;

  /* libadwaita's view background, so no white flash before the page paints. */
  if (adw_style_manager_get_dark (style_manager))
    gdk_rgba_parse (&background, "#1e1e1e");
  else
    gdk_rgba_parse (&background, "#ffffff");

  webkit_web_view_set_background_color (self->web_view, &background);
}

/* The system's accent colour and high contrast, as a user style sheet the page's own
 * stylesheet gives way to (cpd-page-style.c); WebKit restyles the page when it changes. */
static void
cpd_page_view_update_style (CpdPageView     *self,
                            GParamSpec      *pspec,
                            AdwStyleManager *style_manager)
{
  WebKitUserContentManager *content_manager;
  g_autoptr (WebKitUserStyleSheet) style_sheet = NULL;
  g_autofree char *css = NULL;

  cpd_page_view_update_background (self, pspec, style_manager);
  if (self->web_view == NULL)
    return;

  css = cpd_page_style_dup_css (style_manager);
  style_sheet = webkit_user_style_sheet_new (css, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                             WEBKIT_USER_STYLE_LEVEL_AUTHOR, NULL, NULL);
  content_manager = webkit_web_view_get_user_content_manager (self->web_view);
  webkit_user_content_manager_remove_all_style_sheets (content_manager);
  webkit_user_content_manager_add_style_sheet (content_manager, style_sheet);
}

static gboolean
cpd_page_view_decide_policy_cb (CpdPageView             *self,
                                WebKitPolicyDecision    *decision,
                                WebKitPolicyDecisionType type,
                                WebKitWebView           *web_view)
{
  WebKitNavigationAction *action;
  WebKitURIRequest       *request;
  const char             *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    {
      /* Only the document we loaded ourselves may be shown. */
      request = webkit_response_policy_decision_get_request (WEBKIT_RESPONSE_POLICY_DECISION (decision));
      if (g_strcmp0 (webkit_uri_request_get_uri (request), PAGE_BASE_URI) == 0)
        webkit_policy_decision_use (decision);
      else
        webkit_policy_decision_ignore (decision);
      return TRUE;
    }

  action = webkit_navigation_policy_decision_get_navigation_action (
    WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  uri = webkit_uri_request_get_uri (request);

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER &&
      !webkit_navigation_action_is_user_gesture (action) &&
      g_strcmp0 (uri, PAGE_BASE_URI) == 0)
    {
      /* Our own load_html(). */
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER &&
      !webkit_navigation_action_is_user_gesture (action) && self->requested_uri != NULL &&
      g_strcmp0 (uri, self->requested_uri) == 0)
    {
      /* Our own jump to a heading, within the document: once. */
      g_clear_pointer (&self->requested_uri, g_free);
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  webkit_policy_decision_ignore (decision);

  if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
    {
      /* A link to a heading of this page ("#conduct") jumps there, as the sidebar does;
       * anything else is for the link opener. */
      if (g_str_has_prefix (uri, PAGE_BASE_URI "#"))
        {
          g_autofree char *id = g_uri_unescape_string (uri + strlen (PAGE_BASE_URI "#"), NULL);

          if (id != NULL && id[0] != '\0')
            cpd_page_view_scroll_to_section (self, id);
        }
      else
        g_signal_emit_by_name (self, "link-activated", uri);
    }

  return TRUE;
}

static GtkWidget *
cpd_page_view_create_cb (CpdPageView            *self,
                         WebKitNavigationAction *action,
                         WebKitWebView          *web_view)
{
  /* No new windows; a link that asked for one still goes to the link opener. */
  if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
    g_signal_emit_by_name (self, "link-activated",
                           webkit_uri_request_get_uri (webkit_navigation_action_get_request (action)));
  return NULL;
}

static gboolean
cpd_page_view_context_menu_cb (CpdPageView         *self,
                               WebKitContextMenu   *menu,
                               WebKitHitTestResult *hit_test_result,
                               WebKitWebView       *web_view)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  /* Reading actions only: no reload, no navigation, no new windows. */
  for (const GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;

      switch (webkit_context_menu_item_get_stock_action (item))
        {
        case WEBKIT_CONTEXT_MENU_ACTION_COPY:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
          break;
#if DEVELOPMENT_BUILD
        case WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT:
          break;
#endif
        default:
          webkit_context_menu_remove (menu, item);
          break;
        }
    }
  g_list_free (items);

  /* Returning TRUE would suppress the menu; an empty one is simply not shown. */
  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
cpd_page_view_load_changed_cb (CpdPageView    *self,
                               WebKitLoadEvent load_event,
                               WebKitWebView  *web_view)
{
  if (load_event != WEBKIT_LOAD_FINISHED || self->loaded)
    return;

  /* A new page under an open find bar: its own matches. Before "loaded" is said, so that a
   * search someone waited for it to start is not done twice. */
  if (self->find_mode)
    _cpd_page_view_search (self);

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);

  if (self->pending_section != NULL)
    {
      g_autofree char *section_id = g_steal_pointer (&self->pending_section);

      cpd_page_view_scroll_to_section (self, section_id);
    }
}

static void
cpd_page_view_uri_notify_cb (CpdPageView   *self,
                             GParamSpec    *pspec,
                             WebKitWebView *web_view)
{
  const char      *uri = webkit_web_view_get_uri (web_view);
  const char      *fragment;
  g_autofree char *id = NULL;

  /* Only our document, whose fragment only our script sets: the navigation policy refuses
   * every fragment navigation the page itself could start. */
  if (uri == NULL || !g_str_has_prefix (uri, PAGE_BASE_URI))
    return;

  /* The top of a page that is about to jump elsewhere is not where the reader is. */
  if (!self->loaded && self->pending_section != NULL)
    return;

  fragment = uri + strlen (PAGE_BASE_URI);
  if (fragment[0] == '\0')
    id = g_strdup (self->first_section);
  else if (fragment[0] == '#')
    id = g_uri_unescape_string (fragment + 1, NULL);

  if (id == NULL || id[0] == '\0')
    return;

  g_debug ("Reading section “%s”", id);
  if (g_strcmp0 (id, self->current_section) == 0)
    return;

  g_free (self->current_section);
  self->current_section = g_steal_pointer (&id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_SECTION]);
}

static void
cpd_page_view_focus_out_message_cb (CpdPageView              *self,
                                    JSCValue                 *value,
                                    WebKitUserContentManager *manager)
{
  g_autofree char *direction = jsc_value_is_string (value) ? jsc_value_to_string (value) : NULL;
  GtkDirectionType dir = g_strcmp0 (direction, "backward") == 0 ? GTK_DIR_TAB_BACKWARD
                                                                : GTK_DIR_TAB_FORWARD;
  GtkRoot         *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget       *focus;

  if (root == NULL)
    return;

  /* The page was at its first or last link: move on as Ctrl+Tab would, past the web view's
   * own focusable insides. */
  for (guint i = 0; i < 3; i++)
    {
      g_signal_emit_by_name (root, "move-focus", dir);
      focus = gtk_root_get_focus (root);
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        break;
    }
}

static void
cpd_page_view_zoom_notify_cb (CpdPageView   *self,
                              GParamSpec    *pspec,
                              WebKitWebView *web_view)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LEVEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LABEL]);
  _cpd_page_view_update_actions (self);
}

static WebKitWebView *
create_hardened_web_view (void)
{
  g_autoptr (WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr (WebKitUserContentManager) content_manager = webkit_user_content_manager_new ();
  g_autoptr (WebKitSettings) settings = NULL;
  g_autoptr (WebKitUserScript) script = NULL;
  g_autoptr (GBytes) source = NULL;

  settings = webkit_settings_new_with_settings (
    /* Page scripts, inline handlers and javascript: URLs never run; our world still does. */
    "enable-javascript-markup", FALSE,
    "enable-html5-local-storage", FALSE,
    "enable-html5-database", FALSE,
    "enable-page-cache", FALSE,
    "enable-webgl", FALSE,
    "enable-webaudio", FALSE,
    "enable-media", FALSE,
    "enable-mediasource", FALSE,
    "enable-encrypted-media", FALSE,
    "enable-webrtc", FALSE,
    "enable-back-forward-navigation-gestures", FALSE,
    "javascript-can-open-windows-automatically", FALSE,
    "javascript-can-access-clipboard", FALSE,
    "allow-file-access-from-file-urls", FALSE,
    "allow-universal-access-from-file-urls", FALSE,
    "allow-modal-dialogs", FALSE,
    "enable-write-console-messages-to-stdout", FALSE,
    "enable-developer-extras", (gboolean) DEVELOPMENT_BUILD,
    "default-charset", "utf-8",
    /* A static page: no canvas, video or WebGL to speed up. Painting it on the CPU spares the
     * web process its own GL start-up (~80 MiB of PSS, and its share of the CPU while the
     * page loads), and the compositor's frame timers while idle. */
    "hardware-acceleration-policy", WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER,
    NULL);

  source = g_resources_lookup_data (RESOURCE_BASE "/cpd-page-view.js", 0, NULL);
  g_assert (source != NULL);
  script = webkit_user_script_new_for_world (g_bytes_get_data (source, NULL),
                                             WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                             WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                             SCRIPT_WORLD, NULL, NULL);
  webkit_user_content_manager_add_script (content_manager, script);
  webkit_user_content_manager_register_script_message_handler (content_manager, FOCUS_OUT_HANDLER,
                                                               SCRIPT_WORLD);

  return g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "network-session", session,
                       "settings", settings,
                       "user-content-manager", content_manager,
                       "default-content-security-policy", CONTENT_SECURITY_POLICY,
                       "hexpand", TRUE,
                       "vexpand", TRUE,
                       NULL);
}

static void
cpd_page_view_load_html (CpdPageView *self,
                         CpdDocument *document)
{
  cpd_timing_report ("load-requested");
  webkit_web_view_load_html (self->web_view, cpd_document_get_html (document), PAGE_BASE_URI);
}

/* Loads the document again, to show the reader where they were going, else where they were. */
static void
cpd_page_view_show_again (CpdPageView *self)
{
  if (self->pending_section == NULL && self->requested_uri != NULL)
    self->pending_section = g_uri_unescape_string (self->requested_uri + strlen (PAGE_BASE_URI "#"),
                                                   NULL);
  if (self->pending_section == NULL && g_strcmp0 (self->current_section, self->first_section) != 0)
    self->pending_section = g_strdup (self->current_section);
  g_clear_pointer (&self->requested_uri, g_free);

  self->loaded = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  cpd_page_view_load_html (self, self->document);
}

/* WebKit's web process ended under the page (it crashed, or the system ran out of memory) and
 * left the view blank. The page is shown again once; a page that ends it again would do so
 * forever, so the second time the reader is told instead, and may try again. */
static void
cpd_page_view_web_process_terminated_cb (CpdPageView                      *self,
                                         WebKitWebProcessTerminationReason reason,
                                         WebKitWebView                    *web_view)
{
  g_message ("The page's web process ended (%s)",
             reason == WEBKIT_WEB_PROCESS_CRASHED                 ? "crashed"
             : reason == WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT ? "out of memory"
                                                                  : "stopped");
  if (self->document == NULL)
    return;

  if (self->shown_again)
    {
      self->loaded = FALSE;
      self->failed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
      cpd_page_view_set_find_mode (self, FALSE);
      _cpd_page_view_update_actions (self);
      g_signal_emit_by_name (self, "failed",
                             _ ("The page stopped working again. This can happen when the "
                                "computer is low on memory."));
      return;
    }

  self->shown_again = TRUE;
  cpd_page_view_show_again (self);
  g_signal_emit_by_name (self, "message", _ ("The page stopped working and was reloaded"));
}

WebKitWebView *
_cpd_page_view_ensure_web_view (CpdPageView *self)
{
  WebKitUserContentManager *content_manager;

  if (self->web_view != NULL)
    return self->web_view;

  cpd_timing_report ("web-view");

  /* One reader of bundled documents: keep WebKit's memory caches small. This is also what
   * creates WebKit's default context, so it is done here, not at startup. */
  webkit_web_context_set_cache_model (webkit_web_context_get_default (),
                                      WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);

  self->web_view = create_hardened_web_view ();
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->web_view));

  cpd_page_view_update_style (self, NULL, adw_style_manager_get_default ());
  webkit_web_view_set_zoom_level (self->web_view, self->zoom_level);

  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (cpd_page_view_decide_policy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "create",
                           G_CALLBACK (cpd_page_view_create_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "context-menu",
                           G_CALLBACK (cpd_page_view_context_menu_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (cpd_page_view_load_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "notify::zoom-level",
                           G_CALLBACK (cpd_page_view_zoom_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "notify::uri",
                           G_CALLBACK (cpd_page_view_uri_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (cpd_page_view_web_process_terminated_cb), self,
                           G_CONNECT_SWAPPED);

  content_manager = webkit_web_view_get_user_content_manager (self->web_view);
  g_signal_connect_object (content_manager, "script-message-received::" FOCUS_OUT_HANDLER,
                           G_CALLBACK (cpd_page_view_focus_out_message_cb), self,
                           G_CONNECT_SWAPPED);

  _cpd_page_view_watch_find_controller (self);

  if (self->document != NULL)
    cpd_page_view_load_html (self, self->document);

  return self->web_view;
}

static void
cpd_page_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cpd_page_view_parent_class)->map (widget);

  _cpd_page_view_ensure_web_view (CPD_PAGE_VIEW (widget));
}

static void
cpd_page_view_dispose (GObject *object)
{
  CpdPageView *self = CPD_PAGE_VIEW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->actions);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->web_view = NULL;

  G_OBJECT_CLASS (cpd_page_view_parent_class)->dispose (object);
}

static void
cpd_page_view_finalize (GObject *object)
{
  CpdPageView *self = CPD_PAGE_VIEW (object);

  g_clear_pointer (&self->current_section, g_free);
  g_clear_pointer (&self->first_section, g_free);
  g_clear_pointer (&self->requested_uri, g_free);
  g_clear_pointer (&self->pending_section, g_free);
  g_clear_pointer (&self->find_text, g_free);

  G_OBJECT_CLASS (cpd_page_view_parent_class)->finalize (object);
}

static void
cpd_page_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CpdPageView *self = CPD_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_CURRENT_SECTION:
      g_value_set_string (value, self->current_section);
      break;

    case PROP_ZOOM_LEVEL:
      g_value_set_double (value, cpd_page_view_get_zoom_level (self));
      break;

    case PROP_ZOOM_LABEL:
      g_value_take_string (value, cpd_page_view_dup_zoom_label (self));
      break;

    case PROP_FIND_MODE:
      g_value_set_boolean (value, self->find_mode);
      break;

    case PROP_FIND_TEXT:
      g_value_set_string (value, self->find_text);
      break;

    case PROP_MATCH_COUNT:
      g_value_set_uint (value, self->match_count);
      break;

    case PROP_MATCH_INDEX:
      g_value_set_uint (value, self->match_index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_page_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CpdPageView *self = CPD_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM_LEVEL:
      cpd_page_view_set_zoom_level (self, g_value_get_double (value));
      break;

    case PROP_FIND_MODE:
      cpd_page_view_set_find_mode (self, g_value_get_boolean (value));
      break;

    case PROP_FIND_TEXT:
      cpd_page_view_find (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_page_view_class_init (CpdPageViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cpd_page_view_dispose;
  object_class->finalize = cpd_page_view_finalize;
  object_class->get_property = cpd_page_view_get_property;
  object_class->set_property = cpd_page_view_set_property;

  widget_class->map = cpd_page_view_map;

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    {
      g_object_class_override_property (object_class, i, property_names[i]);
      properties[i] = g_object_class_find_property (object_class, property_names[i]);
    }

  gtk_widget_class_set_css_name (widget_class, "cpdpageview");
  /* Screen readers hear where the page starts; the content inside is WebKit's. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cpd_page_view_init (CpdPageView *self)
{
  self->zoom_level = 1.0;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Event Page Content"), -1);

  /* Until the web view is there, the page's place shows the same background it will. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (cpd_page_view_update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (cpd_page_view_update_style), self, G_CONNECT_SWAPPED);
  /* libadwaita 1.6 and later; by name, as the build allows no newer API than 1.5. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (adw_style_manager_get_default ()),
                                    "accent-color-rgba") != NULL)
    g_signal_connect_object (adw_style_manager_get_default (), "notify::accent-color-rgba",
                             G_CALLBACK (cpd_page_view_update_style), self, G_CONNECT_SWAPPED);

  _cpd_page_view_init_actions (self);
}

CpdPageView *
cpd_page_view_new (void)
{
  return g_object_new (CPD_TYPE_PAGE_VIEW, NULL);
}

/**
 * cpd_page_view_get_web_view:
 *
 * Returns: (transfer none): the web view, for tests and printing; made now if the page view
 *   has not been shown yet
 */
WebKitWebView *
cpd_page_view_get_web_view (CpdPageView *self)
{
  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), NULL);

  return _cpd_page_view_ensure_web_view (self);
}

void
cpd_page_view_load_document (CpdPageView *self,
                             CpdDocument *document)
{
  g_autoptr (CpdSection) first = NULL;
  GListModel *sections;

  g_return_if_fail (CPD_IS_PAGE_VIEW (self));
  g_return_if_fail (CPD_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  self->loaded = FALSE;
  self->shown_again = FALSE;
  self->failed = FALSE;
  g_clear_pointer (&self->pending_section, g_free);
  g_clear_pointer (&self->requested_uri, g_free);
  /* A new page is read from its beginning, which its URI names by having no fragment. */
  sections = cpd_document_get_sections (document);
  first = g_list_model_get_item (sections, 0);
  g_free (self->first_section);
  self->first_section = first != NULL ? g_strdup (cpd_section_get_id (first)) : NULL;
  g_free (self->current_section);
  self->current_section = g_strdup (self->first_section);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_SECTION]);
  /* The matches were the old page's. */
  _cpd_page_view_set_matches (self, 0, 0);

  if (self->web_view != NULL)
    cpd_page_view_load_html (self, document);
}

gboolean
cpd_page_view_get_loaded (CpdPageView *self)
{
  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), FALSE);

  return self->loaded;
}

const char *
cpd_page_view_get_current_section (CpdPageView *self)
{
  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), NULL);

  return self->current_section;
}

void
cpd_page_view_scroll_to_section (CpdPageView *self,
                                 const char  *section_id)
{
  g_autofree char *fragment = NULL;

  g_return_if_fail (CPD_IS_PAGE_VIEW (self));
  g_return_if_fail (section_id != NULL);

  /* A saved position from another version of the page, or a link to an id the page does
   * not have: there is nowhere to go, and it must not become the current section. */
  if (self->document == NULL || !cpd_document_find_section (self->document, section_id, NULL))
    {
      g_debug ("No section “%s” on this page", section_id);
      return;
    }

  _cpd_page_view_ensure_web_view (self);

  /* A navigation now would replace the document that is still loading. */
  if (!self->loaded)
    {
      g_set_str (&self->pending_section, section_id);
      return;
    }

  /* A jump within the document, as to a link's fragment: WebKit scrolls there itself (and the
   * scroll-spy reports it). A script call would pass the id through a JavaScript context of
   * the app's own. The navigation policy lets this one navigation through, once. */
  fragment = g_uri_escape_string (section_id, NULL, FALSE);
  g_free (self->requested_uri);
  self->requested_uri = g_strconcat (PAGE_BASE_URI "#", fragment, NULL);
  webkit_web_view_load_uri (self->web_view, self->requested_uri);
}

double
cpd_page_view_get_zoom_level (CpdPageView *self)
{
  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), 1.0);

  if (self->web_view == NULL)
    return self->zoom_level;

  return webkit_web_view_get_zoom_level (self->web_view);
}

void
cpd_page_view_set_zoom_level (CpdPageView *self,
                              double       zoom_level)
{
  g_return_if_fail (CPD_IS_PAGE_VIEW (self));

  zoom_level = CLAMP (zoom_level, CPD_PAGE_MIN_ZOOM, CPD_PAGE_MAX_ZOOM);
  if (self->web_view != NULL)
    {
      /* WebKit notifies; cpd_page_view_zoom_notify_cb () passes it on. */
      webkit_web_view_set_zoom_level (self->web_view, zoom_level);
      return;
    }

  if (self->zoom_level == zoom_level)
    return;

  self->zoom_level = zoom_level;
  cpd_page_view_zoom_notify_cb (self, NULL, NULL);
}

/**
 * cpd_page_view_dup_zoom_label:
 *
 * Returns: (transfer full): the zoom level as the main menu shows it, e.g. "120%"
 */
char *
cpd_page_view_dup_zoom_label (CpdPageView *self)
{
  g_return_val_if_fail (CPD_IS_PAGE_VIEW (self), NULL);

  /* Translators: a zoom level in percent, e.g. "120%" */
  return g_strdup_printf (_ ("%d%%"), (int) (cpd_page_view_get_zoom_level (self) * 100 + 0.5));
}

/* What the window and the find bar reach across the module's boundary (cpd-page.h). */
static void
cpd_page_view_page_init (CpdPageInterface *iface)
{
  iface->load_document = (gpointer) cpd_page_view_load_document;
  iface->scroll_to_section = (gpointer) cpd_page_view_scroll_to_section;
  iface->get_actions = (gpointer) cpd_page_view_get_actions;
}
