import { ApiProperty } from '@nestjs/swagger';
import { IsNisCode } from './field.validators';

/** Whether the sponsor holds the title is looked up by the server, never taken from the client. */
export class AssignSponsorRequestDto {
  @ApiProperty({ description: 'Code NIS de la commune marraine (elle doit détenir le titre)', example: '92094' })
  @IsNisCode()
  sponsorNis!: string;
}
