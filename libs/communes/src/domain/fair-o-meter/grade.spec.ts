import { DEFAULT_GRADE_THRESHOLDS, fairOMeterTotal, gradeFor } from './grade';

describe('Fair-ô-mètre grading (default thresholds)', () => {
  it.each([
    [100, 'A'],
    [80, 'A'],
    [79.99, 'B'],
    [65, 'B'],
    [64.99, 'C'],
    [50, 'C'],
    [49.99, 'D'],
    [35, 'D'],
    [34.99, 'E'],
    [0, 'E'],
  ])('grades %p as %s', (total, grade) => expect(gradeFor(total)).toBe(grade));

  it('accepts other thresholds', () => expect(gradeFor(70, { ...DEFAULT_GRADE_THRESHOLDS, A: 70 })).toBe('A'));

  it("totals the four blocks to hundredths (Bastogne's published blocks give 76.48)", () =>
    expect(fairOMeterTotal({ communalPolicy: 19.25, communication: 18.75, events: 20.48, steeringCommittee: 18 })).toBe(
      76.48,
    ));
});
