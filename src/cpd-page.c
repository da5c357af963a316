/* cpd-page.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-page.h"

G_DEFINE_INTERFACE (CpdPage, cpd_page, GTK_TYPE_WIDGET)

static void
cpd_page_default_init (CpdPageInterface *iface)
{
  /**
   * CpdPage::link-activated:
   * @uri: the link's absolute URI, as the page gave it
   *
   * The reader activated a link. The page never follows it itself.
   */
  g_signal_new ("link-activated", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL,
                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
cpd_page_load_document (CpdPage     *self,
                        CpdDocument *document)
{
  g_return_if_fail (CPD_IS_PAGE (self));

  CPD_PAGE_GET_IFACE (self)->load_document (self, document);
}

void
cpd_page_scroll_to_section (CpdPage    *self,
                            const char *section_id)
{
  g_return_if_fail (CPD_IS_PAGE (self));

  CPD_PAGE_GET_IFACE (self)->scroll_to_section (self, section_id);
}

gboolean
cpd_page_get_loaded (CpdPage *self)
{
  g_return_val_if_fail (CPD_IS_PAGE (self), FALSE);

  return CPD_PAGE_GET_IFACE (self)->get_loaded (self);
}

const char *
cpd_page_get_current_section (CpdPage *self)
{
  g_return_val_if_fail (CPD_IS_PAGE (self), NULL);

  return CPD_PAGE_GET_IFACE (self)->get_current_section (self);
}

gboolean
cpd_page_get_find_mode (CpdPage *self)
{
  g_return_val_if_fail (CPD_IS_PAGE (self), FALSE);

  return CPD_PAGE_GET_IFACE (self)->get_find_mode (self);
}

void
cpd_page_set_find_mode (CpdPage *self,
                        gboolean find_mode)
{
  g_return_if_fail (CPD_IS_PAGE (self));

  CPD_PAGE_GET_IFACE (self)->set_find_mode (self, find_mode);
}

void
cpd_page_find (CpdPage    *self,
               const char *text)
{
  g_return_if_fail (CPD_IS_PAGE (self));

  CPD_PAGE_GET_IFACE (self)->find (self, text);
}

const char *
cpd_page_get_find_text (CpdPage *self)
{
  g_return_val_if_fail (CPD_IS_PAGE (self), NULL);

  return CPD_PAGE_GET_IFACE (self)->get_find_text (self);
}

void
cpd_page_find_next (CpdPage *self)
{
  g_return_if_fail (CPD_IS_PAGE (self));

  CPD_PAGE_GET_IFACE (self)->find_next (self);
}

void
cpd_page_find_previous (CpdPage *self)
{
  g_return_if_fail (CPD_IS_PAGE (self));

  CPD_PAGE_GET_IFACE (self)->find_previous (self);
}

guint
cpd_page_get_match_count (CpdPage *self)
{
  g_return_val_if_fail (CPD_IS_PAGE (self), 0);

  return CPD_PAGE_GET_IFACE (self)->get_match_count (self);
}

guint
cpd_page_get_match_index (CpdPage *self)
{
  g_return_val_if_fail (CPD_IS_PAGE (self), 0);

  return CPD_PAGE_GET_IFACE (self)->get_match_index (self);
}

/**
 * cpd_page_get_actions:
 *
 * Returns: (transfer none): the page.* actions (find, find-next, find-previous, zoom-in,
 *   zoom-out, zoom-reset, print), for the window to show to its menus and shortcuts
 */
GActionGroup *
cpd_page_get_actions (CpdPage *self)
{
  g_return_val_if_fail (CPD_IS_PAGE (self), NULL);

  return CPD_PAGE_GET_IFACE (self)->get_actions (self);
}
