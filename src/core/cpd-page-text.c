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

/* @text from @start to @end without the blanks around it, kept with the page's strings. */
static const char *
insert_stripped (CpdPageText *b,
                 const char  *start,
                 const char  *end)
{
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  return g_string_chunk_insert_len (b->strings, start, end - start);
}

static gboolean
is_web_url (const char *url)
{
  return g_ascii_strncasecmp (url, "http:", 5) == 0 || g_ascii_strncasecmp (url, "https:", 6) == 0;
}

/* Only links we would open count as facts: absolute http(s) after resolving. */
static const char *
resolve_web_url (CpdPageText *b,
                 const char  *href)
{
  g_autofree char *resolved = NULL;

  if (href == NULL || href[0] == '\0' || href[0] == '#')
    return NULL;

  if (is_web_url (href))
    return g_string_chunk_insert (b->strings, href);

  if (b->site_url == NULL || g_uri_peek_scheme (href) != NULL)
    return NULL;

  resolved = g_uri_resolve_relative (b->site_url, href, G_URI_FLAGS_NONE, NULL);
  if (resolved == NULL || !is_web_url (resolved))
    return NULL;

  return g_string_chunk_insert (b->strings, resolved);
}

static void
end_line (CpdPageText *b)
{
  if (!b->in_line)
    return;

  b->line.text = insert_stripped (b, b->text->str, b->text->str + b->text->len);
  b->size += strlen (b->line.text) + 1;
  g_string_truncate (b->text, 0);
  b->line.n_links = b->links->len - b->line.first_link;
  if (b->line.text[0] != '\0' || b->line.n_links > 0)
    g_array_append_val (b->lines, b->line);
  b->in_line = FALSE;
}

static void
end_block (CpdPageText *b)
{
  end_line (b);
  if (!b->in_block)
    return;

  b->block.n_lines = b->lines->len - b->block.first_line;
  if (b->block.n_lines > 0)
    g_array_append_val (b->blocks, b->block);
  b->in_block = FALSE;
}

static void
start_block (CpdPageText *b,
             guint        heading_level)
{
  end_block (b);
  b->block = (CpdPageBlock){ .heading_level = heading_level, .first_line = b->lines->len };
  b->in_block = TRUE;
}

static void
append_text (CpdPageText *b,
             const char  *text,
             gssize       length)
{
  if (!b->in_block)
    start_block (b, 0);
  if (!b->in_line)
    {
      b->line = (CpdPageLine){ .first_link = b->links->len };
      b->in_line = TRUE;
    }

  g_string_append_len (b->text, text, length);
  if (b->link_text != NULL)
    g_string_append_len (b->link_text, text, length);
}

static void
add_link (CpdPageText *b,
          const char  *text,
          const char  *href)
{
  CpdPageLink link;

  append_text (b, "", 0);
  link.text = insert_stripped (b, text, text + strlen (text));
  link.url = resolve_web_url (b, href);
  g_array_append_val (b->links, link);
}

/* Bare URLs in running text are links to a reader, though CommonMark leaves them text. */
static void
add_bare_urls (CpdPageText *b,
               const char  *text)
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
append_literal (CpdPageText *b,
                const char  *text)
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
start_raw_link (CpdPageText *b,
                char        *url)
{
  g_free (b->link_url);
  b->link_url = url;
  if (b->link_text == NULL)
    b->link_text = g_string_new (NULL);
  g_string_truncate (b->link_text, 0);
}

static void
end_raw_link (CpdPageText *b)
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
read_tag (CpdPageText *b,
          const char  *tag,
          gsize        length,
          gboolean     in_block)
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
append_entity_decoded (CpdPageText *b,
                       const char  *text,
                       gsize        length)
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
  g_autoptr (GString) decoded = g_string_new_len (text, length);

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
read_html (CpdPageText *b,
           const char  *html,
           gboolean     in_block)
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
read_inlines (CpdPageText *b,
              cmark_node  *parent,
              gboolean     in_span)
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
            const char *url = cmark_node_get_url (node);
            gsize       start = b->text->len;

            /* A link the document drops is read as the text it becomes. */
            if (url[0] == '\0')
              {
                read_inlines (b, node, in_span);
                break;
              }

            append_text (b, "", 0);
            if (start == 0)
              b->line.starts_with_link = TRUE;
            read_inlines (b, node, TRUE);
            add_link (b, b->text->len >= start ? b->text->str + start : "", url);
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
 * @site_url: (nullable): what relative links resolve against
 *
 * Returns: (transfer full): an empty page text, to be filled with
 *   cpd_page_text_add_block() and closed with cpd_page_text_end()
 */
CpdPageText *
cpd_page_text_new (const char *site_url)
{
  CpdPageText *self = g_new0 (CpdPageText, 1);

  /* Room for an event page's text, so that most pages need no more. */
  self->blocks = g_array_sized_new (FALSE, FALSE, sizeof (CpdPageBlock), 64);
  self->lines = g_array_sized_new (FALSE, FALSE, sizeof (CpdPageLine), 128);
  self->links = g_array_sized_new (FALSE, FALSE, sizeof (CpdPageLink), 32);
  self->strings = g_string_chunk_new (8192);
  self->site_url = site_url;
  self->text = g_string_sized_new (256);

  return self;
}

/**
 * cpd_page_text_add_block:
 * @self: a page text being built
 * @node: a heading or paragraph, once its links are resolved, or a raw HTML block
 *
 * Reads @node into the page text, unless the text is full: only the page's first
 * CPD_PAGE_TEXT_MAX_SIZE bytes of text are read.
 */
void
cpd_page_text_add_block (CpdPageText *self,
                         cmark_node  *node)
{
  if (self->size >= CPD_PAGE_TEXT_MAX_SIZE)
    return;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
      start_block (self, cmark_node_get_heading_level (node));
      read_inlines (self, node, FALSE);
      break;

    case CMARK_NODE_PARAGRAPH:
      start_block (self, 0);
      read_inlines (self, node, FALSE);
      break;

    case CMARK_NODE_HTML_BLOCK:
      start_block (self, 0);
      read_html (self, cmark_node_get_literal (node), TRUE);
      end_raw_link (self);
      break;

    default:
      return;
    }

  end_block (self);
}

/* Ends the block being read, if any: the page text is complete. */
void
cpd_page_text_end (CpdPageText *self)
{
  end_block (self);
}

void
cpd_page_text_free (CpdPageText *self)
{
  g_array_unref (self->blocks);
  g_array_unref (self->lines);
  g_array_unref (self->links);
  g_string_chunk_free (self->strings);
  g_string_free (self->text, TRUE);
  if (self->link_text != NULL)
    g_string_free (self->link_text, TRUE);
  g_free (self->link_url);
  g_free (self);
}
