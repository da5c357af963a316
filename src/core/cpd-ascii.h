/* cpd-ascii.h: ASCII case folding for the per-page hot paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_ascii_tolower() and g_ascii_strncasecmp() are calls into GLib, one per byte for the
 * latter; the document core compares every link's scheme and every labelled line this
 * way, so it folds inline instead.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

static inline char
cpd_ascii_fold (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Whether the @length bytes at @text are @lower (lowercase ASCII), ignoring case; stops
 * at a NUL in @text, which @lower does not contain. */
static inline gboolean
cpd_ascii_equal_fold (const char *text,
                      const char *lower,
                      gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (cpd_ascii_fold (text[i]) != lower[i])
      return FALSE;

  return TRUE;
}

/* Whether @text starts with @lower, a lowercase ASCII literal, ignoring case. */
#define cpd_ascii_has_prefix_fold(text, lower) \
  cpd_ascii_equal_fold ((text), "" lower, sizeof (lower) - 1)

G_END_DECLS
