import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { CHARTER_SECTIONS, type CharterSection } from '@cdce/communes';
import { IsBusinessDate, IsText } from './field.validators';

export class AdoptCopilCharterRequestDto {
  @ApiProperty({ description: "Date d'adoption de la charte du COPIL", example: '2026-01-20' })
  @IsBusinessDate()
  adoptedOn!: string;

  @ApiProperty({
    description: 'Sections que la charte couvre',
    enum: CHARTER_SECTIONS,
    isArray: true,
    example: ['mission', 'commitments'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHARTER_SECTIONS.length)
  @IsIn(CHARTER_SECTIONS, { each: true })
  sections!: CharterSection[];

  @ApiPropertyOptional({ description: 'Référence du document (lien, clé du document)', maxLength: 500 })
  @IsOptional()
  @IsText(500)
  documentRef?: string;
}
