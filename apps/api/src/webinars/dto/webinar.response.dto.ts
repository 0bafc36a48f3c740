import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordedEventDto } from '../../communes/command-response.dto';

export class WebinarCommandResponseDto {
  @ApiProperty({ example: '2026-04' }) webinarId!: string;
  @ApiProperty({ example: '2', description: 'Révision du webinaire après la commande (à renvoyer dans If-Match)' })
  revision!: string;
  @ApiProperty({ example: 'scheduled', enum: ['unscheduled', 'scheduled', 'cancelled'] }) status!: string;
  @ApiProperty({ type: [RecordedEventDto] }) events!: RecordedEventDto[];
  @ApiProperty({ description: 'Vrai si la même commande avait déjà été enregistrée : rien de nouveau' })
  alreadyHandled!: boolean;
}

export class WebinarRegistrationDto {
  @ApiProperty({ example: '92094' }) nis!: string;
  @ApiProperty({ example: 'p-anne' }) personId!: string;
  @ApiProperty({ example: '2026-04-01T08:00:00.000Z' }) registeredAt!: string;
}

export class UpcomingWebinarDto {
  @ApiProperty({ example: '2026-04' }) webinarId!: string;
  @ApiProperty({ example: 'Le COPIL et son fonctionnement' }) theme!: string;
  @ApiProperty({ example: '2026-04-14T10:30:00.000Z' }) startsAt!: string;
  @ApiProperty({ example: '2026-04-14T12:30:00.000Z' }) endsAt!: string;
  @ApiProperty({ description: 'Nombre de communes invitées' }) invitedCount!: number;
  @ApiPropertyOptional({
    description: 'Vos communes invitées (jeton COPIL) ; toutes pour la coordination',
    type: [String],
  })
  invited!: string[];
  @ApiProperty({
    type: [WebinarRegistrationDto],
    description: 'Inscriptions (celles de vos communes pour un jeton COPIL)',
  })
  registrations!: WebinarRegistrationDto[];
}
