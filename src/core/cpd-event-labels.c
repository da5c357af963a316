/* cpd-event-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How pages label their facts: "**When:** …", "Wo? …", "場所：…", "| Where | … |", and the
 * headings of labelled sections ("## When and Where", "### Sede:"). The rules that decide
 * what a label's value means are in cpd-event-rules.c.
 */

#include "config.h"

#include <string.h>

#include "cpd-event-labels-private.h"

/* Labels as pages write them, case-folded. */
static const char *const label_words[CPD_N_LABELS][32] = {
  [CPD_LABEL_DATE] = { "date", "dates", "when", "event date", "event dates", "time", "wann",
                       "datum", "zeit", "termin", "quand", "heure", "fecha", "fechas", "cuándo",
                       "hora", "data", "datas", "quando", "orario", "日時", "日程", "開催日",
                       "开会时间", "时间", "時間", "日期", NULL },
  [CPD_LABEL_VENUE] = { "location", "venue", "where", "place", "room", "wo", "ort",
                        "veranstaltungsort", "raum", "lieu", "où", "salle", "sede", "lugar",
                        "dónde", "sala", "local", "luogo", "dove", "場所", "会場", "地点", "地址",
                        "会场", NULL },
  [CPD_LABEL_REGISTRATION] = { "registration", "register", "rsvp", "tickets", "sign-up",
                               "sign up", "anmeldung", "inscription", "inscripción", "inscrição",
                               "registro", "iscrizione", "申し込み", "报名", NULL },
  [CPD_LABEL_SCHEDULE] = { "schedule", "agenda", "program", "programme", "programm", "zeitplan",
                           "programa", "programma", "プログラム", "日程表", "议程", NULL },
  [CPD_LABEL_CONDUCT] = { "code of conduct", "conduct", "verhaltenskodex", "code de conduite",
                          "código de conducta", "código de conduta", "codice di condotta",
                          "行動規範", "行为准则", NULL },
  [CPD_LABEL_RECORDINGS] = { "recordings", "videos", "video", "aufzeichnungen", "vidéos",
                             "grabaciones", "gravações", "registrazioni", "録画", "录像", NULL },
};

static const char *const label_joiners[] = { " and ", " und ", " et ", " y ", " e ", " & ", " + ",
                                             " / ", " · " };

/* Whether @word is one of @labels; Japanese and Chinese labels also end a longer one
 * ("活动时间" is a time). */
static gboolean
is_label_word (const char        *word,
               const char *const *labels)
{
  for (guint i = 0; labels[i] != NULL; i++)
    if (strcmp (word, labels[i]) == 0 ||
        (g_unichar_iswide (g_utf8_get_char (labels[i])) && g_str_has_suffix (word, labels[i])))
      return TRUE;

  return FALSE;
}

/* Which label @text is, alone: "When", "Wann?", "Sede:", "When and Where" is two. */
gboolean
cpd_label_match (const char *text,
                 gboolean    labels[CPD_N_LABELS])
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_auto (GStrv) parts = NULL;
  gboolean found = FALSE;

  memset (labels, 0, sizeof (gboolean) * CPD_N_LABELS);
  g_strdelimit (folded, "*_", ' ');
  /* Bullets and emoji before the label: "📅 Date:", "🔹 Ort:". */
  while (folded[0] != '\0' && !g_unichar_isalnum (g_utf8_get_char (folded)))
    memmove (folded, g_utf8_next_char (folded), strlen (g_utf8_next_char (folded)) + 1);
  g_strstrip (folded);
  for (gsize n = strlen (folded); n > 0 && strchr (":?! ", folded[n - 1]) != NULL; n--)
    folded[n - 1] = '\0';
  if (g_str_has_suffix (folded, "："))
    folded[strlen (folded) - strlen ("：")] = '\0';
  g_strstrip (folded);

  /* "When and Where", "Ort und Zeit", "Lugar y fecha", "Time & Location": two labels. */
  for (guint i = 0; i < G_N_ELEMENTS (label_joiners); i++)
    {
      g_auto (GStrv) split = g_strsplit (folded, label_joiners[i], -1);

      g_free (folded);
      folded = g_strjoinv ("\x1f", split);
    }

  parts = g_strsplit (folded, "\x1f", 4);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      for (guint label = 0; label < CPD_N_LABELS; label++)
        if (is_label_word (parts[i], label_words[label]))
          labels[label] = found = TRUE;
    }

  return found;
}

/* "When: …", "**Where**: …", "Wo? …", "場所：…", "| When | … |": the label and its value. */
CpdLabel
cpd_label_split_line (const char *line,
                      char      **value)
{
  static const char *const separators[] = { ":", "：", "?", " - ", " – ", NULL };
  g_autofree char         *text = g_strdup (line);
  gboolean                 labels[CPD_N_LABELS];

  g_strstrip (text);
  if (text[0] == '|')
    {
      g_auto (GStrv) cells = g_strsplit (text + 1, "|", 3);

      if (g_strv_length (cells) >= 2 && cpd_label_match (cells[0], labels))
        for (guint label = 0; label < CPD_N_LABELS; label++)
          if (labels[label])
            {
              *value = g_strstrip (g_strdup (cells[1]));
              return label;
            }

      return CPD_LABEL_NONE;
    }

  for (guint i = 0; separators[i] != NULL; i++)
    {
      const char      *sep = strstr (text, separators[i]);
      g_autofree char *label = NULL;

      /* Labels are short: a colon later in the line is the sentence's own. */
      if (sep == NULL || sep - text > 32 || sep == text)
        continue;

      label = g_strndup (text, sep - text);
      if (!cpd_label_match (label, labels))
        continue;

      for (guint l = 0; l < CPD_N_LABELS; l++)
        if (labels[l])
          {
            *value = g_strstrip (g_strdup (sep + strlen (separators[i])));
            g_strdelimit (*value, "*", ' ');
            g_strstrip (*value);
            return l;
          }
    }

  return CPD_LABEL_NONE;
}

/* @text without the emoji or bullets before it and the punctuation after it. */
char *
cpd_label_clean_value (const char *text)
{
  char *value;
  gsize n;

  while (*text != '\0' && !g_unichar_isalnum (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);

  value = g_strstrip (g_strdup (text));
  n = strlen (value);
  while (n > 0 && strchr (".,;:", value[n - 1]) != NULL)
    value[--n] = '\0';

  return value;
}

/* What pages write for a fact they do not know yet. */
static const char *const unknown_words[] = { "tba", "tbd", "tbc", "to be announced",
                                             "still looking", "looking for",
                                             "to be confirmed", "to be decided", "n/a",
                                             "à venir", "à confirmer", "folgt", "wird noch",
                                             "por confirmar", "por anunciar", "未定", "待定",
                                             NULL };

gboolean
cpd_label_says_unknown (const char *value)
{
  g_autofree char *folded = g_utf8_casefold (value, -1);

  for (guint i = 0; unknown_words[i] != NULL; i++)
    if (g_str_has_prefix (g_strstrip (folded), unknown_words[i]))
      return TRUE;

  return FALSE;
}
