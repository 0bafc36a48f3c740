import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** The criteria set in force and the commune's population are added by the server (population: see below). */
export class SubmitDossierRequestDto {
  @ApiPropertyOptional({
    description:
      "Déposer en sachant que des critères ne sont pas remplis (l'examinateur décidera) ; sans cela, un dossier incomplet est refusé (DOSSIER_INCOMPLETE)",
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  acknowledgeIncomplete?: boolean;

  @ApiPropertyOptional({
    description:
      "Population légale de l'époque, uniquement pour une commune disparue dans une fusion (les données de référence ne la donnent plus) ; ignorée sinon",
    example: 16077,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_000_000)
  population?: number;
}
