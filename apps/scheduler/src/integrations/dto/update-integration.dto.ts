import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateIntegrationDto } from './create-integration.dto';

/** Fields left out keep their value; null is no value for any of them (400), never an un-set. */
export class UpdateIntegrationDto extends PartialType(OmitType(CreateIntegrationDto, ['installationType'] as const), {
  skipNullProperties: false,
}) {}
