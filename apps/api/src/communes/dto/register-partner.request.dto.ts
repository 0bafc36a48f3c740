import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PARTNER_KINDS, type PartnerKind } from '@cdce/communes';
import { IsBusinessDate, IsClientId, IsProductList } from './field.validators';

export class RegisterPartnerRequestDto {
  @ApiProperty({
    description: 'Identifiant du partenaire (UUID choisi par le client ; son nom vit dans un annuaire)',
    format: 'uuid',
  })
  @IsClientId()
  partnerId!: string;

  @ApiProperty({
    description: 'Type de partenaire (commerce, horeca : critère 2 ; entreprise, organisation, école : critère 3)',
    enum: PARTNER_KINDS,
    example: 'horeca',
  })
  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;

  @ApiProperty({
    description: 'Produits équitables proposés (au moins 2 pour compter)',
    example: ['café', 'chocolat'],
    type: [String],
  })
  @IsProductList()
  fairTradeProducts!: string[];

  @ApiProperty({ description: "Date d'inscription du partenaire", example: '2026-01-30' })
  @IsBusinessDate()
  registeredOn!: string;
}
