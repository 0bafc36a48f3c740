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
      return {
        type: problemType('INVALID_REQUEST'),
        title: 'Requête invalide',
        status: 400,
        code: 'INVALID_REQUEST',
        detail: `Invalid field(s): ${exception.fieldErrors.map((e) => e.field).join(', ')}. Correct them and send the request again.`,
        errors: exception.fieldErrors,
      };
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return {
        type: problemType(exception.code),
        title: 'Modification concurrente',
        status: 409,
        code: exception.code,
        detail: `${exception.message}`,
        expectedRevision: exception.expected,
        currentRevision: exception.actual === 'no_stream' ? null : exception.actual.toString(),
      };
    }
    if (exception instanceof DomainError) {
      return {
        type: problemType(exception.code),
        title: 'Refusé par les règles de la campagne',
        status: 422,
        code: exception.code,
        detail: exception.message,
        ...(Object.keys(exception.details).length ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof StreamNotFoundError) {
      return {
        type: problemType('NOT_FOUND'),
        title: 'Introuvable',
        status: 404,
        code: 'NOT_FOUND',
        detail: exception.message,
      };
    }
    if (exception instanceof InvalidStreamNameError) {
      return {
        type: problemType(exception.code),
        title: 'Requête invalide',
        status: 400,
        code: exception.code,
        detail: exception.message,
      };
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
      return {
        type: problemType(exception.code),
        title: 'Historique illisible',
        status: 500,
        code: exception.code,
        detail: `${exception.message} Nothing was recorded. An administrator should run « cdce verify » and restore the event store from a backup if an event was altered.`,
      };
    }
    if (exception instanceof EventSourcingError) {
      return {
        type: problemType(exception.code),
        title: 'Requête refusée',
        status: 422,
        code: exception.code,
        detail: exception.message,
      };
    }
    return {
      type: problemType('INTERNAL_ERROR'),
      title: 'Erreur interne',
      status: 500,
      code: 'INTERNAL_ERROR',
      detail:
        'An unexpected error occurred; nothing was lost that had been confirmed. Try again, and report it if it persists.',
    };
  }

  private fromHttpException(exception: HttpException): Problem {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const given = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const code = typeof given.code === 'string' ? given.code : (HttpStatus[status] ?? 'ERROR');
    const message = Array.isArray(given.message) ? given.message.join('; ') : (given.message ?? exception.message);
    const { message: _m, statusCode: _s, error: _e, ...extensions } = given;
    return {
      ...extensions,
      type: problemType(code),
      title: typeof given.title === 'string' ? given.title : (TITLES[status] ?? 'Erreur'),
      status,
      code,
      detail: String(given.detail ?? message),
    };
  }
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
  return {
    ...(unavailable ? {} : extensionsOf(exception)),
    type: problemType(error.code),
    title: TITLES[status] ?? 'Erreur',
    status,
    code: error.code,
    // A storage path or a low-level reason is for the logs, not for the caller.
    detail: unavailable ? 'A store this request needs is unavailable. Try again later.' : error.message,
  };
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
