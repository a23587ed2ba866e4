import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { AdminErrorFilter } from './admin-error.filter';
import { AdminGuard } from './admin.guard';

/** A controller under /admin/api: the admin key is required on every route, errors carry field paths. */
export function AdminApi(path: string): ClassDecorator {
  return applyDecorators(Controller(`admin/api/${path}`), UseGuards(AdminGuard), UseFilters(AdminErrorFilter));
}
