/* cpd-application.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-application.h"
#include "cpd-document.h"
#include "cpd-help.h"
#include "cpd-search-provider.h"
#include "cpd-timing.h"
#include "cpd-window.h"

struct _CpdApplication
{
  AdwApplication parent_instance;

  CpdSearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (CpdApplication, cpd_application, ADW_TYPE_APPLICATION)

typedef struct
{
  CpdApplication *self;
  GtkWindow      *parent;
} OpenPage;

static void
open_page_free (OpenPage *op)
{
  g_clear_object (&op->self);
  g_clear_weak_pointer (&op->parent);
  g_free (op);
}

static void
open_page_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  OpenPage *op = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CpdDocument) document = NULL;
  CpdWindow *window;

  document = cpd_document_load_finish (result, &error);

  if (document != NULL)
    {
      window = cpd_window_new (op->self, document);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      /* The page the user already reads stays; the error goes where they look. */
      window = CPD_WINDOW (op->parent);
      if (window == NULL)
        {
          window = cpd_window_new (op->self, NULL);
          gtk_window_present (GTK_WINDOW (window));
        }
      cpd_window_show_open_error (window, G_FILE (source), error);
    }

  g_application_release (G_APPLICATION (op->self));
  open_page_free (op);
}

/**
 * cpd_application_open_page:
 * @self: a #CpdApplication
 * @file: the Markdown page to open
 * @parent: (nullable): the window the request came from
 *
 * Loads @file off the main thread and shows it in a new window. When it cannot be
 * loaded, the reason is shown in @parent (or in a new window showing the bundled page)
 * so that nothing the user is reading is replaced. Without @parent the new window maps
 * before the page is parsed.
 */
void
cpd_application_open_page (CpdApplication *self,
                           GFile          *file,
                           GtkWindow      *parent)
{
  OpenPage *op;

  g_return_if_fail (CPD_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Nothing on screen yet (the command line): the window maps at once, never waiting for the
   * page to be parsed, and falls back to the bundled page when it cannot be read. */
  if (parent == NULL)
    {
      gtk_window_present (GTK_WINDOW (cpd_window_new_for_file (self, file)));
      return;
    }

  op = g_new0 (OpenPage, 1);
  op->self = g_object_ref (self);
  g_set_weak_pointer (&op->parent, parent);

  /* Keep the process alive while the page loads: its parent may be closed meanwhile. */
  g_application_hold (G_APPLICATION (self));
  cpd_document_load_async (file, NULL, open_page_loaded_cb, op);
}

static void
cpd_application_activate (GApplication *app)
{
  CpdApplication *self = CPD_APPLICATION (app);
  GtkWindow      *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (cpd_window_new (self, NULL));

  gtk_window_present (window);
}

static void
cpd_application_open (GApplication *app,
                      GFile       **files,
                      int           n_files,
                      const char   *hint)
{
  CpdApplication *self = CPD_APPLICATION (app);
  GtkWindow      *parent = gtk_application_get_active_window (GTK_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    cpd_application_open_page (self, files[i], parent);
}

static void
cpd_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  CpdApplication    *self = user_data;
  GtkWindow         *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwDialog         *dialog;
  static const char *developers[] = { "The CPD Developers", NULL };

  dialog = adw_about_dialog_new_from_appdata (RESOURCE_BASE "/metainfo.xml", PACKAGE_VERSION);
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (dialog), APP_ID);
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (dialog), developers);
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (dialog), "© 2026 The CPD Developers");
  adw_about_dialog_set_license_type (ADW_ABOUT_DIALOG (dialog), GTK_LICENSE_GPL_3_0);
  /* Translators: put your names here, one per line. */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (dialog), _ ("translator-credits"));
  adw_about_dialog_add_acknowledgement_section (ADW_ABOUT_DIALOG (dialog),
                                                _ ("Event Page"),
                                                (const char *[]){
                                                  "Container Plumbing Days https://containerplumbing.org/",
                                                  NULL });
  adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (dialog),
                                      "cmark",
                                      "Copyright © 2014 John MacFarlane",
                                      GTK_LICENSE_BSD,
                                      NULL);
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

static void
cpd_application_help_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CpdApplication *self = user_data;

  /* Yelp, or inside Flatpak the app's own help window. */
  cpd_help_show (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
cpd_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CpdApplication *self = user_data;
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window lets it save its state first. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = cpd_application_about_action },
  { .name = "help", .activate = cpd_application_help_action },
  { .name = "quit", .activate = cpd_application_quit_action },
};

static void
cpd_application_startup (GApplication *app)
{
  CpdApplication *self = CPD_APPLICATION (app);

  G_APPLICATION_CLASS (cpd_application_parent_class)->startup (app);
  cpd_timing_report ("startup");

  g_set_application_name (_ ("Container Plumbing Days"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]){ "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help",
                                         (const char *[]){ "F1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]){ "<Control>w", NULL });
}

/* GNOME Shell's search provider lives on the application's own connection, so that D-Bus
 * activation for a search starts the app as a service, without a window. */
static gboolean
cpd_application_dbus_register (GApplication    *app,
                               GDBusConnection *connection,
                               const char      *object_path,
                               GError         **error)
{
  CpdApplication    *self = CPD_APPLICATION (app);
  GApplicationClass *parent_class = G_APPLICATION_CLASS (cpd_application_parent_class);

  if (!parent_class->dbus_register (app, connection, object_path, error))
    return FALSE;

  if (self->search_provider == NULL)
    self->search_provider = cpd_search_provider_new (self);

  return cpd_search_provider_register (self->search_provider, connection,
                                       CPD_SEARCH_PROVIDER_OBJECT_PATH, error);
}

static void
cpd_application_dbus_unregister (GApplication    *app,
                                 GDBusConnection *connection,
                                 const char      *object_path)
{
  CpdApplication    *self = CPD_APPLICATION (app);
  GApplicationClass *parent_class = G_APPLICATION_CLASS (cpd_application_parent_class);

  if (self->search_provider != NULL)
    cpd_search_provider_unregister (self->search_provider);

  parent_class->dbus_unregister (app, connection, object_path);
}

static void
cpd_application_dispose (GObject *object)
{
  CpdApplication *self = CPD_APPLICATION (object);

  g_clear_object (&self->search_provider);

  G_OBJECT_CLASS (cpd_application_parent_class)->dispose (object);
}

static void
cpd_application_class_init (CpdApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cpd_application_dispose;
  app_class->dbus_register = cpd_application_dbus_register;
  app_class->dbus_unregister = cpd_application_dbus_unregister;

  app_class->activate = cpd_application_activate;
  app_class->open = cpd_application_open;
  app_class->startup = cpd_application_startup;
}

static void
cpd_application_init (CpdApplication *self)
{
}

CpdApplication *
cpd_application_new (void)
{
  return g_object_new (CPD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
