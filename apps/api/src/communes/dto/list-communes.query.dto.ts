import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { COMMUNE_STATUSES, type CommuneStatus } from '@cdce/communes';

export const SORT_KEYS = ['name', 'population', 'status', 'validUntil', 'updatedAt'] as const;
export const NAME_LANGUAGES = ['fr', 'nl', 'de'] as const;

export class ListCommunesQueryDto {
  @ApiPropertyOptional({ enum: COMMUNE_STATUSES })
  @IsOptional()
  @IsIn(COMMUNE_STATUSES)
  status?: CommuneStatus;

  @ApiPropertyOptional({ description: 'Province (nom français), ex. Namur' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  province?: string;

  @ApiPropertyOptional({ enum: ['wallonia', 'brussels'] })
  @IsOptional()
  @IsIn(['wallonia', 'brussels'])
  region?: 'wallonia' | 'brussels';

  @ApiPropertyOptional({ description: 'Recherche par nom (FR, NL ou DE ; sans accents ni majuscules)' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  q?: string;

  @ApiPropertyOptional({ enum: SORT_KEYS, default: 'name' })
  @IsOptional()
  @IsIn(SORT_KEYS)
  sort?: (typeof SORT_KEYS)[number];

  @ApiPropertyOptional({
    enum: NAME_LANGUAGES,
    default: 'fr',
    description: 'Langue des noms pour le tri par nom (le nom français quand une commune n’en a pas en allemand)',
  })
  @IsOptional()
  @IsIn(NAME_LANGUAGES)
  lang?: (typeof NAME_LANGUAGES)[number];

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class StateAtQueryDto {
  @ApiPropertyOptional({ description: 'Voir la commune telle qu’elle était à cette révision', example: '12' })
  @IsOptional()
  @Type(() => String)
  @IsString()
  @Length(1, 18)
  revision?: string;

  @ApiPropertyOptional({
    description: 'Voir la commune telle qu’elle était à cette date (ISO 8601)',
    example: '2020-06-30',
  })
  @IsOptional()
  @IsString()
  @Length(10, 30)
  at?: string;
}
