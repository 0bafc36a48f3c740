import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsBusinessDate, IsClientId, IsProductList, IsText } from './field.validators';

export class RecordCouncilResolutionRequestDto {
  @ApiProperty({ description: 'Identifiant de la délibération (UUID choisi par le client)', format: 'uuid' })
  @IsClientId()
  resolutionId!: string;

  @ApiProperty({ description: 'Date du vote au conseil communal', example: '2024-12-16' })
  @IsBusinessDate()
  votedOn!: string;

  @ApiProperty({
    description: "Produits équitables utilisés par l'administration (au moins 2, dont le café)",
    example: ['café', 'thé'],
    type: [String],
  })
  @IsProductList()
  fairTradeProducts!: string[];

  @ApiPropertyOptional({ description: 'Référence du document (PV, lien)', maxLength: 500 })
  @IsOptional()
  @IsText(500)
  documentRef?: string;
}
