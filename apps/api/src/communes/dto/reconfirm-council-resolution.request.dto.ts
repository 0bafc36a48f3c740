import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from './field.validators';

export class ReconfirmCouncilResolutionRequestDto {
  @ApiProperty({
    description: 'Date du vote du nouveau conseil communal qui reconfirme la délibération',
    example: '2025-03-17',
  })
  @IsBusinessDate()
  votedOn!: string;
}
