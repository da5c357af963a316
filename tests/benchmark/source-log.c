/* source-log.c: which GLib sources run on a program's main thread, and whose code they run.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: CPD_SOURCE_LOG=FILE LD_PRELOAD=BUILDDIR/tests/benchmark/libsource-log.so PROGRAM
 *
 * For bench-startup.py, which counts the wakeups of the app's main thread while it is idle
 * and asks which of them are the app's own. Preloaded, this wraps the dispatch function of
 * every GSource attached to the main context, and each time one is dispatched on the main
 * thread it writes one line to FILE:
 *
 *   MONOTONIC_US OBJECT NAME
 *
 * OBJECT is the file (dladdr ()) that holds the source's callback, or its dispatch function
 * when it has no callback: "cpd" or "libcpd-page.so" for the app's own code,
 * "libwebkitgtk-6.0.so.4", "libgtk-4.so.1"... NAME is the source's name (g_source_set_name ();
 * GLib, GTK and WebKit name theirs), or "-". A main thread that wakes from poll () dispatches
 * the sources that woke it, so a timer or an idle callback of ours that wakes the idle app
 * shows up as a line whose OBJECT is ours.
 *
 * Sources reach the main context in two ways that a preload sees: g_source_attach () from
 * another library (GDK, WebKit, the app), and GLib's own g_timeout_add () family, which attach
 * inside GLib where no preload can step in: those are wrapped after the fact, by id.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static GMutex      lock;
static GHashTable *originals; /* wrapper GSourceFuncs -> the original */
static GHashTable *wrappers;  /* original GSourceFuncs -> its wrapper */
static FILE       *log_file;

static const GSourceFuncs *
original_funcs (const GSourceFuncs *funcs)
{
  const GSourceFuncs *original;

  g_mutex_lock (&lock);
  original = g_hash_table_lookup (originals, funcs);
  g_mutex_unlock (&lock);

  return original;
}

static const char *
object_of (gpointer address)
{
  Dl_info     info;
  const char *slash;

  if (address == NULL || dladdr (address, &info) == 0 || info.dli_fname == NULL)
    return "?";
  slash = strrchr (info.dli_fname, '/');

  return slash != NULL ? slash + 1 : info.dli_fname;
}

static gboolean
logging_dispatch (GSource    *source,
                  GSourceFunc callback,
                  gpointer    user_data)
{
  const GSourceFuncs *original = original_funcs (source->source_funcs);
  const char         *name = g_source_get_name (source);

  if (log_file != NULL && gettid () == getpid ())
    fprintf (log_file, "%" G_GINT64_FORMAT " %s %s\n", g_get_monotonic_time (),
             object_of (callback != NULL ? (gpointer) callback : (gpointer) original->dispatch),
             name != NULL && name[0] != '\0' ? name : "-");

  return original->dispatch (source, callback, user_data);
}

/* Swaps @source's functions for a copy whose dispatch logs first. */
static void
wrap (GSource *source)
{
  const GSourceFuncs *funcs;
  GSourceFuncs       *wrapper;

  if (source == NULL || g_source_get_context (source) != g_main_context_default ())
    return;

  g_mutex_lock (&lock);
  funcs = source->source_funcs;
  if (originals == NULL)
    {
      originals = g_hash_table_new (NULL, NULL);
      wrappers = g_hash_table_new (NULL, NULL);
    }
  if (funcs->dispatch != NULL && !g_hash_table_contains (originals, funcs))
    {
      wrapper = g_hash_table_lookup (wrappers, funcs);
      if (wrapper == NULL)
        {
          wrapper = g_memdup2 (funcs, sizeof *funcs);
          wrapper->dispatch = logging_dispatch;
          g_hash_table_insert (wrappers, (gpointer) funcs, wrapper);
          g_hash_table_insert (originals, wrapper, (gpointer) funcs);
        }
      source->source_funcs = wrapper;
    }
  g_mutex_unlock (&lock);
}

__attribute__ ((constructor)) static void
source_log_init (void)
{
  const char *path = g_getenv ("CPD_SOURCE_LOG");

  if (path == NULL)
    return;
  log_file = fopen (path, "a");
  /* This process only, not WebKit's web and network processes it starts. */
  g_unsetenv ("CPD_SOURCE_LOG");
  g_unsetenv ("LD_PRELOAD");
  if (log_file != NULL)
    setvbuf (log_file, NULL, _IOLBF, 0);
}

#define REAL(name) ((__typeof__ (&name)) dlsym (RTLD_NEXT, #name))

guint
g_source_attach (GSource      *source,
                 GMainContext *context)
{
  guint id = REAL (g_source_attach) (source, context);

  wrap (source);
  return id;
}

/* GLib's own helpers attach inside GLib: wrap what they made, by id. Only on the main thread:
 * a source added from another thread may already be dispatched and freed by the time it is
 * looked up (those are one-off replies to the main thread, such as a GTask's, not timers). */
static guint
wrap_id (guint id)
{
  if (gettid () == getpid ())
    wrap (g_main_context_find_source_by_id (NULL, id));
  return id;
}

/* Each of these returns the id of a source on the main context. */
#define WRAP_BY_ID(name, params, args) \
  guint name params                    \
  {                                    \
    return wrap_id (REAL (name) args); \
  }

WRAP_BY_ID (g_timeout_add_full,
            (int priority, guint interval, GSourceFunc function, gpointer data, GDestroyNotify notify),
            (priority, interval, function, data, notify))
WRAP_BY_ID (g_timeout_add, (guint interval, GSourceFunc function, gpointer data), (interval, function, data))
WRAP_BY_ID (g_timeout_add_seconds_full,
            (int priority, guint interval, GSourceFunc function, gpointer data, GDestroyNotify notify),
            (priority, interval, function, data, notify))
WRAP_BY_ID (g_timeout_add_seconds, (guint interval, GSourceFunc function, gpointer data), (interval, function, data))
WRAP_BY_ID (g_idle_add_full,
            (int priority, GSourceFunc function, gpointer data, GDestroyNotify notify),
            (priority, function, data, notify))
WRAP_BY_ID (g_idle_add, (GSourceFunc function, gpointer data), (function, data))
