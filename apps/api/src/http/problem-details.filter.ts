import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  CorruptEventError,
  EventSourcingError,
  InvalidStreamNameError,
  StreamNotFoundError,
  UnknownEventTypeError,
  WrongExpectedRevisionError,
} from '@cdce/eventsourcing';
import { InvalidRequestException } from './invalid-request.exception';
import { type Problem, PROBLEM_CONTENT_TYPE, problemType } from './problem';

/** Turns every error into `application/problem+json` that says what was wrong and what to do. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = { ...this.toProblem(exception), instance: request.url };
    if (problem.status >= 500) this.logger.error(`${request.method} ${request.url}`, (exception as Error)?.stack);
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof InvalidRequestException) {
      const fields = exception.fieldErrors.map((e) => e.field).join(', ');
      return problem(
        'INVALID_REQUEST',
        400,
        'Requête invalide',
        `Invalid field(s): ${fields}. Correct them and send the request again.`,
        {
          errors: exception.fieldErrors,
        },
      );
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return problem(exception.code, 409, 'Modification concurrente', exception.message, {
        expectedRevision: exception.expected,
        currentRevision: exception.actual === 'no_stream' ? null : exception.actual.toString(),
      });
    }
    if (exception instanceof DomainError) {
      const details = Object.keys(exception.details).length ? { details: exception.details } : {};
      return problem(exception.code, 422, 'Refusé par les règles de la campagne', exception.message, details);
    }
    if (exception instanceof StreamNotFoundError) return problem('NOT_FOUND', 404, 'Introuvable', exception.message);
    if (exception instanceof InvalidStreamNameError) {
      return problem(exception.code, 400, 'Requête invalide', exception.message);
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const coded = codedError(exception);
    if (coded) {
      const status = statusForCode(coded.code);
      if (status !== undefined) return fromCodedError(exception as object, coded, status);
    }
    if (exception instanceof CorruptEventError || exception instanceof UnknownEventTypeError) {
      // The stored history cannot be read: nothing the caller can change, so a 500 for an administrator to act on.
      this.logger.error(exception.message);
      return problem(
        exception.code,
        500,
        'Historique illisible',
        `${exception.message} Nothing was recorded. An administrator should run « cdce verify » and restore the event store from a backup if an event was altered.`,
      );
    }
    if (exception instanceof EventSourcingError)
      return problem(exception.code, 422, 'Requête refusée', exception.message);
    return problem(
      'INTERNAL_ERROR',
      500,
      'Erreur interne',
      'An unexpected error occurred; nothing was lost that had been confirmed. Try again, and report it if it persists.',
    );
  }

  private fromHttpException(exception: HttpException): Problem {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const given = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const code = typeof given.code === 'string' ? given.code : (HttpStatus[status] ?? 'ERROR');
    const message = Array.isArray(given.message) ? given.message.join('; ') : (given.message ?? exception.message);
    const { message: _m, statusCode: _s, error: _e, ...extensions } = given;
    const title = typeof given.title === 'string' ? given.title : (TITLES[status] ?? 'Erreur');
    return problem(code, status, title, String(given.detail ?? message), extensions);
  }
}

/** One problem body; the fixed fields win over extensions of the same name. */
function problem(
  code: string,
  status: number,
  title: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
  return { ...extensions, type: problemType(code), title, status, code, detail };
}

interface CodedError {
  readonly code: string;
  readonly message: string;
}

/** Errors of the other libs (auth, people, reference…) are plain `Error`s with a stable string `code`. */
function codedError(exception: unknown): CodedError | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { code, message } = exception as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? { code, message: typeof message === 'string' ? message : code } : undefined;
}

/** Codes that are the server's own trouble even though their name looks like a client's. */
const SERVER_SIDE_CODES: ReadonlySet<string> = new Set(['INVALID_REFERENCE_DATA']);

/**
 * The HTTP status for an error code, by naming convention, so that a new error of any lib gets a sensible status
 * without touching this file. `undefined`: no convention applies (the error keeps its previous handling).
 */
export function statusForCode(code: string): number | undefined {
  if (SERVER_SIDE_CODES.has(code)) return undefined;
  if (code === 'UNKNOWN_COMMUNE' || code.endsWith('_NOT_FOUND')) return 404;
  if (code === 'DUPLICATE_EMAIL' || code === 'PERSON_ALREADY_EXISTS') return 409;
  if (code.startsWith('INVALID_')) return 400;
  if (code.endsWith('_UNAVAILABLE')) return 503;
  return undefined;
}

function fromCodedError(exception: object, error: CodedError, status: number): Problem {
  const unavailable = status === 503;
  return problem(
    error.code,
    status,
    TITLES[status] ?? 'Erreur',
    // A storage path or a low-level reason is for the logs, not for the caller.
    unavailable ? 'A store this request needs is unavailable. Try again later.' : error.message,
    unavailable ? {} : extensionsOf(exception),
  );
}

/** Public fields a typed error carries besides its message (e.g. `existingPersonId`, `problems`), for the client. */
function extensionsOf(exception: object): Record<string, unknown> {
  const { code: _c, message: _m, name: _n, stack: _s, ...rest } = { ...(exception as Record<string, unknown>) };
  return Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value === null || typeof value !== 'object' || Array.isArray(value)),
  );
}

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Introuvable',
  405: 'Méthode non autorisée',
  409: 'Conflit',
  413: 'Requête trop grande',
  415: 'Type de contenu non pris en charge',
  422: 'Requête refusée',
  429: 'Trop de requêtes',
  503: 'Service indisponible',
};
