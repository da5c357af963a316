/* cpd-page-style.c
 *
 * Copyright 2026 The CPD developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The system's colours in the page: the page's stylesheet (src/core/style.css) paints links,
 * focus rings, the selection and the current find match with its --accent variable; this is
 * the user style sheet that sets it from AdwStyleManager, and strengthens the page's colours
 * when the reader asked for high contrast.
 *
 * The accent colour came with libadwaita 1.6 and the build allows no newer API than 1.5, so
 * it is read at run time, by property name. libadwaita gives the accent as a background
 * colour; text and lines use its "standalone" variant, which libadwaita derives in Oklab
 * with the lightness at most 0.5 on light backgrounds and at least 0.85 on dark ones (its
 * --accent-color). The same is done here, so the page's links match the app's own.
 */

#include "config.h"

#include <math.h>

#include "cpd-page-style.h"

/* libadwaita's standalone colour lightness bounds (Oklab L). */
#define STANDALONE_MAX_L_LIGHT 0.5
#define STANDALONE_MIN_L_DARK 0.85

static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
linear_to_srgb (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.0031308 ? c * 12.92 : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

/* Björn Ottosson's Oklab (https://bottosson.github.io/posts/oklab/), as CSS defines it. */
static void
rgb_to_oklab (const GdkRGBA *rgba,
              double         lab[3])
{
  double r = srgb_to_linear (rgba->red);
  double g = srgb_to_linear (rgba->green);
  double b = srgb_to_linear (rgba->blue);
  double l = cbrt (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  double m = cbrt (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  double s = cbrt (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);

  lab[0] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
  lab[1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
  lab[2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
}

static void
oklab_to_rgb (const double lab[3],
              GdkRGBA     *rgba)
{
  double l = pow (lab[0] + 0.3963377774 * lab[1] + 0.2158037573 * lab[2], 3);
  double m = pow (lab[0] - 0.1055613458 * lab[1] - 0.0638541728 * lab[2], 3);
  double s = pow (lab[0] - 0.0894841775 * lab[1] - 1.2914855480 * lab[2], 3);

  rgba->red = linear_to_srgb (4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
  rgba->green = linear_to_srgb (-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
  rgba->blue = linear_to_srgb (-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s);
}

/* The accent as libadwaita paints text and lines with it. */
static void
standalone_accent (const GdkRGBA *background,
                   gboolean       dark,
                   GdkRGBA       *standalone)
{
  double lab[3];

  rgb_to_oklab (background, lab);
  lab[0] = dark ? MAX (lab[0], STANDALONE_MIN_L_DARK) : MIN (lab[0], STANDALONE_MAX_L_LIGHT);
  oklab_to_rgb (lab, standalone);
  standalone->alpha = 1.0;
}

/**
 * cpd_page_style_get_accent:
 * @accent: (out): the system's accent colour, as libadwaita gives it (a background colour)
 *
 * Returns: whether libadwaita has an accent colour (1.6 and later)
 */
gboolean
cpd_page_style_get_accent (AdwStyleManager *manager,
                           GdkRGBA         *accent)
{
  g_autoptr (GdkRGBA) rgba = NULL;

  if (adw_get_major_version () == 1 && adw_get_minor_version () < 6)
    return FALSE;

  g_object_get (manager, "accent-color-rgba", &rgba, NULL);
  if (rgba == NULL)
    return FALSE;

  *accent = *rgba;
  return TRUE;
}

/* "#rrggbb": the page's CSS needs no more than what a screen shows. */
static char *
format_css_color (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x", (guint) (CLAMP (rgba->red, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (rgba->green, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (rgba->blue, 0, 1) * 255 + 0.5));
}

/**
 * cpd_page_style_dup_css:
 *
 * Returns: (transfer full): the user style sheet for the page, for @manager's accent
 *   colour, dark and high-contrast settings now
 */
char *
cpd_page_style_dup_css (AdwStyleManager *manager)
{
  /* The selection, and so the current find match, is a tint of the accent under the text's
   * own colour: readable on light and dark pages alike. */
  g_autoptr (GString) css =
    g_string_new ("::selection { background-color: color-mix(in srgb, var(--accent) 35%,"
                  " transparent); }\n");
  gboolean dark = adw_style_manager_get_dark (manager);
  GdkRGBA  accent;

  /* "html:root" outranks the page's own rules (":root", "a"), in either colour scheme. */
  if (cpd_page_style_get_accent (manager, &accent))
    {
      GdkRGBA          standalone;
      g_autofree char *color = NULL;

      standalone_accent (&accent, dark, &standalone);
      color = format_css_color (&standalone);
      g_string_append_printf (css, "html:root { --accent: %s; }\n", color);
    }

  if (adw_style_manager_get_high_contrast (manager))
    g_string_append (css,
                     /* As libadwaita's high contrast: full-strength text, solid borders,
                      * and links that stand out by more than their colour. */
                     "html:root { --view-fg: CanvasText; --dim: CanvasText;"
                     " --border: CanvasText; }\n"
                     "html:root a { text-decoration-thickness: 2px; }\n"
                     "html:root a:focus-visible { outline-width: 3px; }\n");

  return g_string_free (g_steal_pointer (&css), FALSE);
}
