import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate, IsNisCode } from './field.validators';

export class MergeIntoRequestDto {
  @ApiProperty({ description: 'Code NIS de la commune issue de la fusion', example: '57097' })
  @IsNisCode()
  successorNis!: string;

  @ApiProperty({ description: 'Date d’effet de la fusion', example: '2025-01-01' })
  @IsBusinessDate()
  effectiveOn!: string;
}
