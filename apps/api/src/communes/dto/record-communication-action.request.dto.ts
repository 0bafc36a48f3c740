import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { COMMUNICATION_CHANNELS, type CommunicationChannel } from '@cdce/communes';
import { IsBusinessDate, IsClientId, IsText } from './field.validators';

export class RecordCommunicationActionRequestDto {
  @ApiProperty({ description: "Identifiant de l'action (UUID choisi par le client)", format: 'uuid' })
  @IsClientId()
  actionId!: string;

  @ApiProperty({ description: 'Canal de communication', enum: COMMUNICATION_CHANNELS, example: 'local_media' })
  @IsIn(COMMUNICATION_CHANNELS)
  channel!: CommunicationChannel;

  @ApiProperty({ description: "Date de l'action", example: '2026-02-10' })
  @IsBusinessDate()
  occurredOn!: string;

  @ApiProperty({
    description: "Résumé de l'action (critère 4)",
    example: 'Article dans le bulletin communal de février',
    maxLength: 1000,
  })
  @IsText(1000)
  summary!: string;
}
