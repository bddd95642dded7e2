/* fribidi-lines: GNU FriBidi's per-line reordering, used as the reference for isnad's rows.
 *
 * Usage: fribidi-lines rtl|ltr|auto|wrtl < paragraphs
 * Reads one paragraph per line (UTF-8); U+001F marks each soft line break chosen by the caller.
 * The whole paragraph is analysed at once (levels, brackets, Arabic joining and shaping), then each
 * line is reordered on its own with fribidi_reorder_line, which is what UAX #9 L1-L4 prescribe and
 * what `fribidi --width` does not do. Prints every visual line on its own output line, without the
 * lam-alef FILL U+FEFF, zero-width/directional marks, or explicit bidi controls.
 * Build: cc -O2 -o fribidi-lines fribidi-lines.c $(pkg-config --cflags --libs fribidi)
 */
#include <fribidi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int dropped(FriBidiChar c) {
  return c == 0xFEFF || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

int main(int argc, char **argv) {
  FriBidiParType requested = FRIBIDI_PAR_ON;
  if (argc == 2 && strcmp(argv[1], "rtl") == 0) requested = FRIBIDI_PAR_RTL;
  else if (argc == 2 && strcmp(argv[1], "ltr") == 0) requested = FRIBIDI_PAR_LTR;
  else if (argc == 2 && strcmp(argv[1], "wrtl") == 0) requested = FRIBIDI_PAR_WRTL;
  else if (argc != 2 || strcmp(argv[1], "auto") != 0) {
    fprintf(stderr, "usage: %s rtl|ltr|auto|wrtl < paragraphs\n", argv[0]);
    return 2;
  }
  char *in = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&in, &cap, stdin)) >= 0) {
    if (n > 0 && in[n - 1] == '\n') in[--n] = 0;
    FriBidiChar *s = malloc(sizeof(FriBidiChar) * (n + 1));
    FriBidiCharType *types = malloc(sizeof(FriBidiCharType) * (n + 1));
    FriBidiBracketType *brackets = malloc(sizeof(FriBidiBracketType) * (n + 1));
    FriBidiLevel *levels = malloc(sizeof(FriBidiLevel) * (n + 1));
    FriBidiArabicProp *joining = malloc(sizeof(FriBidiArabicProp) * (n + 1));
    char *out = malloc(4 * n + 8);
    if (!s || !types || !brackets || !levels || !joining || !out) return 3;
    FriBidiStrIndex raw = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, in, n, s), len = 0;
    /* The markers are taken out before analysis so that they influence nothing; `brk[j]` says a
     * line ends before position j. */
    char *brk = calloc(raw + 1, 1);
    if (!brk) return 3;
    for (FriBidiStrIndex j = 0; j < raw; j++) {
      if (s[j] == 0x1F) brk[len] = 1;
      else s[len++] = s[j];
    }
    FriBidiParType base = requested;
    fribidi_get_bidi_types(s, len, types);
    fribidi_get_bracket_types(s, len, types, brackets);
    if (len > 0 && !fribidi_get_par_embedding_levels_ex(types, brackets, len, &base, levels)) {
      fprintf(stderr, "fribidi_get_par_embedding_levels_ex failed\n");
      return 4;
    }
    fribidi_get_joining_types(s, len, joining);
    fribidi_join_arabic(types, len, levels, joining);
    fribidi_shape(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, levels, len, joining, s);
    FriBidiStrIndex start = 0;
    for (FriBidiStrIndex i = 0; i <= len; i++) {
      if (i < len && !(brk[i] && i > 0)) continue;
      if (i > start && !fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, types,
                                             i - start, start, base, levels, s, NULL)) {
        fprintf(stderr, "fribidi_reorder_line failed\n");
        return 4;
      }
      FriBidiStrIndex kept = 0;
      for (FriBidiStrIndex j = start; j < i; j++)
        if (!dropped(s[j])) s[kept++ + start] = s[j];
      fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, s + start, kept, out);
      puts(out);
      start = i;
    }
    free(s), free(types), free(brackets), free(levels), free(joining), free(out), free(brk);
  }
  free(in);
  return 0;
}
