import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_TITLE_VALIDITY_MONTHS, TITLE_VALIDITY_MONTHS } from '@cdce/communes';
import { IsBusinessDate } from './field.validators';

export class RenewTitleRequestDto {
  @ApiPropertyOptional({
    description:
      'Début du nouveau cycle (par défaut : le lendemain de la fin du titre en cours, sans trou ni chevauchement)',
    example: '2028-03-02',
  })
  @IsOptional()
  @IsBusinessDate()
  validFrom?: string;

  @ApiPropertyOptional({
    description: 'Durée de validité du titre renouvelé en mois',
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
