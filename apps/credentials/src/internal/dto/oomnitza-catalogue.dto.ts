import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OOMNITZA_FIELD_TYPES,
  OomnitzaCatalogue,
  OomnitzaFieldInfo,
  OomnitzaFieldType,
  OomnitzaRoleInfo,
} from '@zoom-oomnitza-sync/contracts';

class OomnitzaFieldInfoDto implements OomnitzaFieldInfo {
  @ApiProperty({ description: 'The field id bulk records use', example: 'EMAIL' })
  id: string;

  @ApiProperty({ example: 'Email' })
  label: string;

  @ApiProperty({ enum: OOMNITZA_FIELD_TYPES })
  type: OomnitzaFieldType;

  @ApiProperty()
  unique: boolean;

  @ApiProperty()
  mandatory: boolean;

  @ApiPropertyOptional({ type: [String], description: "A dropdown's values" })
  values?: string[];
}

class OomnitzaRoleInfoDto implements OomnitzaRoleInfo {
  @ApiProperty({ example: 25 })
  id: number;

  @ApiProperty({ example: 'Employee' })
  name: string;
}

export class OomnitzaCatalogueDto implements OomnitzaCatalogue {
  @ApiProperty({ type: [OomnitzaFieldInfoDto], nullable: true, description: 'null: Oomnitza did not give its people fields' })
  fields: OomnitzaFieldInfoDto[] | null;

  @ApiProperty({ type: [OomnitzaRoleInfoDto], nullable: true, description: 'null: Oomnitza did not give its roles' })
  roles: OomnitzaRoleInfoDto[] | null;

  @ApiProperty({ type: [String], description: 'Why fields or roles are null' })
  unavailable: string[];
}
