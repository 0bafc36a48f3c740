import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsPersonId } from '../communes/dto/field.validators';

export class RegisterPersonRequestDto {
  @ApiProperty({
    description:
      'Identifiant choisi par le client (UUID ou p-anne…) ; seul cet identifiant apparaît dans les événements',
    example: 'p-anne-dupont',
  })
  @IsPersonId()
  personId!: string;

  @ApiProperty({ example: 'Anne Dupont' })
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiProperty({ example: 'anne.dupont@example.org' })
  @IsEmail()
  @Length(3, 254)
  email!: string;

  @ApiPropertyOptional({ example: '+32 81 24 60 00' })
  @IsOptional()
  @Matches(/^[+0-9 ()./-]{6,30}$/, {
    message: 'phone must be a phone number (digits, spaces, +, -, /, . and parentheses)',
  })
  phone?: string;

  @ApiProperty({ enum: ['fr', 'nl', 'de'], description: 'Langue des courriels envoyés à cette personne' })
  @IsIn(['fr', 'nl', 'de'])
  language!: 'fr' | 'nl' | 'de';

  @ApiPropertyOptional({ example: ['échevine du commerce équitable'] })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  roles?: string[];
}

class EditablePersonFields {
  @ApiProperty({ example: 'Anne Dupont' }) @IsString() @Length(1, 200) fullName!: string;
  @ApiProperty({ example: 'anne.dupont@example.org' }) @IsEmail() @Length(3, 254) email!: string;
  @ApiProperty({ example: '+32 81 24 60 00' })
  @Matches(/^[+0-9 ()./-]{6,30}$/, {
    message: 'phone must be a phone number (digits, spaces, +, -, /, . and parentheses)',
  })
  phone!: string;
  @ApiProperty({ enum: ['fr', 'nl', 'de'] }) @IsIn(['fr', 'nl', 'de']) language!: 'fr' | 'nl' | 'de';
  @ApiProperty({ example: ['bénévole'] })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  roles!: string[];
}

/** Only the fields sent change; the person's communes are managed through the commune routes. */
export class UpdatePersonRequestDto extends PartialType(EditablePersonFields) {}
