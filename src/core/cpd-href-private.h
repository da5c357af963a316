/* cpd-href-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CPD_HREF_DROP,     /* cannot be followed safely: keep the text, lose the link */
  CPD_HREF_FRAGMENT, /* an anchor in this page */
  CPD_HREF_ABSOLUTE,
} CpdHrefKind;

char       *cpd_href_escape (const char *href);
CpdHrefKind cpd_href_resolve (GUri       *site,
                              const char *href,
                              char      **absolute);
char       *cpd_site_url_new (const char *url,
                              const char *baseurl,
                              const char *fallback,
                              GUri      **uri);

G_END_DECLS
