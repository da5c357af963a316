/* cpd-calendar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cpd-event.h"

G_BEGIN_DECLS

#define CPD_CALENDAR_ERROR (cpd_calendar_error_quark ())

/**
 * CpdCalendarError:
 * @CPD_CALENDAR_ERROR_NO_TITLE: the event has no title to show in a calendar
 * @CPD_CALENDAR_ERROR_NO_DATE: the event has no date
 * @CPD_CALENDAR_ERROR_FAILED: libical could not build the calendar
 */
typedef enum
{
  CPD_CALENDAR_ERROR_NO_TITLE,
  CPD_CALENDAR_ERROR_NO_DATE,
  CPD_CALENDAR_ERROR_FAILED,
} CpdCalendarError;

/* The domain of every event's UID: the app's base ID, the same in development builds. */
#define CPD_CALENDAR_UID_DOMAIN "org.example.CPD"

GQuark cpd_calendar_error_quark (void);
char  *cpd_event_dup_uid (CpdEvent *event);
char  *cpd_event_to_icalendar (CpdEvent  *event,
                               GDateTime *dtstamp,
                               GError   **error);

G_END_DECLS
