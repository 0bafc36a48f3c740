import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

/** The criteria set in force and the commune's population are added by the server, never sent by the client. */
export class SubmitDossierRequestDto {
  @ApiPropertyOptional({
    description:
      "Déposer en sachant que des critères ne sont pas remplis (l'examinateur décidera) ; sans cela, un dossier incomplet est refusé (DOSSIER_INCOMPLETE)",
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  acknowledgeIncomplete?: boolean;
}
