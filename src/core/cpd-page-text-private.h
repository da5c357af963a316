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
 * but a card's "<h3>Venue</h3>" or a button's href states a fact).
 *
 * Blocks, lines and links are kept in three arrays, in page order; a block's lines and a
 * line's links are runs of the next array. Their strings live in one GStringChunk. */

/* How much of a page's text the event rules read. */
#define CPD_PAGE_TEXT_MAX_SIZE (32 * 1024)

typedef struct
{
  const char *text;
  const char *url; /* absolute http(s), or NULL when the link leads nowhere we would open */
} CpdPageLink;

typedef struct
{
  const char *text;
  guint       first_link;
  guint       n_links;
  gboolean    starts_with_link; /* "[Where](…): …" is a link, not a label */
} CpdPageLine;

typedef struct
{
  guint heading_level; /* 0 for a block of text */
  guint first_line;
  guint n_lines; /* a heading has one, but for line breaks in raw HTML */
} CpdPageBlock;

typedef struct _CpdPageText CpdPageText;

struct _CpdPageText
{
  GArray       *blocks; /* of CpdPageBlock */
  GArray       *lines;  /* of CpdPageLine */
  GArray       *links;  /* of CpdPageLink, all of the page's */
  GStringChunk *strings;

  /* While it is built: the block and line being read. */
  const char  *site_url;
  CpdPageBlock block;
  gboolean     in_block;
  CpdPageLine  line;
  gboolean     in_line;
  GString     *text;
  GString     *link_text; /* inside a raw HTML <a>, what it says so far */
  char        *link_url;
  gsize        size; /* of the text so far */
};

CpdPageText *cpd_page_text_new (const char *site_url);
void         cpd_page_text_add_block (CpdPageText *self,
                                      cmark_node  *node);
void         cpd_page_text_end (CpdPageText *self);
void         cpd_page_text_free (CpdPageText *self);

static inline const CpdPageLine *
cpd_page_text_get_line (const CpdPageText *self,
                        guint              index)
{
  return &g_array_index (self->lines, CpdPageLine, index);
}

static inline const CpdPageLink *
cpd_page_text_get_link (const CpdPageText *self,
                        guint              index)
{
  return &g_array_index (self->links, CpdPageLink, index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdPageText, cpd_page_text_free)

G_END_DECLS
