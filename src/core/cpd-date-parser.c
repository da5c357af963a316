/* cpd-date-parser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Dates as event pages write them, in English (the page's language, not the user's):
 *
 *   April 15, 2024          Apr 15 2024          Monday, April 15th, 2024
 *   15 April 2024           15th of April 2024
 *   2024-04-15              2024-04-15 10:00:00 -0700 (Jekyll's front matter date)
 *   April 15-16, 2024       April 15 – 16, 2024  15-16 April 2024
 *   April 30 - May 1, 2024  30 April – 1 May 2024
 *   December 30, 2024 to January 2, 2025        2024-04-15/2024-04-16
 *
 * The text is cut into tokens (numbers, month names, ISO dates, range separators);
 * weekdays, commas, ordinal suffixes, "of" and "the" are ignored and anything else ends
 * the date, so "April 15, 2024 (9:00-17:00)" is one day. A date without a year, an
 * impossible date, a range that ends before it starts or lasts more than a year is no
 * date at all: we would rather show nothing than a wrong day.
 */

#include "config.h"

#include <string.h>

#include "cpd-date-parser-private.h"

#define MAX_TOKENS 16

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_MONTH,
  TOKEN_ISO,
  TOKEN_RANGE,
} TokenType;

typedef struct
{
  TokenType type;
  guint     value;
  guint     digits;
  guint     year, month, day; /* TOKEN_ISO */
} Token;

typedef struct
{
  guint day, month, year; /* 0 when not given */
} Part;

static const struct
{
  const char *name;
  guint       month;
} months[] = {
  { "january", 1 },
  { "jan", 1 },
  { "february", 2 },
  { "feb", 2 },
  { "march", 3 },
  { "mar", 3 },
  { "april", 4 },
  { "apr", 4 },
  { "may", 5 },
  { "june", 6 },
  { "jun", 6 },
  { "july", 7 },
  { "jul", 7 },
  { "august", 8 },
  { "aug", 8 },
  { "september", 9 },
  { "sept", 9 },
  { "sep", 9 },
  { "october", 10 },
  { "oct", 10 },
  { "november", 11 },
  { "nov", 11 },
  { "december", 12 },
  { "dec", 12 },
};

static const char *ignored_words[] = {
  "monday",
  "mon",
  "tuesday",
  "tue",
  "tues",
  "wednesday",
  "wed",
  "thursday",
  "thu",
  "thur",
  "thurs",
  "friday",
  "fri",
  "saturday",
  "sat",
  "sunday",
  "sun",
  "of",
  "the",
};

static const char *range_words[] = { "to", "through", "thru", "until", "till" };

static gboolean
word_in (const char  *word,
         const char **list,
         gsize        n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
scan_iso (const char *p,
          Token      *token)
{
  /* YYYY-MM-DD, not followed by another digit. */
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (p[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (p[i]))
        return FALSE;
    }
  if (g_ascii_isdigit (p[10]))
    return FALSE;

  token->type = TOKEN_ISO;
  token->year = g_ascii_digit_value (p[0]) * 1000 + g_ascii_digit_value (p[1]) * 100 +
                g_ascii_digit_value (p[2]) * 10 + g_ascii_digit_value (p[3]);
  token->month = g_ascii_digit_value (p[5]) * 10 + g_ascii_digit_value (p[6]);
  token->day = g_ascii_digit_value (p[8]) * 10 + g_ascii_digit_value (p[9]);

  return TRUE;
}

static guint
tokenize (const char *text,
          Token      *tokens)
{
  const char *p = text;
  guint       n = 0;

  while (*p && n < MAX_TOKENS)
    {
      Token *token = &tokens[n];

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == ',' || *p == '.')
        {
          p++;
        }
      else if (g_str_has_prefix (p, "\xc2\xa0")) /* no-break space */
        {
          p += 2;
        }
      else if (*p == '-' || *p == '/')
        {
          token->type = TOKEN_RANGE;
          n++, p++;
        }
      else if (g_str_has_prefix (p, "\xe2\x80\x93") || g_str_has_prefix (p, "\xe2\x80\x94"))
        {
          /* en dash, em dash */
          token->type = TOKEN_RANGE;
          n++, p += 3;
        }
      else if (g_ascii_isdigit (*p))
        {
          if (scan_iso (p, token))
            {
              n++, p += 10;
              continue;
            }

          token->type = TOKEN_NUMBER;
          token->value = 0;
          token->digits = 0;
          while (g_ascii_isdigit (*p))
            {
              /* Past four digits it is no day or year; stop growing the value. */
              if (token->digits < 5)
                token->value = token->value * 10 + g_ascii_digit_value (*p);
              token->digits++;
              p++;
            }

          /* Ordinal suffixes: 1st, 2nd, 3rd, 15th. */
          if ((g_ascii_strncasecmp (p, "st", 2) == 0 || g_ascii_strncasecmp (p, "nd", 2) == 0 ||
               g_ascii_strncasecmp (p, "rd", 2) == 0 || g_ascii_strncasecmp (p, "th", 2) == 0) &&
              !g_ascii_isalpha (p[2]))
            p += 2;

          n++;
        }
      else if (g_ascii_isalpha (*p))
        {
          char     word[16];
          gsize    len = 0;
          gboolean found = FALSE;

          while (g_ascii_isalpha (p[len]))
            len++;
          if (len >= sizeof word)
            break;

          for (gsize i = 0; i < len; i++)
            word[i] = g_ascii_tolower (p[i]);
          word[len] = '\0';
          p += len;

          for (gsize i = 0; i < G_N_ELEMENTS (months); i++)
            {
              if (strcmp (word, months[i].name) == 0)
                {
                  token->type = TOKEN_MONTH;
                  token->value = months[i].month;
                  n++;
                  found = TRUE;
                  break;
                }
            }

          if (found || word_in (word, ignored_words, G_N_ELEMENTS (ignored_words)))
            continue;

          if (word_in (word, range_words, G_N_ELEMENTS (range_words)))
            {
              token->type = TOKEN_RANGE;
              n++;
              continue;
            }

          break;
        }
      else
        break;
    }

  return n;
}

static gboolean
is_day (const Token *t)
{
  return t->type == TOKEN_NUMBER && t->digits <= 2 && t->value >= 1 && t->value <= 31;
}

static gboolean
is_year (const Token *t)
{
  return t->type == TOKEN_NUMBER && t->digits == 4;
}

/* One side of a range: an ISO date, "Month Day [Year]", "Day Month [Year]" or, when
 * @day_only is allowed, "Day [Year]". */
static gboolean
parse_part (const Token *t,
            guint        n,
            guint       *i,
            gboolean     day_only,
            Part        *part)
{
  guint k = *i;

  memset (part, 0, sizeof *part);

  if (k >= n)
    return FALSE;

  if (t[k].type == TOKEN_ISO)
    {
      part->year = t[k].year;
      part->month = t[k].month;
      part->day = t[k].day;
      *i = k + 1;
      return TRUE;
    }

  if (t[k].type == TOKEN_MONTH && k + 1 < n && is_day (&t[k + 1]))
    {
      part->month = t[k].value;
      part->day = t[k + 1].value;
      k += 2;
    }
  else if (is_day (&t[k]) && k + 1 < n && t[k + 1].type == TOKEN_MONTH)
    {
      part->day = t[k].value;
      part->month = t[k + 1].value;
      k += 2;
    }
  else if (day_only && is_day (&t[k]))
    {
      part->day = t[k].value;
      k += 1;
    }
  else
    return FALSE;

  if (k < n && is_year (&t[k]))
    part->year = t[k++].value;

  *i = k;
  return TRUE;
}

static gboolean
part_to_date (const Part *part,
              GDate      *date)
{
  if (part->year < 1 || part->year > 9999 || part->month < 1 || part->month > 12 ||
      !g_date_valid_dmy (part->day, part->month, part->year))
    return FALSE;

  g_date_set_dmy (date, part->day, part->month, part->year);
  return TRUE;
}

/**
 * cpd_date_parse_range:
 * @text: (nullable): text that starts with a date or a date range
 * @start: (out caller-allocates): the first day
 * @end: (out caller-allocates): the last day, included; equal to @start for one day
 *
 * Returns: %TRUE if @text starts with a complete date or range
 */
gboolean
cpd_date_parse_range (const char *text,
                      GDate      *start,
                      GDate      *end)
{
  Token    tokens[MAX_TOKENS] = { 0 };
  guint    n;
  guint    i = 0;
  Part     first, second = { 0 };
  gboolean has_range;

  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  n = tokenize (text, tokens);

  /* "15-16 April 2024": the first day may stand alone when a range follows. */
  if (!parse_part (tokens, n, &i, i + 1 < n && tokens[i + 1].type == TOKEN_RANGE, &first))
    return FALSE;

  has_range = i + 1 < n && tokens[i].type == TOKEN_RANGE;
  if (has_range)
    {
      guint j = i + 1;

      has_range = parse_part (tokens, n, &j, TRUE, &second);
    }

  if (has_range)
    {
      Part  a = first, b = second;
      GDate s, e;

      /* Each side lends what it lacks to the other: "April 15-16, 2024". */
      if (a.month == 0)
        a.month = b.month;
      if (b.month == 0)
        b.month = a.month;
      if (a.year == 0)
        a.year = b.year;
      if (b.year == 0)
        b.year = a.year;

      g_date_clear (&s, 1);
      g_date_clear (&e, 1);
      if (part_to_date (&a, &s) && part_to_date (&b, &e) && g_date_compare (&s, &e) <= 0 &&
          g_date_days_between (&s, &e) <= CPD_DATE_MAX_RANGE_DAYS)
        {
          *start = s;
          *end = e;
          return TRUE;
        }
    }

  /* A bare number after a dash may be no day at all ("April 15, 2024 - 10:00"): then
   * the first day alone counts. A second date of its own that makes no valid range
   * means the text is not understood. */
  if (has_range && (second.month != 0 || second.year != 0))
    return FALSE;

  return part_to_date (&first, start) && part_to_date (&first, end);
}
