/* cpd-date-parser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Dates as event pages write them, in the page's language (not the user's):
 *
 *   April 15, 2024            Monday, April 15th, 2024       15th of April 2024
 *   2024-04-15                2024-04-15 10:00:00 -0700      2020-10-31T11:00:00+05:30
 *   April 15-16, 2024         15-16 April 2024               April 30 - May 1, 2024
 *   December 10th to 13th     2014-12-03 to 12-05            13.11.2015
 *   10/17/2023 (only where no other reading is possible: 17 is no month)
 *   Vom 13. bis 15. November 2015          du 30 juin au 3 juillet 2026
 *   del 5 al 7 de mayo de 2025             de 5 a 7 de maio de 2025
 *   2024年8月24日（土）         2023年11月4日-5日               2023年11月4日至5日
 *
 * The text is cut into tokens (numbers, month and weekday names, ISO dates, range
 * separators); commas, ordinal suffixes and small words ("of", "the", "vom", "du", "del"…)
 * are skipped and anything else ends the date, so "April 15, 2024 (9:00-17:00)" is one day.
 * A date with no year takes the caller's default year, if any; a weekday that does not fit
 * its date, an impossible date, a range that ends before it starts or lasts more than a
 * year is no date at all: we would rather show nothing than a wrong day.
 */

#include "config.h"

#include <string.h>

#include "cpd-date-parser-private.h"

#define MAX_TOKENS 24

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_MONTH,
  TOKEN_WEEKDAY,
  TOKEN_DATE,  /* a whole date: ISO, dotted or slashed; year 0 for ISO's "12-05" */
  TOKEN_RANGE, /* "-", "to", "bis", "au", "至"…; value 1 for "+" and "&": two days in a row */
  TOKEN_CJK_YEAR,
  TOKEN_CJK_MONTH,
  TOKEN_CJK_DAY,
  TOKEN_SKIP, /* blanks and words that only decorate a date: "of", "vom", "del" */
} TokenType;

typedef struct
{
  TokenType   type;
  guint       value;  /* a number, a month (1-12) or a weekday (GDateWeekday) */
  guint       digits; /* of a number */
  guint       year, month, day;
  const char *end; /* where its text ends */
} Token;

typedef struct
{
  guint day, month, year; /* 0 when not given */
  guint weekday;          /* GDateWeekday, or 0 */
} Part;

/* The words of dates in English, German, French, Spanish, Portuguese and Italian, case-folded,
 * with their usual abbreviations (not those that are also common words: "out", "set", "ago"). */
typedef struct
{
  TokenType   type;
  guint       value; /* as a token's */
  const char *words; /* separated by blanks */
} DateWords;

static const DateWords date_words[] = {
  { TOKEN_SKIP, 0, "of the on from vom von am den du le les del de el dal il do da dia der" },
  { TOKEN_RANGE, 0, "to through thru until till bis au al a à até alle" },
  { TOKEN_RANGE, 1, "and und et y e" }, /* "Friday and Saturday, 14 y 15 de noviembre" */
  { TOKEN_WEEKDAY, 1, "monday mon montag lundi lunes lunedì segunda-feira" },
  { TOKEN_WEEKDAY, 2, "tuesday tue tues dienstag mardi martes martedì terça-feira" },
  { TOKEN_WEEKDAY, 3, "wednesday wed mittwoch mercredi miércoles mercoledì quarta-feira" },
  { TOKEN_WEEKDAY, 4, "thursday thu thur thurs donnerstag jeudi jueves giovedì quinta-feira" },
  { TOKEN_WEEKDAY, 5, "friday fri freitag vendredi viernes venerdì sexta-feira" },
  { TOKEN_WEEKDAY, 6, "saturday sat samstag sonnabend samedi sábado sabato" },
  { TOKEN_WEEKDAY, 7, "sunday sun sonntag dimanche domingo domenica" },
  { TOKEN_MONTH, 1, "january jan januar jänner janvier janv enero ene janeiro gennaio" },
  { TOKEN_MONTH, 2, "february feb februar février févr febrero fevereiro fev febbraio" },
  { TOKEN_MONTH, 3, "march mar märz mär mars marzo março" },
  { TOKEN_MONTH, 4, "april apr avril avr abril abr aprile" },
  { TOKEN_MONTH, 5, "may mai mayo maio maggio" },
  { TOKEN_MONTH, 6, "june jun juni juin junio junho giugno giu" },
  { TOKEN_MONTH, 7, "july jul juli juillet juil julio julho luglio lug" },
  { TOKEN_MONTH, 8, "august aug août agosto" },
  { TOKEN_MONTH, 9, "september sept sep septembre septiembre setiembre setembro settembre" },
  { TOKEN_MONTH, 10, "october oct oktober okt octobre octubre outubro ottobre ott" },
  { TOKEN_MONTH, 11, "november nov novembre noviembre novembro" },
  { TOKEN_MONTH, 12, "december dec dezember dez décembre déc diciembre dic dezembro dicembre" },
};

/* Marks that join a range; "+" and "&" join two days in a row. */
static const char *const range_marks[] = { "-", "/", "–", "—", "~", "〜", "～", "至", "到",
                                           "から", "+", "&" };

static const char *const ordinal_suffixes[] = { "st", "nd", "rd", "th", "er" };

/* What a word is to a date: a table made once, as a page has many words to look up. */
static const DateWords *
lookup_word (const char *word)
{
  static GHashTable *table;

  if (g_once_init_enter_pointer (&table))
    {
      GHashTable *words = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (date_words); i++)
        {
          g_autofree char **split = g_strsplit (date_words[i].words, " ", -1);

          /* The words themselves stay, as the table's keys. */
          for (guint w = 0; split[w] != NULL; w++)
            g_hash_table_insert (words, split[w], (gpointer) &date_words[i]);
        }
      g_once_init_leave_pointer (&table, words);
    }

  return g_hash_table_lookup (table, word);
}

/* Reads a run of digits (ASCII or full-width) at *p; returns how many, 0 for none. */
static guint
read_number (const char **p,
             guint       *value)
{
  const char *q = *p;
  guint       digits = 0;
  gunichar    c;

  *value = 0;
  while (*q != '\0' && g_unichar_isdigit (c = g_utf8_get_char (q)))
    {
      /* Past five digits it is no day or year; stop growing the value. */
      if (digits < 5)
        *value = *value * 10 + g_unichar_digit_value (c);
      digits++;
      q = g_utf8_next_char (q);
    }

  *p = q;
  return digits;
}

/* "2024-04-15", "13.11.2015", "10/17/2023" and, after an ISO date, "12-05": a whole date in
 * one token. A slashed date is read only when one side cannot be a month. */
static gboolean
scan_numeric_date (const char **p,
                   gboolean     after_iso,
                   Token       *token)
{
  const char *q = *p;
  guint       a, b, c;
  guint       da, db, dc;
  char        sep;

  da = read_number (&q, &a);
  sep = *q;
  if (da == 0 || (sep != '-' && sep != '.' && sep != '/'))
    return FALSE;
  q++;
  db = read_number (&q, &b);
  if (db == 0 || db > 2)
    return FALSE;

  if (sep == '-' && da == 2 && *q != '-' && after_iso)
    {
      /* "12-05" after "2014-12-03 to": month and day of the same year. */
      *token = (Token){ .type = TOKEN_DATE, .month = a, .day = b };
      *p = q;
      return TRUE;
    }

  if (*q != sep)
    return FALSE;
  q++;
  dc = read_number (&q, &c);

  /* Year first ("2025-05-16", "2025/05/16") is never ambiguous. */
  if ((sep == '-' || sep == '/') && da == 4 && db <= 2 && dc <= 2)
    *token = (Token){ .type = TOKEN_DATE, .year = a, .month = b, .day = c };
  else if (sep == '.' && da <= 2 && dc == 4)
    *token = (Token){ .type = TOKEN_DATE, .day = a, .month = b, .year = c };
  else if (sep == '/' && da <= 2 && dc == 4 && a <= 12 && b > 12)
    *token = (Token){ .type = TOKEN_DATE, .month = a, .day = b, .year = c };
  else if (sep == '/' && da <= 2 && dc == 4 && a > 12 && b <= 12)
    *token = (Token){ .type = TOKEN_DATE, .day = a, .month = b, .year = c };
  else
    return FALSE;

  *p = q;
  return TRUE;
}

/* A bracketed weekday or remark with no digit in it: "(Monday)", "（土）". Skipped whole. */
static gboolean
skip_bracketed_words (const char **p)
{
  gunichar open = g_utf8_get_char (*p);
  gunichar close = open == '(' ? ')' : 0xFF09; /* full-width ) */

  if (open != '(' && open != 0xFF08)
    return FALSE;

  for (const char *q = g_utf8_next_char (*p); *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (c == close)
        {
          *p = g_utf8_next_char (q);
          return TRUE;
        }
      if (g_unichar_isdigit (c) || q - *p > 40)
        return FALSE;
    }

  return FALSE;
}

static gboolean
is_word_char (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c) && !g_unichar_iswide (c);
}

/* Reads one word at *p (letters and inner hyphens, "segunda-feira") and looks it up: NULL
 * for a word that means nothing to a date. */
static const DateWords *
read_word (const char **p)
{
  const char *start = *p;
  const char *q = start;
  gboolean    ascii = TRUE;
  char        folded[32];
  gsize       length;

  while (*q != '\0')
    {
      gunichar c = (guchar) *q < 0x80 ? (gunichar) *q : g_utf8_get_char (q);

      ascii = ascii && c < 0x80;
      if (is_word_char (c))
        q = g_utf8_next_char (q);
      else if (c == '-' && q > start && is_word_char (g_utf8_get_char (q + 1)))
        q++;
      else
        break;
    }

  *p = q;
  length = q - start;

  /* No date word is that long, or that short but for "a", "y", "e" (joining days). */
  if (length >= sizeof folded || (length == 1 && strchr ("aye", g_ascii_tolower (*start)) == NULL))
    return NULL;

  /* Most words are ASCII: fold them in place rather than allocating. */
  if (!ascii)
    {
      g_autofree char *casefolded = g_utf8_casefold (start, length);

      return lookup_word (casefolded);
    }

  for (gsize i = 0; i < length; i++)
    folded[i] = g_ascii_tolower (start[i]);
  folded[length] = '\0';

  return lookup_word (folded);
}

/* A number followed by 年, 月 or 日; *@p is at a digit. */
static gboolean
scan_cjk_number (const char **p,
                 Token       *token)
{
  const char *q = *p;
  guint       digits = read_number (&q, &token->value);

  /* "2025 年 9 月 20 日": Chinese pages often space the numbers. */
  while (*q == ' ')
    q++;

  /* strncmp, not g_str_has_prefix (): that measures the whole rest of the page each time. */
  if (strncmp (q, "年", strlen ("年")) == 0 && digits == 4)
    token->type = TOKEN_CJK_YEAR;
  else if (strncmp (q, "月", strlen ("月")) == 0 && digits <= 2)
    token->type = TOKEN_CJK_MONTH;
  else if ((strncmp (q, "日", strlen ("日")) == 0 || strncmp (q, "号", strlen ("号")) == 0) &&
           digits <= 2)
    token->type = TOKEN_CJK_DAY;
  else
    return FALSE;

  *p = q + strlen ("年"); /* each of them is three bytes of UTF-8 */
  return TRUE;
}

/* Reads one token at *p; FALSE where the date's text ends. */
static gboolean
scan_token (const char **p,
            gboolean     after_iso,
            Token       *token)
{
  gunichar c = g_utf8_get_char_validated (*p, -1);

  token->type = TOKEN_SKIP;
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;

  if (g_unichar_isspace (c) || c == ',' || c == '.' || c == 0x3001 /* 、 */)
    {
      *p = g_utf8_next_char (*p);
      return TRUE;
    }

  if (g_unichar_isdigit (c))
    {
      if (scan_cjk_number (p, token) || scan_numeric_date (p, after_iso, token))
        return TRUE;

      token->type = TOKEN_NUMBER;
      token->digits = read_number (p, &token->value);
      /* Ordinal suffixes: 1st, 2nd, 3rd, 15th; "1er" in French. */
      for (guint i = 0; i < G_N_ELEMENTS (ordinal_suffixes) && g_ascii_isalpha (**p); i++)
        if (g_ascii_strncasecmp (*p, ordinal_suffixes[i], 2) == 0 && !g_ascii_isalpha ((*p)[2]))
          *p += 2;
      return TRUE;
    }

  if (is_word_char (c))
    {
      const DateWords *words = read_word (p);

      if (words == NULL)
        return FALSE;
      token->type = words->type;
      token->value = words->value;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (range_marks); i++)
    if (strncmp (*p, range_marks[i], strlen (range_marks[i])) == 0)
      {
        *p += strlen (range_marks[i]);
        token->type = TOKEN_RANGE;
        token->value = c == '+' || c == '&';
        return TRUE;
      }

  /* A weekday in brackets, "（土）": decoration as written; anything else ends the date. */
  return skip_bracketed_words (p);
}

static guint
tokenize (const char *text,
          Token      *tokens)
{
  const char *p = text;
  guint       n = 0;
  gboolean    seen_iso = FALSE;

  while (*p != '\0' && n < MAX_TOKENS)
    {
      Token token = { 0 };

      if (!scan_token (&p, seen_iso && n > 0 && tokens[n - 1].type == TOKEN_RANGE, &token))
        break;
      if (token.type == TOKEN_SKIP)
        continue;

      token.end = p;
      seen_iso = seen_iso || (token.type == TOKEN_DATE && token.year != 0);
      tokens[n++] = token;
    }

  return n;
}

static gboolean
is_day (const Token *t)
{
  return t->type == TOKEN_NUMBER && t->digits <= 2 && t->value >= 1 && t->value <= 31;
}

/* One side of a range: a numeric date, "Month Day [Year]", "Day Month [Year]",
 * "[年] [月] 日" or, when @day_only is allowed, "Day [Year]"; each may follow a weekday. */
static gboolean
parse_part (const Token *t,
            guint        n,
            guint       *i,
            gboolean     day_only,
            Part        *part)
{
  guint k = *i;

  memset (part, 0, sizeof *part);

  if (k < n && t[k].type == TOKEN_WEEKDAY)
    part->weekday = t[k++].value;
  if (k >= n)
    return FALSE;

  if (t[k].type == TOKEN_DATE)
    {
      part->year = t[k].year;
      part->month = t[k].month;
      part->day = t[k].day;
      *i = k + 1;
      return TRUE;
    }

  if (t[k].type == TOKEN_CJK_YEAR || t[k].type == TOKEN_CJK_MONTH || t[k].type == TOKEN_CJK_DAY)
    {
      if (t[k].type == TOKEN_CJK_YEAR)
        part->year = t[k++].value;
      if (k < n && t[k].type == TOKEN_CJK_MONTH)
        part->month = t[k++].value;
      if (k >= n || t[k].type != TOKEN_CJK_DAY)
        return FALSE;
      part->day = t[k++].value;
      *i = k;
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

  if (k < n && t[k].type == TOKEN_NUMBER && t[k].digits == 4)
    part->year = t[k++].value;

  /* "Monday 15 April": a weekday may also follow a day only after a comma; not handled. */
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

  /* A weekday that does not fit is a typo or another year: either way not this date. */
  return part->weekday == 0 || g_date_get_weekday (date) == part->weekday;
}

/* cpd_date_parse_range (), which see, that also says where in @text the date-like text
 * ends, whether or not it is a date. */
static gboolean
parse_range (const char  *text,
             guint        default_year,
             GDate       *start,
             GDate       *end,
             const char **text_end)
{
  Token    tokens[MAX_TOKENS] = { 0 };
  guint    n = tokenize (text, tokens);
  guint    i = 0;
  guint    j;
  Part     first, second = { 0 };
  gboolean has_range;
  gboolean day_only_first;

  *text_end = n > 0 ? tokens[n - 1].end : NULL;

  /* "15-16 April 2024", "Vom 13. bis 15. November": the first day may stand alone when a
   * range follows. */
  day_only_first = (n > 1 && tokens[1].type == TOKEN_RANGE) ||
                   (n > 2 && tokens[0].type == TOKEN_WEEKDAY && tokens[2].type == TOKEN_RANGE);
  if (!parse_part (tokens, n, &i, day_only_first, &first))
    return FALSE;

  j = i + 1;
  has_range = j < n && tokens[i].type == TOKEN_RANGE && parse_part (tokens, n, &j, TRUE, &second);
  if (has_range)
    {
      Part a = first, b = second;

      /* Each side lends what it lacks to the other: "April 15-16, 2024". */
      a.month = a.month != 0 ? a.month : b.month;
      b.month = b.month != 0 ? b.month : a.month;
      if (a.year == 0)
        a.year = b.year != 0 ? b.year : default_year;
      b.year = b.year != 0 ? b.year : a.year;

      if (part_to_date (&a, start) && part_to_date (&b, end) && g_date_compare (start, end) <= 0 &&
          g_date_days_between (start, end) <= CPD_DATE_MAX_RANGE_DAYS &&
          (tokens[i].value == 0 || g_date_days_between (start, end) == 1))
        {
          *text_end = tokens[j - 1].end;
          return TRUE;
        }
    }

  /* A bare number after a dash may be no day at all ("April 15, 2024 - 10:00"): then
   * the first day alone counts. A second date of its own that makes no valid range
   * means the text is not understood. */
  if (has_range && (second.month != 0 || second.year != 0 || second.weekday != 0))
    return FALSE;

  if (first.year == 0)
    first.year = default_year;

  *text_end = tokens[i - 1].end;
  return part_to_date (&first, start) && part_to_date (&first, end);
}

/**
 * cpd_date_parse_range:
 * @text: (nullable): text that starts with a date or a date range
 * @default_year: the year of a date that gives none, or 0 when such a date is no date
 * @start: (out caller-allocates): the first day
 * @end: (out caller-allocates): the last day, included; equal to @start for one day
 *
 * Returns: %TRUE if @text starts with a complete date or range; if not, @start and @end
 *   mean nothing
 */
gboolean
cpd_date_parse_range (const char *text,
                      guint       default_year,
                      GDate      *start,
                      GDate      *end)
{
  const char *text_end;

  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  return text != NULL && parse_range (text, default_year, start, end, &text_end);
}

/**
 * cpd_date_find_ranges:
 * @text: running text
 * @default_year: as for cpd_date_parse_range()
 * @ranges: (element-type CpdDateRange): where to append them
 *
 * Finds every date and range in @text, in order: "The conference runs from October 17 to
 * 19, 2023; the CFP closes on June 1, 2023" gives two.
 */
void
cpd_date_find_ranges (const char *text,
                      guint       default_year,
                      GArray     *ranges)
{
  const char *p = text;
  const char *last_digit = NULL;

  /* Every date has a number in it, so none starts after the last one. Full-width digits
   * ("２０２４年") are numbers too: they are U+FF10 to U+FF19. */
  for (const char *q = text; (q = strpbrk (q, "0123456789\xef")) != NULL; q++)
    if (q[0] != '\xef' || q[1] == '\xbc')
      last_digit = q;

  while (last_digit != NULL && p <= last_digit)
    {
      const char  *word = p;
      CpdDateRange range;
      const char  *text_end;
      gunichar     c;

      /* Most of a page is ASCII punctuation and blanks between words. */
      if ((guchar) *p < 0x80 && !g_ascii_isalnum (*p))
        {
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;

      /* A date starts at a number, a month or a weekday ("du 30 juin" at "30"). */
      if (!g_unichar_isalnum (c) || g_unichar_iswide (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (!g_unichar_isdigit (c))
        {
          const DateWords *meaning = read_word (&word);

          if (meaning == NULL || (meaning->type != TOKEN_MONTH && meaning->type != TOKEN_WEEKDAY))
            {
              p = word > p ? word : g_utf8_next_char (p);
              continue;
            }
        }

      if (parse_range (p, default_year, &range.start, &range.end, &text_end))
        {
          range.offset = p - text;
          range.length = text_end - p;
          g_array_append_val (ranges, range);
        }

      /* Past a rejected date too: "Monday, April 17" in a year where that is a Tuesday must
       * not come back as "April 17" one word later. A number, month or weekday is a token:
       * the date-like text is never empty. */
      p = text_end;

      /* The rest of this word or number is no start of a date. */
      while ((guchar) *p < 0x80 ? g_ascii_isalnum (*p)
                                : g_unichar_isalnum (g_utf8_get_char (p)) &&
                                    !g_unichar_iswide (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }
}
