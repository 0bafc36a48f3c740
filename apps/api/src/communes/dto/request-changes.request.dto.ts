import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { CRITERIA, type Criterion } from '@cdce/communes';
import { IsBusinessDate, IsText } from './field.validators';

export class CriterionChangeDto {
  @ApiProperty({ description: 'Critère à compléter (1 à 6)', enum: CRITERIA, example: 2 })
  @IsIn(CRITERIA)
  criterion!: Criterion;

  @ApiProperty({
    description: 'Ce qui doit changer',
    example: 'Inscrire au moins un horeca supplémentaire.',
    maxLength: 2000,
  })
  @IsText(2000)
  reason!: string;
}

export class RequestChangesRequestDto {
  @ApiProperty({ description: 'Changements demandés, critère par critère', type: [CriterionChangeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => CriterionChangeDto)
  changes!: CriterionChangeDto[];

  @ApiProperty({ description: 'Échéance pour compléter le dossier (après aujourd’hui)', example: '2026-05-31' })
  @IsBusinessDate()
  dueOn!: string;
}
