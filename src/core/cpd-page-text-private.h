/* cpd-page-text-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark.h>
#include <glib.h>

G_BEGIN_DECLS

/* A page as a reader sees it, for the event rules: headings and blocks of text lines, each
 * line with the links on it. Raw HTML blocks are read as text too (they are never shown,
 * but a card's "<h3>Venue</h3>" or a button's href states a fact). */

/* How much of a page's text the event rules read. */
#define CPD_PAGE_TEXT_MAX_SIZE (32 * 1024)

typedef struct
{
  char *text;
  char *url; /* absolute http(s), or NULL when the link leads nowhere we would open */
} CpdPageLink;

typedef struct
{
  char      *text;
  GPtrArray *links;            /* of CpdPageLink */
  gboolean   starts_with_link; /* "[Where](…): …" is a link, not a label */
} CpdPageLine;

typedef struct
{
  guint      heading_level; /* 0 for a block of text */
  GPtrArray *lines;         /* of CpdPageLine; a heading has one */
} CpdPageBlock;

GPtrArray *cpd_page_text_new (cmark_node *document,
                              const char *site_url);

G_END_DECLS
