/* cpd-page.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-page.h"

G_DEFINE_INTERFACE (CpdPage, cpd_page, GTK_TYPE_WIDGET)

#define PROPERTY_FLAGS(access) \
  (G_PARAM_##access | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

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

  /**
   * CpdPage::message:
   * @text: what happened, for the reader
   *
   * Something the reader should know and the page cannot show: a print failed, or the page
   * had to be loaded again.
   */
  g_signal_new ("message", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * CpdPage::failed:
   * @description: why, for the reader
   *
   * The page can no longer show the document, and stays blank until it is given one again
   * (cpd_page_load_document ()).
   */
  g_signal_new ("failed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Whether the document is shown, and which heading is being read (its id, none before
   * the first). */
  g_object_interface_install_property (
    iface, g_param_spec_boolean ("loaded", NULL, NULL, FALSE, PROPERTY_FLAGS (READABLE)));
  g_object_interface_install_property (
    iface, g_param_spec_string ("current-section", NULL, NULL, NULL, PROPERTY_FLAGS (READABLE)));
  /* The zoom, and what the main menu shows of it, e.g. "120%". */
  g_object_interface_install_property (
    iface, g_param_spec_double ("zoom-level", NULL, NULL, CPD_PAGE_MIN_ZOOM, CPD_PAGE_MAX_ZOOM,
                                1.0, PROPERTY_FLAGS (READWRITE)));
  g_object_interface_install_property (
    iface, g_param_spec_string ("zoom-label", NULL, NULL, NULL, PROPERTY_FLAGS (READABLE)));
  /* Whether the reader is finding in the page (the find bar is open); in find mode, setting
   * "find-text" finds it, and it is kept while find mode is off. */
  g_object_interface_install_property (
    iface, g_param_spec_boolean ("find-mode", NULL, NULL, FALSE, PROPERTY_FLAGS (READWRITE)));
  g_object_interface_install_property (
    iface, g_param_spec_string ("find-text", NULL, NULL, NULL, PROPERTY_FLAGS (READWRITE)));
  /* The matches of "find-text" (see CPD_PAGE_MAX_MATCH_COUNT), and which one is selected,
   * from 1. */
  g_object_interface_install_property (
    iface, g_param_spec_uint ("match-count", NULL, NULL, 0, CPD_PAGE_MAX_MATCH_COUNT + 1, 0,
                              PROPERTY_FLAGS (READABLE)));
  g_object_interface_install_property (
    iface, g_param_spec_uint ("match-index", NULL, NULL, 0, G_MAXUINT, 0, PROPERTY_FLAGS (READABLE)));
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
