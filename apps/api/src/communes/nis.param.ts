import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** A NIS code in the path: five digits, or a clear 400. */
@Injectable()
export class NisParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^\d{5}$/.test(value)) {
      throw new BadRequestException({
        code: 'INVALID_NIS',
        detail: `${JSON.stringify(value)} is not a NIS code: use the commune's 5-digit code, e.g. 92094 for Namur.`,
      });
    }
    return value;
  }
}
