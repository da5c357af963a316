/* cpd-event.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CPD_TYPE_EVENT (cpd_event_get_type ())

/**
 * CpdEventTiming:
 * @CPD_EVENT_TIMING_UNKNOWN: the page gives no date
 * @CPD_EVENT_TIMING_UPCOMING: the first day is still to come
 * @CPD_EVENT_TIMING_TODAY: today is one of the event's days
 * @CPD_EVENT_TIMING_PAST: the last day is over
 */
typedef enum
{
  CPD_EVENT_TIMING_UNKNOWN,
  CPD_EVENT_TIMING_UPCOMING,
  CPD_EVENT_TIMING_TODAY,
  CPD_EVENT_TIMING_PAST,
} CpdEventTiming;

/**
 * CpdEvent:
 *
 * The facts about an event that its page states: an immutable value, reference counted
 * like #GDateTime and #GUri, not a #GObject; a #CpdDocument makes one per page. They are
 * found in the Markdown by the rules below, never assumed; a fact no rule finds is %NULL,
 * so the UI can disable what needs it. In every rule the first match in document order wins, and
 * only http and https URLs (made absolute against the site URL) count.
 *
 * A "labelled line" is a paragraph, or a line of one, that starts with a label
 * written `**Label**:`, `**Label:**` or `Label:`; labels match without regard to case.
 *
 * - title: the front matter `title`, else the text of the page's first heading.
 * - start-date, end-date: a labelled line Date, Dates or When, parsed as a date or a
 *   range (April 15, 2024; 2024-04-15; 15 April 2024; April 15-16, 2024; ...), else the
 *   front matter `date`. end-date is the last day, included.
 * - venue-name, venue-url: a labelled line Location, Venue, Where or Place; its first
 *   link gives the name (link text) and the URL, without a link its text is the name.
 *   Else venue-url is the first link whose text, then whose URL, contains "venue".
 * - registration-url: a labelled line Registration, Register, RSVP or Tickets with a
 *   link; else the first link whose text contains "register", "registration",
 *   "tickets", "sign up" or "rsvp"; else whose URL contains "register" or "tickets";
 *   else whose text names the event's home: "event page", "events page",
 *   "event website", "event site" or "event home".
 * - schedule-url: a labelled line Schedule, Agenda, Program or Programme with a link;
 *   else the first link whose text contains "schedule" or "agenda"; else whose URL
 *   contains "schedule", "agenda" or "/program".
 * - conduct-url: a labelled line Code of Conduct or Conduct with a link; else the
 *   first link whose text contains "conduct"; else whose URL contains "conduct".
 */
typedef struct _CpdEvent CpdEvent;

GType          cpd_event_get_type (void) G_GNUC_CONST;
CpdEvent      *cpd_event_ref (CpdEvent *self);
void           cpd_event_unref (CpdEvent *self);
const char    *cpd_event_get_title (CpdEvent *self);
const GDate   *cpd_event_get_start_date (CpdEvent *self);
const GDate   *cpd_event_get_end_date (CpdEvent *self);
const char    *cpd_event_get_venue_name (CpdEvent *self);
const char    *cpd_event_get_venue_url (CpdEvent *self);
const char    *cpd_event_get_registration_url (CpdEvent *self);
const char    *cpd_event_get_schedule_url (CpdEvent *self);
const char    *cpd_event_get_conduct_url (CpdEvent *self);
char          *cpd_event_format_dates (CpdEvent *self);
CpdEventTiming cpd_event_get_timing (CpdEvent    *self,
                                     const GDate *today,
                                     int         *days_until);
char          *cpd_event_dup_slug (CpdEvent *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpdEvent, cpd_event_unref)

G_END_DECLS
