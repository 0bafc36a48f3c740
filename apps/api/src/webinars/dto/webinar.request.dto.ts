import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsNisCode, IsPersonId, IsText, PERSON_ID_PATTERN } from '../../communes/dto/field.validators';

const WEBINAR_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class ScheduleWebinarRequestDto {
  @ApiPropertyOptional({
    description:
      "Identifiant du webinaire (minuscules, chiffres, tirets). Par défaut le mois du début (AAAA-MM) : c'est alors le webinaire du mois, que le programme automatique n'ajoute pas une seconde fois",
    example: '2026-04',
  })
  @IsOptional()
  @Matches(WEBINAR_ID, { message: 'webinarId must be lowercase letters, digits and dashes (e.g. 2026-04)' })
  webinarId?: string;

  @ApiProperty({ description: 'Thème du webinaire', example: 'Le COPIL et son fonctionnement', maxLength: 200 })
  @IsText(200)
  theme!: string;

  @ApiProperty({ description: 'Début (instant ISO 8601 avec fuseau)', example: '2026-04-14T10:30:00.000Z' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiPropertyOptional({ description: 'Durée en minutes', default: 120, minimum: 1, maximum: 480 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(480)
  durationMinutes?: number;
}

export class RescheduleWebinarRequestDto {
  @ApiProperty({ description: 'Nouveau début (instant ISO 8601 avec fuseau)', example: '2026-04-21T10:30:00.000Z' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiPropertyOptional({ description: 'Nouvelle durée en minutes (par défaut : inchangée)', minimum: 1, maximum: 480 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(480)
  durationMinutes?: number;

  @ApiPropertyOptional({ description: 'Motif, repris dans le courriel aux communes invitées', maxLength: 2000 })
  @IsOptional()
  @IsText(2000)
  reason?: string;
}

export class CancelWebinarRequestDto {
  @ApiProperty({ description: "Motif de l'annulation, repris dans le courriel aux communes invitées", maxLength: 2000 })
  @IsText(2000)
  reason!: string;
}

export class RegisterForWebinarRequestDto {
  @ApiProperty({ description: "Personne de l'annuaire de la commune qui s'inscrit", example: 'p-anne' })
  @IsPersonId()
  personId!: string;
}

export class RecordAttendanceRequestDto {
  @ApiProperty({ description: 'Code NIS de la commune', example: '92094' })
  @IsNisCode()
  nis!: string;

  @ApiProperty({ description: 'Personnes de la commune présentes', example: ['p-anne'], isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(PERSON_ID_PATTERN, {
    each: true,
    message: 'each of personIds must be 1-100 letters, digits, "-", "_", "." or ":"',
  })
  personIds!: string[];
}
