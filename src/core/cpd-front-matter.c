/* cpd-front-matter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Front matter: what a page says about itself before its Markdown starts.
 *
 *  ---               YAML (Jekyll, Hugo), read by libyaml: every scalar form, quoted or
 *  title: …          block, with all of YAML's escapes. Only the top-level scalars are kept;
 *  ---               nested mappings and lists are skipped, aliases are never expanded.
 *
 *  +++               TOML (Hugo): top-level "key = value" lines, read as the YAML scalars
 *  title = "…"       they also are; tables ("[params]") end what we read.
 *  +++
 *
 *  Title: …          Pelican: "Key: value" lines from the first line to the first blank
 *  Date: …           one, keys without regard to case, values as written.
 *
 * A fenced block that is never closed is not front matter at all: the whole text stays the
 * body, so a page that merely starts with a thematic break loses nothing.
 */

#include "config.h"

#include <string.h>
#include <yaml.h>

#include <glib/gi18n-lib.h>

#include "cpd-document.h"
#include "cpd-front-matter-private.h"

/* A page's front matter is a handful of keys; a page with thousands is not an event page. */
#define MAX_KEYS 256

typedef enum
{
  SYNTAX_NONE,
  SYNTAX_YAML,
  SYNTAX_TOML,
  SYNTAX_PELICAN,
} Syntax;

void
cpd_front_matter_free (CpdFrontMatter *self)
{
  g_clear_pointer (&self, g_hash_table_unref);
}

static void
set_value (CpdFrontMatter *self,
           const char     *key,
           const char     *value)
{
  /* Values end up in GObject properties and HTML, so they must be valid UTF-8. */
  g_hash_table_insert (self, g_strdup (key), g_utf8_make_valid (value, -1));
}

/* Returns the length of the line at @p (up to @end) without its line ending, and stores
 * where the next line starts in @next. */
static gsize
line_at (const char  *p,
         const char  *end,
         const char **next)
{
  const char *eol = memchr (p, '\n', end - p);
  gsize       len = eol != NULL ? (gsize) (eol - p) : (gsize) (end - p);

  *next = eol != NULL ? eol + 1 : end;
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

static gboolean
fail (GError    **error,
      const char *message)
{
  g_set_error (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_FRONT_MATTER,
               /* Translators: %s says what is wrong, e.g. "it is a list, not keys and values" */
               _ ("The page’s front matter cannot be read: %s"), message);
  return FALSE;
}

static gboolean
next_event (yaml_parser_t *parser,
            yaml_event_t  *event,
            GError       **error)
{
  g_autofree char *message = NULL;

  if (yaml_parser_parse (parser, event))
    return TRUE;

  /* Translators: libyaml's reason and the line of the front matter, e.g. "found
   * unexpected end of stream (line 3)" */
  message = g_strdup_printf (_ ("%s (line %zu)"), parser->problem ? parser->problem : "?",
                             parser->problem_mark.line + 1);
  return fail (error, message);
}

/* The top-level scalars of the YAML mapping in @text. A nested mapping or list, as key or
 * value, or an alias is not a fact we read: it is skipped, and an alias never expanded, so
 * no "billion laughs". */
static gboolean
read_yaml (CpdFrontMatter *self,
           const char     *text,
           gsize           length,
           GError        **error)
{
  yaml_parser_t    parser;
  yaml_event_t     event;
  g_autofree char *key = NULL;
  int              depth = 0; /* 1 in the top-level mapping */
  gboolean         ok = FALSE;
  gboolean         done = FALSE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, length);

  while (!done && next_event (&parser, &event, error))
    {
      yaml_event_type_t type = event.type;
      gboolean          skipped = FALSE; /* a key or value we do not read */

      if (type == YAML_STREAM_END_EVENT)
        ok = done = TRUE;
      else if (depth == 0 && (type == YAML_SCALAR_EVENT || type == YAML_SEQUENCE_START_EVENT ||
                              type == YAML_ALIAS_EVENT))
        {
          fail (error, _ ("it is not a list of keys and values"));
          done = TRUE;
        }
      else if (type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT)
        depth++;
      else if (type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT)
        {
          /* One mapping is all we read; "---" would start another document. */
          ok = done = --depth == 0;
          skipped = depth == 1;
        }
      else if (depth == 1 && type == YAML_ALIAS_EVENT)
        skipped = TRUE;
      else if (depth == 1 && type == YAML_SCALAR_EVENT && key == NULL)
        key = g_strndup ((const char *) event.data.scalar.value, event.data.scalar.length);
      else if (depth == 1 && type == YAML_SCALAR_EVENT && g_hash_table_size (self) >= MAX_KEYS)
        {
          fail (error, _ ("it has too many keys"));
          done = TRUE;
        }
      else if (depth == 1 && type == YAML_SCALAR_EVENT)
        {
          if (key[0] != '\0')
            set_value (self, key, (const char *) event.data.scalar.value);
          g_clear_pointer (&key, g_free);
        }

      /* After a complex key, its value is skipped too. */
      if (skipped && key != NULL)
        g_clear_pointer (&key, g_free);
      else if (skipped)
        key = g_strdup ("");

      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);
  return ok;
}

/* TOML's top-level "key = value" lines are YAML's "key: value" for every scalar Hugo puts
 * there (strings, dates, numbers, booleans), escapes included. */
static gboolean
read_toml (CpdFrontMatter *self,
           const char     *text,
           gsize           length,
           GError        **error)
{
  g_autoptr (GString) yaml = g_string_new (NULL);
  const char *end = text + length;
  const char *next;

  for (const char *p = text; p < end; p = next)
    {
      gsize       len = line_at (p, end, &next);
      const char *equals = memchr (p, '=', len);
      gsize       key_len;

      if (len > 0 && p[0] == '[')
        break; /* a table: nested values */
      if (equals == NULL || !g_ascii_isalpha (p[0]))
        continue;

      for (key_len = equals - p; key_len > 0 && p[key_len - 1] == ' '; key_len--)
        ;
      g_string_append_len (yaml, p, key_len);
      g_string_append (yaml, ":");
      g_string_append_len (yaml, equals + 1, len - (equals + 1 - p));
      g_string_append_c (yaml, '\n');
    }

  return read_yaml (self, yaml->str, yaml->len, error);
}

static void
read_pelican (CpdFrontMatter *self,
              const char     *text,
              gsize           length)
{
  const char *end = text + length;
  const char *next;

  for (const char *p = text; p < end && g_hash_table_size (self) < MAX_KEYS; p = next)
    {
      gsize            len = line_at (p, end, &next);
      const char      *colon = memchr (p, ':', len);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (colon == NULL)
        continue;

      key = g_ascii_strdown (p, colon - p);
      value = g_strndup (colon + 1, len - (colon + 1 - p));
      set_value (self, g_strstrip (key), g_strstrip (value));
    }
}

/* Finds the front matter block: its syntax, where it starts and ends, and where the body
 * starts. */
static Syntax
find_block (const char  *text,
            gsize        length,
            const char **block_start,
            const char **block_end,
            gsize       *body_offset)
{
  const char *end = text + length;
  const char *p = text;
  const char *next;
  gsize       len;
  Syntax      syntax;

  /* A byte order mark. The page need not end in a NUL: compare within its length. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  len = line_at (p, end, &next);
  if (is_fence (p, len, "---"))
    syntax = SYNTAX_YAML;
  else if (is_fence (p, len, "+++"))
    syntax = SYNTAX_TOML;
  else if (len > 6 && g_ascii_strncasecmp (p, "title:", 6) == 0)
    syntax = SYNTAX_PELICAN;
  else
    return SYNTAX_NONE;

  *block_start = syntax == SYNTAX_PELICAN ? p : next;
  for (p = *block_start; p < end; p = next)
    {
      len = line_at (p, end, &next);
      if (syntax == SYNTAX_PELICAN && len == 0)
        break;
      if (syntax == SYNTAX_YAML && (is_fence (p, len, "---") || is_fence (p, len, "...")))
        break;
      if (syntax == SYNTAX_TOML && is_fence (p, len, "+++"))
        break;
    }

  /* Unterminated: not front matter. A Pelican header may be the whole page. */
  if (p >= end && syntax != SYNTAX_PELICAN)
    return SYNTAX_NONE;

  *block_end = p;
  *body_offset = next - text;
  return syntax;
}

/**
 * cpd_front_matter_parse:
 * @text: the page, not necessarily nul-terminated
 * @length: the length of @text in bytes
 * @body_offset: (out): where the body starts in @text
 * @error: where a front matter that cannot be read says why
 *
 * Returns: (transfer full) (nullable): the front matter's top-level scalars, or %NULL with
 *   @error unset when the page has none
 */
CpdFrontMatter *
cpd_front_matter_parse (const char *text,
                        gsize       length,
                        gsize      *body_offset,
                        GError    **error)
{
  g_autoptr (CpdFrontMatter) self = NULL;
  g_autofree char *block = NULL;
  const char      *block_start = NULL;
  const char      *block_end = NULL;
  Syntax           syntax;
  gsize            block_length;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (body_offset != NULL, NULL);

  *body_offset = 0;
  syntax = find_block (text, length, &block_start, &block_end, body_offset);
  if (syntax == SYNTAX_NONE)
    return NULL;

  /* libyaml refuses invalid UTF-8 outright; a stray byte should cost a character, not the
   * page's facts. */
  block_length = block_end - block_start;
  block = g_utf8_make_valid (block_start, block_length);
  block_length = strlen (block);

  self = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  switch (syntax)
    {
    case SYNTAX_YAML:
      if (!read_yaml (self, block, block_length, error))
        return NULL;
      break;

    case SYNTAX_TOML:
      if (!read_toml (self, block, block_length, error))
        return NULL;
      break;

    case SYNTAX_PELICAN:
      read_pelican (self, block, block_length);
      break;

    case SYNTAX_NONE:
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&self);
}

/**
 * cpd_front_matter_lookup:
 * @self: (nullable): front matter, or %NULL for none
 * @key: a key
 *
 * Returns: (nullable): the value of @key; of the last one, where a key is repeated
 */
const char *
cpd_front_matter_lookup (CpdFrontMatter *self,
                         const char     *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return self != NULL ? g_hash_table_lookup (self, key) : NULL;
}

/**
 * cpd_front_matter_lookup_first:
 * @self: (nullable): front matter, or %NULL for none
 * @keys: (array zero-terminated=1): keys, the preferred first
 *
 * Returns: (nullable): the value of the first of @keys that the front matter gives a
 *   value that is not empty
 */
const char *
cpd_front_matter_lookup_first (CpdFrontMatter    *self,
                               const char *const *keys)
{
  GHashTableIter iter;
  gpointer       key, value;
  const char    *found = NULL;
  guint          found_index = G_MAXUINT;

  if (self == NULL)
    return NULL;

  /* A front matter has a few keys, the rules look for many: compare each of its keys with
   * the list rather than look up every key of the list. */
  g_hash_table_iter_init (&iter, self);
  while (g_hash_table_iter_next (&iter, &key, &value))
    for (guint i = 0; i < found_index && keys[i] != NULL; i++)
      if (strcmp (key, keys[i]) == 0 && ((const char *) value)[0] != '\0')
        {
          found = value;
          found_index = i;
        }

  return found;
}
