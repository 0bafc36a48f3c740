import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { COPIL_ROLES, COPIL_SECTORS, type CopilRole, type CopilSector } from '@cdce/communes';
import { IsBusinessDate, IsPersonId } from './field.validators';

export class AddCopilMemberRequestDto {
  @ApiProperty({
    description: "Identifiant de la personne dans l'annuaire (le nom et les coordonnées y restent)",
    example: 'p-anne-dupont',
  })
  @IsPersonId()
  personId!: string;

  @ApiProperty({ description: 'Rôle dans le comité de pilotage', enum: COPIL_ROLES, example: 'chair' })
  @IsIn(COPIL_ROLES)
  role!: CopilRole;

  @ApiProperty({
    description: 'Secteur représenté (critère 5 : plusieurs secteurs)',
    enum: COPIL_SECTORS,
    example: 'civil_society',
  })
  @IsIn(COPIL_SECTORS)
  sector!: CopilSector;

  @ApiProperty({ description: "Date d'entrée dans le COPIL", example: '2026-01-15' })
  @IsBusinessDate()
  joinedOn!: string;
}
