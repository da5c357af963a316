/* cpd-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cpd-link-private.h"

G_DEFINE_BOXED_TYPE (CpdLink, cpd_link, cpd_link_copy, cpd_link_free)

/* A link is read-only: it and its two strings are one allocation, made for each link of
 * every page. */
CpdLink *
cpd_link_new_len (const char *text,
                  gsize       text_len,
                  const char *url)
{
  gsize    url_size = strlen (url) + 1;
  CpdLink *self = g_malloc (sizeof (CpdLink) + text_len + 1 + url_size);

  self->text = (char *) (self + 1);
  memcpy (self->text, text, text_len);
  self->text[text_len] = '\0';
  self->url = self->text + text_len + 1;
  memcpy (self->url, url, url_size);

  return self;
}

CpdLink *
cpd_link_new (const char *text,
              const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);

  if (text == NULL)
    text = "";

  return cpd_link_new_len (text, strlen (text), url);
}

CpdLink *
cpd_link_copy (const CpdLink *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cpd_link_new (self->text, self->url);
}

void
cpd_link_free (CpdLink *self)
{
  if (self == NULL)
    return;

  g_free (self);
}
