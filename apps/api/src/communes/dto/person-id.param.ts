import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { PERSON_ID_PATTERN } from './field.validators';

/** A person id in the path, with the same shape as in bodies, or a clear 400. */
@Injectable()
export class PersonIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PERSON_ID_PATTERN.test(value)) {
      throw new BadRequestException({
        code: 'INVALID_PERSON_ID',
        detail: `${JSON.stringify(value)} is not a person id: 1-100 letters, digits, "-", "_", "." or ":".`,
      });
    }
    return value;
  }
}
