/* cpd-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-section.h"

struct _CpdSection
{
  GObject parent_instance;

  char *title;
  char *id;
  guint level;
};

G_DEFINE_FINAL_TYPE (CpdSection, cpd_section, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_ID,
  PROP_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cpd_section_finalize (GObject *object)
{
  CpdSection *self = (CpdSection *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (cpd_section_parent_class)->finalize (object);
}

static void
cpd_section_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CpdSection *self = CPD_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpd_section_class_init (CpdSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cpd_section_finalize;
  object_class->get_property = cpd_section_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "", (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL, 1, 6, 1, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cpd_section_init (CpdSection *self)
{
  self->level = 1;
}

CpdSection *
cpd_section_new (const char *title,
                 const char *id,
                 guint       level)
{
  CpdSection *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (level >= 1 && level <= 6, NULL);

  self = g_object_new (CPD_TYPE_SECTION, NULL);
  self->title = g_strdup (title);
  self->id = g_strdup (id);
  self->level = level;

  return self;
}

const char *
cpd_section_get_title (CpdSection *self)
{
  g_return_val_if_fail (CPD_IS_SECTION (self), NULL);

  return self->title;
}

const char *
cpd_section_get_id (CpdSection *self)
{
  g_return_val_if_fail (CPD_IS_SECTION (self), NULL);

  return self->id;
}

guint
cpd_section_get_level (CpdSection *self)
{
  g_return_val_if_fail (CPD_IS_SECTION (self), 0);

  return self->level;
}
