/** Word normalisation shared by the tagger, the lemmatizer and the training script. */

const APOSTROPHES = /[\u2019\u02BC\u2018\u0060\u00B4]/g;
const HYPHENS = /[\u2010\u2011]/g;
const SPECIAL = /[\u2019\u02BC\u2018\u0060\u00B4\u2010\u2011]/;

/** The form UD French spells: typographic apostrophes as ', non-breaking hyphens as -. */
export function normalizeForm(form: string): string {
  // most words hold none of those characters: they are returned as they are
  return SPECIAL.test(form) ? form.replace(APOSTROPHES, "'").replace(HYPHENS, '-') : form;
}

/**
 * Word shape: letters as X/x, digits as d, runs longer than two collapsed (Macron → Xxx,
 * OTAN → XXX, 2017 → dd, G7 → Xd, l' → x'). A character is a capital when lower-casing changes
 * it, a small letter when upper-casing does.
 */
export function wordShape(form: string): string {
  let out = '';
  let last = -0x200000; // no character's key
  let run = 0;
  for (let i = 0; i < form.length; i++) {
    const code = form.charCodeAt(i);
    // ASCII straight from its code; any other character (a surrogate pair as one) by its case mappings
    let c: number;
    let text: string | undefined;
    if (code < 0x80) c = code >= 48 && code <= 57 ? 100 /* d */ : code >= 65 && code <= 90 ? 88 /* X */ : code >= 97 && code <= 122 ? 120 /* x */ : code;
    else {
      const low = i + 1 < form.length ? form.charCodeAt(i + 1) : 0;
      const wide = code >= 0xd800 && code <= 0xdbff && (low & 0xfc00) === 0xdc00;
      const ch = wide ? form.slice(i, i + 2) : form[i]!;
      if (ch.toLowerCase() !== ch) c = 88;
      else if (ch.toUpperCase() !== ch) c = 120;
      else {
        // the character stands for itself: told apart from others by its code point
        c = -1 - (wide ? 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00) : code);
        text = ch;
      }
      if (wide) i++;
    }
    if (c === last) {
      run++;
      if (run > 2) continue;
    } else {
      last = c;
      run = 1;
    }
    out += text ?? String.fromCharCode(c);
  }
  return out;
}

export function isCapitalized(form: string): boolean {
  const first = form.charAt(0);
  return first.toLowerCase() !== first;
}

/** Whether some character of the form has two cases (a letter). */
export function hasLetter(form: string): boolean {
  for (let i = 0; i < form.length; i++) {
    const code = form.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
      continue;
    }
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < form.length && (form.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const ch = wide ? form.slice(i, i + 2) : form[i]!;
    if (wide) i++;
    if (ch.toLowerCase() !== ch.toUpperCase()) return true;
  }
  return false;
}
