import { ApiProperty } from '@nestjs/swagger';
import { IsTextList } from './field.validators';

export class RejectDossierRequestDto {
  @ApiProperty({ description: 'Motifs du refus (au moins un)', example: ['Aucun partenaire horeca'], type: [String] })
  @IsTextList(1)
  reasons!: string[];
}
