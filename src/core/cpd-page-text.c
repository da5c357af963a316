/* cpd-page-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Flattens a parsed page into headings and lines of text with their links, the form the
 * event rules read (cpd-event-rules.c). Lines matter: "**When:** April 15" is a line of a
 * paragraph, "| Where | Hall 4 |" a line of a table that CommonMark keeps as text.
 *
 * Only the page's first CPD_PAGE_TEXT_MAX_SIZE bytes of text are read: an event page states
 * its facts near its top, and the rules then take as long on a 20 MB page as on the event's.
 */

#include "config.h"

#include <string.h>

#include "cpd-page-text-private.h"

typedef struct
{
  const char   *site_url;
  GPtrArray    *blocks;
  CpdPageBlock *block;
  CpdPageLine  *line;
  GString      *text;
  GString      *link_text; /* inside a raw HTML <a>, what it says so far */
  char         *link_url;
  gsize         size; /* of the text so far */
} Builder;

static void
page_link_free (gpointer data)
{
  CpdPageLink *link = data;

  g_free (link->text);
  g_free (link->url);
  g_free (link);
}

static void
page_line_free (gpointer data)
{
  CpdPageLine *line = data;

  g_free (line->text);
  g_ptr_array_unref (line->links);
  g_free (line);
}

static void
page_block_free (gpointer data)
{
  CpdPageBlock *block = data;

  g_ptr_array_unref (block->lines);
  g_free (block);
}

/* Only links we would open count as facts: absolute http(s) after resolving. */
static char *
resolve_web_url (const char *site_url,
                 const char *href)
{
  g_autofree char *resolved = NULL;
  const char      *scheme;

  if (href == NULL || href[0] == '\0' || href[0] == '#')
    return NULL;

  if (g_uri_peek_scheme (href) != NULL)
    resolved = g_strdup (href);
  else if (site_url != NULL)
    resolved = g_uri_resolve_relative (site_url, href, G_URI_FLAGS_NONE, NULL);

  scheme = resolved != NULL ? g_uri_peek_scheme (resolved) : NULL;
  if (scheme == NULL || (strcmp (scheme, "http") != 0 && strcmp (scheme, "https") != 0))
    return NULL;

  return g_steal_pointer (&resolved);
}

static void
end_line (Builder *b)
{
  if (b->line == NULL)
    return;

  g_strstrip (b->text->str);
  b->line->text = g_strdup (b->text->str);
  b->size += strlen (b->line->text) + 1;
  g_string_truncate (b->text, 0);
  if (b->line->text[0] != '\0' || b->line->links->len > 0)
    g_ptr_array_add (b->block->lines, b->line);
  else
    page_line_free (b->line);
  b->line = NULL;
}

static void
end_block (Builder *b)
{
  end_line (b);
  if (b->block == NULL)
    return;

  if (b->block->lines->len > 0)
    g_ptr_array_add (b->blocks, b->block);
  else
    page_block_free (b->block);
  b->block = NULL;
}

static void
start_block (Builder *b,
             guint    heading_level)
{
  end_block (b);
  b->block = g_new0 (CpdPageBlock, 1);
  b->block->heading_level = heading_level;
  b->block->lines = g_ptr_array_new_with_free_func (page_line_free);
}

static void
append_text (Builder    *b,
             const char *text,
             gssize      length)
{
  if (b->block == NULL)
    start_block (b, 0);
  if (b->line == NULL)
    {
      b->line = g_new0 (CpdPageLine, 1);
      b->line->links = g_ptr_array_new_with_free_func (page_link_free);
    }

  g_string_append_len (b->text, text, length);
  if (b->link_text != NULL)
    g_string_append_len (b->link_text, text, length);
}

static void
add_link (Builder    *b,
          const char *text,
          const char *href)
{
  CpdPageLink *link;

  append_text (b, "", 0);
  link = g_new0 (CpdPageLink, 1);
  link->text = g_strstrip (g_strdup (text));
  link->url = resolve_web_url (b->site_url, href);
  g_ptr_array_add (b->line->links, link);
}

/* Bare URLs in running text are links to a reader, though CommonMark leaves them text. */
static void
add_bare_urls (Builder    *b,
               const char *text)
{
  const char *p = text;

  while ((p = strstr (p, "http")) != NULL)
    {
      gsize            length;
      g_autofree char *url = NULL;

      if (strncmp (p, "https://", 8) != 0 && strncmp (p, "http://", 7) != 0)
        {
          p += 4;
          continue;
        }

      length = strcspn (p, " \t\n<>\"'");
      while (length > 0 && strchr (".,;:!?)", p[length - 1]) != NULL)
        length--;
      url = g_strndup (p, length);
      add_link (b, url, url);
      p += length;
    }
}

static void
append_literal (Builder    *b,
                const char *text)
{
  append_text (b, text, -1);
  if (b->link_text == NULL)
    add_bare_urls (b, text);
}

/* The value of attribute @name in @tag ("<a class=x href=\"…\">"), or NULL. */
static char *
dup_attribute (const char *tag,
               gsize       length,
               const char *name)
{
  g_autofree char *lower = g_ascii_strdown (tag, length);
  g_autofree char *needle = g_strconcat (" ", name, "=", NULL);
  const char      *found = strstr (lower, needle);
  const char      *value;
  char             quote;
  gsize            value_length;

  if (found == NULL)
    return NULL;

  value = tag + (found - lower) + strlen (needle);
  quote = *value == '"' || *value == '\'' ? *value++ : '\0';
  value_length = quote != '\0' ? strcspn (value, (char[]){ quote, '>', '\0' })
                               : strcspn (value, " \t\n>");

  return g_strndup (value, MIN (value_length, length - (value - tag)));
}

static void
start_raw_link (Builder *b,
                char    *url)
{
  g_free (b->link_url);
  b->link_url = url;
  if (b->link_text == NULL)
    b->link_text = g_string_new (NULL);
  g_string_truncate (b->link_text, 0);
}

static void
end_raw_link (Builder *b)
{
  if (b->link_text == NULL)
    return;

  add_link (b, b->link_text->str, b->link_url);
  g_string_free (b->link_text, TRUE);
  b->link_text = NULL;
  g_clear_pointer (&b->link_url, g_free);
}

static gboolean
tag_is (const char        *name,
        gsize              length,
        const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strlen (names[i]) == length && g_ascii_strncasecmp (name, names[i], length) == 0)
      return TRUE;

  return FALSE;
}

/* One tag of raw HTML: links, headings, and the elements that end a line. */
static void
read_tag (Builder    *b,
          const char *tag,
          gsize       length,
          gboolean    in_block)
{
  static const char *const line_tags[] = { "br", "p", "div", "li", "tr", "dd", "dt", "section",
                                           "article", "ul", "ol", "table", NULL };
  static const char *const cell_tags[] = { "td", "th", NULL };
  gboolean                 closing = length > 1 && tag[1] == '/';
  const char              *name = tag + (closing ? 2 : 1);
  gsize                    name_length = 0;

  while (g_ascii_isalnum (name[name_length]))
    name_length++;

  if (tag_is (name, name_length, (const char *const[]){ "a", NULL }))
    {
      if (closing)
        end_raw_link (b);
      else
        start_raw_link (b, dup_attribute (tag, length, "href"));
    }
  else if (in_block && name_length == 2 && g_ascii_tolower (name[0]) == 'h' &&
           name[1] >= '1' && name[1] <= '6')
    {
      if (closing)
        start_block (b, 0);
      else
        start_block (b, name[1] - '0');
    }
  else if (tag_is (name, name_length, line_tags))
    end_line (b);
  else if (tag_is (name, name_length, cell_tags) && !closing)
    append_text (b, " | ", -1);
}

static void
append_entity_decoded (Builder    *b,
                       const char *text,
                       gsize       length)
{
  static const struct
  {
    const char *entity, *text;
  } entities[] = {
    { "&amp;", "&" },
    { "&lt;", "<" },
    { "&gt;", ">" },
    { "&quot;", "\"" },
    { "&#39;", "'" },
    { "&nbsp;", " " },
    { "&ndash;", "–" },
    { "&mdash;", "—" },
  };
  g_autofree char *copy = g_strndup (text, length);
  g_autoptr (GString) decoded = g_string_new (copy);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (decoded, entities[i].entity, entities[i].text, 0);
  for (char *p = decoded->str; *p != '\0'; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';

  if (decoded->len > 0)
    append_literal (b, decoded->str);
}

/* Raw HTML, block or inline: its text, its links and its headings. */
static void
read_html (Builder    *b,
           const char *html,
           gboolean    in_block)
{
  const char *p = html;

  while (*p != '\0')
    {
      const char *open = strchr (p, '<');
      const char *close;

      if (open == NULL)
        {
          append_entity_decoded (b, p, strlen (p));
          break;
        }

      append_entity_decoded (b, p, open - p);
      close = strchr (open, '>');
      if (close == NULL)
        break;
      read_tag (b, open, close - open + 1, in_block);
      p = close + 1;
    }
}

/* @in_span: inside emphasis or a link, where a line break does not start a line. */
static void
read_inlines (Builder    *b,
              cmark_node *parent,
              gboolean    in_span)
{
  for (cmark_node *node = cmark_node_first_child (parent); node != NULL;
       node = cmark_node_next (node))
    {
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          append_literal (b, cmark_node_get_literal (node));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          if (in_span)
            append_text (b, " ", 1);
          else
            end_line (b);
          break;

        case CMARK_NODE_LINK:
          {
            g_autoptr (GString) text = g_string_new (NULL);
            gsize start = b->text->len;

            append_text (b, "", 0);
            if (start == 0)
              b->line->starts_with_link = TRUE;
            read_inlines (b, node, TRUE);
            if (b->text->len >= start)
              g_string_append (text, b->text->str + start);
            add_link (b, text->str, cmark_node_get_url (node));
          }
          break;

        case CMARK_NODE_HTML_INLINE:
          read_html (b, cmark_node_get_literal (node), FALSE);
          break;

        case CMARK_NODE_IMAGE:
          break;

        default:
          read_inlines (b, node, TRUE);
          break;
        }
    }
}

/**
 * cpd_page_text_new:
 * @document: a parsed page
 * @site_url: (nullable): what relative links resolve against
 *
 * Returns: (transfer full) (element-type CpdPageBlock): the page's headings and blocks of
 *   text, in order
 */
GPtrArray *
cpd_page_text_new (cmark_node *document,
                   const char *site_url)
{
  Builder          b = { .site_url = site_url, .text = g_string_new (NULL) };
  cmark_iter      *iter = cmark_iter_new (document);
  cmark_event_type event;

  b.blocks = g_ptr_array_new_with_free_func (page_block_free);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE && b.size < CPD_PAGE_TEXT_MAX_SIZE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HEADING:
          start_block (&b, cmark_node_get_heading_level (node));
          read_inlines (&b, node, FALSE);
          end_block (&b);
          break;

        case CMARK_NODE_PARAGRAPH:
          start_block (&b, 0);
          read_inlines (&b, node, FALSE);
          end_block (&b);
          break;

        case CMARK_NODE_HTML_BLOCK:
          start_block (&b, 0);
          read_html (&b, cmark_node_get_literal (node), TRUE);
          end_raw_link (&b);
          end_block (&b);
          break;

        default:
          break;
        }
    }

  end_block (&b);
  cmark_iter_free (iter);
  g_string_free (b.text, TRUE);
  if (b.link_text != NULL)
    g_string_free (b.link_text, TRUE);
  g_free (b.link_url);

  return b.blocks;
}
