/* cpd-link.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CPD_TYPE_LINK (cpd_link_get_type ())

/**
 * CpdLink:
 * @text: the link's text as plain text
 * @url: the absolute URL it points to
 *
 * One link of a page, in document order.
 */
typedef struct _CpdLink
{
  char *text;
  char *url;
} CpdLink;

GType    cpd_link_get_type (void) G_GNUC_CONST;
CpdLink *cpd_link_new (const char *text,
                       const char *url);
CpdLink *cpd_link_copy (const CpdLink *self);
void     cpd_link_free (CpdLink *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdLink, cpd_link_free)

G_END_DECLS
