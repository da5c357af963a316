/* cpd-core.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The document core: no GTK, only GLib, cmark and libical. */

#include "cpd-calendar.h"
#include "cpd-document.h"
#include "cpd-event.h"
#include "cpd-link.h"
#include "cpd-section.h"
