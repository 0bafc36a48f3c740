import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText } from './field.validators';

export class RestoreMomentumRequestDto {
  @ApiPropertyOptional({
    description: 'Note de la coordination',
    example: 'Le COPIL se réunit à nouveau chaque mois',
    maxLength: 2000,
  })
  @IsOptional()
  @IsText(2000)
  note?: string;
}
