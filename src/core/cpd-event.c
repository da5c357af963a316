/* cpd-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How event facts are found in a page (also documented in cpd-event.h).
 *
 * Nothing about an event is hard-coded: every fact comes from the page's Markdown by
 * the rules below, and a fact no rule finds stays NULL, so the UI disables what needs
 * it instead of guessing. In every rule the first match in document order wins, and
 * only http and https URLs count, after the document made them absolute.
 *
 * A "labelled line" is a paragraph, or a line of one, that starts with a label written
 * "**Label**:", "**Label:**" or "Label:"; labels match without regard to case.
 *
 *  title            front matter "title", else the text of the page's first heading.
 *  start/end date   a labelled line Date, Dates or When, parsed as a date or a range
 *                   (see cpd-date-parser.c), else front matter "date".
 *  venue            a labelled line Location, Venue, Where or Place: its first link gives
 *                   the name (link text) and the URL; without a link its text is the
 *                   name. Else the venue URL is the first link whose text, then whose
 *                   URL, contains "venue" (and there is no name).
 *  registration     a labelled line Registration, Register, RSVP or Tickets with a link;
 *                   else the first link whose text contains "register", "registration",
 *                   "tickets", "sign up" or "rsvp"; else whose URL contains "register"
 *                   or "tickets"; else whose text names the event's home: "event page",
 *                   "events page", "event website", "event site", "event home".
 *  schedule         a labelled line Schedule, Agenda, Program or Programme with a link;
 *                   else the first link whose text contains "schedule" or "agenda"; else
 *                   whose URL contains "schedule", "agenda" or "/program".
 *  code of conduct  a labelled line Code of Conduct or Conduct with a link; else the
 *                   first link whose text contains "conduct"; else whose URL does.
 *
 * For the Container Plumbing Days page this gives "LF Events Page" as registration (the
 * event's home, where one registers), "schedule is now live" as schedule, the Location
 * line as venue and "LF Events Code of Conduct" as code of conduct.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cpd-ascii.h"
#include "cpd-date-parser.h"
#include "cpd-event-private.h"
#include "cpd-node-text.h"
#include "cpd-slug.h"

/* Immutable once made, and its strings share its allocation (see
 * cpd_event_scanner_finish()): a page's event costs one block, not a GObject and a
 * string per fact. */
struct _CpdEvent
{
  const char *title;
  GDate       start;
  GDate       end;
  gboolean    has_dates; /* else the dates are NULL to callers */
  const char *venue_name;
  const char *venue_url;
  const char *registration_url;
  const char *schedule_url;
  const char *conduct_url;
};

G_DEFINE_BOXED_TYPE (CpdEvent, cpd_event, cpd_event_ref, cpd_event_unref)

/**
 * cpd_event_ref:
 * @self: a #CpdEvent
 *
 * Returns: (transfer full): @self
 */
CpdEvent *
cpd_event_ref (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * cpd_event_unref:
 * @self: (transfer full): a #CpdEvent
 */
void
cpd_event_unref (CpdEvent *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release (self);
}

const char *
cpd_event_get_title (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const GDate *
cpd_event_get_start_date (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->has_dates ? &self->start : NULL;
}

const GDate *
cpd_event_get_end_date (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->has_dates ? &self->end : NULL;
}

const char *
cpd_event_get_venue_name (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->venue_name;
}

const char *
cpd_event_get_venue_url (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->venue_url;
}

const char *
cpd_event_get_registration_url (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->registration_url;
}

const char *
cpd_event_get_schedule_url (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->schedule_url;
}

const char *
cpd_event_get_conduct_url (CpdEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->conduct_url;
}

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr (GDateTime) dt = date_time_from_date (date);

  return g_date_time_format (dt, format);
}

/**
 * cpd_event_format_dates:
 * @self: a #CpdEvent
 *
 * Formats the event's days for people, in the user's language: "April 15, 2024",
 * "April 15–16, 2024", "April 30 – May 1, 2024".
 *
 * Returns: (transfer full) (nullable): the dates, or %NULL if the page gives none
 */
char *
cpd_event_format_dates (CpdEvent *self)
{
  const GDate     *start, *end;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  start = cpd_event_get_start_date (self);
  end = cpd_event_get_end_date (self);

  if (start == NULL)
    return NULL;

  if (end == NULL || g_date_compare (start, end) == 0)
    /* Translators: the day of an event, in g_date_time_format() syntax. */
    /* xgettext:no-c-format */
    return format_date (start, _ ("%B %-d, %Y"));

  if (g_date_get_year (start) == g_date_get_year (end) &&
      g_date_get_month (start) == g_date_get_month (end))
    {
      /* Translators: first and last day of an event within one month, in
       * g_date_time_format() syntax; joined they read "April 15–16, 2024". */
      /* xgettext:no-c-format */
      first = format_date (start, C_ ("range in a month, first day", "%B %-d"));
      /* xgettext:no-c-format */
      last = format_date (end, C_ ("range in a month, last day", "%-d, %Y"));

      /* Translators: joins the first and last day of a range within one month. */
      return g_strdup_printf (C_ ("range in a month", "%1$s–%2$s"), first, last);
    }

  if (g_date_get_year (start) == g_date_get_year (end))
    {
      /* Translators: first and last day of an event within one year, in
       * g_date_time_format() syntax; joined they read "April 30 – May 1, 2024". */
      /* xgettext:no-c-format */
      first = format_date (start, C_ ("range in a year, first day", "%B %-d"));
      /* xgettext:no-c-format */
      last = format_date (end, C_ ("range in a year, last day", "%B %-d, %Y"));
    }
  else
    {
      /* xgettext:no-c-format */
      first = format_date (start, _ ("%B %-d, %Y"));
      /* xgettext:no-c-format */
      last = format_date (end, _ ("%B %-d, %Y"));
    }

  /* Translators: joins the first and last day of a range over months or years. */
  return g_strdup_printf (C_ ("range", "%1$s – %2$s"), first, last);
}

/**
 * cpd_event_get_timing:
 * @self: a #CpdEvent
 * @today: (nullable): the day to compare with, or %NULL for today's local date
 * @days_until: (out) (optional): days until the first day for an upcoming event, 0 on
 *   one of its days, and minus the days since the last day for a past event
 *
 * Returns: where @today stands relative to the event
 */
CpdEventTiming
cpd_event_get_timing (CpdEvent    *self,
                      const GDate *today,
                      int         *days_until)
{
  GDate          local_today;
  int            days = 0;
  CpdEventTiming timing;

  g_return_val_if_fail (self != NULL, CPD_EVENT_TIMING_UNKNOWN);
  g_return_val_if_fail (today == NULL || g_date_valid (today), CPD_EVENT_TIMING_UNKNOWN);

  if (today == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&local_today, 1);
      g_date_set_dmy (&local_today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      today = &local_today;
    }

  if (!self->has_dates)
    timing = CPD_EVENT_TIMING_UNKNOWN;
  else if (g_date_compare (today, &self->start) < 0)
    {
      timing = CPD_EVENT_TIMING_UPCOMING;
      days = g_date_days_between (today, &self->start);
    }
  else if (g_date_compare (today, &self->end) <= 0)
    timing = CPD_EVENT_TIMING_TODAY;
  else
    {
      timing = CPD_EVENT_TIMING_PAST;
      days = g_date_days_between (today, &self->end);
    }

  if (days_until != NULL)
    *days_until = days;

  return timing;
}

/**
 * cpd_event_dup_slug:
 * @self: a #CpdEvent
 *
 * Returns: (transfer full): a name for files about the event, such as
 *   "container-plumbing-days-2024"; "event" when the title gives nothing
 */
char *
cpd_event_dup_slug (CpdEvent *self)
{
  g_autofree char *slug = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->title != NULL)
    slug = cpd_slugify (self->title);

  if (slug == NULL || slug[0] == '\0')
    return g_strdup ("event");

  return g_steal_pointer (&slug);
}

/* Scanner: applies the rules above while the document walks the page. */

typedef enum
{
  ROLE_VENUE,
  ROLE_REGISTRATION,
  ROLE_SCHEDULE,
  ROLE_CONDUCT,
  N_URL_ROLES,
  ROLE_DATE = N_URL_ROLES,
  ROLE_NONE,
} Role;

/* Rank 0 is a labelled line; then the link rules, in order of trust. */
enum
{
  RANK_LABEL,
  RANK_TEXT,
  RANK_URL,
  RANK_HOME_TEXT,
  N_RANKS
};

#define MAX_WORDS 6

/* Word lists end at the first NULL. */
typedef struct
{
  const char *labels[MAX_WORDS];
  const char *text_words[MAX_WORDS];
  const char *url_words[MAX_WORDS];
  const char *home_words[MAX_WORDS];
} RoleRules;

static const RoleRules role_rules[N_URL_ROLES] = {
  [ROLE_VENUE] = {
    .labels = { "location", "venue", "where", "place" },
    .text_words = { "venue" },
    .url_words = { "venue" },
  },
  [ROLE_REGISTRATION] = {
    .labels = { "registration", "register", "rsvp", "tickets" },
    .text_words = { "register", "registration", "tickets", "sign up", "rsvp" },
    .url_words = { "register", "tickets" },
    .home_words = { "event page", "events page", "event website", "event site", "event home" },
  },
  [ROLE_SCHEDULE] = {
    .labels = { "schedule", "agenda", "program", "programme" },
    .text_words = { "schedule", "agenda" },
    .url_words = { "schedule", "agenda", "/program" },
  },
  [ROLE_CONDUCT] = {
    .labels = { "code of conduct", "conduct" },
    .text_words = { "conduct" },
    .url_words = { "conduct" },
  },
};

static const char *date_labels[] = { "date", "dates", "when", NULL };

/* Longest label we look for, in bytes: bounds the work on long first lines. */
#define MAX_LABEL_LENGTH 24

struct _CpdEventScanner
{
  /* Borrowed from the page's tree and links, which outlive the scanner: a link's URL is
   * final once the walk entered the link, before any rule reads it. */
  const char *urls[N_URL_ROLES][N_RANKS];
  guint32     text_words; /* the words still worth looking for in link texts */
  guint32     url_words;  /* and in link URLs */
  char       *venue_name;
  gboolean    has_venue_line;
  gboolean    has_dates;
  GDate       start;
  GDate       end;
};

void
cpd_event_scanner_free (CpdEventScanner *self)
{
  if (self == NULL)
    return;

  g_free (self->venue_name);
  g_free (self);
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (cpd_ascii_has_prefix_fold (url, "https://") ||
                         cpd_ascii_has_prefix_fold (url, "http://"));
}

#define RULE_BIT(role, rank) (1u << ((role) *N_RANKS + (rank)))
G_STATIC_ASSERT (N_URL_ROLES *N_RANKS <= 32);

typedef struct
{
  const char *word; /* lowercase */
  gsize       length;
  guint       bit; /* RULE_BIT() of its list */
} RuleWord;

#define MAX_RULE_WORDS 32

/* The words of the link rules, flat, with two tables that say which words may start at a
 * position from its first two bytes alone, without regard to case: a link's text and URL
 * are read once, two table lookups a byte, and words are compared only where both bytes
 * fit. Made once, read-only after. */
typedef struct
{
  guint    n_words;
  RuleWord words[MAX_RULE_WORDS];
  guint32  first_byte_words[256];             /* the words whose first byte is this, as bits */
  guint32  second_byte_words[256];            /* the words whose second byte is this, as bits */
  guint32  list_words[N_URL_ROLES * N_RANKS]; /* the words of a list, as bits */
  guint    n_labels;
  struct
  {
    const char *label;
    gsize       length;
    Role        role;
  } labels[MAX_RULE_WORDS]; /* of labelled lines, dates' too */
} RuleWords;

/* Sets @bit for @byte and, for a letter, for its other case. */
static void
set_byte_word (guint32 *table,
               char     byte,
               guint32  bit)
{
  table[(guchar) byte] |= bit;
  if (byte >= 'a' && byte <= 'z')
    table[(guchar) (byte - ('a' - 'A'))] |= bit;
}

static void
add_label (RuleWords  *table,
           const char *label,
           Role        role)
{
  guint index = table->n_labels++;

  g_assert (index < G_N_ELEMENTS (table->labels));
  table->labels[index].label = label;
  table->labels[index].length = strlen (label);
  table->labels[index].role = role;
}

static const RuleWords *
rule_words (void)
{
  static RuleWords *rule_words;

  if (g_once_init_enter_pointer (&rule_words))
    {
      RuleWords *table = g_new0 (RuleWords, 1);

      for (guint i = 0; date_labels[i] != NULL; i++)
        add_label (table, date_labels[i], ROLE_DATE);

      for (guint role = 0; role < N_URL_ROLES; role++)
        {
          const RoleRules   *rules = &role_rules[role];
          const char *const *lists[] = {
            [RANK_TEXT] = rules->text_words,
            [RANK_URL] = rules->url_words,
            [RANK_HOME_TEXT] = rules->home_words,
          };

          for (guint i = 0; i < MAX_WORDS && rules->labels[i] != NULL; i++)
            add_label (table, rules->labels[i], role);

          for (guint rank = RANK_TEXT; rank < N_RANKS; rank++)
            for (guint i = 0; i < MAX_WORDS && lists[rank][i] != NULL; i++)
              {
                guint     index = table->n_words++;
                RuleWord *word = &table->words[index];

                g_assert (index < MAX_RULE_WORDS);
                word->word = lists[rank][i];
                word->length = strlen (word->word);
                word->bit = RULE_BIT (role, rank);
                g_assert (word->length >= 2);

                set_byte_word (table->first_byte_words, word->word[0], 1u << index);
                set_byte_word (table->second_byte_words, word->word[1], 1u << index);
                table->list_words[role * N_RANKS + rank] |= 1u << index;
              }
        }

      g_once_init_leave_pointer (&rule_words, table);
    }

  return rule_words;
}

CpdEventScanner *
cpd_event_scanner_new (void)
{
  CpdEventScanner *self = g_new0 (CpdEventScanner, 1);
  const RuleWords *table = rule_words ();

  /* At first every link rule is wanted. */
  for (guint role = 0; role < N_URL_ROLES; role++)
    {
      self->text_words |= table->list_words[role * N_RANKS + RANK_TEXT] |
                          table->list_words[role * N_RANKS + RANK_HOME_TEXT];
      self->url_words |= table->list_words[role * N_RANKS + RANK_URL];
    }

  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);

  return self;
}

/* Whether @word is at @text past its first two bytes, which the tables matched. */
static inline gboolean
has_word_at (const char     *text,
             const RuleWord *word)
{
  /* Stops at the end of @text too: no word contains a NUL. */
  for (gsize i = 2; i < word->length; i++)
    if ((guchar) cpd_ascii_fold (text[i]) != (guchar) word->word[i])
      return FALSE;

  return TRUE;
}

/* The lists (RULE_BIT()s) of @words (bits of RuleWords.words) that have a word in
 * @haystack, ignoring ASCII case. */
static guint
find_rule_words (const char *haystack,
                 guint32     words)
{
  const RuleWords *table = rule_words ();
  guint            found = 0;

  if (haystack[0] == '\0')
    return 0;

  for (const guchar *p = (const guchar *) haystack; words != 0 && p[1] != '\0'; p++)
    {
      guint32 candidates = words & table->first_byte_words[p[0]] & table->second_byte_words[p[1]];

      for (; candidates != 0; candidates &= candidates - 1)
        {
          const RuleWord *word = &table->words[g_bit_nth_lsf (candidates, -1)];

          if (has_word_at ((const char *) p, word))
            {
              found |= word->bit;
              words &= ~table->list_words[g_bit_nth_lsf (word->bit, -1)];
            }
        }
    }

  return found;
}

/* A rank of a role is wanted while no label and no better rank has given the role a
 * URL: the words of a rank's list are dropped when it, or a better one, gives one. */
static void
set_url (CpdEventScanner *self,
         Role             role,
         guint            rank,
         const char      *url)
{
  const RuleWords *table = rule_words ();

  g_assert (self->urls[role][rank] == NULL);

  self->urls[role][rank] = url;

  for (guint worse = rank; worse < N_RANKS; worse++)
    {
      self->text_words &= ~table->list_words[role * N_RANKS + worse];
      self->url_words &= ~table->list_words[role * N_RANKS + worse];
    }
}

static Role
role_for_label (const char *text,
                gsize       len)
{
  const RuleWords *table = rule_words ();

  while (len > 0 && g_ascii_isspace (*text))
    text++, len--;
  while (len > 0 && (g_ascii_isspace (text[len - 1]) || text[len - 1] == ':'))
    len--;

  if (len == 0 || len > MAX_LABEL_LENGTH)
    return ROLE_NONE;

  /* Lengths first: most lines start with words that are no label at all. */
  for (guint i = 0; i < table->n_labels; i++)
    if (table->labels[i].length == len && cpd_ascii_equal_fold (text, table->labels[i].label, len))
      return table->labels[i].role;

  return ROLE_NONE;
}

static gboolean
is_line_break (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

static cmark_node *
find_web_link (cmark_node *from,
               cmark_node *until)
{
  for (cmark_node *node = from; node != until; node = cmark_node_next (node))
    {
      cmark_iter      *iter = cmark_iter_new (node);
      cmark_node      *found = NULL;
      cmark_event_type ev;

      while (found == NULL && (ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
        {
          cmark_node *cur = cmark_iter_get_node (iter);

          if (ev == CMARK_EVENT_ENTER && cmark_node_get_type (cur) == CMARK_NODE_LINK &&
              is_web_url (cmark_node_get_url (cur)))
            found = cur;
        }

      cmark_iter_free (iter);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The colon that may end a label at the start of @text: a label is short, so only the
 * first bytes can hold it. */
static const char *
label_colon (const char *text)
{
  for (gsize i = 0; i <= MAX_LABEL_LENGTH && text[i] != '\0'; i++)
    if (text[i] == ':')
      return text + i;

  return NULL;
}

/**
 * cpd_event_scanner_may_start_labelled_line:
 * @node: the first node of a line of a paragraph
 * @type: the type of @node
 *
 * Whether a line that starts with @node can be a labelled line. The document asks this
 * of every line while it walks the page, and gives cpd_event_scanner_add_paragraph() only
 * the paragraphs where one can: most paragraphs are prose, and reading them again line by
 * line cost more than the rest of the facts.
 */
gboolean
cpd_event_scanner_may_start_labelled_line (cmark_node     *node,
                                           cmark_node_type type)
{
  if (type == CMARK_NODE_STRONG)
    return TRUE;

  return type == CMARK_NODE_TEXT && label_colon (cmark_node_get_literal (node)) != NULL;
}

/* A line from @start up to @until (excluded). */
static void
scan_line (CpdEventScanner *self,
           cmark_node      *start,
           cmark_node      *until)
{
  g_autoptr (GString) value = NULL;
  cmark_node *rest = NULL;
  const char *rest_text = NULL;
  cmark_node *link;
  Role        role = ROLE_NONE;

  if (cmark_node_get_type (start) == CMARK_NODE_STRONG)
    {
      cmark_node      *only = cmark_node_first_child (start);
      cmark_node      *next = cmark_node_next (start);
      g_autofree char *owned = NULL;
      const char      *label;
      gsize            len;

      /* Usually the label is one text node: read it in place. */
      if (only != NULL && cmark_node_next (only) == NULL &&
          cmark_node_get_type (only) == CMARK_NODE_TEXT)
        label = cmark_node_get_literal (only);
      else
        label = owned = cpd_node_dup_text (start);
      len = strlen (label);

      if (len > 0 && label[len - 1] == ':')
        {
          role = role_for_label (label, len);
          rest = next;
        }
      else if (next != until && next != NULL && cmark_node_get_type (next) == CMARK_NODE_TEXT)
        {
          const char *text = cmark_node_get_literal (next);

          while (*text == ' ')
            text++;
          if (*text == ':')
            {
              role = role_for_label (label, len);
              rest_text = text + 1;
              rest = cmark_node_next (next);
            }
        }
    }
  else if (cmark_node_get_type (start) == CMARK_NODE_TEXT)
    {
      const char *text = cmark_node_get_literal (start);
      const char *colon = label_colon (text);

      if (colon != NULL)
        {
          role = role_for_label (text, colon - text);
          rest_text = colon + 1;
          rest = cmark_node_next (start);
        }
    }

  if (role == ROLE_NONE)
    return;

  if (role == ROLE_DATE && self->has_dates)
    return;
  if (role == ROLE_VENUE && self->has_venue_line)
    return;
  if (role != ROLE_DATE && role != ROLE_VENUE && self->urls[role][RANK_LABEL] != NULL)
    return;

  if (rest == until)
    rest = NULL;

  link = rest != NULL ? find_web_link (rest, until) : NULL;

  if (role == ROLE_DATE || (role == ROLE_VENUE && link == NULL))
    {
      value = g_string_new (rest_text);
      for (cmark_node *node = rest; node != NULL && node != until; node = cmark_node_next (node))
        cpd_node_append_text (node, value);
      g_strstrip (value->str);
      value->len = strlen (value->str);
    }

  switch (role)
    {
    case ROLE_DATE:
      self->has_dates = cpd_date_parse_range (value->str, &self->start, &self->end);
      break;

    case ROLE_VENUE:
      if (link != NULL)
        {
          g_autofree char *name = cpd_node_dup_text (link);

          g_strstrip (name);
          if (name[0] != '\0')
            self->venue_name = g_steal_pointer (&name);
          set_url (self, ROLE_VENUE, RANK_LABEL, cmark_node_get_url (link));
          self->has_venue_line = TRUE;
        }
      else if (value->len > 0)
        {
          self->venue_name = g_strdup (value->str);
          self->has_venue_line = TRUE;
        }
      break;

    case ROLE_REGISTRATION:
    case ROLE_SCHEDULE:
    case ROLE_CONDUCT:
      if (link != NULL)
        set_url (self, role, RANK_LABEL, cmark_node_get_url (link));
      break;

    case ROLE_NONE:
    default:
      g_assert_not_reached ();
    }
}

/**
 * cpd_event_scanner_add_paragraph:
 * @self: a #CpdEventScanner
 * @paragraph: a paragraph whose links are already absolute
 *
 * Looks for labelled lines in @paragraph.
 */
void
cpd_event_scanner_add_paragraph (CpdEventScanner *self,
                                 cmark_node      *paragraph)
{
  cmark_node *start = cmark_node_first_child (paragraph);

  while (start != NULL)
    {
      cmark_node *until = start;

      while (until != NULL && !is_line_break (until))
        until = cmark_node_next (until);

      if (until != start)
        scan_line (self, start, until);

      start = until != NULL ? cmark_node_next (until) : NULL;
    }
}

/**
 * cpd_event_scanner_add_link:
 * @self: a #CpdEventScanner
 * @text: the link's plain text
 * @url: the link's absolute URL
 *
 * Applies the link rules to one link of the page, in document order.
 */
void
cpd_event_scanner_add_link (CpdEventScanner *self,
                            const char      *text,
                            const char      *url)
{
  guint found;

  if ((self->text_words | self->url_words) == 0 || !is_web_url (url))
    return;

  found = find_rule_words (text, self->text_words) | find_rule_words (url, self->url_words);

  /* The best rank that matched; worse ranks were no longer wanted. */
  for (guint role = 0; role < N_URL_ROLES; role++)
    for (guint rank = RANK_TEXT; rank < N_RANKS; rank++)
      if (found & RULE_BIT (role, rank))
        {
          set_url (self, role, rank, url);
          break;
        }
}

static const char *
best_url (CpdEventScanner *self,
          Role             role)
{
  for (guint rank = 0; rank < N_RANKS; rank++)
    if (self->urls[role][rank] != NULL)
      return self->urls[role][rank];

  return NULL;
}

/* Copies @text, if any, to *@end, which it advances. */
static const char *
copy_fact (const char *text,
           char      **end)
{
  char *copy = *end;

  if (text == NULL)
    return NULL;

  *end = g_stpcpy (copy, text) + 1;

  return copy;
}

/**
 * cpd_event_scanner_finish:
 * @self: (transfer full): a #CpdEventScanner
 * @title: (nullable): the page's title
 * @front_matter_date: (nullable): the page's front matter "date"
 *
 * Returns: (transfer full): the event the page describes
 */
CpdEvent *
cpd_event_scanner_finish (CpdEventScanner *self,
                          const char      *title,
                          const char      *front_matter_date)
{
  const char *facts[] = {
    title,
    self->venue_name,
    best_url (self, ROLE_VENUE),
    best_url (self, ROLE_REGISTRATION),
    best_url (self, ROLE_SCHEDULE),
    best_url (self, ROLE_CONDUCT),
  };
  gsize     size = sizeof (CpdEvent);
  CpdEvent *event;
  char     *end;

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    if (facts[i] != NULL)
      size += strlen (facts[i]) + 1;

  event = g_atomic_rc_box_alloc0 (size);
  end = (char *) (event + 1);
  event->title = copy_fact (facts[0], &end);
  event->venue_name = copy_fact (facts[1], &end);
  event->venue_url = copy_fact (facts[2], &end);
  event->registration_url = copy_fact (facts[3], &end);
  event->schedule_url = copy_fact (facts[4], &end);
  event->conduct_url = copy_fact (facts[5], &end);

  if (!self->has_dates)
    self->has_dates = cpd_date_parse_range (front_matter_date, &self->start, &self->end);

  if (self->has_dates)
    {
      event->start = self->start;
      event->end = self->end;
      event->has_dates = TRUE;
    }

  cpd_event_scanner_free (self);

  return event;
}
