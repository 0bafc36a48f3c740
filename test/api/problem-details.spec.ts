import type { ArgumentsHost } from '@nestjs/common';
import { Logger, NotFoundException } from '@nestjs/common';
import { InvalidTokenRequestError, TokenNotFoundError, TokenStoreUnavailableError } from '@cdce/auth';
import { UnknownCommuneError } from '@cdce/communes';
import { CorruptEventError, DomainError, EventTooLargeError, StoreUnavailableError } from '@cdce/eventsourcing';
import {
  DuplicateEmailError,
  InvalidPersonError,
  PeopleStoreUnavailableError,
  PersonAlreadyExistsError,
  PersonNotFoundError,
} from '@cdce/people';
import { ReferenceDataError } from '@cdce/reference';
import { ProblemDetailsFilter } from '../../apps/api/src/http/problem-details.filter';

/** What the filter sends for an error thrown while serving `POST /api/x`. */
function problemFor(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header: () => reply,
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ method: 'POST', url: '/api/x' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return sent;
}

describe('problem details: status of the errors of every lib', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new Logger()));

  it.each([
    ['UNKNOWN_COMMUNE', 404, new UnknownCommuneError('99999')],
    ['*_NOT_FOUND (auth)', 404, new TokenNotFoundError('t-1')],
    ['*_NOT_FOUND (people)', 404, new PersonNotFoundError('p-anne')],
    ['DUPLICATE_EMAIL', 409, new DuplicateEmailError('anne@example.be', 'p-anne')],
    ['PERSON_ALREADY_EXISTS', 409, new PersonAlreadyExistsError('p-anne')],
    ['INVALID_* (auth)', 400, new InvalidTokenRequestError('a copil token needs communes')],
    ['INVALID_* (people)', 400, new InvalidPersonError([{ field: 'email', problem: 'is not an address' }])],
    ['*_UNAVAILABLE (events)', 503, new StoreUnavailableError('/srv/cdce/events.sqlite', 'foreign file')],
    ['*_UNAVAILABLE (tokens)', 503, new TokenStoreUnavailableError('/srv/cdce/auth.sqlite', 'newer schema')],
    ['*_UNAVAILABLE (people)', 503, new PeopleStoreUnavailableError('/srv/cdce/people.sqlite', 'locked')],
    ['a domain refusal, even named INVALID_*', 422, new DomainError('INVALID_SCORE', 'Each block scores 0 to 25.')],
    ['an unreadable history: the server’s trouble', 500, new CorruptEventError('commune-92094', 3n, 'hash mismatch')],
    ['another kernel error', 422, new EventTooLargeError('PartnerRegistered', 2_000_000, 1_048_576)],
    ['broken reference data: the server’s fault', 500, new ReferenceDataError('bad NIS code', 'line 3')],
    ['an error without a code', 500, new Error('boom')],
  ])('%s → %i', (_, status, exception) => {
    const { status: sent, body } = problemFor(exception);
    expect(sent).toBe(status);
    expect(body.status).toBe(status);
    if (status < 500 || exception instanceof CorruptEventError)
      expect(body.code).toBe((exception as unknown as { code: string }).code);
  });

  it('keeps the fields a client can act on', () => {
    expect(problemFor(new DuplicateEmailError('anne@example.be', 'p-anne')).body).toMatchObject({
      code: 'DUPLICATE_EMAIL',
      existingPersonId: 'p-anne',
      instance: '/api/x',
      type: 'https://cdce.example/errors/duplicate-email',
    });
    expect(problemFor(new InvalidPersonError([{ field: 'email', problem: 'is not an address' }])).body).toMatchObject({
      problems: [{ field: 'email', problem: 'is not an address' }],
    });
    expect(problemFor(new UnknownCommuneError('99999')).body).toMatchObject({ nis: '99999', title: 'Introuvable' });
  });

  it('says to try again later when a store is unavailable, without showing where it is', () => {
    const { body } = problemFor(new StoreUnavailableError('/srv/cdce/events.sqlite', 'foreign file'));
    expect(body.detail).toMatch(/try again later/i);
    expect(JSON.stringify(body)).not.toContain('/srv/cdce');
  });

  it('leaves HTTP exceptions as they were', () => {
    expect(
      problemFor(new NotFoundException({ code: 'NO_SUCH_WEBINAR', detail: 'No webinar w-1.' })).body,
    ).toMatchObject({
      status: 404,
      code: 'NO_SUCH_WEBINAR',
      detail: 'No webinar w-1.',
    });
  });
});
