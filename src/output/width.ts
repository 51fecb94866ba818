import stringWidth from 'string-width';

/**
 * Characters one column wide on their own and in any sequence with each other: printable ASCII,
 * Latin, Greek, Cyrillic and most punctuation (’ « » … — and the narrow no-break space). A text
 * made only of them (nearly every French cell) is as wide as it is long; tests check this against
 * string-width.
 */
export function isSingleColumn(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c < 0x300) || (c >= 0x370 && c < 0x1100) || (c >= 0x1160 && c < 0x231a);
}

/** Columns a text takes on a terminal, as string-width counts them: ANSI codes none, wide characters two. */
export function displayWidth(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isSingleColumn(text.charCodeAt(i))) return stringWidth(text);
  return text.length;
}
