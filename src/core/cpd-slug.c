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

#include "cpd-ascii.h"
#include "cpd-slug.h"

/* Pages have a few headings; a hash table is worth making only past this many. */
#define SMALL_SLUGS 8

struct _CpdSlugger
{
  /* Every id handed out, each with the next suffix to try for it (so that thousands of
   * identical headings stay linear): in two arrays while there are few, then in a hash
   * table, with values stored + 1 so that none is NULL. */
  char       *small_slugs[SMALL_SLUGS];
  guint       small_suffixes[SMALL_SLUGS];
  guint       n_small;
  GHashTable *used;
};

#define SUFFIX_TO_POINTER(n) GUINT_TO_POINTER ((n) + 1)
#define POINTER_TO_SUFFIX(p) (GPOINTER_TO_UINT (p) - 1)

/* The next suffix to try for @slug, or 0 if @slug was never handed out. */
static guint
lookup_slug (CpdSlugger *self,
             const char *slug)
{
  if (self->used != NULL)
    {
      gpointer stored = g_hash_table_lookup (self->used, slug);

      return stored != NULL ? POINTER_TO_SUFFIX (stored) : 0;
    }

  for (guint i = 0; i < self->n_small; i++)
    if (strcmp (self->small_slugs[i], slug) == 0)
      return self->small_suffixes[i];

  return 0;
}

/* Records @slug, handed out or not, with the next suffix to try for it. */
static void
remember_slug (CpdSlugger *self,
               const char *slug,
               guint       next_suffix)
{
  if (self->used == NULL)
    {
      for (guint i = 0; i < self->n_small; i++)
        if (strcmp (self->small_slugs[i], slug) == 0)
          {
            self->small_suffixes[i] = next_suffix;
            return;
          }

      if (self->n_small < SMALL_SLUGS)
        {
          self->small_slugs[self->n_small] = g_strdup (slug);
          self->small_suffixes[self->n_small++] = next_suffix;
          return;
        }

      self->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < self->n_small; i++)
        g_hash_table_insert (self->used, g_steal_pointer (&self->small_slugs[i]),
                             SUFFIX_TO_POINTER (self->small_suffixes[i]));
      self->n_small = 0;
    }

  g_hash_table_replace (self->used, g_strdup (slug), SUFFIX_TO_POINTER (next_suffix));
}

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

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
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
  g_autofree char *lower = NULL;
  GString         *slug;
  guint            n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most headings are ASCII: no need for Unicode case mapping. */
  if (is_ascii (text))
    {
      /* One byte a character, never longer than @text. */
      char *ascii_slug = g_malloc (MIN (strlen (text), CPD_SLUG_MAX_CHARS) + 1);

      for (const char *p = text; *p && n_chars < CPD_SLUG_MAX_CHARS; p++)
        {
          if (*p == ' ')
            ascii_slug[n_chars++] = '-';
          else if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
            ascii_slug[n_chars++] = cpd_ascii_fold (*p);
        }
      ascii_slug[n_chars] = '\0';

      return ascii_slug;
    }

  lower = g_utf8_strdown (text, -1);
  slug = g_string_sized_new (strlen (lower));

  for (const char *p = lower; *p && n_chars < CPD_SLUG_MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        g_string_append_c (slug, '-');
      else if (keep_char (c))
        g_string_append_unichar (slug, c);
      else
        continue;

      n_chars++;
    }

  return g_string_free (slug, FALSE);
}

/* Writes @n in decimal into @out, NUL-terminated; returns its length. */
static gsize
format_uint (guint n,
             char  out[16])
{
  char  digits[16];
  gsize len = 0;

  do
    {
      digits[len++] = '0' + n % 10;
      n /= 10;
    }
  while (n > 0);

  for (gsize i = 0; i < len; i++)
    out[i] = digits[len - 1 - i];
  out[len] = '\0';

  return len;
}

CpdSlugger *
cpd_slugger_new (void)
{
  return g_new0 (CpdSlugger, 1);
}

void
cpd_slugger_free (CpdSlugger *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_small; i++)
    g_free (self->small_slugs[i]);
  g_clear_pointer (&self->used, g_hash_table_unref);
  g_free (self);
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
  guint            next_suffix;
  gsize            base_len;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  base = cpd_slugify (text);
  if (base[0] == '\0')
    {
      g_free (base);
      base = g_strdup ("section");
    }

  next_suffix = lookup_slug (self, base);
  if (next_suffix == 0)
    {
      remember_slug (self, base, 1);
      return g_steal_pointer (&base);
    }

  /* Counted in place: a page may repeat a heading thousands of times. A page may also
   * already contain "intro-1" as a heading of its own: skip it. */
  base_len = strlen (base);
  for (;;)
    {
      char  number[16];
      gsize number_len = format_uint (next_suffix++, number);

      slug = g_malloc (base_len + 1 + number_len + 1);
      memcpy (slug, base, base_len);
      slug[base_len] = '-';
      memcpy (slug + base_len + 1, number, number_len + 1);
      if (lookup_slug (self, slug) == 0)
        break;
      g_free (slug);
    }

  remember_slug (self, base, next_suffix);
  remember_slug (self, slug, 1);

  return slug;
}
