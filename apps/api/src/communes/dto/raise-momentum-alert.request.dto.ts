import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { MOMENTUM_REASONS, type MomentumReason } from '@cdce/communes';
import { IsClientId, IsText } from './field.validators';

export class RaiseMomentumAlertRequestDto {
  @ApiProperty({ description: "Identifiant de l'alerte (UUID choisi par le client)", format: 'uuid' })
  @IsClientId()
  alertId!: string;

  @ApiProperty({
    description: "Motifs de l'alerte",
    enum: MOMENTUM_REASONS,
    isArray: true,
    example: ['copil_inactive'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MOMENTUM_REASONS.length)
  @IsIn(MOMENTUM_REASONS, { each: true })
  reasons!: MomentumReason[];

  @ApiPropertyOptional({
    description: 'Note de la coordination',
    example: 'Pas de réunion du COPIL depuis un an',
    maxLength: 2000,
  })
  @IsOptional()
  @IsText(2000)
  note?: string;
}
