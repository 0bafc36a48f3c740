import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate, IsEdition } from './field.validators';

export class RequestFairOMeterRequestDto {
  @ApiProperty({ description: 'Édition du Fair-ô-mètre demandée', example: '2027' })
  @IsEdition()
  edition!: string;

  @ApiProperty({ description: 'Échéance de remise (après aujourd’hui)', example: '2027-06-30' })
  @IsBusinessDate()
  dueOn!: string;
}
