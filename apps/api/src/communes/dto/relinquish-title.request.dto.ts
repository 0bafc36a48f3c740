import { ApiProperty } from '@nestjs/swagger';
import { IsTextList } from './field.validators';

export class RelinquishTitleRequestDto {
  @ApiProperty({
    description: 'Motifs de la renonciation au titre (au moins un)',
    example: ['Décision du collège communal'],
    type: [String],
  })
  @IsTextList(1)
  reasons!: string[];
}
