/** Word normalisation shared by the tagger, the lemmatizer and the training script. */

const APOSTROPHES = /[\u2019\u02BC\u2018\u0060\u00B4]/g;
const HYPHENS = /[\u2010\u2011]/g;

/** The form UD French spells: typographic apostrophes as ', non-breaking hyphens as -. */
export function normalizeForm(form: string): string {
  return form.replace(APOSTROPHES, "'").replace(HYPHENS, '-');
}

/**
 * Word shape: letters as X/x, digits as d, runs longer than two collapsed (Macron → Xxx,
 * OTAN → XXX, 2017 → dd, G7 → Xd, l' → x').
 */
export function wordShape(form: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of form) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    if (c === last) {
      run++;
      if (run > 2) continue;
    } else {
      last = c;
      run = 1;
    }
    out += c;
  }
  return out;
}

export function isCapitalized(form: string): boolean {
  const first = form.charAt(0);
  return first.toLowerCase() !== first;
}

export function hasLetter(form: string): boolean {
  for (const ch of form) if (ch.toLowerCase() !== ch.toUpperCase()) return true;
  return false;
}
