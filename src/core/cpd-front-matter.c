/* cpd-front-matter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Jekyll front matter: a page may start with a YAML block between two lines of "---".
 * We are not a YAML parser: only top-level "key: value" scalars are kept (plain, 'single'
 * or "double" quoted), which is what Jekyll pages put there (layout, title, date, url,
 * baseurl, lang...). Nested mappings, lists and block scalars are skipped. A block that
 * is never closed is not front matter at all: the whole text stays the body, so a page
 * that merely starts with a thematic break does not lose its content.
 */

#include "config.h"

#include <string.h>

#include "cpd-front-matter.h"

#define UTF8_BOM "\xef\xbb\xbf"

/* Returns the length of the line at @p (up to @end), without its line ending, and
 * stores where the next line starts in @next. */
static gsize
line_at (const char  *p,
         const char  *end,
         const char **next)
{
  const char *eol = memchr (p, '\n', end - p);
  gsize       len;

  if (eol == NULL)
    {
      *next = end;
      len = end - p;
    }
  else
    {
      *next = eol + 1;
      len = eol - p;
    }

  if (len > 0 && p[len - 1] == '\r')
    len--;

  return len;
}

static gboolean
is_fence (const char *line,
          gsize       len,
          const char *fence)
{
  /* Trailing blanks after the fence are allowed, as Jekyll does. */
  if (len < 3 || memcmp (line, fence, 3) != 0)
    return FALSE;

  for (gsize i = 3; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return FALSE;

  return TRUE;
}

static char *
unquote_double (const char *s,
                gsize       len)
{
  GString *str = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\\' && i + 1 < len)
        {
          i++;
          switch (s[i])
            {
            case 'n':
              g_string_append_c (str, '\n');
              break;

            case 't':
              g_string_append_c (str, '\t');
              break;

            default:
              g_string_append_c (str, s[i]);
            }
        }
      else
        g_string_append_c (str, s[i]);
    }

  return g_string_free (str, FALSE);
}

static char *
unquote_single (const char *s,
                gsize       len)
{
  GString *str = g_string_sized_new (len);

  /* In single quotes the only escape is a doubled quote. */
  for (gsize i = 0; i < len; i++)
    {
      g_string_append_c (str, s[i]);
      if (s[i] == '\'' && i + 1 < len && s[i + 1] == '\'')
        i++;
    }

  return g_string_free (str, FALSE);
}

static char *
parse_value (const char *s,
             gsize       len)
{
  while (len > 0 && (*s == ' ' || *s == '\t'))
    s++, len--;
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;

  if (len >= 2 && s[0] == '"')
    {
      const char *close = NULL;

      for (gsize i = 1; i < len; i++)
        {
          if (s[i] == '\\')
            i++;
          else if (s[i] == '"')
            {
              close = s + i;
              break;
            }
        }
      if (close != NULL)
        return unquote_double (s + 1, close - s - 1);
    }
  else if (len >= 2 && s[0] == '\'')
    {
      const char *close = NULL;

      for (gsize i = 1; i < len; i++)
        {
          if (s[i] == '\'' && i + 1 < len && s[i + 1] == '\'')
            i++;
          else if (s[i] == '\'')
            {
              close = s + i;
              break;
            }
        }
      if (close != NULL)
        return unquote_single (s + 1, close - s - 1);
    }

  /* A plain scalar ends at a comment, which needs a blank before the '#'. */
  for (gsize i = 1; i < len; i++)
    {
      if (s[i] == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        {
          len = i;
          while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
          break;
        }
    }

  /* Block scalars ("|", ">") and flow collections are not simple values. */
  if (len == 0 || s[0] == '#' || s[0] == '|' || s[0] == '>' || s[0] == '[' || s[0] == '{')
    return NULL;

  return g_strndup (s, len);
}

static void
parse_line (GHashTable *table,
            const char *line,
            gsize       len)
{
  const char *colon;
  gsize       key_len;
  char       *value;

  /* Indented lines belong to a nested value, '#' starts a comment, '-' a list. */
  if (len == 0 || !g_ascii_isalnum (line[0]))
    return;

  colon = memchr (line, ':', len);
  if (colon == NULL)
    return;

  key_len = colon - line;
  for (gsize i = 0; i < key_len; i++)
    if (!g_ascii_isalnum (line[i]) && line[i] != '_' && line[i] != '-')
      return;

  /* "key:value" without a blank is not a mapping in YAML. */
  if (colon + 1 < line + len && colon[1] != ' ' && colon[1] != '\t')
    return;

  value = parse_value (colon + 1, len - key_len - 1);
  if (value == NULL)
    return;

  /* Values end up in GObject properties and HTML, so they must be valid UTF-8. */
  if (!g_utf8_validate (value, -1, NULL))
    {
      char *valid = g_utf8_make_valid (value, -1);

      g_free (value);
      value = valid;
    }

  g_hash_table_replace (table, g_strndup (line, key_len), value);
}

/**
 * cpd_front_matter_parse:
 * @text: the page, not necessarily nul-terminated
 * @length: the length of @text in bytes
 * @body_offset: (out): where the body starts in @text
 *
 * Returns: (transfer full): the simple scalars of the front matter, an empty table when
 *   the page has none
 */
GHashTable *
cpd_front_matter_parse (const char *text,
                        gsize       length,
                        gsize      *body_offset)
{
  g_autoptr (GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *end = text + length;
  const char *p = text;
  const char *next;
  const char *block_start;
  gsize       len;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (body_offset != NULL, NULL);

  *body_offset = 0;

  if (length >= strlen (UTF8_BOM) && memcmp (p, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    p += strlen (UTF8_BOM);

  len = line_at (p, end, &next);
  if (!is_fence (p, len, "---"))
    return g_steal_pointer (&table);

  block_start = next;
  for (p = next; p < end; p = next)
    {
      len = line_at (p, end, &next);
      if (is_fence (p, len, "---") || is_fence (p, len, "..."))
        break;
    }

  /* Unterminated: this was not front matter, keep everything as body. */
  if (p >= end)
    return g_steal_pointer (&table);

  *body_offset = next - text;

  for (const char *q = block_start; q < p; q = next)
    {
      len = line_at (q, p, &next);
      parse_line (table, q, len);
    }

  return g_steal_pointer (&table);
}
