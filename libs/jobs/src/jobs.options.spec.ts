import { jobsOptionsFromEnv, resolveJobsOptions } from './jobs.options';

describe('jobs options', () => {
  it('default to the campaign programme, a run at start-up and the mailer on', () => {
    const resolved = resolveJobsOptions(jobsOptionsFromEnv({}));
    expect(resolved).toMatchObject({ programmeAtStart: true, mailer: true, momentumCheckAt: '07:00', prefix: 'cdce' });
    expect(resolved.programmeRule).toMatchObject({ weekday: 2, nth: 2, time: '12:30', zone: 'Europe/Brussels' });
    expect(resolved.themes.byMonth[0]).toMatch(/COPIL/);
  });

  it('read the rule, French themes, the start-up run and the queue prefix from the environment', () => {
    const options = jobsOptionsFromEnv({
      CDCE_WEBINAR_RULE: '0 10 * * 4L',
      CDCE_WEBINAR_THEMES: ' Le COPIL et son fonctionnement | Le label Prix Juste Producteur |',
      CDCE_WEBINAR_PROGRAMME_AT_START: 'off',
      CDCE_QUEUE_PREFIX: 'cdce-staging',
    });
    expect(options.programmeRule).toMatchObject({ weekday: 4, nth: -1, time: '10:00' });
    expect(options.themes).toEqual({ byMonth: ['Le COPIL et son fonctionnement', 'Le label Prix Juste Producteur'] });
    expect(options).toMatchObject({ programmeAtStart: false, prefix: 'cdce-staging' });
  });

  it('keep the defaults for empty values (docker-compose passes every setting, empty when not given)', () => {
    const empty = { CDCE_WEBINAR_RULE: '', CDCE_WEBINAR_THEMES: '', CDCE_QUEUE_PREFIX: '' };
    expect(resolveJobsOptions(jobsOptionsFromEnv(empty))).toMatchObject({
      prefix: 'cdce',
      programmeRule: { weekday: 2, nth: 2, time: '12:30' },
      themes: { byMonth: expect.arrayContaining([expect.stringMatching(/COPIL/)]) },
    });
  });

  it('follow CDCE_MAILER through the app config, and refuse a wrong time of day', () => {
    expect(resolveJobsOptions({}, { mailer: false } as never).mailer).toBe(false);
    expect(() => resolveJobsOptions({ momentumCheckAt: '7h' })).toThrow(/not a time of day/);
    expect(() => jobsOptionsFromEnv({ CDCE_WEBINAR_RULE: 'every tuesday' })).toThrow(/not of the form/);
  });
});
