/* cpd-document-load.c: pages from files, with their sidecar metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cpd-document-private.h"

/* Sidecar metadata is a few lines; refuse anything that is clearly not that. */
#define SIDECAR_MAX_SIZE (64 * 1024)

static GBytes *
read_capped (GFile        *file,
             gsize         max_size,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  g_autoptr (GError) query_error = NULL;
  gsize length = 0;

  /* Opening a FIFO blocks until someone writes to it, and a device may never end: pages are
   * regular files (resource:// ones too). */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &query_error);
  /* GIO's own message repeats the whole path, which callers name already. */
  if (g_error_matches (query_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("The page does not exist"));
      return NULL;
    }
  if (info == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&query_error));
      return NULL;
    }
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _ ("The page is a folder, not a file"));
      return NULL;

    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _ ("The page is not a regular file"));
      return NULL;
    }

  /* Refuse a huge file before reading it, when its size is known. */
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > (goffset) max_size)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (max_size);

      /* Translators: both %s are sizes such as "40.0 MB" */
      g_set_error (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_TOO_LARGE,
                   _ ("The page is too large: it has %s, at most %s are read"), size, limit);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* Files may grow or lie about their size: never read more than the cap. */
  for (;;)
    {
      gsize chunk = 64 * 1024;
      gsize n_read;

      g_byte_array_set_size (buffer, length + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + length, chunk, &n_read,
                                    cancellable, error))
        return NULL;

      length += n_read;
      if (n_read < chunk)
        break;

      if (length > max_size)
        {
          g_autofree char *limit = g_format_size (max_size);

          /* Translators: %s is a size such as "32.0 MB" */
          g_set_error (error, CPD_DOCUMENT_ERROR, CPD_DOCUMENT_ERROR_TOO_LARGE,
                       _ ("The page is too large: it has more than %s"), limit);
          return NULL;
        }
    }

  g_byte_array_set_size (buffer, length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static GFile *
sidecar_for (GFile *file)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  char            *dot;

  if (parent == NULL || basename == NULL)
    return NULL;

  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  name = g_strconcat (basename, ".meta", NULL);

  return g_file_get_child (parent, name);
}

/* Missing or broken sidecar metadata is not an error: the page loads without it. */
static void
read_sidecar (GFile        *file,
              GCancellable *cancellable,
              char        **site_url,
              char        **lang)
{
  g_autoptr (GFile) sidecar = sidecar_for (file);
  g_autoptr (GKeyFile) key_file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  *site_url = NULL;
  *lang = NULL;

  if (sidecar == NULL)
    return;

  bytes = read_capped (sidecar, SIDECAR_MAX_SIZE, cancellable, &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Ignoring the page's metadata: %s", error->message);
      return;
    }

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, &error))
    {
      g_debug ("Ignoring the page's metadata: %s", error->message);
      return;
    }

  *site_url = g_key_file_get_string (key_file, "Page", "SiteUrl", NULL);
  *lang = g_key_file_get_string (key_file, "Page", "Lang", NULL);
}

/**
 * cpd_document_new_from_file:
 * @file: a page: a local file, a `resource://` URI or any #GFile
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GIOErrorEnum or #CpdDocumentError
 *
 * Reads and renders a page, with the sidecar metadata beside it when there is one
 * (`X.meta` for `X.md`). Blocks: use cpd_document_load_async() from the UI.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
CpdDocument *
cpd_document_new_from_file (GFile        *file,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *site_url = NULL;
  g_autofree char *lang = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_capped (file, CPD_DOCUMENT_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  read_sidecar (file, cancellable, &site_url, &lang);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return cpd_document_new_internal (bytes, site_url, lang, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError      *error = NULL;
  CpdDocument *document;

  document = cpd_document_new_from_file (G_FILE (source_object), cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * cpd_document_load_async:
 * @file: a page, see cpd_document_new_from_file()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when the page is loaded, with
 *   @file as its source object
 * @user_data: data for @callback
 *
 * Reads and renders a page in a worker thread.
 */
void
cpd_document_load_async (GFile              *file,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, cpd_document_load_async);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * cpd_document_load_finish:
 * @result: the result given to the callback of cpd_document_load_async()
 * @error: return location for a #GIOErrorEnum or #CpdDocumentError
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
CpdDocument *
cpd_document_load_finish (GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, cpd_document_load_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
