import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsBusinessDate } from './field.validators';

export class RemoveCopilMemberRequestDto {
  @ApiPropertyOptional({
    description: "Date de départ du COPIL (par défaut : aujourd'hui, heure de Bruxelles)",
    example: '2026-02-28',
  })
  @IsOptional()
  @IsBusinessDate()
  leftOn?: string;
}
