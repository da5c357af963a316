/* cpd-sidebar.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sidebar: the event at a glance, its actions (window actions, so they are disabled
 * together with the menu items and shortcuts when the page lacks a fact), and the page's
 * sections. Activating a section emits "section-activated"; selecting one from code (the
 * reader scrolled) does not, so the page and the list never chase each other.
 */

#include "config.h"

#include "cpd-section-row.h"
#include "cpd-sidebar.h"

struct _CpdSidebar
{
  AdwBin parent_instance;

  CpdDocument *document;

  GtkLabel   *title_label;
  GtkWidget  *date_box;
  GtkLabel   *date_label;
  GtkWidget  *venue_box;
  GtkLabel   *venue_label;
  GtkListBox *section_list;
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
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static GtkWidget *
create_section_row (gpointer item,
                    gpointer user_data)
{
  return cpd_section_row_new (item);
}

static void
section_row_activated_cb (CpdSidebar    *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  CpdSection *section = cpd_section_row_get_section (CPD_SECTION_ROW (row));

  g_signal_emit (self, signals[SECTION_ACTIVATED], 0, cpd_section_get_id (section));
}

static void
set_optional_label (GtkWidget  *box,
                    GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text);
  gtk_widget_set_visible (box, text != NULL);
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

  gtk_list_box_bind_model (self->section_list,
                           self->document != NULL ? cpd_document_get_sections (self->document)
                                                  : NULL,
                           create_section_row, NULL, NULL);
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

  g_type_ensure (CPD_TYPE_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpd-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, title_label);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, date_box);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, date_label);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, venue_box);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, venue_label);
  gtk_widget_class_bind_template_child (widget_class, CpdSidebar, section_list);
  gtk_widget_class_bind_template_callback (widget_class, section_row_activated_cb);
}

static void
cpd_sidebar_init (CpdSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  GListModel *sections;
  guint       n_items;

  g_return_if_fail (CPD_IS_SIDEBAR (self));

  if (self->document == NULL || section_id == NULL)
    {
      gtk_list_box_unselect_all (self->section_list);
      return;
    }

  sections = cpd_document_get_sections (self->document);
  n_items = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (CpdSection) section = g_list_model_get_item (sections, i);

      if (g_strcmp0 (cpd_section_get_id (section), section_id) == 0)
        {
          gtk_list_box_select_row (self->section_list,
                                   gtk_list_box_get_row_at_index (self->section_list, i));
          return;
        }
    }
}

/**
 * cpd_sidebar_get_selected_section:
 *
 * Returns: (nullable): the id of the selected section
 */
const char *
cpd_sidebar_get_selected_section (CpdSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CPD_IS_SIDEBAR (self), NULL);

  row = gtk_list_box_get_selected_row (self->section_list);
  if (row == NULL)
    return NULL;

  return cpd_section_get_id (cpd_section_row_get_section (CPD_SECTION_ROW (row)));
}

GtkListBox *
cpd_sidebar_get_section_list (CpdSidebar *self)
{
  g_return_val_if_fail (CPD_IS_SIDEBAR (self), NULL);

  return self->section_list;
}
