import { Get } from '@nestjs/common';
import { AdminApi } from '../admin-api.decorator';
import { buildAdminOpenApiDocument } from './openapi-document';

/** The OpenAPI document, like every admin route, needs the admin key. */
@AdminApi('openapi.json')
export class OpenApiController {
  private readonly document = buildAdminOpenApiDocument();

  @Get()
  get(): object {
    return this.document;
  }
}
