import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/** A client-generated id (UUID) in the path, or a clear 400. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value, 'all')) {
      throw new BadRequestException({ code: 'INVALID_ID', detail: `${JSON.stringify(value)} is not a UUID.` });
    }
    return value;
  }
}
