import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { DevelopersService } from '@keyport/developers';
import { AdminOnly } from '../auth/admin-only.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { developerIdParam } from '../http/developer-id-param';

@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/admin/developers')
export class AdminDevelopersController {
  constructor(private readonly developers: DevelopersService) {}

  @Post(':id/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Sign-up confirmed without the e-mailed code' })
  @ApiErrors(400, 401, 403, 404)
  async confirm(@Param('id', developerIdParam) id: string): Promise<void> {
    await this.developers.adminConfirm(id);
  }
}
