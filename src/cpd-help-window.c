/* cpd-help-window.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The app's own help window, for inside Flatpak, where Yelp cannot see the app's help
 * (cpd-help.c says when it is used). It shows the HTML pages yelp-build made: offline, with no
 * script at all (the build leaves yelp-build's out: the pages need none), from the help folder
 * of one language and nowhere else. Every other link leaves through the link opener, to the
 * browser. The window is not one of the application's windows: the application's actions
 * expect a CpdWindow as the active window. It uses WebKit, so it lives in the page module
 * (cpd-page-loader.c).
 */

#include "config.h"

#include "cpd-help-window.h"
#include "cpd-help.h"
#include "cpd-link-opener.h"

/* Only the pages' own stylesheet and images, from local files; no scripts, fonts or frames. */
#define CONTENT_SECURITY_POLICY \
  "default-src 'none'; style-src file:; img-src file: data:; base-uri 'none'; form-action 'none'"

struct _CpdHelpWindow
{
  AdwWindow parent_instance;

  /* The index page, and its folder: the only place pages may come from. */
  GFile *index;
  GFile *folder;

  WebKitWebView *web_view;
  CpdLinkOpener *link_opener;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (CpdHelpWindow, cpd_help_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Navigation ------------------------------------------------------------------------------ */

/* A page of this help: an .html file right in the help folder. GFile drops "." and "..", so a
 * path cannot climb out of it. */
static gboolean
cpd_help_window_is_own_page (CpdHelpWindow *self,
                             const char    *uri)
{
  g_autoptr (GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) parent = NULL;
  const char *path;

  /* file:///path, not file://host/path, and no query. */
  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), "file") != 0 ||
      (g_uri_get_host (parsed) != NULL && g_uri_get_host (parsed)[0] != '\0') ||
      g_uri_get_query (parsed) != NULL)
    return FALSE;

  path = g_uri_get_path (parsed);
  if (!g_str_has_suffix (path, ".html"))
    return FALSE;

  file = g_file_new_for_path (path);
  parent = g_file_get_parent (file);
  return parent != NULL && g_file_equal (parent, self->folder);
}

static void
cpd_help_window_show_message (CpdHelpWindow *self,
                              const char    *message)
{
  /* Text, not markup: the message quotes a URL, which may hold “&”. */
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_new (ADW_TYPE_TOAST, "title", message,
                                                                  "use-markup", FALSE, NULL));
}

static void
cpd_help_window_link_opened_cb (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr (CpdHelpWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!cpd_link_opener_open_uri_finish (CPD_LINK_OPENER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cpd_help_window_show_message (self, error->message);
}

static void
cpd_help_window_update_actions (CpdHelpWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "help.go-back",
                                 webkit_web_view_can_go_back (self->web_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "help.go-forward",
                                 webkit_web_view_can_go_forward (self->web_view));
}

static gboolean
cpd_help_window_decide_policy_cb (CpdHelpWindow           *self,
                                  WebKitPolicyDecision    *decision,
                                  WebKitPolicyDecisionType type,
                                  WebKitWebView           *web_view)
{
  WebKitNavigationAction *action;
  const char             *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    {
      WebKitResponsePolicyDecision *response = WEBKIT_RESPONSE_POLICY_DECISION (decision);

      /* Also what a redirect ends up at. */
      uri = webkit_uri_request_get_uri (webkit_response_policy_decision_get_request (response));
      if (cpd_help_window_is_own_page (self, uri))
        webkit_policy_decision_use (decision);
      else
        webkit_policy_decision_ignore (decision);
      return TRUE;
    }

  action = webkit_navigation_policy_decision_get_navigation_action (
    WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      cpd_help_window_is_own_page (self, uri))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  /* No new windows: one of our pages opens here, anything else in the browser. */
  webkit_policy_decision_ignore (decision);
  if (cpd_help_window_is_own_page (self, uri))
    webkit_web_view_load_uri (web_view, uri);
  else if (webkit_navigation_action_get_navigation_type (action) ==
           WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
    cpd_link_opener_open_uri_async (self->link_opener, GTK_WINDOW (self), uri,
                                    cpd_help_window_link_opened_cb, g_object_ref (self));

  return TRUE;
}

static void
cpd_help_window_go_back (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  webkit_web_view_go_back (CPD_HELP_WINDOW (widget)->web_view);
}

static void
cpd_help_window_go_forward (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  webkit_web_view_go_forward (CPD_HELP_WINDOW (widget)->web_view);
}

/* The view -------------------------------------------------------------------------------- */

static WebKitWebView *
create_help_view (GFile *folder)
{
  g_autoptr (WebKitWebContext) context = webkit_web_context_new ();
  g_autoptr (WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr (WebKitSettings) settings = webkit_settings_new ();

  /* WebKit's own sandbox shows its web processes the system's data folders only: a help folder
   * elsewhere (another prefix, a build tree) must be added before the context's first web
   * process starts, so the help has a context of its own. Inside Flatpak the web process's
   * sandbox has the app's /app already. */
  if (!cpd_help_in_flatpak ())
    {
      g_autofree char *path = g_file_get_path (folder);

      webkit_web_context_add_path_to_sandbox (context, path, TRUE);
    }
  webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);

  /* Static pages of our own: no scripts, storage, media or GL. */
  webkit_settings_set_enable_javascript (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_hardware_acceleration_policy (settings,
                                                    WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
  webkit_settings_set_enable_developer_extras (settings, DEVELOPMENT_BUILD);

  return g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "web-context", context,
                       "network-session", session,
                       "settings", settings,
                       "default-content-security-policy", CONTENT_SECURITY_POLICY,
                       "hexpand", TRUE,
                       "vexpand", TRUE,
                       NULL);
}

static gboolean
cpd_help_window_context_menu_cb (CpdHelpWindow       *self,
                                 WebKitContextMenu   *menu,
                                 WebKitHitTestResult *hit_test_result,
                                 WebKitWebView       *web_view)
{
  /* Its items would open links in new windows or download them; copying has Ctrl+C. The
   * inspector stays in development builds. */
  return !DEVELOPMENT_BUILD;
}

/* GObject --------------------------------------------------------------------------------- */

static void
cpd_help_window_constructed (GObject *object)
{
  CpdHelpWindow   *self = CPD_HELP_WINDOW (object);
  g_autofree char *uri = NULL;

  G_OBJECT_CLASS (cpd_help_window_parent_class)->constructed (object);

  g_assert (self->index != NULL);
  self->folder = g_file_get_parent (self->index);
  self->web_view = create_help_view (self->folder);
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->web_view));

  /* The page's title ("Container Plumbing Days Help") names the window, for the reader and
   * for assistive technologies. */
  g_object_bind_property (self->web_view, "title", self, "title", G_BINDING_DEFAULT);
  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (cpd_help_window_decide_policy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "context-menu",
                           G_CALLBACK (cpd_help_window_context_menu_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (webkit_web_view_get_back_forward_list (self->web_view), "changed",
                           G_CALLBACK (cpd_help_window_update_actions), self, G_CONNECT_SWAPPED);
  cpd_help_window_update_actions (self);

  uri = g_file_get_uri (self->index);
  webkit_web_view_load_uri (self->web_view, uri);
}

static void
cpd_help_window_dispose (GObject *object)
{
  CpdHelpWindow *self = CPD_HELP_WINDOW (object);

  if (self->link_opener != NULL)
    cpd_link_opener_cancel (self->link_opener);
  g_clear_object (&self->link_opener);

  gtk_widget_dispose_template (GTK_WIDGET (self), CPD_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (cpd_help_window_parent_class)->dispose (object);
}

static void
cpd_help_window_finalize (GObject *object)
{
  CpdHelpWindow *self = CPD_HELP_WINDOW (object);

  g_clear_object (&self->index);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (cpd_help_window_parent_class)->finalize (object);
}

static void
cpd_help_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CpdHelpWindow *self = CPD_HELP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_object (value, self->index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_help_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CpdHelpWindow *self = CPD_HELP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      self->index = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_help_window_class_init (CpdHelpWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cpd_help_window_constructed;
  object_class->dispose = cpd_help_window_dispose;
  object_class->finalize = cpd_help_window_finalize;
  object_class->get_property = cpd_help_window_get_property;
  object_class->set_property = cpd_help_window_set_property;

  properties[PROP_INDEX] =
    g_param_spec_object ("index", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "help.go-back", NULL, cpd_help_window_go_back);
  gtk_widget_class_install_action (widget_class, "help.go-forward", NULL,
                                   cpd_help_window_go_forward);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpd-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpdHelpWindow, toast_overlay);
}

static void
cpd_help_window_init (CpdHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->link_opener = cpd_link_opener_new ();
}

/**
 * cpd_help_window_new:
 * @index: the help's index page; pages may come from its folder only
 */
CpdHelpWindow *
cpd_help_window_new (GFile *index)
{
  g_return_val_if_fail (G_IS_FILE (index), NULL);

  return g_object_new (CPD_TYPE_HELP_WINDOW, "index", index, NULL);
}

WebKitWebView *
cpd_help_window_get_web_view (CpdHelpWindow *self)
{
  g_return_val_if_fail (CPD_IS_HELP_WINDOW (self), NULL);

  return self->web_view;
}
