import { DEFAULT_BACKOFF_MS } from './delivery/backoff';
import { mailConfigFrom } from './mail.config';

describe('mail configuration', () => {
  const app = { dataDir: '/data' };

  it('keeps the defaults for empty values (docker-compose passes every setting, empty when not given)', () => {
    expect(
      mailConfigFrom(app, {
        CDCE_COORDINATION_EMAIL: '',
        CDCE_MAIL_FROM: '',
        CDCE_MAIL_BACKOFF: '',
        CDCE_MAIL_MAX_AGE_DAYS: '',
      }),
    ).toEqual({
      dataDir: '/data',
      outboxPath: '/data/outbox.sqlite',
      from: 'Coordination CDCE <coordination@cdce.example>',
      coordinationEmail: 'coordination@cdce.example',
      backoffMs: DEFAULT_BACKOFF_MS,
      maxAgeMs: 7 * 86_400_000,
    });
  });

  it('reads the addresses and the backoff, and names what it cannot read', () => {
    const config = mailConfigFrom(app, { CDCE_COORDINATION_EMAIL: 'cdce@oxfam.example', CDCE_MAIL_BACKOFF: '30s,2m' });
    expect(config).toMatchObject({ from: 'Coordination CDCE <cdce@oxfam.example>', backoffMs: [30_000, 120_000] });
    expect(() => mailConfigFrom(app, { CDCE_COORDINATION_EMAIL: 'coordination' })).toThrow(
      "CDCE_COORDINATION_EMAIL=coordination is not an e-mail address: give the coordination's mailbox",
    );
    expect(() => mailConfigFrom(app, { CDCE_MAIL_BACKOFF: '1m,soon' })).toThrow('"soon" is not a delay');
    expect(mailConfigFrom(app, { CDCE_MAIL_MAX_AGE_DAYS: '30' }).maxAgeMs).toBe(30 * 86_400_000);
    expect(() => mailConfigFrom(app, { CDCE_MAIL_MAX_AGE_DAYS: 'a week' })).toThrow('is not a whole number of days');
  });
});
