import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'lava:isPublic';

/** Opens a route to callers without a session. Every other route requires login. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
