import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** `minPosition`: the caller holds a position (from a command's response) and wants read models at least that fresh. */
export class ReadModelPositionQueryDto {
  @ApiPropertyOptional({
    description:
      "Attendre que les vues de lecture aient appliqué cette position du journal (renvoyée par une commande) ; 503 READ_MODEL_BEHIND si elles n'y arrivent pas à temps",
    example: '1234',
  })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'minPosition must be a whole number ≥ 0' })
  minPosition?: string;
}

export class ActivityQueryDto extends ReadModelPositionQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Matches(/^([1-9]\d?|1\d\d|200)$/, { message: 'limit must be a whole number from 1 to 200' })
  limit?: string;

  @ApiPropertyOptional({ description: 'Page suivante : la valeur `nextBefore` de la page précédente', example: '1200' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'before must be a whole number ≥ 0' })
  before?: string;
}

export class ReviewQueueQueryDto extends ReadModelPositionQueryDto {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Matches(/^([1-9]\d{0,1}|[1-4]\d\d|500)$/, { message: 'limit must be a whole number from 1 to 500' })
  limit?: string;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: 'offset must be a whole number ≥ 0' })
  offset?: string;
}
