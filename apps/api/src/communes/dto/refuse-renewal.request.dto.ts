import { ApiProperty } from '@nestjs/swagger';
import { IsTextList } from './field.validators';

export class RefuseRenewalRequestDto {
  @ApiProperty({
    description: 'Motifs du refus de renouvellement (au moins un)',
    example: ['Aucun événement depuis deux ans'],
    type: [String],
  })
  @IsTextList(1)
  reasons!: string[];
}
