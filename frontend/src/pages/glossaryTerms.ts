/** The glossary's entries, by the anchor other screens link to. */
export const GLOSSARY_TERMS = [
  "level-steps",
  "levels",
  "entry-level",
  "gap",
  "within-reach",
  "relatedness",
  "direction",
  "documented-inferred",
  "paths",
  "symbols",
  "data-version",
] as const;

export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];
