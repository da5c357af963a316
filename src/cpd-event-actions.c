/* cpd-event-actions.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One table of what the reader can do with an event page, so that the sidebar's card, the
 * main menu and the shortcuts never disagree: which fact each action needs, how it is called
 * and in which order the actions come for each phase of the event. Before it the reader wants
 * to register and to keep the date; on the day, the way there and the schedule; after it, the
 * recordings, and the registration link is only the event's page any more.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cpd-event-actions.h"

typedef struct
{
  const char *name;
  const char *label;
  const char *tooltip;
  const char *icon_name;
  gboolean    opens_link;
  gboolean    on_card;
} EventActionInfo;

static const EventActionInfo actions[CPD_N_EVENT_ACTIONS] = {
  [CPD_EVENT_ACTION_RECORDINGS] = {
    .name = "win.recordings",
    .label = N_ ("_Recordings"),
    .tooltip = N_ ("Watch the event’s recordings in your browser"),
    .icon_name = "video-x-generic-symbolic",
    .opens_link = TRUE,
    .on_card = TRUE,
  },
  [CPD_EVENT_ACTION_REGISTER] = {
    .name = "win.register",
    .label = N_ ("_Register"),
    .tooltip = N_ ("Open the event’s registration page in your browser"),
    .icon_name = "contact-new-symbolic",
    .opens_link = TRUE,
    .on_card = TRUE,
  },
  [CPD_EVENT_ACTION_VENUE] = {
    .name = "win.venue",
    .label = N_ ("_Venue & Travel"),
    .tooltip = N_ ("Open the venue and travel page in your browser"),
    .icon_name = "mark-location-symbolic",
    .opens_link = TRUE,
    .on_card = TRUE,
  },
  [CPD_EVENT_ACTION_SCHEDULE] = {
    .name = "win.schedule",
    .label = N_ ("_Schedule"),
    .tooltip = N_ ("Open the event schedule in your browser"),
    .icon_name = "view-list-symbolic",
    .opens_link = TRUE,
    .on_card = TRUE,
  },
  [CPD_EVENT_ACTION_CONDUCT] = {
    .name = "win.conduct",
    .label = N_ ("_Code of Conduct"),
    .tooltip = N_ ("Open the code of conduct in your browser"),
    .icon_name = "system-users-symbolic",
    .opens_link = TRUE,
    .on_card = TRUE,
  },
  [CPD_EVENT_ACTION_ADD_TO_CALENDAR] = {
    .name = "win.add-to-calendar",
    .label = N_ ("_Add to Calendar"),
    .tooltip = N_ ("Add the event to your calendar"),
    .icon_name = "x-office-calendar-symbolic",
    .opens_link = FALSE,
    .on_card = TRUE,
  },
  [CPD_EVENT_ACTION_SAVE_CALENDAR] = {
    .name = "win.save-calendar",
    .label = N_ ("Save Calendar _File…"),
    .tooltip = N_ ("Save the event as an iCalendar file"),
    .icon_name = "document-save-symbolic",
    .opens_link = FALSE,
    .on_card = FALSE,
  },
};

/* Each phase's order; the actions a page gives no fact for are left out where shown. */
static const CpdEventAction orders[][CPD_N_EVENT_ACTIONS] = {
  [CPD_EVENT_TIMING_UNKNOWN] = {
    CPD_EVENT_ACTION_REGISTER,
    CPD_EVENT_ACTION_VENUE,
    CPD_EVENT_ACTION_SCHEDULE,
    CPD_EVENT_ACTION_CONDUCT,
    CPD_EVENT_ACTION_RECORDINGS,
    CPD_EVENT_ACTION_ADD_TO_CALENDAR,
    CPD_EVENT_ACTION_SAVE_CALENDAR,
  },
  [CPD_EVENT_TIMING_UPCOMING] = {
    CPD_EVENT_ACTION_REGISTER,
    CPD_EVENT_ACTION_ADD_TO_CALENDAR,
    CPD_EVENT_ACTION_SAVE_CALENDAR,
    CPD_EVENT_ACTION_VENUE,
    CPD_EVENT_ACTION_SCHEDULE,
    CPD_EVENT_ACTION_CONDUCT,
    CPD_EVENT_ACTION_RECORDINGS,
  },
  [CPD_EVENT_TIMING_TODAY] = {
    CPD_EVENT_ACTION_VENUE,
    CPD_EVENT_ACTION_SCHEDULE,
    CPD_EVENT_ACTION_REGISTER,
    CPD_EVENT_ACTION_CONDUCT,
    CPD_EVENT_ACTION_ADD_TO_CALENDAR,
    CPD_EVENT_ACTION_SAVE_CALENDAR,
    CPD_EVENT_ACTION_RECORDINGS,
  },
  [CPD_EVENT_TIMING_PAST] = {
    CPD_EVENT_ACTION_RECORDINGS,
    CPD_EVENT_ACTION_REGISTER,
    CPD_EVENT_ACTION_VENUE,
    CPD_EVENT_ACTION_SCHEDULE,
    CPD_EVENT_ACTION_CONDUCT,
    CPD_EVENT_ACTION_ADD_TO_CALENDAR,
    CPD_EVENT_ACTION_SAVE_CALENDAR,
  },
};

/* The action's detailed name, e.g. "win.register". */
const char *
cpd_event_action_get_name (CpdEventAction action)
{
  g_return_val_if_fail (action < CPD_N_EVENT_ACTIONS, NULL);

  return actions[action].name;
}

/* Translated, with its mnemonic. Once the event is over, registering is no longer what the
 * link is for: it is the event's website, with what the organisers published since. */
const char *
cpd_event_action_get_label (CpdEventAction action,
                            CpdEventTiming timing)
{
  g_return_val_if_fail (action < CPD_N_EVENT_ACTIONS, NULL);

  if (action == CPD_EVENT_ACTION_REGISTER && timing == CPD_EVENT_TIMING_PAST)
    return _ ("Event _Website");

  return _ (actions[action].label);
}

const char *
cpd_event_action_get_tooltip (CpdEventAction action,
                              CpdEventTiming timing)
{
  g_return_val_if_fail (action < CPD_N_EVENT_ACTIONS, NULL);

  if (action == CPD_EVENT_ACTION_REGISTER && timing == CPD_EVENT_TIMING_PAST)
    return _ ("Open the event’s page in your browser");

  return _ (actions[action].tooltip);
}

const char *
cpd_event_action_get_icon_name (CpdEventAction action,
                                CpdEventTiming timing)
{
  g_return_val_if_fail (action < CPD_N_EVENT_ACTIONS, NULL);

  if (action == CPD_EVENT_ACTION_REGISTER && timing == CPD_EVENT_TIMING_PAST)
    return "web-browser-symbolic";

  return actions[action].icon_name;
}

/* Whether the action leaves the app for the reader's browser. */
gboolean
cpd_event_action_opens_link (CpdEventAction action)
{
  g_return_val_if_fail (action < CPD_N_EVENT_ACTIONS, FALSE);

  return actions[action].opens_link;
}

/* Whether the sidebar's card offers it; the rest are in the main menu only. */
gboolean
cpd_event_action_is_on_card (CpdEventAction action)
{
  g_return_val_if_fail (action < CPD_N_EVENT_ACTIONS, FALSE);

  return actions[action].on_card;
}

/**
 * cpd_event_action_get_uri:
 *
 * Returns: (nullable): the link a link action opens, %NULL when the page gives none or for
 *   the calendar actions
 */
const char *
cpd_event_action_get_uri (CpdEventAction action,
                          CpdEvent      *event)
{
  g_return_val_if_fail (action < CPD_N_EVENT_ACTIONS, NULL);

  if (event == NULL)
    return NULL;

  switch (action)
    {
    case CPD_EVENT_ACTION_RECORDINGS:
      return cpd_event_get_recordings_url (event);
    case CPD_EVENT_ACTION_REGISTER:
      return cpd_event_get_registration_url (event);
    case CPD_EVENT_ACTION_VENUE:
      return cpd_event_get_venue_url (event);
    case CPD_EVENT_ACTION_SCHEDULE:
      return cpd_event_get_schedule_url (event);
    case CPD_EVENT_ACTION_CONDUCT:
      return cpd_event_get_conduct_url (event);
    case CPD_EVENT_ACTION_ADD_TO_CALENDAR:
    case CPD_EVENT_ACTION_SAVE_CALENDAR:
    case CPD_N_EVENT_ACTIONS:
    default:
      return NULL;
    }
}

/* Whether the page has the facts the action needs: its link, or for the calendar a title and
 * a date, without which a calendar entry would be a guess. */
gboolean
cpd_event_action_is_available (CpdEventAction action,
                               CpdEvent      *event)
{
  g_return_val_if_fail (action < CPD_N_EVENT_ACTIONS, FALSE);

  if (event == NULL)
    return FALSE;

  if (actions[action].opens_link)
    return cpd_event_action_get_uri (action, event) != NULL;

  return cpd_event_get_title (event) != NULL && cpd_event_get_start_date (event) != NULL;
}

/**
 * cpd_event_actions_get_order:
 * @order: (out caller-allocates): every action, in the order the phase puts them
 *
 * Returns: the number of actions written, %CPD_N_EVENT_ACTIONS
 */
guint
cpd_event_actions_get_order (CpdEventTiming timing,
                             CpdEventAction order[CPD_N_EVENT_ACTIONS])
{
  if ((guint) timing >= G_N_ELEMENTS (orders))
    timing = CPD_EVENT_TIMING_UNKNOWN;

  memcpy (order, orders[timing], sizeof orders[timing]);

  return CPD_N_EVENT_ACTIONS;
}

/* Whether the page tells anything about an event beyond its title: a date, a place or one of
 * its links. A page without any (release notes, say) gets no event card at all. */
gboolean
cpd_event_has_facts (CpdEvent *event)
{
  if (event == NULL)
    return FALSE;

  if (cpd_event_get_start_date (event) != NULL || cpd_event_get_venue_name (event) != NULL)
    return TRUE;

  for (guint i = 0; i < CPD_N_EVENT_ACTIONS; i++)
    {
      if (actions[i].opens_link && cpd_event_action_get_uri (i, event) != NULL)
        return TRUE;
    }

  return FALSE;
}
