import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate, IsClientId, IsText } from './field.validators';

export class RecordSupportActionRequestDto {
  @ApiProperty({ description: "Identifiant de l'action (UUID choisi par le client)", format: 'uuid' })
  @IsClientId()
  actionId!: string;

  @ApiProperty({ description: "Date de l'action", example: '2026-03-01' })
  @IsBusinessDate()
  occurredOn!: string;

  @ApiProperty({
    description: "Ce qui a été fait dans le cadre du plan d'accompagnement",
    example: 'Nouvelle réunion du COPIL avec 6 membres',
    maxLength: 1000,
  })
  @IsText(1000)
  summary!: string;
}
