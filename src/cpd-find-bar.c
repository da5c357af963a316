/* cpd-find-bar.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The find bar under the header: an entry, which match is selected, and buttons for the page
 * view's page.find-previous and page.find-next. The page view does the finding and owns the
 * find mode; the bar shows it, and opens and closes with it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-find-bar.h"

struct _CpdFindBar
{
  GtkWidget parent_instance;

  CpdPage  *page_view;
  GBinding *find_mode_binding;

  /* Template widgets */
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel       *match_label;
};

G_DEFINE_FINAL_TYPE (CpdFindBar, cpd_find_bar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PAGE_VIEW,
  PROP_KEY_CAPTURE_WIDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cpd_find_bar_update_matches (CpdFindBar *self)
{
  const char      *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint            count = 0;
  guint            index = 0;
  g_autofree char *text = NULL;

  if (self->page_view != NULL)
    g_object_get (self->page_view, "match-count", &count, "match-index", &index, NULL);

  if (query[0] == '\0')
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_ ("No matches"));
  else if (count > CPD_PAGE_MAX_MATCH_COUNT)
    /* Translators: %u is the most matches counted, 1000. */
    text = g_strdup_printf (_ ("More than %u matches"), CPD_PAGE_MAX_MATCH_COUNT);
  else
    /* Translators: the current match and the number of matches, e.g. "2 of 5". */
    text = g_strdup_printf (_ ("%u of %u"), index, count);

  gtk_label_set_label (self->match_label, text);
  if (query[0] != '\0' && count == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
page_view_find_mode_cb (CpdFindBar *self,
                        GParamSpec *pspec,
                        CpdPage    *page_view)
{
  GtkEditable     *entry = GTK_EDITABLE (self->search_entry);
  g_autofree char *text = NULL;
  gboolean         find_mode;

  g_object_get (page_view, "find-mode", &find_mode, "find-text", &text, NULL);
  if (!find_mode)
    return;

  /* The text may come from elsewhere than this entry (GNOME Shell's search). */
  if (text != NULL && g_strcmp0 (text, gtk_editable_get_text (entry)) != 0)
    gtk_editable_set_text (entry, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (CpdFindBar     *self,
                   GtkSearchEntry *entry)
{
  if (self->page_view != NULL)
    g_object_set (self->page_view, "find-text", gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);
}

/* Enter, and the entry's own next-match key binding. */
static void
find_next_cb (CpdFindBar     *self,
              GtkSearchEntry *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.find-next", NULL);
}

static void
find_previous_cb (CpdFindBar     *self,
                  GtkSearchEntry *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.find-previous", NULL);
}

static void
stop_search_cb (CpdFindBar     *self,
                GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

CpdPage *
cpd_find_bar_get_page_view (CpdFindBar *self)
{
  g_return_val_if_fail (CPD_IS_FIND_BAR (self), NULL);

  return self->page_view;
}

void
cpd_find_bar_set_page_view (CpdFindBar *self,
                            CpdPage    *page_view)
{
  g_return_if_fail (CPD_IS_FIND_BAR (self));
  g_return_if_fail (!page_view || CPD_IS_PAGE (page_view));

  if (self->page_view == page_view)
    return;

  if (self->page_view != NULL)
    {
      g_clear_pointer (&self->find_mode_binding, g_binding_unbind);
      g_signal_handlers_disconnect_by_data (self->page_view, self);
    }

  g_set_object (&self->page_view, page_view);

  if (page_view != NULL)
    {
      self->find_mode_binding =
        g_object_bind_property (page_view, "find-mode", self->search_bar, "search-mode-enabled",
                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_signal_connect_object (page_view, "notify::find-mode",
                               G_CALLBACK (page_view_find_mode_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (page_view, "notify::match-count",
                               G_CALLBACK (cpd_find_bar_update_matches), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (page_view, "notify::match-index",
                               G_CALLBACK (cpd_find_bar_update_matches), self, G_CONNECT_SWAPPED);
    }

  cpd_find_bar_update_matches (self);
  /* Made while finding is on already: show its text and take the focus. */
  if (page_view != NULL)
    page_view_find_mode_cb (self, NULL, page_view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_VIEW]);
}

/**
 * cpd_find_bar_forward_key:
 * @controller: a key controller, in its #GtkEventControllerKey::key-pressed handler
 *
 * Types the key being pressed into the entry, as the search bar's key capture does.
 *
 * Returns: whether the entry took it
 */
gboolean
cpd_find_bar_forward_key (CpdFindBar            *self,
                          GtkEventControllerKey *controller)
{
  GtkEditable *text;

  g_return_val_if_fail (CPD_IS_FIND_BAR (self), FALSE);

  text = gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry));
  return gtk_event_controller_key_forward (controller, GTK_WIDGET (text));
}

static void
cpd_find_bar_dispose (GObject *object)
{
  CpdFindBar *self = CPD_FIND_BAR (object);

  cpd_find_bar_set_page_view (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CPD_TYPE_FIND_BAR);

  G_OBJECT_CLASS (cpd_find_bar_parent_class)->dispose (object);
}

static void
cpd_find_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CpdFindBar *self = CPD_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_PAGE_VIEW:
      g_value_set_object (value, self->page_view);
      break;

    case PROP_KEY_CAPTURE_WIDGET:
      g_value_set_object (value, gtk_search_bar_get_key_capture_widget (self->search_bar));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_find_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CpdFindBar *self = CPD_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_PAGE_VIEW:
      cpd_find_bar_set_page_view (self, g_value_get_object (value));
      break;

    case PROP_KEY_CAPTURE_WIDGET:
      gtk_search_bar_set_key_capture_widget (self->search_bar, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_find_bar_class_init (CpdFindBarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cpd_find_bar_dispose;
  object_class->get_property = cpd_find_bar_get_property;
  object_class->set_property = cpd_find_bar_set_property;

  properties[PROP_PAGE_VIEW] =
    g_param_spec_object ("page-view", NULL, NULL, CPD_TYPE_PAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Typing there starts finding, as in the search bar's own property. */
  properties[PROP_KEY_CAPTURE_WIDGET] =
    g_param_spec_object ("key-capture-widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpd-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CpdFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CpdFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpdFindBar, match_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
cpd_find_bar_init (CpdFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}
