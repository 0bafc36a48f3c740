import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from './field.validators';

export class RecordLocalElectionRequestDto {
  @ApiProperty({
    description: 'Date des élections communales (la délibération devra être reconfirmée)',
    example: '2024-10-13',
  })
  @IsBusinessDate()
  heldOn!: string;
}
