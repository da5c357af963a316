/* cpd-slug.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Heading ids the way GitHub makes them (github-slugger), so links people already
 * write to "#some-heading" keep working: lowercase, drop everything that is not a
 * letter, mark, number, connector punctuation, space or hyphen, then turn spaces into
 * hyphens. Non-Latin letters are kept (HTML ids may be any non-blank text). Repeats
 * get "-1", "-2"... and a title left with nothing gets "section", so every id is
 * valid and unique.
 */

#include "config.h"

#include <string.h>

#include "cpd-slug-private.h"

static gboolean
keep_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return TRUE;

    default:
      return c == '-';
    }
}

/**
 * cpd_slugify:
 * @text: a heading as plain text (valid UTF-8)
 *
 * Returns: (transfer full): the GitHub-style slug of @text, possibly empty
 */
char *
cpd_slugify (const char *text)
{
  char *slug, *out;
  guint n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);

  /* g_utf8_strdown() looks the locale up on every call; ASCII needs none of its rules. The
   * slug is made in place: it is never longer than the text it has read. */
  slug = out = g_str_is_ascii (text) ? g_ascii_strdown (text, -1) : g_utf8_strdown (text, -1);

  for (const char *p = slug; *p && n_chars < CPD_SLUG_MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize    n = g_utf8_next_char (p) - p;

      if (c == ' ')
        *out++ = '-';
      else if (keep_char (c))
        out = (char *) memmove (out, p, n) + n;
      else
        continue;

      n_chars++;
    }
  *out = '\0';

  return slug;
}

CpdSlugger *
cpd_slugger_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
cpd_slugger_free (CpdSlugger *self)
{
  g_hash_table_unref (self);
}

/**
 * cpd_slugger_slug:
 * @self: a #CpdSlugger
 * @text: a heading as plain text
 *
 * Returns: (transfer full): a slug for @text that @self never returned before
 */
char *
cpd_slugger_slug (CpdSlugger *self,
                  const char *text)
{
  g_autofree char *base = NULL;
  char            *slug;
  guint            suffix;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  base = cpd_slugify (text);
  if (base[0] == '\0')
    g_set_str (&base, "section");

  /* 0: never handed out. Each id keeps the next suffix to try for it, so that thousands
   * of identical headings stay linear. */
  suffix = GPOINTER_TO_UINT (g_hash_table_lookup (self, base));
  if (suffix == 0)
    {
      g_hash_table_insert (self, g_strdup (base), GUINT_TO_POINTER (1));
      return g_steal_pointer (&base);
    }

  /* A page may already contain "intro-1" as a heading of its own: skip it. */
  for (;;)
    {
      slug = g_strdup_printf ("%s-%u", base, suffix++);
      if (!g_hash_table_contains (self, slug))
        break;
      g_free (slug);
    }

  g_hash_table_insert (self, g_steal_pointer (&base), GUINT_TO_POINTER (suffix));
  g_hash_table_insert (self, g_strdup (slug), GUINT_TO_POINTER (1));

  return slug;
}
