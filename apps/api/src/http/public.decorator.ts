import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'cdce:public';

/** Marks an endpoint that needs no token (health, OpenAPI). Every other endpoint requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
