/* cpd-section-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page may have thousands of headings, and a sidebar shows a few dozen at a time: like
 * GtkStringList, the list keeps plain titles and ids and makes the #CpdSection of a
 * position the first time someone asks for it. A GListStore would build every object up
 * front and emit ::items-changed while the page is still being rendered.
 */

#include "config.h"

#include <string.h>

#include "cpd-section-list-private.h"
#include "cpd-section.h"

typedef struct
{
  char       *title;
  char       *id;
  guint       level;
  CpdSection *section; /* made on demand */
} Entry;

struct _CpdSectionList
{
  GObject parent_instance;

  GArray *entries;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpdSectionList, cpd_section_list, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->title);
  g_free (entry->id);
  g_clear_object (&entry->section);
}

static GType
cpd_section_list_get_item_type (GListModel *model)
{
  return CPD_TYPE_SECTION;
}

static guint
cpd_section_list_get_n_items (GListModel *model)
{
  CpdSectionList *self = CPD_SECTION_LIST (model);

  return self->entries->len;
}

static gpointer
cpd_section_list_get_item (GListModel *model,
                           guint       position)
{
  CpdSectionList *self = CPD_SECTION_LIST (model);
  Entry          *entry;

  if (position >= self->entries->len)
    return NULL;

  entry = &g_array_index (self->entries, Entry, position);
  if (entry->section == NULL)
    entry->section = cpd_section_new (entry->title, entry->id, entry->level);

  return g_object_ref (entry->section);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cpd_section_list_get_item_type;
  iface->get_n_items = cpd_section_list_get_n_items;
  iface->get_item = cpd_section_list_get_item;
}

static void
cpd_section_list_finalize (GObject *object)
{
  CpdSectionList *self = (CpdSectionList *) object;

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (cpd_section_list_parent_class)->finalize (object);
}

static void
cpd_section_list_class_init (CpdSectionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cpd_section_list_finalize;
}

static void
cpd_section_list_init (CpdSectionList *self)
{
  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), 16);
  g_array_set_clear_func (self->entries, entry_clear);
}

CpdSectionList *
cpd_section_list_new (void)
{
  return g_object_new (CPD_TYPE_SECTION_LIST, NULL);
}

/**
 * cpd_section_list_append:
 * @self: a #CpdSectionList nobody has seen yet
 * @title: (transfer full): the heading as plain text
 * @id: (transfer full): the heading's id
 * @level: 1 to 6
 *
 * Adds a section while the page is rendered. Emits no ::items-changed: the list is
 * complete before anyone gets it.
 */
void
cpd_section_list_append (CpdSectionList *self,
                         char           *title,
                         char           *id,
                         guint           level)
{
  Entry entry = { title, id, level, NULL };

  g_return_if_fail (CPD_IS_SECTION_LIST (self));
  g_return_if_fail (title != NULL && id != NULL);
  g_return_if_fail (level >= 1 && level <= 6);

  g_array_append_val (self->entries, entry);
}

/**
 * cpd_section_list_peek_id:
 * @self: a #CpdSectionList
 * @position: a position in the list
 *
 * Returns: the id of the section at @position, without making its #CpdSection
 */
const char *
cpd_section_list_peek_id (CpdSectionList *self,
                          guint           position)
{
  g_return_val_if_fail (CPD_IS_SECTION_LIST (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, position).id;
}

/**
 * cpd_section_list_find:
 * @self: a #CpdSectionList
 * @id: a section id
 * @position: (out) (optional): where the position of the section goes
 *
 * Looks for the section with @id, for callers holding an id from outside the page (a saved
 * position, a link's fragment). Ids are unique within a page.
 *
 * Returns: whether the page has a section with @id
 */
gboolean
cpd_section_list_find (CpdSectionList *self,
                       const char     *id,
                       guint          *position)
{
  g_return_val_if_fail (CPD_IS_SECTION_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    if (strcmp (g_array_index (self->entries, Entry, i).id, id) == 0)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}
