import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsBusinessDate, IsClientId, IsText } from './field.validators';

export class RecordLocalProductActionRequestDto {
  @ApiProperty({ description: "Identifiant de l'action (UUID choisi par le client)", format: 'uuid' })
  @IsClientId()
  actionId!: string;

  @ApiProperty({ description: "Date de l'action", example: '2026-02-14' })
  @IsBusinessDate()
  occurredOn!: string;

  @ApiProperty({
    description: "Résumé de l'action en faveur des produits locaux et durables (critère 6)",
    example: 'Marché fermier mensuel sur la place communale',
    maxLength: 1000,
  })
  @IsText(1000)
  summary!: string;

  @ApiPropertyOptional({
    description: 'Référence du certificat « Prix Juste Producteur », le cas échéant',
    example: 'PJP-2025-0142',
    maxLength: 100,
  })
  @IsOptional()
  @IsText(100)
  prixJusteProducteurRef?: string;
}
