/* cpd-section-row.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-section-row.h"

/* Nested headings are indented by this much per level below the page's main level. */
#define INDENT_PER_LEVEL 12

struct _CpdSectionRow
{
  GtkListBoxRow parent_instance;

  CpdSection *section;
};

G_DEFINE_FINAL_TYPE (CpdSectionRow, cpd_section_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
indent_for_level (gpointer unused,
                  guint    level)
{
  /* Pages have one title (level 1) and sections (level 2); deeper ones nest. */
  return level > 2 ? (int) (level - 2) * INDENT_PER_LEVEL : 0;
}

static void
cpd_section_row_dispose (GObject *object)
{
  CpdSectionRow *self = CPD_SECTION_ROW (object);

  /* No gtk_widget_dispose_template(): the label is the row's child, which
   * GtkListBoxRow releases itself. */
  g_clear_object (&self->section);

  G_OBJECT_CLASS (cpd_section_row_parent_class)->dispose (object);
}

static void
cpd_section_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CpdSectionRow *self = CPD_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_section_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CpdSectionRow *self = CPD_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      self->section = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_section_row_class_init (CpdSectionRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cpd_section_row_dispose;
  object_class->get_property = cpd_section_row_get_property;
  object_class->set_property = cpd_section_row_set_property;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL, CPD_TYPE_SECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpd-section-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, indent_for_level);
}

static void
cpd_section_row_init (CpdSectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cpd_section_row_new (CpdSection *section)
{
  g_return_val_if_fail (CPD_IS_SECTION (section), NULL);

  return g_object_new (CPD_TYPE_SECTION_ROW, "section", section, NULL);
}

CpdSection *
cpd_section_row_get_section (CpdSectionRow *self)
{
  g_return_val_if_fail (CPD_IS_SECTION_ROW (self), NULL);

  return self->section;
}
