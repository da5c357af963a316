/* cpd-page-loader.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The app does not link WebKitGTK. Everything that uses it (the page view, the help window)
 * is in the page module, libcpd-page.so in CPD_MODULE_DIR (the app's libdir; the environment
 * variable CPD_MODULE_DIR overrides it for the uninstalled build and the tests), loaded with
 * GModule the way GNOME Builder loads its plugins. Mapping WebKitGTK and its libraries costs
 * about 90 ms before main () when linked; loaded here, it waits until the window has painted
 * its first frame (cpd-window-page.c), and a search from GNOME Shell, which opens no window, never
 * loads it at all.
 *
 * dlopen () itself runs on a worker thread (GTask), so the window stays responsive while the
 * libraries map; the module's types are then registered on the main thread, through its one
 * entry point (cpd-page-module.h), and the window makes the page view and its web view at
 * once. A module that is missing or broken is an error for the window to show, never a crash.
 *
 * Why not sooner, on a thread of low priority while the window paints: dlopen () holds glibc's
 * loader lock for all of its ~110 ms (three quarters of it looking up WebKit's 55 000 symbol
 * relocations), and the main thread needs that lock while it paints its first frame (GL entry
 * points, Mesa's shader compiler). Started at map with nice 19, the main thread waited 70-100 ms
 * in that lock, woken by the loader thread (perf sched), and the frame came ~100 ms later for a
 * page no sooner; tests/benchmark/README.md has the numbers.
 */

#include "config.h"

#include "cpd-page-loader.h"
#include "cpd-page.h"
#include "cpd-timing.h"

#define MODULE_NAME "libcpd-page.so"

typedef enum
{
  LOADER_IDLE,
  LOADER_LOADING,
  LOADER_LOADED,
  LOADER_FAILED,
} LoaderState;

/* Per process: the module is loaded once and stays. */
static LoaderState               state;
static CpdPageModuleTypes        types;
static GError                   *load_error;
static GPtrArray                *waiting_tasks;
static CpdPageModuleRegisterFunc builtin_register;

/**
 * cpd_page_loader_set_builtin:
 * @register_func: the module's entry point, linked into the program
 *
 * For the tests, which link the module's code to reach into the page view: its types are
 * registered through @register_func instead of loading the module.
 */
void
cpd_page_loader_set_builtin (CpdPageModuleRegisterFunc register_func)
{
  builtin_register = register_func;
}

static char *
cpd_page_loader_dup_module_path (void)
{
  const char *dir = g_getenv ("CPD_MODULE_DIR");

  if (dir == NULL || dir[0] == '\0')
    dir = CPD_MODULE_DIR;

  return g_build_filename (dir, MODULE_NAME, NULL);
}

static GModule *
cpd_page_loader_open (GError **error)
{
  g_autofree char *path = cpd_page_loader_dup_module_path ();
  GModule         *module;

  /* Lazy binding: WebKit's symbols are resolved as they are first called. */
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_module_error ());

  return module;
}

/* On the main thread: GTK's types may only be made there. */
static gboolean
cpd_page_loader_register (GModule *module,
                          GError **error)
{
  CpdPageModuleRegisterFunc register_func = builtin_register;
  CpdPageModuleTypes        module_types = { 0 };

  if (module != NULL &&
      !g_module_symbol (module, CPD_PAGE_MODULE_ENTRY_POINT, (gpointer *) &register_func))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_module_error ());
      return FALSE;
    }

  register_func (&module_types);
  if (!g_type_is_a (module_types.page_view_type, CPD_TYPE_PAGE) ||
      !g_type_is_a (module_types.help_window_type, GTK_TYPE_WINDOW))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s",
                   module != NULL ? g_module_name (module) : MODULE_NAME,
                   "the module's types are not the page view and the help window");
      return FALSE;
    }

  /* Its types can never be unregistered: the module stays for the life of the process. */
  if (module != NULL)
    g_module_make_resident (module);
  types = module_types;
  state = LOADER_LOADED;

  return TRUE;
}

static void
cpd_page_loader_fail (GError *error)
{
  g_warning ("Could not load the page module: %s", error->message);
  load_error = error;
  state = LOADER_FAILED;
}

static void
cpd_page_loader_complete (GTask *task)
{
  if (state == LOADER_LOADED)
    g_task_return_pointer (task, &types, NULL);
  else
    g_task_return_error (task, g_error_copy (load_error));
}

static void
cpd_page_loader_open_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  GError  *error = NULL;
  GModule *module = cpd_page_loader_open (&error);

  cpd_timing_report ("module-opened");
  if (module == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, module, NULL);
}

static void
cpd_page_loader_opened_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (GPtrArray) tasks = g_steal_pointer (&waiting_tasks);
  GError  *error = NULL;
  GModule *module = g_task_propagate_pointer (G_TASK (result), &error);

  /* cpd_page_loader_load () may have finished the job meanwhile. */
  if (state == LOADER_LOADING)
    {
      if (module == NULL || !cpd_page_loader_register (module, &error))
        cpd_page_loader_fail (g_steal_pointer (&error));
    }
  g_clear_error (&error);

  for (guint i = 0; i < tasks->len; i++)
    cpd_page_loader_complete (g_ptr_array_index (tasks, i));
}

/**
 * cpd_page_loader_load_async:
 *
 * Loads the page module, unless it is loaded already, and registers its types.
 */
void
cpd_page_loader_load_async (GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (GTask) open_task = NULL;

  g_task_set_source_tag (task, cpd_page_loader_load_async);

  if (state == LOADER_IDLE && builtin_register != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!cpd_page_loader_register (NULL, &error))
        cpd_page_loader_fail (g_steal_pointer (&error));
    }

  if (state == LOADER_LOADED || state == LOADER_FAILED)
    {
      cpd_page_loader_complete (task);
      return;
    }

  if (waiting_tasks == NULL)
    waiting_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (waiting_tasks, g_steal_pointer (&task));

  if (state == LOADER_LOADING)
    return;

  state = LOADER_LOADING;
  open_task = g_task_new (NULL, NULL, cpd_page_loader_opened_cb, NULL);
  g_task_set_source_tag (open_task, cpd_page_loader_open_thread);
  g_task_run_in_thread (open_task, cpd_page_loader_open_thread);
}

/**
 * cpd_page_loader_load_finish:
 *
 * Returns: (transfer none): the module's types, or %NULL with @error set when the module is
 *   missing or broken
 */
const CpdPageModuleTypes *
cpd_page_loader_load_finish (GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cpd_page_loader_load:
 *
 * Loads the page module now, on the main thread, for what cannot wait (F1).
 *
 * Returns: (transfer none): the module's types, or %NULL with @error set
 */
const CpdPageModuleTypes *
cpd_page_loader_load (GError **error)
{
  if (state == LOADER_IDLE || state == LOADER_LOADING)
    {
      GError  *local_error = NULL;
      GModule *module = NULL;

      if (builtin_register == NULL)
        module = cpd_page_loader_open (&local_error);

      if ((builtin_register == NULL && module == NULL) ||
          !cpd_page_loader_register (module, &local_error))
        cpd_page_loader_fail (local_error);
    }

  if (state == LOADER_FAILED)
    {
      g_propagate_error (error, g_error_copy (load_error));
      return NULL;
    }

  return &types;
}
