import { ApiProperty } from '@nestjs/swagger';
import type { LinkTokenRequest } from '@lava/contracts';
import { IsString, MaxLength } from 'class-validator';

/**
 * The secret of an e-mailed link, in the request body: links carry it in the URL's fragment
 * (`/invitation#token=…`, never sent to a server) and the page posts it, so it never stands in a
 * URL that nginx, a proxy or the API logs. A text that cannot be one of ours is simply not found (404).
 */
export class LinkTokenDto implements LinkTokenRequest {
  @ApiProperty({ description: 'The token from the link’s fragment (#token=…).', example: 'k3J9…' })
  @IsString({ message: 'must be text' })
  @MaxLength(200)
  token!: string;
}
