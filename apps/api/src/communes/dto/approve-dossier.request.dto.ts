import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_TITLE_VALIDITY_MONTHS, TITLE_VALIDITY_MONTHS } from '@cdce/communes';
import { IsBusinessDate } from './field.validators';

export class ApproveDossierRequestDto {
  @ApiPropertyOptional({
    description: "Début de validité du titre (par défaut : aujourd'hui ; p. ex. la date de la cérémonie)",
    example: '2026-04-01',
  })
  @IsOptional()
  @IsBusinessDate()
  validFrom?: string;

  @ApiPropertyOptional({
    description: 'Durée de validité du titre en mois',
    default: TITLE_VALIDITY_MONTHS,
    minimum: 1,
    maximum: MAX_TITLE_VALIDITY_MONTHS,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TITLE_VALIDITY_MONTHS)
  validityMonths?: number;
}
