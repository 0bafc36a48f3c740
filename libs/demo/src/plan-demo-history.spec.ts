import { loadMunicipalityRegistry } from '@cdce/reference';
import { planDemoHistory } from './build-demo-history';

describe('planDemoHistory', () => {
  const registry = loadMunicipalityRegistry();

  it('plans the same story for the same seed, and another for another seed', () => {
    const a = planDemoHistory(registry, 11);
    const b = planDemoHistory(registry, 11);
    const c = planDemoHistory(registry, 12);
    const strip = (steps: typeof a.steps) => JSON.stringify(steps.map(({ followUp: _f, ...rest }) => rest));
    expect(strip(a.steps)).toBe(strip(b.steps));
    expect(strip(c.steps)).not.toBe(strip(a.steps));
    expect(a.people.all()).toEqual(b.people.all());
  });

  it('orders commands in time, gives each a unique id and stays within the campaign', () => {
    const { steps } = planDemoHistory(registry, 11);
    expect(steps.every((step, i) => i === 0 || steps[i - 1]!.at <= step.at)).toBe(true);
    expect(new Set(steps.map((s) => s.commandId)).size).toBe(steps.length);
    const known = (nis: string) => registry.isCampaignMember(nis) || registry.dissolved(nis) !== undefined;
    expect(steps.every((s) => known(s.nis))).toBe(true);
    expect(new Date(steps[0]!.at).toISOString() >= '2015-01-01').toBe(true);
  });

  it('uses no e-mail address outside example.org', () => {
    const { people } = planDemoHistory(registry, 11);
    expect(people.all().length).toBeGreaterThan(300);
    expect(people.all().every((p) => /^[a-z.-]+(\.\d{5})?(\.\d+)?@example\.org$/.test(p.email))).toBe(true);
  });
});
