import { ApiProperty } from '@nestjs/swagger';
import { IsTextList } from './field.validators';

export class WithdrawTitleRequestDto {
  @ApiProperty({
    description: 'Motifs du retrait du titre (au moins un)',
    example: ['Critère 1 : délibération non reconfirmée'],
    type: [String],
  })
  @IsTextList(1)
  reasons!: string[];
}
