import { COMMUNE_EVENT_TYPES } from '@cdce/communes';
import { ACTIVITY_LABELS, activityLabel } from './activity-labels';

describe('activity labels', () => {
  it('has one distinct French line for every commune event type', () => {
    expect(Object.keys(ACTIVITY_LABELS).sort()).toEqual([...COMMUNE_EVENT_TYPES].sort());
    expect(new Set(Object.values(ACTIVITY_LABELS)).size).toBe(COMMUNE_EVENT_TYPES.length);
  });
  it('shows an unknown type as is', () => {
    expect(activityLabel('TitleAwarded')).toBe('Titre attribué');
    expect(activityLabel('SomethingNew')).toBe('SomethingNew');
  });
});
