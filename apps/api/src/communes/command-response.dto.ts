import { ApiProperty } from '@nestjs/swagger';

export class RecordedEventDto {
  @ApiProperty({ example: 'DossierSubmitted' }) type!: string;
  @ApiProperty({ example: '7', description: 'Révision dans le flux de la commune' }) revision!: string;
  @ApiProperty({ example: '1042', description: 'Position dans le journal global' }) position!: string;
  @ApiProperty({ type: Object }) data!: object;
  @ApiProperty({ example: '2026-11-30T09:00:00.000Z' }) recordedAt!: string;
}

export class CommandResponseDto {
  @ApiProperty({ example: '92094' }) nis!: string;
  @ApiProperty({ example: '7', description: 'Révision de la commune après la commande (à renvoyer dans If-Match)' }) revision!: string;
  @ApiProperty({ example: 'under_review' }) status!: string;
  @ApiProperty({ type: [RecordedEventDto] }) events!: RecordedEventDto[];
  @ApiProperty({ description: 'Vrai si la même commande avait déjà été enregistrée : rien de nouveau' }) alreadyHandled!: boolean;
}
