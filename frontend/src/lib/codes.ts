/**
 * Which codes a screen repeats after a title. Short codes are what people use to name
 * things ("3.2", "A1"); long ones (O*NET's "15-1252.00", ESCO's slugs) only repeat the
 * title in a harder form, so links leave them out (the role's and competence's own
 * pages, and the search picker, still show them).
 */
const SHORT = 6;

export function codeWorthShowing(code: string): boolean {
  return code.length <= SHORT;
}
