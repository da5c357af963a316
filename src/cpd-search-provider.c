/* cpd-search-provider.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* GNOME Shell's search provider (org.gnome.Shell.SearchProvider2), on the application's own
 * D-Bus connection: typing in Activities finds the event's sections by their titles, and its
 * date and venue. Searching reads the page with the core alone, the one the active window
 * shows or else the bundled page, so that no web process starts for a search: WebKit starts
 * only when a result is activated, and a window opens. Terms match as GLib matches search
 * terms (g_str_match_string ()): case- and accent-insensitive, each term the start of a word,
 * and every term must match.
 *
 * Result identifiers: "section:ID" for the heading with id ID, "fact:date" and "fact:venue".
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-search-provider.h"
#include "cpd-window.h"

#define SEARCH_PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"
#define SECTION_PREFIX "section:"
#define FACT_DATE "fact:date"
#define FACT_VENUE "fact:venue"

/* GNOME Shell calls again with every key typed: stay running between them, not longer. */
#define LINGER_SECONDS 10

struct _CpdSearchProvider
{
  GObject parent_instance;

  CpdApplication  *application; /* owns us */
  CpdDocument     *bundled_page;
  GDBusConnection *connection;
  guint            registration_id;
  guint            linger_source;
};

G_DEFINE_FINAL_TYPE (CpdSearchProvider, cpd_search_provider, G_TYPE_OBJECT)

static gboolean
linger_done_cb (gpointer user_data)
{
  CpdSearchProvider *self = user_data;

  self->linger_source = 0;
  g_application_release (G_APPLICATION (self->application));

  return G_SOURCE_REMOVE;
}

/* Started by D-Bus activation for a search, the app has no window to keep it running. */
static void
cpd_search_provider_linger (CpdSearchProvider *self)
{
  if (self->linger_source != 0)
    g_source_remove (self->linger_source);
  else
    g_application_hold (G_APPLICATION (self->application));

  self->linger_source = g_timeout_add_seconds (LINGER_SECONDS, linger_done_cb, self);
}

static CpdWindow *
cpd_search_provider_get_window (CpdSearchProvider *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self->application));

  return CPD_IS_WINDOW (window) ? CPD_WINDOW (window) : NULL;
}

/* The page searched: the active window's, else the bundled page, read here with the core. */
static CpdDocument *
cpd_search_provider_get_document (CpdSearchProvider *self)
{
  CpdWindow *window = cpd_search_provider_get_window (self);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (window != NULL && cpd_window_get_document (window) != NULL)
    return cpd_window_get_document (window);

  if (self->bundled_page == NULL)
    {
      /* A resource of a few kilobytes: read at once, the Shell waits for the answer. */
      file = g_file_new_for_uri (CPD_BUNDLED_PAGE_URI);
      self->bundled_page = cpd_document_new_from_file (file, NULL, &error);
      if (self->bundled_page == NULL)
        g_warning ("Cannot search the bundled page: %s", error->message);
    }

  return self->bundled_page;
}

static const char *
document_event_title (CpdDocument *document)
{
  CpdEvent *event = cpd_document_get_event (document);

  if (cpd_event_get_title (event) != NULL)
    return cpd_event_get_title (event);
  if (cpd_document_get_title (document) != NULL)
    return cpd_document_get_title (document);
  return g_get_application_name ();
}

/* GLib folds accents away in the text searched, not in the term: "uber" finds "Über", and
 * the term's own ASCII forms let "über" find "Uber" too. */
static gboolean
matches_term (const char *term,
              const char *text)
{
  g_auto (GStrv) tokens = NULL;
  g_auto (GStrv) alternates = NULL;

  if (g_str_match_string (term, text, TRUE))
    return TRUE;

  tokens = g_str_tokenize_and_fold (term, NULL, &alternates);
  for (guint i = 0; alternates[i] != NULL; i++)
    {
      if (g_str_match_string (alternates[i], text, TRUE))
        return TRUE;
    }

  return FALSE;
}

static gboolean
matches_all_terms (const char        *text,
                   const char *const *terms)
{
  if (text == NULL || terms == NULL || terms[0] == NULL)
    return FALSE;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      if (!matches_term (terms[i], text))
        return FALSE;
    }

  return TRUE;
}

/* What a result's terms are matched against, and what GNOME Shell shows of it. */
static gboolean
cpd_search_provider_describe (CpdDocument *document,
                              const char  *identifier,
                              char       **name,
                              char       **description)
{
  CpdEvent *event = cpd_document_get_event (document);
  guint     position;

  if (g_str_has_prefix (identifier, SECTION_PREFIX) &&
      cpd_document_find_section (document, identifier + strlen (SECTION_PREFIX), &position))
    {
      g_autoptr (CpdSection) section =
        g_list_model_get_item (cpd_document_get_sections (document), position);

      *name = g_strdup (cpd_section_get_title (section));
      /* Translators: %s is the event, e.g. "Container Plumbing Days 2024". */
      *description = g_strdup_printf (_ ("Section of “%s”"), document_event_title (document));
    }
  else if (g_str_equal (identifier, FACT_DATE) && cpd_event_get_start_date (event) != NULL)
    {
      *name = cpd_event_format_dates (event);
      /* Translators: %s is the event, e.g. "Container Plumbing Days 2024". */
      *description = g_strdup_printf (_ ("Date of “%s”"), document_event_title (document));
    }
  else if (g_str_equal (identifier, FACT_VENUE) && cpd_event_get_venue_name (event) != NULL)
    {
      *name = g_strdup (cpd_event_get_venue_name (event));
      /* Translators: %s is the event, e.g. "Container Plumbing Days 2024". */
      *description = g_strdup_printf (_ ("Venue of “%s”"), document_event_title (document));
    }
  else
    return FALSE;

  /* Sections have only titles, and with a blank one there is nothing to show. */
  if ((*name)[0] == '\0')
    {
      g_clear_pointer (name, g_free);
      g_clear_pointer (description, g_free);
      return FALSE;
    }

  return TRUE;
}

static gboolean
result_matches (CpdDocument       *document,
                const char        *identifier,
                const char *const *terms)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  /* Names only: the description names the event, which every result shares. */
  return cpd_search_provider_describe (document, identifier, &name, &description) &&
         matches_all_terms (name, terms);
}

static GVariant *
cpd_search_provider_search (CpdSearchProvider *self,
                            const char *const *candidates,
                            const char *const *terms)
{
  CpdDocument    *document = cpd_search_provider_get_document (self);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));

  if (document != NULL && candidates != NULL)
    {
      for (guint i = 0; candidates[i] != NULL; i++)
        {
          if (result_matches (document, candidates[i], terms))
            g_variant_builder_add (&builder, "s", candidates[i]);
        }
    }
  else if (document != NULL)
    {
      GListModel *sections = cpd_document_get_sections (document);

      for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr (CpdSection) section = g_list_model_get_item (sections, i);
          g_autofree char *identifier = NULL;

          identifier = g_strconcat (SECTION_PREFIX, cpd_section_get_id (section), NULL);

          if (result_matches (document, identifier, terms))
            g_variant_builder_add (&builder, "s", identifier);
        }

      if (result_matches (document, FACT_DATE, terms))
        g_variant_builder_add (&builder, "s", FACT_DATE);
      if (result_matches (document, FACT_VENUE, terms))
        g_variant_builder_add (&builder, "s", FACT_VENUE);
    }

  return g_variant_new ("(as)", &builder);
}

static GVariant *
cpd_search_provider_get_metas (CpdSearchProvider *self,
                               const char *const *identifiers)
{
  CpdDocument *document = cpd_search_provider_get_document (self);
  g_autoptr (GIcon) icon = g_themed_icon_new (APP_ID);
  /* Not floating: serialize gives a full reference. */
  g_autoptr (GVariant) icon_variant = g_icon_serialize (icon);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));

  for (guint i = 0; document != NULL && identifiers[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;

      if (!cpd_search_provider_describe (document, identifiers[i], &name, &description))
        continue;

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (identifiers[i]));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&builder, "{sv}", "icon", icon_variant);
      g_variant_builder_close (&builder);
    }

  return g_variant_new ("(aa{sv})", &builder);
}

/* The active window when it shows the page that was searched, else a new one on the
 * bundled page: the window the Shell brings to the front. */
static CpdWindow *
cpd_search_provider_ensure_window (CpdSearchProvider *self,
                                   const char        *section_id)
{
  CpdWindow *window = cpd_search_provider_get_window (self);

  if (window != NULL && cpd_window_get_document (window) != NULL &&
      (section_id == NULL ||
       cpd_document_find_section (cpd_window_get_document (window), section_id, NULL)))
    return window;

  return cpd_window_new (self->application, NULL);
}

static void
cpd_search_provider_activate_result (CpdSearchProvider *self,
                                     const char        *identifier)
{
  const char *section_id = NULL;
  CpdWindow  *window;

  if (g_str_has_prefix (identifier, SECTION_PREFIX))
    section_id = identifier + strlen (SECTION_PREFIX);

  window = cpd_search_provider_ensure_window (self, section_id);
  if (section_id != NULL)
    cpd_window_show_section (window, section_id);
  gtk_window_present (GTK_WINDOW (window));
}

static void
cpd_search_provider_launch_search (CpdSearchProvider *self,
                                   const char *const *terms)
{
  CpdWindow       *window = cpd_search_provider_ensure_window (self, NULL);
  g_autofree char *text = g_strjoinv (" ", (char **) terms);

  cpd_window_find (window, text);
  gtk_window_present (GTK_WINDOW (window));
}

static void
cpd_search_provider_method_call (GDBusConnection       *connection,
                                 const char            *sender,
                                 const char            *object_path,
                                 const char            *interface_name,
                                 const char            *method_name,
                                 GVariant              *parameters,
                                 GDBusMethodInvocation *invocation,
                                 gpointer               user_data)
{
  CpdSearchProvider      *self = user_data;
  g_autofree const char **previous = NULL;
  g_autofree const char **terms = NULL;
  g_autofree const char **identifiers = NULL;
  const char             *identifier;

  cpd_search_provider_linger (self);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_variant_get (parameters, "(^a&s)", &terms);
      g_dbus_method_invocation_return_value (invocation,
                                             cpd_search_provider_search (self, NULL, terms));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      g_dbus_method_invocation_return_value (invocation,
                                             cpd_search_provider_search (self, previous, terms));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_variant_get (parameters, "(^a&s)", &identifiers);
      g_dbus_method_invocation_return_value (invocation,
                                             cpd_search_provider_get_metas (self, identifiers));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      g_variant_get (parameters, "(&s^a&su)", &identifier, &terms, NULL);
      cpd_search_provider_activate_result (self, identifier);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_variant_get (parameters, "(^a&su)", &terms, NULL);
      cpd_search_provider_launch_search (self, terms);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = {
  .method_call = cpd_search_provider_method_call,
};

/**
 * cpd_search_provider_register:
 * @connection: the application's connection, as given to #GApplicationClass.dbus_register
 * @object_path: where GNOME Shell looks for it (the search provider's .ini file says)
 *
 * Exports the search provider.
 */
gboolean
cpd_search_provider_register (CpdSearchProvider *self,
                              GDBusConnection   *connection,
                              const char        *object_path,
                              GError           **error)
{
  g_autoptr (GBytes) xml = NULL;
  g_autoptr (GDBusNodeInfo) node = NULL;
  GDBusInterfaceInfo *interface;

  g_return_val_if_fail (CPD_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  xml = g_resources_lookup_data (RESOURCE_BASE "/" SEARCH_PROVIDER_INTERFACE ".xml", 0, error);
  if (xml == NULL)
    return FALSE;

  node = g_dbus_node_info_new_for_xml (g_bytes_get_data (xml, NULL), error);
  if (node == NULL)
    return FALSE;

  interface = g_dbus_node_info_lookup_interface (node, SEARCH_PROVIDER_INTERFACE);
  self->registration_id = g_dbus_connection_register_object (connection, object_path, interface,
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
cpd_search_provider_unregister (CpdSearchProvider *self)
{
  g_return_if_fail (CPD_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

static void
cpd_search_provider_dispose (GObject *object)
{
  CpdSearchProvider *self = CPD_SEARCH_PROVIDER (object);

  cpd_search_provider_unregister (self);
  if (self->linger_source != 0)
    {
      g_clear_handle_id (&self->linger_source, g_source_remove);
      g_application_release (G_APPLICATION (self->application));
    }
  g_clear_object (&self->bundled_page);

  G_OBJECT_CLASS (cpd_search_provider_parent_class)->dispose (object);
}

static void
cpd_search_provider_class_init (CpdSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cpd_search_provider_dispose;
}

static void
cpd_search_provider_init (CpdSearchProvider *self)
{
}

/**
 * cpd_search_provider_new:
 * @application: the application, which keeps the search provider
 */
CpdSearchProvider *
cpd_search_provider_new (CpdApplication *application)
{
  CpdSearchProvider *self;

  g_return_val_if_fail (CPD_IS_APPLICATION (application), NULL);

  self = g_object_new (CPD_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;

  return self;
}
