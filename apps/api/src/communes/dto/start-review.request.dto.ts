import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsPersonId } from './field.validators';

export class StartReviewRequestDto {
  @ApiPropertyOptional({
    description: "Examinateur désigné (par défaut : l'auteur de la requête, identifié par son jeton)",
    example: 'p-marie-coordination',
  })
  @IsOptional()
  @IsPersonId()
  reviewerId?: string;
}
