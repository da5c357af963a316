/* test-card.c: the sidebar's event card follows the event's phase and the page's facts.
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cpd-application.h"
#include "cpd-window.h"

#include "cpd-ui-test-utils.h"

static CpdApplication *app;

/* What the sidebar's header says: "Event", or "Contents" on a page that is no event. */
static const char *
sidebar_title (CpdWindow *window)
{
  AdwNavigationSplitView *split_view = ADW_NAVIGATION_SPLIT_VIEW (
    cpd_test_find_widget (GTK_WIDGET (window), ADW_TYPE_NAVIGATION_SPLIT_VIEW));

  return adw_navigation_page_get_title (adw_navigation_split_view_get_sidebar (split_view));
}

/* The titles of the card's rows that are shown, in the order shown, e.g. "_Recordings". */
static GPtrArray *
shown_rows (CpdWindow *window)
{
  GtkListBox    *list = cpd_sidebar_get_action_list (cpd_window_get_sidebar (window));
  GPtrArray     *titles = g_ptr_array_new_with_free_func (g_free);
  GtkListBoxRow *row;

  if (!gtk_widget_is_visible (GTK_WIDGET (list)))
    return titles;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (row)))
        g_ptr_array_add (titles,
                         g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
    }

  for (guint i = 0; i < titles->len; i++)
    g_test_message ("Row %u: %s", i, (char *) titles->pdata[i]);
  return titles;
}

static gboolean
rows_contain (GPtrArray  *titles,
              const char *title)
{
  return g_ptr_array_find_with_equal_func (titles, title, g_str_equal, NULL);
}

/* The actions of the main menu's Event submenu, in order, with their labels. */
static GPtrArray *
event_menu_items (CpdWindow *window,
                  GPtrArray *labels)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (cpd_test_get_main_menu (window));
  GPtrArray  *actions = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr (GMenuModel) submenu = NULL;

      if (section == NULL || g_menu_model_get_n_items (section) == 0)
        continue;
      submenu = g_menu_model_get_item_link (section, 0, G_MENU_LINK_SUBMENU);
      if (submenu == NULL)
        continue;

      for (int j = 0; j < g_menu_model_get_n_items (submenu); j++)
        {
          char *action = NULL;
          char *label = NULL;

          g_menu_model_get_item_attribute (submenu, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_menu_model_get_item_attribute (submenu, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_ptr_array_add (actions, action);
          g_ptr_array_add (labels, label);
        }
    }

  return actions;
}

/* The icon of the card's row for @action_name. */
static const char *
row_icon_name (CpdWindow  *window,
               const char *action_name)
{
  GtkWidget *row = cpd_test_find_actionable (GTK_WIDGET (cpd_window_get_sidebar (window)),
                                             action_name);

  g_assert_nonnull (row);
  return gtk_image_get_icon_name (GTK_IMAGE (cpd_test_find_widget (row, GTK_TYPE_IMAGE)));
}

/* The bundled event is over: its recordings first, its registration link as its page. */
static void
test_past_event (CpdWindow *window)
{
  g_autoptr (GPtrArray) rows = shown_rows (window);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) actions = event_menu_items (window, labels);

  g_assert_cmpint (cpd_window_get_timing (window), ==, CPD_EVENT_TIMING_PAST);
  g_assert_cmpuint (rows->len, >=, 1);
  g_assert_cmpstr (rows->pdata[0], ==, "_Recordings");
  g_assert_true (rows_contain (rows, "Event _Website"));
  g_assert_false (rows_contain (rows, "_Register"));
  g_assert_cmpstr (row_icon_name (window, "win.register"), ==, "web-browser-symbolic");

  /* The menu follows the same facts, in the same order, with the same names. */
  g_assert_cmpuint (actions->len, >=, 1);
  g_assert_cmpstr (actions->pdata[0], ==, "win.recordings");
  g_assert_true (rows_contain (labels, "Event _Website"));
  g_assert_false (rows_contain (labels, "_Register"));
}

static const char *
banner_title (CpdWindow *window)
{
  AdwBanner *banner = ADW_BANNER (cpd_test_find_widget (GTK_WIDGET (window), ADW_TYPE_BANNER));

  return adw_banner_get_revealed (banner) ? adw_banner_get_title (banner) : NULL;
}

/* The banner over the page says how far the event is: a count of days while that is near,
 * else the date. */
static void
test_banner (CpdWindow *window)
{
  static const struct
  {
    int         month, day;
    const char *banner;
  } days[] = {
    { 1, 1, "This event takes place on April 15, 2024" },
    { 3, 15, "This event takes place on April 15, 2024" },
    { 3, 16, "The event starts in 30 days" },
    { 4, 13, "The event starts in 2 days" },
    { 4, 14, "The event starts tomorrow" },
    { 4, 15, "The event is happening today" },
    { 4, 16, "This event took place on April 15, 2024" },
  };

  g_assert_cmpstr (sidebar_title (window), ==, "Event");

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      cpd_test_set_today (window, 2024, days[i].month, days[i].day);
      g_assert_cmpstr (banner_title (window), ==, days[i].banner);
    }
}

/* On the day: how to get there and what is on, first. */
static void
test_on_the_day (CpdWindow *window)
{
  g_autoptr (GPtrArray) rows = NULL;

  cpd_test_set_today (window, 2024, 4, 15);
  rows = shown_rows (window);

  g_assert_cmpint (cpd_window_get_timing (window), ==, CPD_EVENT_TIMING_TODAY);
  g_assert_cmpuint (rows->len, >=, 2);
  g_assert_cmpstr (rows->pdata[0], ==, "_Venue & Travel");
  g_assert_cmpstr (rows->pdata[1], ==, "_Schedule");
  g_assert_true (rows_contain (rows, "_Register"));
  g_assert_cmpstr (row_icon_name (window, "win.register"), ==, "contact-new-symbolic");
}

/* A page dated 2099: register and keep the date, first. */
static void
test_future_event (CpdWindow *window)
{
  g_autoptr (GFile) file = cpd_test_data_file ("future-event.md");
  CpdWindow *future = cpd_test_open_page (window, file);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) actions = NULL;

  cpd_test_set_today (future, 2030, 1, 1);
  rows = shown_rows (future);
  actions = event_menu_items (future, labels);

  g_assert_cmpint (cpd_window_get_timing (future), ==, CPD_EVENT_TIMING_UPCOMING);
  g_assert_cmpuint (rows->len, >=, 2);
  g_assert_cmpstr (rows->pdata[0], ==, "_Register");
  g_assert_cmpstr (rows->pdata[1], ==, "_Add to Calendar");
  g_assert_false (rows_contain (rows, "Event _Website"));
  g_assert_cmpstr (actions->pdata[0], ==, "win.register");
  g_assert_cmpstr (labels->pdata[0], ==, "_Register");

  gtk_window_destroy (GTK_WINDOW (future));
}

/* A page without event facts: its sections only, and nothing offered for a calendar. */
static void
test_no_facts (CpdWindow *window)
{
  g_autoptr (GFile) file = cpd_test_data_file ("no-facts.md");
  CpdWindow  *plain = cpd_test_open_page (window, file);
  CpdSidebar *sidebar = cpd_window_get_sidebar (plain);
  g_autoptr (GPtrArray) rows = shown_rows (plain);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) actions = event_menu_items (plain, labels);
  GtkWidget *card = gtk_widget_get_parent (GTK_WIDGET (cpd_sidebar_get_action_list (sidebar)));

  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_false (gtk_widget_is_visible (card));
  g_assert_cmpstr (sidebar_title (plain), ==, "Contents");
  g_assert_true (cpd_test_widget_has_label (GTK_WIDGET (cpd_sidebar_get_section_list (sidebar)),
                                            "Changes"));
  g_assert_cmpuint (actions->len, ==, 0);

  /* The actions are off, so their shortcuts do nothing either: the hidden rows, which name
   * them, follow their state. */
  g_assert_false (gtk_widget_is_sensitive (cpd_test_find_actionable (GTK_WIDGET (plain), "win.add-to-calendar")));
  g_assert_false (gtk_widget_is_sensitive (cpd_test_find_actionable (GTK_WIDGET (plain), "win.register")));

  gtk_window_destroy (GTK_WINDOW (plain));
}

static gboolean
has_blank_label (GtkWidget *widget,
                 gpointer   data)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_visible (widget))
    return FALSE;

  text = g_strstrip (g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
  return text[0] == '\0';
}

/* "## " alone is no section to go to: no blank row for it. */
static void
test_empty_heading (CpdWindow *window)
{
  g_autoptr (GFile) file = cpd_test_data_file ("empty-heading.md");
  CpdWindow   *opened = cpd_test_open_page (window, file);
  GtkListView *list = cpd_sidebar_get_section_list (cpd_window_get_sidebar (opened));
  GListModel  *rows = G_LIST_MODEL (gtk_list_view_get_model (list));

  g_assert_true (cpd_test_widget_has_label (GTK_WIDGET (list), "After"));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (CpdSection) section = g_list_model_get_item (rows, i);
      g_autofree char *title = g_strstrip (g_strdup (cpd_section_get_title (section)));

      g_test_message ("Section %u: “%s”", i, cpd_section_get_title (section));
      g_assert_cmpstr (title, !=, "");
    }
  g_assert_null (cpd_test_find_widget_matching (GTK_WIDGET (list), has_blank_label, NULL));

  gtk_window_destroy (GTK_WINDOW (opened));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  app = cpd_test_start_app (NULL);

  cpd_test_add_window_test ("/card/past-event", test_past_event);
  cpd_test_add_window_test ("/card/on-the-day", test_on_the_day);
  cpd_test_add_window_test ("/card/banner", test_banner);
  cpd_test_add_window_test ("/card/future-event", test_future_event);
  cpd_test_add_window_test ("/card/no-facts", test_no_facts);
  cpd_test_add_window_test ("/card/empty-heading", test_empty_heading);

  ret = g_test_run ();

  cpd_test_stop_app (app);
  return ret;
}
