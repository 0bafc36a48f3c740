import { ApiProperty } from '@nestjs/swagger';
import { IsTextList } from './field.validators';

export class OpenSupportPlanRequestDto {
  @ApiProperty({
    description: 'Difficultés rencontrées par la commune (au moins une)',
    example: ['Départ de la présidente du COPIL'],
    type: [String],
  })
  @IsTextList(1)
  difficulties!: string[];

  @ApiProperty({
    description: "Actions d'accompagnement prévues",
    example: ['Réunion de relance avec la commune marraine'],
    type: [String],
  })
  @IsTextList(0)
  plannedActions!: string[];
}
