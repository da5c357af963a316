/* cpd-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-link.h"

G_DEFINE_BOXED_TYPE (CpdLink, cpd_link, cpd_link_copy, cpd_link_free)

CpdLink *
cpd_link_new (const char *text,
              const char *url)
{
  CpdLink *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_new (CpdLink, 1);
  self->text = g_strdup (text != NULL ? text : "");
  self->url = g_strdup (url);

  return self;
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

  g_free (self->text);
  g_free (self->url);
  g_free (self);
}
