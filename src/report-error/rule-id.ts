/**
 * Every id a finding can carry: the rules of the report (docs/formats.md: R arithmetic, L legacy 统计表, E content,
 * T1 narrative figures, N1 negative counts, X0 cross-year notice, A and C county aggregation) and the kinds of
 * unusable input or failure (YAML, SCHEMA, TEMPLATE, …). A new rule adds its id here.
 */
export const RULE_IDS = [
  // Arithmetic of the national tables, across years included.
  'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R8',
  // The legacy 统计表: sums (L1–L6), 其中 rows (L7), received/completed/answered (L8), a computed blank (L9).
  'L', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9',
  // Content and form of the report.
  'E1', 'E2', 'E5', 'E6', 'E8', 'E9', 'E10', 'E13', 'E15',
  'T1', 'N1', 'X0', 'A1', 'A2', 'C1',
  // Unusable input, refused output and failures.
  'YAML', 'SCHEMA', 'SCHEMA-UNKNOWN-KEY', 'FORMAT', 'FILE', 'INPUT', 'PROFILE', 'CONFIG', 'OPTION', 'TEMPLATE', 'MARKUP',
  'FONT', 'GLYPH', 'SEAL', 'OUTPUT', 'INIT', 'AGGREGATE', 'SHEET', 'SIGN', 'VERIFY', 'ARCHIVE', 'SIZE', 'PATCH', 'INTERNAL',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
