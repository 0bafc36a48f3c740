import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsTextList } from './field.validators';

export class DeclareTitleLapsedRequestDto {
  @ApiPropertyOptional({
    description: 'Motifs (le titre ne peut être déclaré échu qu’après sa date de fin)',
    example: ['Fair-ô-mètre non remis'],
    type: [String],
  })
  @IsOptional()
  @IsTextList(0)
  reasons?: string[];
}
