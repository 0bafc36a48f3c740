import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsTextList } from './field.validators';

export class AbandonCandidacyRequestDto {
  @ApiPropertyOptional({
    description: "Motifs de l'abandon de la candidature",
    example: ['Le COPIL ne trouve plus de bénévoles'],
    type: [String],
  })
  @IsOptional()
  @IsTextList(0)
  reasons?: string[];
}
