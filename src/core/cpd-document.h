/* cpd-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cpd-event.h"
#include "cpd-link.h"
#include "cpd-section.h"

G_BEGIN_DECLS

#define CPD_DOCUMENT_ERROR (cpd_document_error_quark ())

/**
 * CpdDocumentError:
 * @CPD_DOCUMENT_ERROR_EMPTY: the page has no bytes at all
 * @CPD_DOCUMENT_ERROR_TOO_LARGE: the page is larger than %CPD_DOCUMENT_MAX_SIZE
 * @CPD_DOCUMENT_ERROR_NOT_TEXT: the page contains NUL bytes, so it is no text file
 * @CPD_DOCUMENT_ERROR_FRONT_MATTER: the page's front matter is not YAML (or TOML) keys and
 *   values
 *
 * Why a page could not be loaded; failures to read a file keep their #GIOErrorEnum.
 */
typedef enum
{
  CPD_DOCUMENT_ERROR_EMPTY,
  CPD_DOCUMENT_ERROR_TOO_LARGE,
  CPD_DOCUMENT_ERROR_NOT_TEXT,
  CPD_DOCUMENT_ERROR_FRONT_MATTER,
} CpdDocumentError;

/**
 * CPD_DOCUMENT_MAX_SIZE:
 *
 * The largest page we load, in bytes (32 MiB): event pages are a few kilobytes, and
 * rendering is linear, so this keeps a hostile file from taking the app's memory.
 */
#define CPD_DOCUMENT_MAX_SIZE (32 * 1024 * 1024)

#define CPD_TYPE_DOCUMENT (cpd_document_get_type ())

/**
 * CpdDocument:
 *
 * An event page: Markdown with optional Jekyll front matter, rendered once at load
 * into a complete, self-contained HTML document, with its outline, links and event.
 *
 * Rendering uses cmark with %CMARK_OPT_SMART and %CMARK_OPT_VALIDATE_UTF8 and never
 * %CMARK_OPT_UNSAFE: raw HTML in the page is dropped, dangerous link schemes
 * (javascript:, vbscript:, file:, data:) never become links, invalid UTF-8 is repaired.
 * Every heading gets an id (see #CpdSection); links are made absolute against the site
 * URL, and links that cannot be (relative links without a site URL, dangerous schemes)
 * lose their link and keep their text. Links to an anchor of the page ("#id") stay
 * in-page links and are not in cpd_document_get_links().
 *
 * The site URL is the front matter `url` (Jekyll), else the one given by the caller or,
 * for files, by the sidecar metadata; the front matter `baseurl` is appended to it.
 * A page `X.md` may have a key file `X.meta` beside it, with a group `[Page]` and keys
 * `SiteUrl=` and `Lang=`.
 */
G_DECLARE_FINAL_TYPE (CpdDocument, cpd_document, CPD, DOCUMENT, GObject)

GQuark       cpd_document_error_quark (void);
CpdDocument *cpd_document_new_from_bytes (GBytes     *bytes,
                                          const char *site_url,
                                          GError    **error);
CpdDocument *cpd_document_new_from_file (GFile        *file,
                                         GCancellable *cancellable,
                                         GError      **error);
void         cpd_document_load_async (GFile              *file,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
CpdDocument *cpd_document_load_finish (GAsyncResult *result,
                                       GError      **error);
const char  *cpd_document_get_title (CpdDocument *self);
const char  *cpd_document_get_front_matter (CpdDocument *self,
                                            const char  *key);
const char  *cpd_document_get_site_url (CpdDocument *self);
const char  *cpd_document_get_lang (CpdDocument *self);
const char  *cpd_document_get_html (CpdDocument *self);
GListModel  *cpd_document_get_sections (CpdDocument *self);
gboolean     cpd_document_find_section (CpdDocument *self,
                                        const char  *id,
                                        guint       *position);
GPtrArray   *cpd_document_get_links (CpdDocument *self);
char        *cpd_document_resolve_link (CpdDocument *self,
                                        const char  *href);
CpdEvent    *cpd_document_get_event (CpdDocument *self);

G_END_DECLS
