import { ValidationPipe } from '@nestjs/common';
import { InvalidRequestException } from './invalid-request.exception';

/**
 * Validates and transforms DTOs; unknown fields are refused rather than silently dropped, so that a typo in a field
 * name is reported to the caller instead of losing what they meant to send.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => InvalidRequestException.fromValidationErrors(errors),
  });
}
