import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { GRADES, type Grade } from '@cdce/communes';
import { IsPersonId } from './field.validators';

export class ScoreFairOMeterRequestDto {
  @ApiPropertyOptional({
    description: "Examinateur (par défaut : l'auteur de la requête, identifié par son jeton)",
    example: 'p-marie-coordination',
  })
  @IsOptional()
  @IsPersonId()
  reviewerId?: string;

  @ApiPropertyOptional({
    description: 'Note attribuée (par défaut : la note suggérée par le total des points)',
    enum: GRADES,
    example: 'B',
  })
  @IsOptional()
  @IsIn(GRADES)
  grade?: Grade;
}
