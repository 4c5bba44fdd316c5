import { normalizeEvidenceDate } from './assessments';

describe('normalizeEvidenceDate', () => {
  it('reads a year, a range of years, a month and a day as sources write them', () => {
    expect(normalizeEvidenceDate('2021')).toBe('2021');
    expect(normalizeEvidenceDate('2020-21')).toBe('2020–2021');
    expect(normalizeEvidenceDate('2016–2021')).toBe('2016–2021');
    expect(normalizeEvidenceDate(' 2019 - 2020 ')).toBe('2019–2020');
    // A month looks like a short range that ends before it starts: it is a month.
    expect(normalizeEvidenceDate('2021-01')).toBe('2021-01');
    expect(normalizeEvidenceDate('2021-03')).toBe('2021-03');
    expect(normalizeEvidenceDate('2021-03-15')).toBe('2021-03-15');
  });

  it('refuses what is none of these', () => {
    for (const text of ['spring 2021', '2021-13', '2021–20', '2021-2020', '2021-02-30', '21', '']) {
      expect({ text, value: normalizeEvidenceDate(text) }).toEqual({ text, value: null });
    }
  });
});
