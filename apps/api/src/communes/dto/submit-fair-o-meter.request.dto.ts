import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNumber, Max, Min, ValidateNested } from 'class-validator';
import { FAIR_O_METER_BLOCK_MAX } from '@cdce/communes';
import { IsEdition } from './field.validators';

const block = (description: string, example: number) =>
  ApiProperty({
    description: `${description} (0 à ${FAIR_O_METER_BLOCK_MAX} points)`,
    example,
    minimum: 0,
    maximum: FAIR_O_METER_BLOCK_MAX,
  });

export class FairOMeterBlocksDto {
  @block('Politique communale', 20)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(FAIR_O_METER_BLOCK_MAX)
  communalPolicy!: number;

  @block('Communication', 18)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(FAIR_O_METER_BLOCK_MAX)
  communication!: number;

  @block('Événements', 15)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(FAIR_O_METER_BLOCK_MAX)
  events!: number;

  @block('Comité de pilotage', 22)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(FAIR_O_METER_BLOCK_MAX)
  steeringCommittee!: number;
}

export class FairOMeterFiguresDto {
  @ApiProperty({ description: 'Nombre de bénévoles actifs', example: 12, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  volunteers!: number;

  @ApiProperty({ description: "Nombre d'événements organisés", example: 6, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  events!: number;

  @ApiProperty({ description: 'Nombre de produits équitables proposés', example: 9, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  products!: number;
}

export class SubmitFairOMeterRequestDto {
  @ApiProperty({ description: 'Édition demandée par la coordination', example: '2027' })
  @IsEdition()
  edition!: string;

  @ApiProperty({ description: 'Les quatre blocs de l’auto-évaluation', type: FairOMeterBlocksDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FairOMeterBlocksDto)
  blocks!: FairOMeterBlocksDto;

  @ApiProperty({ description: 'Chiffres clés de la commune', type: FairOMeterFiguresDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FairOMeterFiguresDto)
  figures!: FairOMeterFiguresDto;
}
