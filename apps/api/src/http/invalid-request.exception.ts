import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** A request body or query that failed validation, with one entry per invalid field (nested fields as `a.b[0].c`). */
export class InvalidRequestException extends BadRequestException {
  constructor(readonly fieldErrors: ReadonlyArray<{ field: string; messages: string[] }>) {
    super('The request is invalid.');
  }

  static fromValidationErrors(errors: readonly ValidationError[]): InvalidRequestException {
    return new InvalidRequestException(flatten(errors, ''));
  }
}

function flatten(errors: readonly ValidationError[], prefix: string): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
