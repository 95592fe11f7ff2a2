/** The edition of each report year, and the rule as messages state it, derived from the editions' own years. */
import { describe, expect, it } from 'vitest';
import { FORMATS, formatForYear, yearRule } from '../../src/formats/registry.js';

describe('the edition of a year', () => {
  it('is legacy to 2018, national-2019 for 2019–2020, national-2021 from 2021', () => {
    for (let year = 2008; year <= 2040; year++) {
      const expected = year <= 2018 ? 'legacy' : year <= 2020 ? 'national-2019' : 'national-2021';
      expect(formatForYear(year)?.id, String(year)).toBe(expected);
    }
  });

  it('is stated in words from the same years', () => {
    expect(yearRule()).toBe('2018年及以前用 legacy，2019–2020年用 national-2019，2021年起用 national-2021');
    expect(FORMATS.map((f) => f.id)).toEqual(['legacy', 'national-2019', 'national-2021']);
  });
});
