import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class RecordCouncilResolutionRequestDto {
  @ApiProperty({ description: 'Identifiant de la délibération (UUID choisi par le client)', format: 'uuid' })
  @IsUUID()
  resolutionId!: string;

  @ApiProperty({ description: 'Date du vote au conseil communal', example: '2024-12-16' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'votedOn must be a date as YYYY-MM-DD' })
  votedOn!: string;

  @ApiProperty({ description: "Produits équitables utilisés par l'administration (au moins 2, dont le café)", example: ['café', 'thé'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  fairTradeProducts!: string[];

  @ApiPropertyOptional({ description: 'Référence du document (PV, lien)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  documentRef?: string;
}
