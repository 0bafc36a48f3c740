/**
 * Folds a name for searching: lower case, accents removed, punctuation turned into single spaces.
 * "Liège" and "liege", "Sint-Agatha-Berchem" and "sint agatha berchem" fold to the same text.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
