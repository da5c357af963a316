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

#include "cpd-front-matter-private.h"

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

static void
append_unquoted_double (GString    *out,
                        const char *s,
                        gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\\' && i + 1 < len)
        {
          i++;
          switch (s[i])
            {
            case 'n':
              g_string_append_c (out, '\n');
              break;

            case 't':
              g_string_append_c (out, '\t');
              break;

            default:
              g_string_append_c (out, s[i]);
            }
        }
      else
        g_string_append_c (out, s[i]);
    }
}

static void
append_unquoted_single (GString    *out,
                        const char *s,
                        gsize       len)
{
  /* In single quotes the only escape is a doubled quote. */
  for (gsize i = 0; i < len; i++)
    {
      g_string_append_c (out, s[i]);
      if (s[i] == '\'' && i + 1 < len && s[i + 1] == '\'')
        i++;
    }
}

/* Appends the scalar value in @s to @out; FALSE, with nothing appended, when it is not a
 * simple value. */
static gboolean
append_value (GString    *out,
              const char *s,
              gsize       len)
{
  while (len > 0 && (*s == ' ' || *s == '\t'))
    s++, len--;
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;

  if (len >= 2 && s[0] == '"')
    {
      for (gsize i = 1; i < len; i++)
        {
          if (s[i] == '\\')
            i++;
          else if (s[i] == '"')
            {
              append_unquoted_double (out, s + 1, i - 1);
              return TRUE;
            }
        }
    }
  else if (len >= 2 && s[0] == '\'')
    {
      for (gsize i = 1; i < len; i++)
        {
          if (s[i] == '\'' && i + 1 < len && s[i + 1] == '\'')
            i++;
          else if (s[i] == '\'')
            {
              append_unquoted_single (out, s + 1, i - 1);
              return TRUE;
            }
        }
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
    return FALSE;

  g_string_append_len (out, s, len);

  return TRUE;
}

static void
parse_line (GHashTable *table,
            const char *line,
            gsize       len)
{
  g_autoptr (GString) value = g_string_new (NULL);
  const char *colon;
  gsize       key_len;

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

  if (!append_value (value, colon + 1, len - key_len - 1))
    return;

  /* Values end up in GObject properties and HTML, so they must be valid UTF-8. As in
   * the YAML loaders Jekyll uses, the last line that gives a key wins. */
  g_hash_table_replace (table, g_strndup (line, key_len),
                        g_utf8_make_valid (value->str, value->len));
}

/**
 * cpd_front_matter_parse:
 * @text: the page, not necessarily nul-terminated
 * @length: the length of @text in bytes
 * @body_offset: (out): where the body starts in @text
 *
 * Returns: (transfer full) (nullable): the simple scalars of the front matter, or %NULL
 *   when the page has none
 */
CpdFrontMatter *
cpd_front_matter_parse (const char *text,
                        gsize       length,
                        gsize      *body_offset)
{
  g_autoptr (GHashTable) table = NULL;
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
    return NULL;

  block_start = next;
  for (p = next; p < end; p = next)
    {
      len = line_at (p, end, &next);
      if (is_fence (p, len, "---") || is_fence (p, len, "..."))
        break;
    }

  /* Unterminated: this was not front matter, keep everything as body. */
  if (p >= end)
    return NULL;

  *body_offset = next - text;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (const char *q = block_start; q < p; q = next)
    {
      len = line_at (q, p, &next);
      parse_line (table, q, len);
    }

  if (g_hash_table_size (table) == 0)
    return NULL;

  return g_steal_pointer (&table);
}

/**
 * cpd_front_matter_lookup:
 * @self: (nullable): front matter, or %NULL for none
 * @key: a key
 *
 * Returns: (nullable): the value of @key
 */
const char *
cpd_front_matter_lookup (CpdFrontMatter *self,
                         const char     *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return self != NULL ? g_hash_table_lookup (self, key) : NULL;
}

guint
cpd_front_matter_get_n_keys (CpdFrontMatter *self)
{
  return self != NULL ? g_hash_table_size (self) : 0;
}

void
cpd_front_matter_free (CpdFrontMatter *self)
{
  g_hash_table_unref (self);
}
