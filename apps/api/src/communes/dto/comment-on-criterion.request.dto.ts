import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CRITERIA, type Criterion } from '@cdce/communes';
import { IsClientId, IsPersonId, IsText } from './field.validators';

export class CommentOnCriterionRequestDto {
  @ApiProperty({ description: 'Identifiant du commentaire (UUID choisi par le client)', format: 'uuid' })
  @IsClientId()
  commentId!: string;

  @ApiProperty({ description: 'Critère commenté (1 à 6)', enum: CRITERIA, example: 2 })
  @IsIn(CRITERIA)
  criterion!: Criterion;

  @ApiProperty({
    description: 'Commentaire',
    example: 'Deux horeca sur trois ne proposent qu’un seul produit équitable.',
    maxLength: 4000,
  })
  @IsText(4000)
  comment!: string;

  @ApiPropertyOptional({
    description: "Auteur (par défaut : l'auteur de la requête, identifié par son jeton)",
    example: 'p-marie-coordination',
  })
  @IsOptional()
  @IsPersonId()
  authorId?: string;
}
