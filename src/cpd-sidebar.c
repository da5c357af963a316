/* cpd-sidebar.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sidebar: the event at a glance, its actions, and the page's sections. The actions are
 * the window's (cpd-event-actions.c), so the card, the menu and the shortcuts agree: a row
 * whose fact the page lacks is not shown, and the rows come in the order of the event's
 * phase, which the window tells (it owns "today"). A page without any event facts has no
 * card. Activating a section emits "section-activated"; selecting one from code (the reader
 * scrolled) does not, so the page and the list never chase each other.
 */

#include "config.h"

#include "cpd-event-actions.h"
#include "cpd-sidebar.h"

/* Nested headings are indented by this much per level below the page's section level. */
#define INDENT_PER_LEVEL 12

struct _CpdSidebar
{
  AdwBin parent_instance;

  CpdDocument   *document;
  CpdEventTiming timing;

  /* Each action's row (NULL for the menu-only ones) and its place in the phase's order. */
  GtkWidget *action_rows[CPD_N_EVENT_ACTIONS];
  GtkImage  *action_icons[CPD_N_EVENT_ACTIONS]; /* the rows' own, what the action is */
  guint      action_rank[CPD_N_EVENT_ACTIONS];

  GtkWidget          *card_area;
  GtkListBox         *action_list;
  GtkLabel           *title_label;
  GtkWidget          *date_box;
  GtkLabel           *date_label;
  GtkWidget          *venue_box;
  GtkLabel           *venue_label;
  GtkListView        *section_list;
  GtkSingleSelection *selection;

  /* Set while the page, not the reader, moves the selection. */
  guint following_page : 1;
  /* Whether the reader's latest input in the list was a key, not a click or a tap. */
  guint selecting_by_key : 1;
};

G_DEFINE_FINAL_TYPE (CpdSidebar, cpd_sidebar, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum
{
  SECTION_ACTIVATED,
  SECTION_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static int
indent_for_level (gpointer unused,
                  guint    level)
{
  /* Pages have one title (level 1) and sections (level 2); deeper ones nest. */
  return level > 2 ? (int) (level - 2) * INDENT_PER_LEVEL : 0;
}

static void
cpd_sidebar_emit (CpdSidebar *self,
                  guint       signal_id,
                  guint       position)
{
  g_autoptr (CpdSection) section = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (section != NULL)
    g_signal_emit (self, signal_id, 0, cpd_section_get_id (section));
}

static void
selection_changed_cb (CpdSidebar         *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  guint selected = gtk_single_selection_get_selected (selection);

  /* The page moving the selection: nothing to do. A click or a tap: go there. The arrow
   * keys: show it, but leave the reader in the list (on a phone the page hides it). */
  if (self->following_page || selected == GTK_INVALID_LIST_POSITION)
    return;
  cpd_sidebar_emit (self, signals[self->selecting_by_key ? SECTION_SELECTED : SECTION_ACTIVATED],
                    selected);
}

static void
section_activated_cb (CpdSidebar  *self,
                      guint        position,
                      GtkListView *list_view)
{
  /* Enter on the row already selected jumps back to its heading. */
  cpd_sidebar_emit (self, signals[SECTION_ACTIVATED], position);
}

/* Seen before the list view moves the selection for the same key or click. */
static gboolean
list_key_pressed_cb (CpdSidebar *self)
{
  self->selecting_by_key = TRUE;
  return GDK_EVENT_PROPAGATE;
}

static void
list_pressed_cb (CpdSidebar *self)
{
  self->selecting_by_key = FALSE;
}

static void
set_optional_label (GtkWidget  *box,
                    GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text);
  gtk_widget_set_visible (box, text != NULL);
}

#define ROW_ACTION_KEY "cpd-event-action"

static CpdEventAction
row_get_action (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ROW_ACTION_KEY));
}

static int
compare_action_rows (GtkListBoxRow *row1,
                     GtkListBoxRow *row2,
                     gpointer       user_data)
{
  CpdSidebar *self = user_data;

  return (int) self->action_rank[row_get_action (row1)] -
         (int) self->action_rank[row_get_action (row2)];
}

static GtkWidget *
create_presentation_image (const char *icon_name)
{
  /* The row's title says it all; the icons are decoration to screen readers. */
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static void
cpd_sidebar_create_action_rows (CpdSidebar *self)
{
  for (CpdEventAction action = 0; action < CPD_N_EVENT_ACTIONS; action++)
    {
      GtkWidget *row;

      if (!cpd_event_action_is_on_card (action))
        continue;

      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "use-underline", TRUE,
                          "use-markup", FALSE,
                          "activatable", TRUE,
                          "action-name", cpd_event_action_get_name (action),
                          NULL);
      g_object_set_data (G_OBJECT (row), ROW_ACTION_KEY, GUINT_TO_POINTER (action));
      self->action_icons[action] = GTK_IMAGE (create_presentation_image (NULL));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->action_icons[action]));
      if (cpd_event_action_opens_link (action))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   create_presentation_image ("adw-external-link-symbolic"));

      gtk_list_box_append (self->action_list, row);
      self->action_rows[action] = row;
    }

  gtk_list_box_set_sort_func (self->action_list, compare_action_rows, self, NULL);
}

static void
cpd_sidebar_update_actions (CpdSidebar *self)
{
  CpdEvent      *event = self->document != NULL ? cpd_document_get_event (self->document) : NULL;
  CpdEventAction order[CPD_N_EVENT_ACTIONS];
  guint          n_order = cpd_event_actions_get_order (self->timing, order);
  gboolean       any_shown = FALSE;

  for (guint i = 0; i < n_order; i++)
    self->action_rank[order[i]] = i;

  for (CpdEventAction action = 0; action < CPD_N_EVENT_ACTIONS; action++)
    {
      GtkWidget *row = self->action_rows[action];
      gboolean   available = cpd_event_action_is_available (action, event);

      if (row == NULL)
        continue;

      /* Hidden, not disabled: what the page does not tell is no action to offer. */
      gtk_widget_set_visible (row, available);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cpd_event_action_get_label (action, self->timing));
      gtk_widget_set_tooltip_text (row, cpd_event_action_get_tooltip (action, self->timing));
      gtk_image_set_from_icon_name (self->action_icons[action],
                                    cpd_event_action_get_icon_name (action, self->timing));
      any_shown |= available;
    }

  gtk_list_box_invalidate_sort (self->action_list);
  /* An empty boxed list would still draw its frame. */
  gtk_widget_set_visible (GTK_WIDGET (self->action_list), any_shown);
  gtk_widget_set_visible (self->card_area, cpd_event_has_facts (event));
}

static void
cpd_sidebar_update (CpdSidebar *self)
{
  CpdEvent        *event = NULL;
  const char      *title = NULL;
  g_autofree char *dates = NULL;

  if (self->document != NULL)
    event = cpd_document_get_event (self->document);

  if (event != NULL)
    dates = cpd_event_format_dates (event);

  if (event != NULL && cpd_event_get_title (event) != NULL)
    title = cpd_event_get_title (event);
  else if (self->document != NULL)
    title = cpd_document_get_title (self->document);

  gtk_label_set_label (self->title_label, title);
  set_optional_label (self->date_box, self->date_label, dates);
  set_optional_label (self->venue_box, self->venue_label,
                      event != NULL ? cpd_event_get_venue_name (event) : NULL);
  cpd_sidebar_update_actions (self);

  self->following_page = TRUE;
  gtk_single_selection_set_model (self->selection,
                                  self->document != NULL ? cpd_document_get_sections (self->document)
                                                         : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->following_page = FALSE;
}

static void
cpd_sidebar_dispose (GObject *object)
{
  CpdSidebar *self = CPD_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CPD_TYPE_SIDEBAR);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cpd_sidebar_parent_class)->dispose (object);
}

static void
cpd_sidebar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CpdSidebar *self = CPD_SIDEBAR (object);

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
cpd_sidebar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CpdSidebar *self = CPD_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cpd_sidebar_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_sidebar_class_init (CpdSidebarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cpd_sidebar_dispose;
  object_class->get_property = cpd_sidebar_get_property;
  object_class->set_property = cpd_sidebar_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CPD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CpdSidebar::section-activated:
   * @section_id: the id of the heading the reader wants to go to
   */
  signals[SECTION_ACTIVATED] =
    g_signal_new ("section-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * CpdSidebar::section-selected:
   * @section_id: the id of the heading the reader moved to with the keyboard, still in the
   *   list
   */
  signals[SECTION_SELECTED] =
    g_signal_new ("section-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CPD_TYPE_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpd-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, card_area);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, action_list);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, title_label);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, date_box);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, date_label);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, venue_box);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, venue_label);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, section_list);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, selection);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_pressed_cb);
}

static void
cpd_sidebar_init (CpdSidebar *self)
{
  g_autoptr (GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr (GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The row template's indentation closure lives here. */
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), indent_for_level);
  factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                             RESOURCE_BASE "/cpd-section-row.ui");
  gtk_list_view_set_factory (self->section_list, factory);

  cpd_sidebar_create_action_rows (self);
  cpd_sidebar_update (self);
}

CpdDocument *
cpd_sidebar_get_document (CpdSidebar *self)
{
  g_return_val_if_fail (CPD_IS_SIDEBAR (self), NULL);

  return self->document;
}

void
cpd_sidebar_set_document (CpdSidebar  *self,
                          CpdDocument *document)
{
  g_return_if_fail (CPD_IS_SIDEBAR (self));
  g_return_if_fail (!document || CPD_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  cpd_sidebar_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CpdEventTiming
cpd_sidebar_get_timing (CpdSidebar *self)
{
  g_return_val_if_fail (CPD_IS_SIDEBAR (self), CPD_EVENT_TIMING_UNKNOWN);

  return self->timing;
}

/**
 * cpd_sidebar_set_timing:
 * @timing: where the event stands today, as the window sees it
 *
 * Orders and names the card's actions for the event's phase.
 */
void
cpd_sidebar_set_timing (CpdSidebar    *self,
                        CpdEventTiming timing)
{
  g_return_if_fail (CPD_IS_SIDEBAR (self));

  if (self->timing == timing)
    return;

  self->timing = timing;
  cpd_sidebar_update_actions (self);
}

/**
 * cpd_sidebar_get_action_list:
 *
 * Returns: (transfer none): the card's list of actions, for tests
 */
GtkListBox *
cpd_sidebar_get_action_list (CpdSidebar *self)
{
  g_return_val_if_fail (CPD_IS_SIDEBAR (self), NULL);

  return self->action_list;
}

/**
 * cpd_sidebar_select_section:
 * @section_id: (nullable): the heading in view
 *
 * Shows @section_id as the current section without activating it.
 */
void
cpd_sidebar_select_section (CpdSidebar *self,
                            const char *section_id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (CPD_IS_SIDEBAR (self));

  if (self->document == NULL || section_id == NULL ||
      !cpd_document_find_section (self->document, section_id, &position))
    position = GTK_INVALID_LIST_POSITION;

  self->following_page = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->following_page = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_list_view_scroll_to (self->section_list, position, GTK_LIST_SCROLL_NONE, NULL);
}

/**
 * cpd_sidebar_activate_section:
 * @position: the section's position in the document's sections
 *
 * Does what a click on the section's row does.
 */
void
cpd_sidebar_activate_section (CpdSidebar *self,
                              guint       position)
{
  g_return_if_fail (CPD_IS_SIDEBAR (self));

  self->following_page = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->following_page = FALSE;
  cpd_sidebar_emit (self, signals[SECTION_ACTIVATED], position);
}

/**
 * cpd_sidebar_get_selected_section:
 *
 * Returns: (nullable): the id of the selected section
 */
const char *
cpd_sidebar_get_selected_section (CpdSidebar *self)
{
  CpdSection *section;

  g_return_val_if_fail (CPD_IS_SIDEBAR (self), NULL);

  section = gtk_single_selection_get_selected_item (self->selection);
  return section != NULL ? cpd_section_get_id (section) : NULL;
}

GtkListView *
cpd_sidebar_get_section_list (CpdSidebar *self)
{
  g_return_val_if_fail (CPD_IS_SIDEBAR (self), NULL);

  return self->section_list;
}
