/* cpd-portal-test-utils.c: tests that run under portal-run, and drive other processes' windows
 * through AT-SPI.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-portal-test-utils.h"
#include "cpd-ui-test-utils.h"

/* Logs ------------------------------------------------------------------------------------ */

static char *
read_log (const char *variable)
{
  const char *path = g_getenv (variable);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_assert_nonnull (path);
  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("Could not read %s: %s", path, error->message);

  return contents;
}

/* What the stub handler received: "ARG <argument>" lines, and a file argument's contents
 * between "FILE-BEGIN <path>" and "FILE-END" lines. */
char *
cpd_test_read_handler_log (void)
{
  return read_log ("CPD_PORTAL_HANDLER_LOG");
}

static gboolean
handler_log_has (gpointer data)
{
  g_autofree char *log = cpd_test_read_handler_log ();

  return strstr (log, data) != NULL;
}

void
cpd_test_wait_for_handler (const char *text)
{
  g_autofree char *what = g_strdup_printf ("the handler to receive “%s”", text);

  cpd_test_wait_for (handler_log_has, (gpointer) text, what);
}

/* dbus-monitor prints a message as a header line ("method call time=… sender=:1.7 -> …;
 * interface=…; member=…") followed by indented arguments. Counts the calls of @member on the
 * portal interface @interface made by @app whose arguments contain @needle (any, if %NULL). */
guint
cpd_test_count_portal_calls (GApplication *app,
                             const char   *interface,
                             const char   *member,
                             const char   *needle)
{
  g_autofree char *log = read_log ("CPD_PORTAL_DBUS_LOG");
  g_auto (GStrv) lines = g_strsplit (log, "\n", -1);
  GDBusConnection *bus = g_application_get_dbus_connection (app);
  g_autofree char *sender = g_strdup_printf ("sender=%s ", g_dbus_connection_get_unique_name (bus));
  g_autofree char *header = g_strdup_printf ("interface=%s; member=%s", interface, member);
  guint            count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean found = needle == NULL;

      if (!g_str_has_prefix (lines[i], "method call ") || strstr (lines[i], sender) == NULL ||
          !g_str_has_suffix (lines[i], header))
        continue;

      for (guint j = i + 1; lines[j] != NULL && g_ascii_isspace (lines[j][0]); j++)
        found = found || strstr (lines[j], needle) != NULL;

      if (found)
        count++;
    }

  return count;
}

/* AT-SPI ---------------------------------------------------------------------------------- */

typedef struct
{
  char    *output;
  GError  *error;
  gboolean done;
} Driver;

static void
driver_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Driver *driver = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &driver->output, NULL,
                                        &driver->error);
  driver->done = TRUE;
}

static gboolean
driver_done (gpointer data)
{
  return ((Driver *) data)->done;
}

/**
 * cpd_test_drive_atspi:
 * @first_arg: the first argument of tests/portal/drive-atspi.py, then the others, then %NULL
 *
 * Runs drive-atspi.py (`CPD_PORTAL_ATSPI_DRIVER`), which acts in a window through AT-SPI,
 * while this process's main loop keeps running: the window may be this process's own.
 *
 * Returns: (transfer full): what the driver printed; it must have succeeded
 */
char *
cpd_test_drive_atspi (const char *first_arg,
                      ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  Driver  driver = { 0 };
  va_list args;

  g_ptr_array_add (argv, (gpointer) "python3");
  g_ptr_array_add (argv, (gpointer) g_getenv ("CPD_PORTAL_ATSPI_DRIVER"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[1]);

  process = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                               &driver.error);
  g_assert_no_error (driver.error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, driver_done_cb, &driver);
  cpd_test_wait_for (driver_done, &driver, "drive-atspi.py");
  g_assert_no_error (driver.error);
  g_test_message ("drive-atspi.py %s: %s", first_arg, driver.output);
  g_assert_true (g_subprocess_get_successful (process));

  return driver.output;
}
