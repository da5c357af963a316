/* cpd-document-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark.h>

#include "cpd-document.h"

G_BEGIN_DECLS

/* Smart punctuation and repaired UTF-8; never CMARK_OPT_UNSAFE, so raw HTML and
 * dangerous URLs never reach the page. The benchmark renders with the same options. */
#define CPD_DOCUMENT_CMARK_OPTIONS (CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8)

/* @lang: (nullable): the sidecar's language, when the front matter gives none */
CpdDocument *cpd_document_new_internal (GBytes     *bytes,
                                        const char *site_url,
                                        const char *lang,
                                        GError    **error);

G_END_DECLS
