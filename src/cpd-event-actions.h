/* cpd-event-actions.h
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cpd-event.h"

G_BEGIN_DECLS

/**
 * CpdEventAction:
 *
 * What the page's facts let the reader do, as the sidebar's card, the main menu and the
 * shortcuts offer it: each is a win.* action of the window.
 */
typedef enum
{
  CPD_EVENT_ACTION_RECORDINGS,
  CPD_EVENT_ACTION_REGISTER,
  CPD_EVENT_ACTION_VENUE,
  CPD_EVENT_ACTION_SCHEDULE,
  CPD_EVENT_ACTION_CONDUCT,
  CPD_EVENT_ACTION_ADD_TO_CALENDAR,
  CPD_EVENT_ACTION_SAVE_CALENDAR,
  CPD_N_EVENT_ACTIONS
} CpdEventAction;

const char *cpd_event_action_get_name (CpdEventAction action);
const char *cpd_event_action_get_label (CpdEventAction action,
                                        CpdEventTiming timing);
const char *cpd_event_action_get_tooltip (CpdEventAction action,
                                          CpdEventTiming timing);
const char *cpd_event_action_get_icon_name (CpdEventAction action,
                                            CpdEventTiming timing);
gboolean    cpd_event_action_opens_link (CpdEventAction action);
gboolean    cpd_event_action_is_on_card (CpdEventAction action);
const char *cpd_event_action_get_uri (CpdEventAction action,
                                      CpdEvent      *event);
gboolean    cpd_event_action_is_available (CpdEventAction action,
                                           CpdEvent      *event);
guint       cpd_event_actions_get_order (CpdEventTiming timing,
                                         CpdEventAction order[CPD_N_EVENT_ACTIONS]);
gboolean    cpd_event_has_facts (CpdEvent *event);

G_END_DECLS
