import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsBusinessDate, IsClientId } from './field.validators';

export class RecordCopilMeetingRequestDto {
  @ApiProperty({ description: 'Identifiant de la réunion (UUID choisi par le client)', format: 'uuid' })
  @IsClientId()
  meetingId!: string;

  @ApiProperty({ description: 'Date de la réunion', example: '2026-02-05' })
  @IsBusinessDate()
  heldOn!: string;

  @ApiPropertyOptional({ description: 'Nombre de participants', example: 7, minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  attendeeCount?: number;
}
