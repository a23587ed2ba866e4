import { Controller, Get, Header } from '@nestjs/common';
import { ADMIN_DOCS_PAGE } from './admin-docs-page';

/** The docs page holds no data (it asks for the admin key and loads the document with it), so a browser can open it as is. */
@Controller('admin/api/docs')
export class AdminDocsController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return ADMIN_DOCS_PAGE;
  }
}
