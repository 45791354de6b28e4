import { ApiProperty } from '@nestjs/swagger';
import { zoomReadNeedsOf } from '@zoom-oomnitza-sync/mapping';
import { IntegrationEntity } from './integration.entity';

/** What the integration's mapping makes a full sync ask of Zoom beyond a plain list of users. */
export class ZoomReadsDto {
  @ApiProperty({
    type: [String],
    example: ['job_title'],
    description: 'fields only GET /users/{userId} has: each listed user is read once more',
  })
  perUserSources: string[];

  @ApiProperty({ description: 'users are listed with include_fields=custom_attributes' })
  customAttributes: boolean;

  @ApiProperty({ example: 'full syncs list users only' })
  summary: string;
}

export type IntegrationView = IntegrationEntity & { zoomReads: ZoomReadsDto };

function summaryOf(perUserSources: string[], customAttributes: boolean): string {
  const parts = [
    ...(perUserSources.length > 0
      ? [`read each listed user once more (GET /users/{userId}, within the account’s Light rate limit) for ${perUserSources.join(', ')}`]
      : []),
    ...(customAttributes ? ['list users with their custom attributes'] : []),
  ];
  return parts.length === 0 ? 'full syncs list users only' : `full syncs ${parts.join(', and ')}`;
}

/** The integration as the API shows it: with what its mapping costs in calls to Zoom, said when it is saved. */
export function integrationView(integration: IntegrationEntity): IntegrationView {
  const { readSources, customAttributes } = zoomReadNeedsOf(integration);
  return Object.assign(integration, {
    zoomReads: { perUserSources: readSources, customAttributes, summary: summaryOf(readSources, customAttributes) },
  });
}
