/** The report years an edition is chosen for, and how they are named in messages and in the schema. */

/** The years the tool knows: the 条例 took effect in 2008. */
export const EARLIEST_YEAR = 2008;
export const LATEST_YEAR = 2100;

export interface EditionYears {
  id: string;
  /** The first report year the edition is chosen for. */
  firstYear: number;
  /** The last report year it is chosen for; open-ended when absent (a later edition still takes over from its first year). */
  lastYear?: number;
}

/** The years of an edition in words: 2018年及以前, 2019–2020年, 2021年起. */
export function yearsText(edition: Omit<EditionYears, 'id'>): string {
  if (edition.lastYear === undefined) return `${edition.firstYear}年起`;
  if (edition.firstYear <= EARLIEST_YEAR) return `${edition.lastYear}年及以前`;
  return `${edition.firstYear}–${edition.lastYear}年`;
}
