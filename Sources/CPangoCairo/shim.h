#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/// PANGO_SCALE is a macro.
static inline int tabel_pango_scale(void) { return PANGO_SCALE; }
