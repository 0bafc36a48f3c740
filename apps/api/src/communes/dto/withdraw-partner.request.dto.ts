import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsBusinessDate, IsText } from './field.validators';

export class WithdrawPartnerRequestDto {
  @ApiPropertyOptional({
    description: "Date du retrait (par défaut : aujourd'hui, heure de Bruxelles)",
    example: '2026-02-28',
  })
  @IsOptional()
  @IsBusinessDate()
  withdrawnOn?: string;

  @ApiPropertyOptional({ description: 'Motif du retrait', example: 'Le commerce a fermé', maxLength: 1000 })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}
